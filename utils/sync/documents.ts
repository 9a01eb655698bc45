// The draft documents Interlinear keeps on the server: one per (post, language, segment), so an
// edit to one paragraph uploads that paragraph only (a post's source: post-documents.ts). Everything
// read from the server is checked here: a shared database is not trusted input.
import type { ConcurrentEdit, DraftRecord, SourceChange } from '../model';
import { safeHttpUrl } from '../safe-url';
import { draftDocId } from './doc-ids';
import { isHlc } from './hlc';
import type { SegmentState } from './merge';

export interface DraftDoc {
  _id: string;
  _rev?: string;
  type: 'draft';
  post: string;
  lang: string;
  segment: string;
  text: string;
  deleted?: true;
  hlc: string;
  /** The stamp of the server text this one was written on top of. */
  base?: string;
  device?: string;
  user?: string;
  concurrent?: ConcurrentEdit[];
  reviewedAt?: string;
  /** The source the text was written for, when the post's source changed since. */
  sourceChange?: SourceChange;
  /** Absent: a draft. */
  status?: 'done';
}

/**
 * No document Interlinear writes is larger: Cloudant takes at most 1 MB a document
 * (cloud.ibm.com/docs/Cloudant?topic=Cloudant-limits), CouchDB 8 MB by default (max_document_size).
 */
export const MAX_DOCUMENT_BYTES = 1_000_000;

/** Longest draft text accepted from the server; far above any paragraph. */
const MAX_TEXT = 200_000;
const MAX_NAME = 200; // language tags, segment ids

export function segmentStateOf(draft: DraftRecord): SegmentState {
  const state: SegmentState = {
    text: draft.text,
    deleted: draft.deleted === true,
    hlc: draft.hlc!,
    concurrentEdits: draft.concurrentEdits ?? [],
  };
  if (draft.device) state.device = draft.device;
  if (draft.user) state.user = draft.user;
  if (draft.reviewedAt) state.reviewedAt = draft.reviewedAt;
  if (draft.sourceChange) state.sourceChange = draft.sourceChange;
  if (draft.status === 'done') state.status = 'done';
  return state;
}

export function segmentStateOfDoc(doc: DraftDoc): SegmentState {
  const state: SegmentState = {
    text: doc.text,
    deleted: doc.deleted === true,
    hlc: doc.hlc,
    concurrentEdits: doc.concurrent ?? [],
  };
  if (doc.device) state.device = doc.device;
  if (doc.user) state.user = doc.user;
  if (doc.reviewedAt) state.reviewedAt = doc.reviewedAt;
  if (doc.sourceChange) state.sourceChange = doc.sourceChange;
  if (doc.base) state.base = doc.base;
  if (doc.status === 'done') state.status = 'done';
  return state;
}

/** The body to push for a draft. Empty optional fields are left out: bytes count. */
export function draftDoc(draft: DraftRecord, rev: string | undefined, base: string | undefined): DraftDoc {
  const doc: DraftDoc = {
    _id: draftDocId(draft.postKey, draft.lang, draft.segmentId),
    type: 'draft',
    post: draft.postKey,
    lang: draft.lang,
    segment: draft.segmentId,
    text: draft.text,
    hlc: draft.hlc!,
  };
  if (rev) doc._rev = rev;
  if (draft.deleted) doc.deleted = true;
  if (base && base !== draft.hlc) doc.base = base;
  if (draft.device) doc.device = draft.device;
  if (draft.user) doc.user = draft.user;
  if (draft.concurrentEdits?.length) doc.concurrent = draft.concurrentEdits;
  if (draft.reviewedAt) doc.reviewedAt = draft.reviewedAt;
  if (draft.sourceChange) doc.sourceChange = { oldText: draft.sourceChange.oldText };
  if (draft.status === 'done') doc.status = 'done';
  return doc;
}

/**
 * A draft's document within MAX_DOCUMENT_BYTES: the oldest edits made elsewhere go first (each is
 * in this device's history); null when the text alone is too large to sync.
 */
