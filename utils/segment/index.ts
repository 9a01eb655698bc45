// Turns a post's title and content into translatable segments in reading order, each tied to the
// live element it came from (for highlighting). One walk over the tree, no layout, no innerText:
// it has to run on every page load, in happy-dom and linkedom as in the browser. The same walk
// records each segment's inline markup as placeholders and its place in lists, tables and figures.
import type { Segment, SegmentKind } from '../model';
import { normaliseText, segmentId } from './ids';
import { inlineElementOf, lineBreak } from './inline';
import { LayoutTracker } from './layout';
import { BLOCK_TAGS, CODE_TAGS, KIND_OF_TAG, isSkipped } from './rules';
import { TaggedRun } from './tagged-run';

export { hashText, normaliseText, segmentId } from './ids';

/** A segment and the page element that shows it. */
export interface AnchoredSegment {
  segment: Segment;
  /**
   * The block the text came from. For text that sits loose beside nested blocks (an <li>'s own
   * words before its sub-list), it is that enclosing block.
   */
  element: Element;
}

export interface ArticleParts {
  /** The post's title element; it becomes the first segment, a heading. */
  title?: Element | null;
  /** The element holding the post body. */
  content?: Element | null;
  /** What relative links resolve against; by default the document's base URL. */
  baseUrl?: string;
  /** An element of the content read elsewhere (the title, when it stands inside the body). */
  skip?: Element | null;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;
/** Words or numbers: what makes a run prose rather than punctuation between code. */
const HAS_WORD = /[\p{L}\p{N}]/u;

/**
 * Segments of the title, then of the content: paragraphs, headings, list items, quotes, captions
 * and table cells. A block that holds other blocks is not itself a segment: its block children are,
 * and any words it holds loose between them form segments of its kind.
 */
export function segmentArticle(parts: ArticleParts): AnchoredSegment[] {
  const base = parts.baseUrl ?? (parts.content ?? parts.title)?.ownerDocument?.baseURI ?? '';
  const walker = new SegmentWalker(base, parts.skip ?? null);
  if (parts.title) walker.visitBlock(parts.title, kindOfTag(parts.title.localName) ?? 'heading');
  if (parts.content) walker.visitBlock(parts.content, kindOfTag(parts.content.localName));
  return walker.segments;
}

/** When a long read should let the page run: `due()` says the slice is spent, `wait()` yields. */
export interface Pause {
  due(): boolean;
  wait(): Promise<void>;
}

/**
 * segmentArticle in slices: the body's top-level nodes one by one, yielding to the page whenever
 * `pause` says so, so a huge post never holds the page for one long task. The same segments.
 */
export async function segmentArticleInSteps(parts: ArticleParts, pause: Pause): Promise<AnchoredSegment[]> {
  const base = parts.baseUrl ?? (parts.content ?? parts.title)?.ownerDocument?.baseURI ?? '';
  const walker = new SegmentWalker(base, parts.skip ?? null);
  if (parts.title) walker.visitBlock(parts.title, kindOfTag(parts.title.localName) ?? 'heading');
  const content = parts.content;
  if (!content) return walker.segments;
  const kind = kindOfTag(content.localName);
  const frame = walker.enterBlock(content);
  for (let node = content.firstChild; node !== null; node = node.nextSibling) {
    walker.visitNode(content, content, node, kind);
    if (pause.due()) await pause.wait();
  }
  walker.leaveBlock(content, kind, frame);
  return walker.segments;
}

function kindOfTag(tag: string): SegmentKind | null {
  return KIND_OF_TAG.get(tag) ?? null;
}

class SegmentWalker {
  readonly segments: AnchoredSegment[] = [];
  /** How often each base id was seen, so repeats get `-1`, `-2`… */
  private readonly seen = new Map<string, number>();
  /** Text of the run being read; emptied at every block boundary. */
  private run = '';
  /** The run with its inline markup as placeholders. */
  private readonly tagged = new TaggedRun();
  private readonly layout: LayoutTracker;
  /** Inside how many code elements the walk is; whether the run has words outside code. */
  private codeDepth = 0;
  private prose = false;

  constructor(
    private readonly base: string,
    private readonly skipped: Element | null,
  ) {
    this.layout = new LayoutTracker(base);
  }

