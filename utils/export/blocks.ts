// What every format starts from: a post's segments, each with the text to write (its draft, or
// its source when untranslated, as the options say), grouped back into the post's blocks — one
// list per list, one quote per quote, one table per table, an image with its caption.
import type { DraftRecord, PostRecord, Segment } from '../model';
import { safeHttpUrl } from '../safe-url';
import { parseMarkup, sourceMarkup, type MarkupNode } from './markup';

/** What to write for a segment without a draft: its source, marked (the default), nothing, or an empty slot. */
export type UntranslatedChoice = 'source' | 'skip' | 'empty';

export interface ExportOptions {
  untranslated?: UntranslatedChoice;
}

/** Where a segment's translation stands, as the XLIFF states say it. */
export type SegmentState = 'untranslated' | 'draft' | 'done';

export interface ExportItem {
  segment: Segment;
  state: SegmentState;
  /** The source's markup. */
  source: MarkupNode[];
  /** What the format writes: the draft, the source (marked untranslated) or nothing. */
  output: MarkupNode[];
  /** The output is the source standing in for a missing draft, and the format should say so. */
  showsSource: boolean;
  /** The draft's own text with its placeholders, '' when there is none. */
  draftText: string;
}

export type ExportBlock =
  | { kind: 'title'; item: ExportItem }
  | { kind: 'heading'; level: number; item: ExportItem }
  | { kind: 'paragraph'; item: ExportItem }
  | { kind: 'list'; ordered: boolean; items: ExportItem[] }
  | { kind: 'quote'; items: ExportItem[]; cite: ExportItem | null }
  | { kind: 'image'; image: { src: string; alt: string } | null; caption: ExportItem }
  | { kind: 'table'; rows: { cells: { header: boolean; item: ExportItem }[] }[] };

export interface ExportPost {
  post: PostRecord;
  /** The language the drafts are in. */
  lang: string;
  /** The post's source language, or `und` when the page did not say. */
  sourceLang: string;
  /** Every segment in order, untranslated ones included whatever the options say. */
  items: ExportItem[];
  /** The post's blocks, without the segments the options skip. */
  blocks: ExportBlock[];
}

/** Reads a post and its drafts in `lang` into items and blocks. Drafts of other posts or languages are ignored. */
export function preparePost(post: PostRecord, lang: string, drafts: DraftRecord[], options: ExportOptions = {}): ExportPost {
  const choice = options.untranslated ?? 'source';
  const byId = new Map<string, DraftRecord>();
  for (const draft of drafts) {
    if (draft.postKey === post.key && draft.lang === lang && !draft.deleted) byId.set(draft.segmentId, draft);
  }
  const items = post.segments.map((segment) => itemOf(segment, byId.get(segment.id), post.url, choice));
  const kept = choice === 'skip' ? items.filter((i) => i.state !== 'untranslated') : items;
  return { post, lang, sourceLang: post.sourceLanguage || 'und', items, blocks: groupBlocks(post, kept) };
}

function itemOf(segment: Segment, draft: DraftRecord | undefined, baseUrl: string, choice: UntranslatedChoice): ExportItem {
  const source = sourceMarkup(segment, baseUrl);
  const draftText = draft && draft.text.trim() !== '' ? draft.text : '';
  if (draftText) {
    const output = parseMarkup(draftText, segment.inline ?? [], baseUrl);
    return { segment, state: draft?.status === 'done' ? 'done' : 'draft', source, output, showsSource: false, draftText };
  }
  const showsSource = choice === 'source';
  return { segment, state: 'untranslated', source, output: showsSource ? source : [], showsSource, draftText: '' };
}

function headingLevel(segment: Segment): number {
  const match = /^h([1-6])$/.exec(segment.layout?.tag ?? '');
  return match ? Number(match[1]) : 2;
}

/** Is the first segment the post's title (rather than a heading of its body)? */
function isTitle(post: PostRecord, segment: Segment | undefined): boolean {
  if (!segment || segment.kind !== 'heading') return false;
  return segment.layout?.tag === 'h1' || (post.title !== null && segment.text === post.title.replace(/\s+/g, ' ').trim());
}

/**
 * Consecutive segments of one group form one block. Without layout (older records), consecutive
 * list items, quote lines and table cells still form one list, quote or table.
 */
function groupBlocks(post: PostRecord, items: ExportItem[]): ExportBlock[] {
  const blocks: ExportBlock[] = [];
  const titleSegment = post.segments[0];
  let previous: { item: ExportItem; block: ExportBlock } | null = null;
  for (const item of items) {
    const { segment } = item;
    const layout = segment.layout;
    const sameGroup =
      previous !== null &&
      previous.item.segment.kind === segment.kind &&
      previous.item.segment.layout?.group === layout?.group;
    if (segment === titleSegment && isTitle(post, segment)) {
      blocks.push({ kind: 'title', item });
      previous = null;
      continue;
    }
    let block: ExportBlock;
    switch (segment.kind) {
      case 'heading':
        block = { kind: 'heading', level: headingLevel(segment), item };
        blocks.push(block);
        break;
      case 'list-item':
        if (sameGroup && previous!.block.kind === 'list') {
          block = previous!.block;
          block.items.push(item);
        } else {
          block = { kind: 'list', ordered: layout?.list === 'ol' || layout?.tag === 'ol', items: [item] };
          blocks.push(block);
        }
        break;
      case 'quote': {
        const isCite = layout?.tag === 'cite' || layout?.tag === 'footer';
        if (sameGroup && previous!.block.kind === 'quote' && previous!.block.cite === null) {
          block = previous!.block;
          if (isCite) block.cite = item;
          else block.items.push(item);
        } else {
          block = { kind: 'quote', items: isCite ? [] : [item], cite: isCite ? item : null };
          blocks.push(block);
        }
        break;
      }
      case 'caption':
        block = { kind: 'image', image: safeImage(layout?.image, post.url), caption: item };
        blocks.push(block);
        break;
      case 'table-cell': {
        const header = layout?.tag === 'th';
        if (sameGroup && previous!.block.kind === 'table') {
          block = previous!.block;
          const sameRow = layout?.row !== undefined && layout.row === previous!.item.segment.layout?.row;
          if (sameRow) block.rows[block.rows.length - 1]!.cells.push({ header, item });
          else block.rows.push({ cells: [{ header, item }] });
        } else {
          block = { kind: 'table', rows: [{ cells: [{ header, item }] }] };
          blocks.push(block);
        }
        break;
      }
      default:
        block = { kind: 'paragraph', item };
        blocks.push(block);
    }
    previous = { item, block };
  }
  return blocks;
}

/** A caption's image, if its address is a web address (relative ones resolved against the post). */
function safeImage(image: { src: string; alt: string } | undefined, baseUrl: string): { src: string; alt: string } | null {
  if (!image) return null;
  let src: string | null = null;
  try {
    src = safeHttpUrl(new URL(image.src.trim(), baseUrl).href);
  } catch {
    src = null;
  }
  return src ? { src, alt: image.alt ?? '' } : null;
}

/** The items of a block, in order. */
export function itemsOf(block: ExportBlock): ExportItem[] {
  switch (block.kind) {
    case 'list':
      return block.items;
    case 'quote':
      return block.cite ? [...block.items, block.cite] : block.items;
    case 'image':
      return [block.caption];
    case 'table':
      return block.rows.flatMap((r) => r.cells.map((c) => c.item));
    default:
      return [block.item];
  }
}
