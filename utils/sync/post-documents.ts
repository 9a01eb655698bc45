// A post's source on the server: a head document (title, language, call to action, the list of its
// parts) and the segments in parts of at most PART_BYTES each, so that no document Interlinear
// writes comes near the 1 MB a Cloudant document may have (cloud.ibm.com/docs/Cloudant?topic=
// Cloudant-limits), whatever the post's length. A part's id is a hash of what it holds: parts never
// change, a push of a part the server has is a no-op (409), and parts are written before the head
// that names them, so a device that reads a head finds its parts.
import type { CallToAction, PostRecord, Segment, SegmentKind } from '../model';
import { hashText } from '../segment/ids';
import { storedSegment } from '../segment/stored-segment';
import { safeHttpUrl } from '../safe-url';
import { postDocId, postHash, POST_PART_PREFIX } from './doc-ids';
import { isHlc } from './hlc';
import { isObject, isString, jsonBytes } from './documents';

/** A post's source as the server keeps it: the store's record less this device's choices. */
export interface PostDoc extends Pick<PostRecord, 'key' | 'url' | 'title' | 'sourceLanguage' | 'cta' | 'segments'> {
  _id: string;
  _rev?: string;
  type: 'post';
  hlc: string;
  /** The parts the segments came from (absent for a head of the older, single-document shape). */
  parts?: string[];
}

/** The head as written: `parts` instead of `segments`. */
export interface PostHeadDoc extends Omit<PostDoc, 'segments' | 'parts'> {
  parts: string[];
  segmentCount: number;
}

export interface PostPartDoc {
  _id: string;
  _rev?: string;
  type: 'post-part';
  post: string;
  segments: Segment[];
}

/** Segments per part are bounded by bytes, not count: paragraphs differ a hundredfold in length. */
export const PART_BYTES = 256 * 1024;
const MAX_SEGMENTS = 50_000;
const MAX_PARTS = 1_000;
const KINDS: ReadonlySet<SegmentKind> = new Set(['heading', 'paragraph', 'list-item', 'quote', 'caption', 'table-cell']);

export function postPartId(postKey: string, segments: readonly Segment[]): string {
  const json = JSON.stringify(segments);
  return `${POST_PART_PREFIX}${postHash(postKey)}:${hashText(json, 4).toString(36)}${hashText(json, 5).toString(36)}`;
}

/** The head and the parts of a post's source, in the order they must reach the server: parts first. */
export function postDocs(post: PostRecord, rev: string | undefined): { head: PostHeadDoc; parts: PostPartDoc[] } {
  const parts: PostPartDoc[] = [];
  let run: Segment[] = [];
  let bytes = 0;
  const close = () => {
    if (run.length === 0) return;
    parts.push({ _id: postPartId(post.key, run), type: 'post-part', post: post.key, segments: run });
    run = [];
    bytes = 0;
  };
  for (const segment of post.segments) {
    const size = jsonBytes(segment);
    if (bytes + size > PART_BYTES) close();
    run.push(segment);
    bytes += size;
  }
  close();
  const head: PostHeadDoc = {
    _id: postDocId(post.key),
    type: 'post',
    key: post.key,
    url: post.url,
    title: post.title,
    sourceLanguage: post.sourceLanguage,
    cta: post.cta,
    parts: parts.map((part) => part._id),
    segmentCount: post.segments.length,
    hlc: post.hlc!,
  };
  if (rev) head._rev = rev;
  return { head, parts };
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

function isSegment(v: unknown): v is Segment {
  return isObject(v) && isString(v.id) && isString(v.text) && KINDS.has(v.kind as SegmentKind);
}

/** The parts a head names (none for a head of the older, single-document shape). */
export function partsOfHead(raw: unknown): string[] {
  if (!isObject(raw) || raw.type !== 'post' || !Array.isArray(raw.parts) || raw.parts.length > MAX_PARTS) return [];
  const key = raw.key;
  return raw.parts.filter((id): id is string => isString(id) && isString(key) && id.startsWith(`${POST_PART_PREFIX}${postHash(key)}:`));
}

/**
 * A post document as read from the server, with its segments gathered from its parts (`parts` maps
 * id → raw part); null when it is not a well-formed post or a part is missing. Heads of the older
 * shape, with `segments` inline, are read too.
 */
export function parsePostDoc(raw: unknown, parts: ReadonlyMap<string, unknown> = new Map()): PostDoc | null {
  if (!isObject(raw) || raw.type !== 'post') return null;
  const { _id, key, url, title, sourceLanguage, cta, hlc } = raw;
  if (!isString(_id) || !isString(key) || !isString(url) || _id !== postDocId(key) || !isHlc(hlc)) return null;
  if (!safeHttpUrl(key) || !safeHttpUrl(url)) return null; // posts live on the web, nowhere else
  if (!(title === null || isString(title)) || !(sourceLanguage === null || isString(sourceLanguage))) return null;
  if (!isCta(cta)) return null;
  let segments: unknown[];
  if (Array.isArray(raw.parts)) {
    const ids = partsOfHead(raw);
    if (ids.length !== raw.parts.length) return null;
    segments = [];
    for (const id of ids) {
      const part = parts.get(id);
      if (!isObject(part) || part.type !== 'post-part' || part._id !== id || part.post !== key || !Array.isArray(part.segments)) return null;
      segments.push(...part.segments);
      if (segments.length > MAX_SEGMENTS) return null;
    }
  } else if (Array.isArray(raw.segments)) segments = raw.segments;
  else return null;
  if (segments.length > MAX_SEGMENTS || !segments.every(isSegment)) return null;
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
    ...(Array.isArray(raw.parts) ? { parts: partsOfHead(raw) } : {}),
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