export function draftDocWithin(doc: DraftDoc, limit = MAX_DOCUMENT_BYTES): DraftDoc | null {
  // A draft's strings at 6 bytes a character (JSON escapes included) bound its size: most are far under.
  const strings = [doc.text, doc.post, doc.sourceChange?.oldText ?? '', ...(doc.concurrent ?? []).map((e) => e.text)];
  if (strings.reduce((sum, text) => sum + text.length, 0) * 6 + 2_000 <= limit) return doc;
  let fitting = doc;
  while (jsonBytes(fitting) > limit) {
    if (!fitting.concurrent?.length) return null;
    const concurrent = fitting.concurrent.slice(Math.ceil(fitting.concurrent.length / 2));
    fitting = { ...fitting, concurrent };
    if (concurrent.length === 0) delete fitting.concurrent;
  }
  return fitting;
}

/** The bytes of a value as JSON in UTF-8, counted without building an encoder's buffer. */
export function jsonBytes(value: unknown): number {
  return utf8Bytes(JSON.stringify(value));
}

export function utf8Bytes(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 2; // a surrogate pair: 4 bytes for 2 code units
      i++;
    } else if (code >= 0x800) bytes += 2;
    else if (code >= 0x80) bytes += 1;
  }
  return bytes;
}

export const isString = (v: unknown): v is string => typeof v === 'string';
const isOptionalString = (v: unknown) => v === undefined || isString(v);
export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function isEdit(v: unknown): v is ConcurrentEdit {
  return (
    isObject(v) &&
    isString(v.text) &&
    v.text.length <= MAX_TEXT &&
    isHlc(v.hlc) &&
    (v.deleted === undefined || typeof v.deleted === 'boolean') &&
    isOptionalString(v.device) &&
    isOptionalString(v.user)
  );
}

/** A draft document as read from the server, or null when it is not one (or lies about its id). */
export function parseDraftDoc(raw: unknown): DraftDoc | null {
  if (!isObject(raw) || raw.type !== 'draft') return null;
  const { _id, post, lang, segment, text, hlc } = raw;
  if (!isString(_id) || !isString(post) || !isString(lang) || !isString(segment) || !isString(text)) return null;
  if (!isHlc(hlc) || text.length > MAX_TEXT || lang.length > MAX_NAME || segment.length > MAX_NAME) return null;
  if (!safeHttpUrl(post) || _id !== draftDocId(post, lang, segment)) return null;
  if (!isOptionalString(raw.device) || !isOptionalString(raw.user) || !isOptionalString(raw._rev)) return null;
  if (raw.base !== undefined && !isHlc(raw.base)) return null;
  if (raw.reviewedAt !== undefined && !isHlc(raw.reviewedAt)) return null;
  if (raw.concurrent !== undefined && !(Array.isArray(raw.concurrent) && raw.concurrent.every(isEdit))) return null;
  if (raw.sourceChange !== undefined && !isSourceChange(raw.sourceChange)) return null;
  if (raw.status !== undefined && raw.status !== 'done' && raw.status !== 'draft') return null;
  // Only the fields Interlinear knows go on: a shared database may hold anything.
  const doc: DraftDoc = { _id, type: 'draft', post, lang, segment, text, hlc };
  if (isString(raw._rev)) doc._rev = raw._rev;
  if (raw.deleted === true) doc.deleted = true;
  if (isString(raw.base)) doc.base = raw.base;
  if (isString(raw.device)) doc.device = raw.device;
  if (isString(raw.user)) doc.user = raw.user;
  if (isString(raw.reviewedAt)) doc.reviewedAt = raw.reviewedAt;
  if (isSourceChange(raw.sourceChange)) doc.sourceChange = { oldText: raw.sourceChange.oldText };
  if (raw.status === 'done') doc.status = 'done';
  if (Array.isArray(raw.concurrent) && raw.concurrent.length) doc.concurrent = (raw.concurrent as ConcurrentEdit[]).map(cleanEdit);
  return doc;
}

function isSourceChange(v: unknown): v is SourceChange {
  return isObject(v) && isString(v.oldText) && v.oldText.length <= MAX_TEXT;
}

function cleanEdit({ text, hlc, deleted, device, user }: ConcurrentEdit): ConcurrentEdit {
  const edit: ConcurrentEdit = { text, hlc };
  if (deleted) edit.deleted = true;
  if (device !== undefined) edit.device = device;
  if (user !== undefined) edit.user = user;
  return edit;
}
