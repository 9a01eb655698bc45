// The documents Interlinear keeps on the server: one per (post, language, segment) draft, so an
// edit to one paragraph uploads that paragraph only, and one per post with its source segments.
// Everything read from the server is checked here: a shared database is not trusted input.
import type { CallToAction, ConcurrentEdit, DraftRecord, PostRecord, Segment, SegmentKind, SourceChange } from '../model';
import { storedSegment } from '../segment/stored-segment';
import { safeHttpUrl } from '../safe-url';
import { draftDocId, postDocId } from './doc-ids';
import { isHlc } from './hlc';
import type { SegmentState } from './merge';
import type { EntryDoc } from '../store/entry-sync';

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

/** A post's source as the server keeps it: the store's record less this device's choices. */
export interface PostDoc extends Pick<PostRecord, 'key' | 'url' | 'title' | 'sourceLanguage' | 'cta' | 'segments'> {
  _id: string;
  _rev?: string;
  type: 'post';
  hlc: string;
}

export type SyncDoc = DraftDoc | PostDoc | EntryDoc;

/** Longest draft text accepted from the server; far above any paragraph. */
const MAX_TEXT = 200_000;
const MAX_NAME = 200; // language tags, segment ids
const MAX_SEGMENTS = 50_000;
const KINDS: ReadonlySet<SegmentKind> = new Set(['heading', 'paragraph', 'list-item', 'quote', 'caption', 'table-cell']);

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

export function postDoc(post: PostRecord, rev: string | undefined): PostDoc {
  const doc: PostDoc = {
    _id: postDocId(post.key),
    type: 'post',
    key: post.key,
    url: post.url,
    title: post.title,
    sourceLanguage: post.sourceLanguage,
    cta: post.cta,
    segments: post.segments,
    hlc: post.hlc!,
  };
  if (rev) doc._rev = rev;
  return doc;
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isOptionalString = (v: unknown) => v === undefined || isString(v);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

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

function isSegment(v: unknown): v is Segment {
  return isObject(v) && isString(v.id) && isString(v.text) && KINDS.has(v.kind as SegmentKind);
}

function isCta(v: unknown): v is CallToAction | null {
  if (v === null) return true;
  return (
    isObject(v) &&
    (v.startUrl === null || isString(v.startUrl)) &&
    Array.isArray(v.targetLanguages) &&
    v.targetLanguages.every((t) => isObject(t) && isString(t.code) && isString(t.name))
  );
}

export function parsePostDoc(raw: unknown): PostDoc | null {
  if (!isObject(raw) || raw.type !== 'post') return null;
  const { _id, key, url, title, sourceLanguage, cta, segments, hlc } = raw;
  if (!isString(_id) || !isString(key) || !isString(url) || _id !== postDocId(key) || !isHlc(hlc)) return null;
  if (!safeHttpUrl(key) || !safeHttpUrl(url)) return null; // posts live on the web, nowhere else
  if (!(title === null || isString(title)) || !(sourceLanguage === null || isString(sourceLanguage))) return null;
  if (!isCta(cta) || !Array.isArray(segments) || segments.length > MAX_SEGMENTS || !segments.every(isSegment)) return null;
  return {
    _id,
    ...(isString(raw._rev) ? { _rev: raw._rev } : {}),
    type: 'post',
    key,
    url,
    title,
    sourceLanguage,
    cta: cta && { startUrl: cta.startUrl, targetLanguages: cta.targetLanguages.map(({ code, name }) => ({ code, name })) },
    segments: segments.map(pulledSegment),
    hlc,
  };
}

const TAG_NAME = /^[a-z][a-z0-9]{0,15}$/;
const ATTRIBUTES = new Set(['href', 'title', 'lang', 'dir', 'src', 'alt']);

/**
 * A segment as another device wrote it: its placeholders and layout are kept when well-formed
 * (exports rebuild markup from them, and escape it), and dropped, leaving plain text, otherwise.
 */
function pulledSegment(raw: Segment): Segment {
  const { id, kind, text, tagged, inline, layout } = raw;
  const wellFormedInline =
    isString(tagged) &&
    Array.isArray(inline) &&
    inline.length <= 2_000 &&
    inline.every(
      (e) =>
        isObject(e) &&
        isString(e.tag) &&
        TAG_NAME.test(e.tag) &&
        (e.empty === undefined || typeof e.empty === 'boolean') &&
        (e.attrs === undefined ||
          (isObject(e.attrs) && Object.entries(e.attrs).every(([k, v]) => ATTRIBUTES.has(k) && isString(v) && v.length <= 8_192))),
    );
  const wellFormedLayout = isObject(layout) && isString(layout.tag) && TAG_NAME.test(layout.tag);
  return storedSegment({
    id,
    kind,
    text,
    ...(wellFormedInline ? { tagged, inline } : {}),
    ...(wellFormedLayout ? { layout } : {}),
  });
}
