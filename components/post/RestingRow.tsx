// Rows far from the viewport (row-window.ts) rest: no editor, no buttons, no component of their
// own. Each keeps its source and draft as `hidden="until-found"` text the height of its row: not laid
// out, yet find-in-page finds it, shows it and scrolls to it (and the row then becomes an editor, as
// any row near the viewport does). Consecutive resting rows share one list item, hidden from screen
// readers, which hear the editors with their place in the post (aria-posinset, aria-setsize). So a
// 1,000-segment post opens with a screenful of editors, and a keystroke lays out a few dozen list
// items, not a thousand.
//
// Inside the list item, the rows of every fifty segments share a chunk that the browser skips whole
// while it is far from the viewport (`content-visibility: auto`), at the height of its rows added up:
// the opening styles and lays out a few chunks rather than a thousand rows.
//
// A thousand such rows are made with the DOM's own calls rather than as Preact elements: they are
// plain text, and this way they cost a tenth. The list item is Preact's; its children are RestingRows'.
import { useLayoutEffect, useRef } from 'preact/hooks';
import { memo } from '../common/memo';
import { textDirection } from '@/utils/languages';
import type { Segment } from '@/utils/model';

export interface RestingRowProps {
  segment: Segment;
  /** The segment's place in the post: which chunk its row rests in. */
  index: number;
  text: string;
  sourceLanguage: string | null;
  targetLanguage: string;
  /** The row's height when it was last an editor; else an estimate from its text. */
  height: number | undefined;
}

interface Made {
  props: RestingRowProps;
  element: HTMLElement;
  /** Its height while it rests, in pixels. */
  height: number;
}

/** Segments whose resting rows share a chunk. */
const CHUNK_ROWS = 50;

/** A list's resting rows, each made once and made again only when what it shows changed. */
export class RestingRows {
  private readonly made = new Map<string, Made>();
  /** Each range's chunks, by number (chunk n holds the rows of segments n × CHUNK_ROWS onwards). */
  private readonly chunks = new WeakMap<HTMLElement, Map<number, HTMLElement>>();

  /** Puts exactly these rows, in this order, into `range`'s chunks, moving the ones already made. */
  fill(range: HTMLElement, rows: readonly RestingRowProps[]): void {
    let chunks = this.chunks.get(range);
    if (!chunks) this.chunks.set(range, (chunks = new Map()));
    const groups: Array<{ number: number; chunk: HTMLElement; rows: HTMLElement[]; height: number }> = [];
    for (const props of rows) {
      const made = this.element(props);
      const number = Math.floor(props.index / CHUNK_ROWS);
      let group = groups[groups.length - 1];
      if (group?.number !== number) {
        let chunk = chunks.get(number);
        if (!chunk) chunks.set(number, (chunk = chunkElement()));
        groups.push((group = { number, chunk, rows: [], height: 0 }));
      }
      group.rows.push(made.element);
      group.height += made.height;
    }
    for (const { chunk, rows: inChunk, height } of groups) {
      placeChildren(chunk, inChunk);
      // While skipped, the chunk is this tall: exactly its rows, which have no padding or border.
      chunk.style.containIntrinsicHeight = `${height}px`;
    }
    const used = new Set(groups.map((group) => group.chunk));
    for (const [n, chunk] of chunks) if (!used.has(chunk)) chunks.delete(n);
    placeChildren(range, [...used]);
  }

  private element(props: RestingRowProps): Made {
    const known = this.made.get(props.segment.id);
    if (known && sameProps(known.props, props)) {
      // Find-in-page showed it once: hidden again, so it is the height its chunk counts.
      if (!known.element.hasAttribute('hidden')) known.element.setAttribute('hidden', 'until-found');
      return known;
    }
    const height = props.height ?? estimatedHeight(props.segment, props.text);
    const made = { props, element: restingRow(props, height), height };
    known?.element.replaceWith(made.element);
    this.made.set(props.segment.id, made);
    return made;
  }
}

/** Makes `parent`'s children exactly `children`, in order, moving rather than remaking. */
function placeChildren(parent: HTMLElement, children: readonly HTMLElement[]): void {
  const keep = new Set(children);
  for (const child of [...parent.children]) if (!keep.has(child as HTMLElement)) child.remove();
  let next = parent.firstElementChild;
  for (const element of children) {
    if (element === next) next = next.nextElementSibling;
    else parent.insertBefore(element, next);
  }
}

function chunkElement(): HTMLElement {
  const chunk = document.createElement('div');
  chunk.className = 'resting-chunk';
  return chunk;
}

function restingRow({ segment, text, sourceLanguage, targetLanguage }: RestingRowProps, height: number): HTMLElement {
  // A copy of a made row: a thousand of them cost far fewer DOM calls than a thousand built one by one.
  const row = rowTemplate(sourceLanguage).cloneNode(true) as HTMLElement;
  row.setAttribute('data-segment-id', segment.id);
  row.style.containIntrinsicHeight = `${height}px`;
  // Page-derived text goes in as text, never as markup.
  row.firstChild!.textContent = segment.text;
  if (text) {
    const draft = paragraphTemplate('segment-draft', targetLanguage || null).cloneNode() as HTMLParagraphElement;
    draft.textContent = text;
    row.append(draft);
  }
  return row;
}

const templates = new Map<string, HTMLElement>();

/** A resting row with an empty source paragraph in `sourceLanguage`; hidden, and not laid out, until
 * find-in-page (or a link to the text) finds something in it. */
function rowTemplate(sourceLanguage: string | null): HTMLElement {
  const key = `row ${sourceLanguage ?? ''}`;
  let row = templates.get(key);
  if (!row) {
    row = document.createElement('div');
    row.className = 'resting-row';
    row.setAttribute('hidden', 'until-found');
    row.append(paragraphTemplate('segment-source', sourceLanguage).cloneNode());
    templates.set(key, row);
  }
  return row;
}

function paragraphTemplate(className: string, lang: string | null): HTMLElement {
  const key = `${className} ${lang ?? ''}`;
  let p = templates.get(key);
  if (!p) {
    p = document.createElement('p');
    p.className = className;
    p.dir = lang ? textDirection(lang) : 'auto';
    if (lang) p.lang = lang;
    templates.set(key, p);
  }
  return p;
}

function sameProps(a: RestingRowProps, b: RestingRowProps): boolean {
  for (const key in a) if (a[key as keyof RestingRowProps] !== b[key as keyof RestingRowProps]) return false;
  return true;
}

interface RangeProps {
  rows: readonly RestingRowProps[];
  made: RestingRows;
}

/**
 * Consecutive resting rows in one list item. Its key (given by the list) follows the end that
 * stays put as the translator scrolls, so scrolling adds and removes rows at its edges.
 */
export const RestingRange = memo(function RestingRange({ rows, made }: RangeProps) {
  const range = useRef<HTMLLIElement>(null);
  useLayoutEffect(() => {
    if (range.current) made.fill(range.current, rows);
  });
  return <li ref={range} class="resting-rows" aria-hidden="true" />;
});

/** Characters on a line of a side panel's source or draft, about. */
const LINE_CHARS = 88;
const LINE_PX = 20;
/** A row's padding, number line, editor and buttons' line, about. */
const ROW_PX = 86;

/** The height the row will have as an editor, about, until it has been one. */
function estimatedHeight(segment: Segment, text: string): number {
  const lines = (length: number) => Math.ceil(length / LINE_CHARS) || 1;
  return ROW_PX + (lines(segment.text.length) + lines(text.length)) * LINE_PX;
}
