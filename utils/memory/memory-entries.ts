// Memory entries as the index names them, and where their texts come from: a draft is an entry
// of its post's segment (the source it translated), an imported unit is an entry of its own.
import { primaryLanguage } from '../languages';
import type { DraftRecord, PostRecord, Segment } from '../model';
import { plainSource } from './match-text';
import type { MemoryUnit } from './memory-types';

/** Between the parts of an entry id; no post key, language, segment or unit id holds it. */
export const ENTRY_SEPARATOR = '\u0001';
const SEP = ENTRY_SEPARATOR;

export function draftEntryId(postKey: string, lang: string, segmentId: string): string {
  return `d${SEP}${postKey}${SEP}${lang}${SEP}${segmentId}`;
}

export function unitEntryId(id: string): string {
  return `u${SEP}${id}`;
}

export type EntryRef = { kind: 'draft'; postKey: string; lang: string; segmentId: string } | { kind: 'unit'; id: string };

export function entryRef(id: string): EntryRef {
  const [kind, ...rest] = id.split(SEP);
  if (kind === 'u') return { kind: 'unit', id: rest[0]! };
  return { kind: 'draft', postKey: rest[0]!, lang: rest[1]!, segmentId: rest[2]! };
}

/** A language pair as memory and glossary key it: the source's primary language, the target's tag. */
export function pairKey(sourceLang: string | null | undefined, targetLang: string): string {
  return `${primaryLanguage(sourceLang) ?? 'und'}>${targetLang.toLowerCase()}`;
}

/** A draft worth remembering: it has text and is not deleted. */
export function isMemoryDraft(draft: DraftRecord | undefined): draft is DraftRecord {
  return !!draft && !draft.deleted && draft.text.trim() !== '';
}

/** The source a draft translated: the old text when its paragraph changed since, else its segment's. */
export function draftSource(draft: DraftRecord, segment: Segment | undefined): string | null {
  if (draft.sourceChange) return draft.sourceChange.oldText;
  return segment ? (segment.tagged ?? segment.text) : null;
}

/** A post's segments by id, with each one's neighbours' plain texts (for context matches). */
export interface PostSources {
  post: PostRecord;
  byId: Map<string, { segment: Segment; before: string; after: string }>;
}

export function postSources(post: PostRecord): PostSources {
  const byId = new Map<string, { segment: Segment; before: string; after: string }>();
  const plain = post.segments.map((s) => plainSource(s.tagged ?? s.text));
  post.segments.forEach((segment, i) => byId.set(segment.id, { segment, before: plain[i - 1] ?? '', after: plain[i + 1] ?? '' }));
  return { post, byId };
}

export function isLiveUnit(unit: MemoryUnit | undefined): unit is MemoryUnit {
  return !!unit && !unit.deleted;
}
