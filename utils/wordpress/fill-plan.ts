// What filling the block editor with a post's drafts changes, decided without the page: each
// segment's text is replaced in place by its draft, in the block it came from, with the editor's
// own inline tags around the placeholders' words; an editor that holds nothing gets the post as
// blocks (the block markup export). The page then only applies the plan (page-world.ts).
import { preparePost, type ExportItem } from '../export/blocks';
import { escapeHtml, plainText, type MarkupNode } from '../export/markup';
import { UNTRANSLATED_CLASS, blockMarkupOfPost, richTextHtml } from '../export/wordpress';
import type { DraftRecord, InlineElement, PostRecord, Segment } from '../model';
import { closeToken, openToken } from '../segment/placeholders';
import { isEmptyEditor, type AttributePath, type EditorReading } from './editor-state';
import { readRichText, type InlineTag } from './inline-html';
import { matchSegments, textSlots, type TextSlot } from './match-blocks';

/** What becomes of a segment without a draft: its source stays, marked (as the export does), or it is emptied. */
export type UntranslatedInEditor = 'source' | 'skip';

/** One text (or the block's classes) to write: `value` is HTML. */
export interface TextEdit {
  clientId: string;
  path: AttributePath;
  value: string;
  /** The segment whose draft it is. */
  segmentId?: string;
}

export interface FillPlan {
  /** The post's title to set; null leaves the editor's as it is. */
  title: string | null;
  /** Texts replaced in place. */
  edits: TextEdit[];
  /** For an empty editor: the whole post as block markup (without its title); null otherwise. */
  markup: string | null;
}

export interface FillSummary {
  /** 'in-place': the editor held the source's blocks; 'inserted': it was empty. */
  mode: 'in-place' | 'inserted';
  /** Drafts written, the title's included. */
  filled: number;
  /** Segments without a draft left in the source language. */
  kept: number;
  /** Segments without a draft left out. */
  leftOut: number;
  /** Drafts whose text the editor does not hold: what the translator can still copy by hand. */
  notFound: Array<{ segmentId: string; text: string }>;
}

export interface FillInput {
  post: PostRecord;
  lang: string;
  drafts: DraftRecord[];
  editor: Pick<EditorReading, 'blocks' | 'title'>;
  untranslated: UntranslatedInEditor;
}

/** Blocks whose source text, kept, is marked on the block itself (as the block markup export does). */
const MARKED_AS_BLOCK: ReadonlySet<string> = new Set(['core/paragraph', 'core/heading']);

export function planFill(input: FillInput): { plan: FillPlan; summary: FillSummary } {
  return isEmptyEditor(input.editor) ? planInsert(input) : planInPlace(input);
}

function planInPlace({ post, lang, drafts, editor, untranslated }: FillInput): { plan: FillPlan; summary: FillSummary } {
  const prepared = preparePost(post, lang, drafts, { untranslated: 'source' });
  const titleItem = prepared.blocks[0]?.kind === 'title' ? prepared.blocks[0].item : null;
  const items = prepared.items.filter((item) => item !== titleItem);
  const slots = textSlots(editor.blocks);
  const matches = matchSegments(
    items.map((item) => ({ text: item.segment.text, also: item.draftText ? plainText(item.output) : undefined })),
    slots,
  );
  const summary: FillSummary = { mode: 'in-place', filled: 0, kept: 0, leftOut: 0, notFound: [] };
  const edits: TextEdit[] = [];
  items.forEach((item, i) => {
    const slot = slots[matches[i]!];
    const drafted = item.state !== 'untranslated';
    if (!slot) {
      if (drafted) summary.notFound.push({ segmentId: item.segment.id, text: plainText(item.output) });
      return;
    }
    if (drafted) {
      const value = draftInSlot(item.output, slot, item.segment);
      edits.push({ clientId: slot.clientId, path: slot.path, value, segmentId: item.segment.id });
      summary.filled++;
    } else if (untranslated === 'skip') {
      edits.push({ clientId: slot.clientId, path: slot.path, value: '' });
      summary.leftOut++;
    } else {
      const mark = markKept(slot);
      if (mark) edits.push(mark);
      summary.kept++;
    }
  });
  const title = titleOf(titleItem, untranslated, summary);
  return { plan: { title, edits, markup: null }, summary };
}

