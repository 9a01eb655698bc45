// Server document ids: deterministic, so every device names a draft the same way and a retried push
// updates instead of duplicating; and safe: only [a-z0-9:-], never starting with "_" (CouchDB keeps
// those for itself), short enough for URLs.
import { GLOSSARY_PREFIX } from '../glossary/glossary-docs';
import { UNIT_PREFIX } from '../memory/unit-docs';
import { hashText } from '../segment/ids';

export const DRAFT_PREFIX = 'draft:';
export const POST_PREFIX = 'post:';
/** A part of a post's source (utils/sync/post-documents.ts). */
export const POST_PART_PREFIX = 'postpart:';
/** Every prefix Interlinear writes under; a new kind of document adds its own. */
const PREFIXES = [DRAFT_PREFIX, POST_PREFIX, POST_PART_PREFIX, GLOSSARY_PREFIX, UNIT_PREFIX];
const SAFE_PART = /^[a-z0-9-]{1,64}$/;
const SAFE_ID = /^[a-z][a-z0-9:-]*$/;

/** 106 bits of two seeded cyrb53 hashes in base 36: collisions between posts are out of reach. */
export function postHash(postKey: string): string {
  return hashText(postKey, 1).toString(36).padStart(11, '0') + hashText(postKey, 2).toString(36).padStart(11, '0');
}

/** A part as is when already safe, else a hash of it (the document body keeps the real value). */
function safePart(part: string): string {
  return SAFE_PART.test(part) ? part : `x${hashText(part, 3).toString(36)}`;
}

/** Language tags are case-insensitive ("pt-BR" is "pt-br"), so lower case names the same language. */
export function draftDocId(postKey: string, lang: string, segmentId: string): string {
  return `${DRAFT_PREFIX}${postHash(postKey)}:${safePart(lang.toLowerCase())}:${safePart(segmentId)}`;
}

export function postDocId(postKey: string): string {
  return `${POST_PREFIX}${postHash(postKey)}`;
}

export function isSafeDocId(id: string): boolean {
  return SAFE_ID.test(id) && id.length <= 200;
}

/** Only documents Interlinear writes; anything else in a shared database is left alone. */
export function isInterlinearDocId(id: string): boolean {
  return PREFIXES.some((prefix) => id.startsWith(prefix)) && isSafeDocId(id);
}
