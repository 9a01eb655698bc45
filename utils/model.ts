// The shapes every part of Interlinear shares: what the page offers, what the store keeps.

export type SegmentKind = 'heading' | 'paragraph' | 'list-item' | 'quote' | 'caption' | 'table-cell';

/** One translatable unit of a post, in reading order. `id` is stable across reloads of the same text. */
export interface Segment {
  id: string;
  kind: SegmentKind;
  /** The segment's text, whitespace collapsed and trimmed. */
  text: string;
  /**
   * `text` with its inline markup as numbered placeholders (utils/segment/placeholders.ts):
   * `See our ⟨1⟩previous post⟨/1⟩.` Absent when the segment holds no inline markup.
   */
  tagged?: string;
  /** The inline elements behind the placeholders: placeholder n is `inline[n - 1]`. */
  inline?: InlineElement[];
  /** Where the segment sits in the post's structure, so exports can rebuild blocks. */
  layout?: SegmentLayout;
}

/** An inline element of the source, shown in source and draft as a placeholder. */
export interface InlineElement {
  /** Lower-case tag name: a, strong, b, em, i, code, sup, sub, abbr, mark, s, u, small, span, img, br… */
  tag: string;
  /** Only the attributes an export rebuilds (href, title, lang, dir, src, alt), never handlers or style. */
  attrs?: Record<string, string>;
  /** An element without text of its own (an image): written `⟨n/⟩`. */
  empty?: boolean;
}

export interface SegmentLayout {
  /** The element the segment's text came from: p, h2, li, blockquote, figcaption, td, th, dt, dd… */
  tag: string;
  /**
   * The enclosing list, table, quote or figure, numbered in post order: consecutive segments with
   * the same group export as one block (one <ul>, one <table>, one quote).
   */
  group?: number;
  /** The group enclosing `group` (a sub-list's list, a list in a quote); absent at the top level. */
  parentGroup?: number;
  /** For list items: the kind of list. */
  list?: 'ol' | 'ul';
  /** For table cells: the row, numbered within the table. */
  row?: number;
  /** For captions: the image the caption belongs to. */
  image?: { src: string; alt: string };
}

/** Where a segment's draft stands. No draft, or an empty one, is untranslated. */
export type DraftStatus = 'draft' | 'done';

export interface TargetLanguage {
  /** A BCP-47 tag, as the page names it (Polylang's `new_lang` values). */
  code: string;
  /** The name as the page shows it. */
  name: string;
}

export interface CallToAction {
  /** Where the site's own "start translation" leads: the login link, or Polylang's form as a GET URL. */
  startUrl: string | null;
  targetLanguages: TargetLanguage[];
}

/** What detection reports for one page: exactly the `detect` command's JSON. */
export interface Detection {
  detected: boolean;
  title: string | null;
  sourceLanguage: string | null;
  cta: CallToAction | null;
  segments: Segment[];
  /** 0–1: how sure detection is that the page invites its readers to translate it. */
  confidence?: number;
  /** Short, human-readable reasons for that confidence, strongest first. */
  evidence?: string[];
}

/** A post as the content script reports it: a detection plus where it lives. */
export interface PostSnapshot extends Detection {
  /** The post's identity: its canonical address without query or fragment. */
  key: string;
  /** The address the reader opened. */
  url: string;
  /** The post's id on its WordPress site, where the page says it (utils/wordpress/addresses.ts). */
  wordpressPostId?: number;
}

/** A post as the store keeps it. */
export interface PostRecord {
  key: string;
  url: string;
  title: string | null;
  sourceLanguage: string | null;
  cta: CallToAction | null;
  segments: Segment[];
  /** The target language the translator last chose for this post. */
  targetLanguage: string | null;
  firstSeen: number;
  lastSeen: number;
  /** Sync: when this device last saw the post's source change (hybrid logical clock, utils/sync/hlc.ts). */
  hlc?: string;
  /** The post's id on its WordPress site, as its page last said. This device only. */
  wordpressPostId?: number;
  /** By target language: the WordPress post its drafts were filled into and saved as. This device only. */
  wordpressDrafts?: Record<string, WordPressDraft>;
}

/** A translation handed over to WordPress: saved on `site` as post `postId`. */
export interface WordPressDraft {
  /** The site's origin (`https://diff.wikimedia.org`). */
  site: string;
  postId: number;
  savedAt: number;
}