function planInsert({ post, lang, drafts, untranslated }: FillInput): { plan: FillPlan; summary: FillSummary } {
  const prepared = preparePost(post, lang, drafts, { untranslated });
  const titleItem = prepared.blocks[0]?.kind === 'title' ? prepared.blocks[0].item : null;
  const summary: FillSummary = { mode: 'inserted', filled: 0, kept: 0, leftOut: 0, notFound: [] };
  for (const item of prepared.items) {
    if (item === titleItem) continue;
    if (item.state !== 'untranslated') summary.filled++;
    else if (untranslated === 'skip') summary.leftOut++;
    else summary.kept++;
  }
  const title = titleOf(titleItem, untranslated, summary);
  const body = { ...prepared, blocks: prepared.blocks.filter((block) => block.kind !== 'title') };
  return { plan: { title, edits: [], markup: body.blocks.length ? blockMarkupOfPost(body) : '' }, summary };
}

/** The title to set: the drafted one; an untranslated one is kept (null) or left out (''). */
function titleOf(item: ExportItem | null, untranslated: UntranslatedInEditor, summary: FillSummary): string | null {
  if (!item) return null;
  if (item.state !== 'untranslated') {
    summary.filled++;
    return plainText(item.output).replace(/\s+/g, ' ').trim();
  }
  if (untranslated === 'skip') {
    summary.leftOut++;
    return '';
  }
  summary.kept++;
  return null;
}

/**
 * A draft as the slot's rich text: placeholder n becomes the slot's own n-th inline element when
 * the slot has the same elements as the segment had on the page; otherwise the page's (as exported).
 */
export function draftInSlot(output: MarkupNode[], slot: Pick<TextSlot, 'html'>, segment: Segment): string {
  const own = readRichText(slot.html).tags;
  const inline = segment.inline ?? [];
  if (sameTags(own, inline)) return withOwnTags(output, own, 0);
  // The slot may hold the inside of the element that wraps the segment whole (a button's label
  // inside its link, a code block inside its <code>): that element is the block's, not the text's.
  if (wrapsWhole(segment)) {
    const inside = unwrapped(output, 1);
    return sameTags(own, inline.slice(1)) ? withOwnTags(inside, own, 1) : richTextHtml(inside);
  }
  return richTextHtml(output);
}

function sameTags(own: InlineTag[], inline: InlineElement[]): boolean {
  return own.length === inline.length && own.every((tag, i) => tag.tag === inline[i]!.tag.toLowerCase());
}

/** The segment's text is all inside its first placeholder: `⟨1⟩…⟨/1⟩`. */
function wrapsWhole(segment: Segment): boolean {
  const tagged = segment.tagged ?? '';
  return tagged.startsWith(openToken(1)) && tagged.indexOf(closeToken(1)) === tagged.length - closeToken(1).length;
}

/** The nodes with placeholder n's element replaced by its content. */
function unwrapped(nodes: MarkupNode[], n: number): MarkupNode[] {
  return nodes.flatMap((node) => {
    if (node.type !== 'element') return node.type === 'void' && node.n === n ? [] : [node];
    const children = unwrapped(node.children, n);
    return node.n === n ? children : [{ ...node, children }];
  });
}

/** The nodes as HTML with the slot's own tags: placeholder n is `tags[n - 1 - skipped]`. */
function withOwnTags(nodes: MarkupNode[], tags: InlineTag[], skipped: number): string {
  let html = '';
  for (const node of nodes) {
    const tag = node.type === 'text' ? undefined : tags[node.n - 1 - skipped];
    if (node.type === 'text') html += escapeHtml(node.text);
    else if (!tag) html += node.type === 'element' ? withOwnTags(node.children, tags, skipped) : '';
    else if (node.type === 'void') html += tag.raw;
    else html += `${tag.raw}${withOwnTags(node.children, tags, skipped)}</${tag.tag}>`;
  }
  return html;
}

/** A kept source text marked as the export marks it: the block's class, else a span around the text. */
function markKept(slot: TextSlot): TextEdit | null {
  const classes = (slot.className ?? '').split(/\s+/).filter(Boolean);
  if (classes.includes(UNTRANSLATED_CLASS) || slot.html.includes(`<span class="${UNTRANSLATED_CLASS}">`)) return null;
  if (slot.onlyText && MARKED_AS_BLOCK.has(slot.blockName)) {
    return { clientId: slot.clientId, path: ['className'], value: [...classes, UNTRANSLATED_CLASS].join(' ') };
  }
  if (slot.html.trim() === '') return null;
  return { clientId: slot.clientId, path: slot.path, value: `<span class="${UNTRANSLATED_CLASS}">${slot.html}</span>` };
}
