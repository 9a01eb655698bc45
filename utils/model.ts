// The shapes every part of Interlinear shares: what the page offers, what the store keeps.

export type SegmentKind = 'heading' | 'paragraph' | 'list-item' | 'quote' | 'caption' | 'table-cell';

/** One translatable unit of a post, in reading order. `id` is stable across reloads of the same text. */
export interface Segment {
  id: string;
  kind: SegmentKind;
  /** The segment's text, whitespace collapsed and trimmed. */
  text: string;
}

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
}

/** A post as the content script reports it: a detection plus where it lives. */
export interface PostSnapshot extends Detection {
  /** The post's identity: its canonical address without query or fragment. */
  key: string;
  /** The address the reader opened. */
  url: string;
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
}

/** The current draft of one segment in one target language. */
export interface DraftRecord {
  postKey: string;
  lang: string;
  segmentId: string;
  text: string;
  /** Counts the saved changes of this draft, from 1. */
  rev: number;
  updatedAt: number;
}

/** One saved change of a draft, kept for history. */
export interface RevisionRecord {
  postKey: string;
  lang: string;
  segmentId: string;
  rev: number;
  text: string;
  at: number;
}

export interface Progress {
  total: number;
  /** Segments with a non-empty draft. */
  drafted: number;
}

/** A post the translator has drafts for, for the "your drafts" list. */
export interface PostSummary {
  key: string;
  url: string;
  title: string | null;
  lang: string;
  progress: Progress;
  updatedAt: number;
}

export function progressOf(segments: Segment[], drafts: Iterable<Pick<DraftRecord, 'segmentId' | 'text'>>): Progress {
  const ids = new Set(segments.map((s) => s.id));
  let drafted = 0;
  for (const d of drafts) if (ids.has(d.segmentId) && d.text.trim() !== '') drafted++;
  return { total: segments.length, drafted };
}