/** The current draft of one segment in one target language. */
export interface DraftRecord {
  postKey: string;
  lang: string;
  segmentId: string;
  text: string;
  /** 'done' once the translator marks it so; any other draft is 'draft'. Absent means 'draft'. */
  status?: DraftStatus;
  /** Counts the saved changes of this draft, from 1. */
  rev: number;
  updatedAt: number;
  /** Sync: when this text was written, by a hybrid logical clock (utils/sync/hlc.ts); set from schema v2. */
  hlc?: string;
  /** Sync: the device (its name) and the sync user that wrote this text. */
  device?: string;
  user?: string;
  /** The draft was deleted: a tombstone (text is '') that any later edit wins over. */
  deleted?: boolean;
  /**
   * Edits of this segment made elsewhere at the same time as the one shown ("edited elsewhere —
   * review"). Non-empty means the views should flag the segment; each text is also in its history.
   */
  concurrentEdits?: ConcurrentEdit[];
  /** Sync: concurrent edits stamped at or before this were reviewed and are no longer flagged. */
  reviewedAt?: string;
  /**
   * The post's source changed under this draft since it was written: the source it translated.
   * Flagged until the translator confirms the draft. A draft whose segment is no longer in the
   * post is orphaned, and this is the removed paragraph (utils/store/source-moves.ts).
   */
  sourceChange?: SourceChange;
}

export interface SourceChange {
  oldText: string;
}

/** One version of a segment's draft written on some device, as sync compares them. */
export interface ConcurrentEdit {
  text: string;
  deleted?: boolean;
  hlc: string;
  device?: string;
  user?: string;
}

/** One saved change of a draft, kept for history. */
export interface RevisionRecord {
  postKey: string;
  lang: string;
  segmentId: string;
  rev: number;
  text: string;
  at: number;
  /** Sync: the device (name) and user that wrote this text; absent for this device before sync. */
  device?: string;
  user?: string;
  /** Sync: the text's hybrid-logical-clock stamp. */
  hlc?: string;
  /**
   * How it got here: typed on this device, pulled from the server, kept from a concurrent edit,
   * imported from a file, restored from the history (or an undo), moved with its paragraph, or
   * inserted from translation memory (with the match's percent in `memoryMatch`).
   */
  origin?: 'local' | 'pulled' | 'concurrent' | 'imported' | 'restored' | 'moved' | 'memory';
  /** For origin 'memory': the match's percent (101 context, 100 exact, else fuzzy). */
  memoryMatch?: number;
  /** The draft's status with this change; absent means 'draft'. */
  status?: DraftStatus;
}

/** One saved change as the history shows it. */
export interface HistoryEntry extends Omit<RevisionRecord, 'postKey' | 'lang' | 'segmentId'> {
  /** The revision's own key: what a restore names. */
  id: number;
}

/** A segment's saved changes, as a view asks for them. */
export interface SegmentHistory {
  /** Newest first, at most HISTORY_LIMIT (utils/store/history-service.ts) of them. */
  entries: HistoryEntry[];
  /** How many saved changes the segment has in all. */
  total: number;
}

/** Drafts just deleted, as an Undo restores them. */
export interface DeletedDrafts {
  postKey: string;
  lang: string;
  segmentIds: string[];
}

export interface Progress {
  total: number;
  /** Segments with a non-empty draft (done ones included). */
  drafted: number;
  /** Segments whose non-empty draft is marked done. */
  done: number;
}

/** A post the translator has drafts for, for the "your drafts" list. */
export interface PostSummary {
  key: string;
  url: string;
  title: string | null;
  lang: string;
  progress: Progress;
  updatedAt: number;
  /** Where these drafts went in WordPress, once saved there. */
  wordpressDraft?: WordPressDraft;
}

export function progressOf(
  segments: Segment[],
  drafts: Iterable<Pick<DraftRecord, 'segmentId' | 'text' | 'status'>>,
): Progress {
  const ids = new Set(segments.map((s) => s.id));
  let drafted = 0;
  let done = 0;
  for (const d of drafts) {
    if (!ids.has(d.segmentId) || d.text.trim() === '') continue;
    drafted++;
    if (d.status === 'done') done++;
  }
  return { total: segments.length, drafted, done };
}