  visitBlock(block: Element, kind: SegmentKind | null): void {
    const frame = this.enterBlock(block);
    this.visitChildren(block, block, kind);
    this.leaveBlock(block, kind, frame);
  }

  enterBlock(block: Element): ReturnType<LayoutTracker['enter']> {
    return this.layout.enter(block, block.localName);
  }

  leaveBlock(block: Element, kind: SegmentKind | null, frame: ReturnType<LayoutTracker['enter']>): void {
    this.flush(block, kind);
    this.layout.leave(frame);
  }

  /** Reads `parent`'s children into the current run of `container`, descending into inline markup. */
  private visitChildren(container: Element, parent: Element, kind: SegmentKind | null): void {
    // firstChild/nextSibling: in Chromium three times faster than indexing childNodes.
    for (let node = parent.firstChild; node !== null; node = node.nextSibling) this.visitNode(container, parent, node, kind);
  }

  /** One child `node` of `parent`, read into the current run of `container`. */
  visitNode(container: Element, parent: Element, node: Node, kind: SegmentKind | null): void {
    const type = node.nodeType;
    if (type === TEXT_NODE || type === CDATA_SECTION_NODE) {
      const data = (node as CharacterData).data;
      if (this.codeDepth === 0 && !this.prose && HAS_WORD.test(data)) this.prose = true;
      this.run += data;
      this.tagged.addText(data);
      return;
    }
    if (type !== ELEMENT_NODE) return;
    const element = node as Element;
    const tag = element.localName;
    if (tag === 'br') {
      // The plain text keeps a space (ids come from it); the tagged text a placeholder.
      this.run += ' ';
      this.tagged.addText(' ');
      this.tagged.addBreak(lineBreak(), this.run);
      return;
    }
    // A quote's attribution (<blockquote><p>…</p><cite>…</cite>) is a line of its own.
    const isBlock = BLOCK_TAGS.has(tag) || (tag === 'cite' && parent.localName === 'blockquote');
    if (isSkipped(element, tag) || element === this.skipped) {
      if (isBlock) this.flush(container, kind);
      return;
    }
    if (isBlock) {
      this.flush(container, kind);
      this.visitBlock(element, KIND_OF_TAG.get(tag) ?? kind);
    } else {
      this.visitInline(container, element, tag, kind);
    }
  }

  /** An inline element: a placeholder around its words (or in their place), else just its words. */
  private visitInline(container: Element, element: Element, tag: string, kind: SegmentKind | null): void {
    if (CODE_TAGS.has(tag)) {
      this.codeDepth++;
      this.visitMarkup(container, element, tag, kind);
      this.codeDepth--;
    } else {
      this.visitMarkup(container, element, tag, kind);
    }
  }

  private visitMarkup(container: Element, element: Element, tag: string, kind: SegmentKind | null): void {
    const inline = inlineElementOf(element, tag, this.base);
    if (inline === null) {
      this.visitChildren(container, element, kind);
    } else if (inline.empty) {
      this.tagged.addEmpty(inline, this.run);
    } else {
      const open = this.tagged.openElement(inline, this.run);
      this.visitChildren(container, element, kind);
      this.tagged.closeElement(open);
    }
  }

  /** Ends the current run: a non-empty one becomes a segment of `kind` anchored at `element`. */
  private flush(element: Element, kind: SegmentKind | null): void {
    // A run without words outside code (the whitespace between blocks, a command as a list item, a
    // callout's emoji, a "***" divider) is no prose to translate, and needs no normalising; inline
    // code in a sentence stays, as a placeholder.
    const text = this.prose ? normaliseText(this.run) : '';
    this.run = '';
    this.prose = false;
    const markup = this.tagged.finish(text);
    if (text === '') return;
    const segmentKind = kind ?? 'paragraph';
    // Counted per base id rather than per text, so even a hash collision cannot repeat an id.
    const base = segmentId(segmentKind, text);
    const occurrence = this.seen.get(base) ?? 0;
    this.seen.set(base, occurrence + 1);
    const id = occurrence > 0 ? `${base}-${occurrence}` : base; // as segmentId(kind, text, occurrence)
    const segment: Segment = { id, kind: segmentKind, text };
    if (markup) {
      segment.tagged = markup.tagged;
      segment.inline = markup.inline;
    }
    segment.layout = this.layout.layoutOf(element.localName, segmentKind);
    this.segments.push({ segment, element });
  }
}
