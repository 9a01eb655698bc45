// Rows far from the viewport (row-window.ts) rest: no editor, no buttons, no component of their
// own. Each keeps its source and draft as `hidden="until-found"` text the height of its row: not laid
// out, yet find-in-page finds it, shows it and scrolls to it (and the row then becomes an editor, as
// any row near the viewport does). Consecutive resting rows share one list item, hidden from screen
// readers, which hear the editors with their place in the post (aria-posinset, aria-setsize). So a
// 1,000-segment post opens with a screenful of editors, and a keystroke lays out a few dozen list
// items, not a thousand.
//
// A thousand such rows are made with the DOM's own calls rather than as Preact elements: they are
// plain text, and this way they cost a tenth. The list item is Preact's; its children are RestingRows'.
import { useLayoutEffect, useRef } from 'preact/hooks';
import { memo } from '../common/memo';
import { textDirection } from '@/utils/languages';
import type { Segment } from '@/utils/model';

export interface RestingRowProps {
  segment: Segment;
  text: string;
  sourceLanguage: string | null;
  targetLanguage: string;
  /** The row's height when it was last an editor; else an estimate from its text. */
  height: number | undefined;
}

interface Made {
  props: RestingRowProps;
  element: HTMLElement;
}

/** A list's resting rows, each made once and made again only when what it shows changed. */
export class RestingRows {
  private readonly made = new Map<string, Made>();

  /** Puts exactly these rows, in this order, into `range`, moving the ones already made. */
  fill(range: HTMLElement, rows: readonly RestingRowProps[]): void {
    const wanted = rows.map((props) => this.element(props));
    const keep = new Set(wanted);
    for (const child of [...range.children]) if (!keep.has(child as HTMLElement)) child.remove();
    let next = range.firstElementChild;
    for (const element of wanted) {
      if (element === next) next = next.nextElementSibling;
      else range.insertBefore(element, next);
    }
  }

  private element(props: RestingRowProps): HTMLElement {
    const known = this.made.get(props.segment.id);
    if (known && sameProps(known.props, props)) return known.element;
    const element = restingRow(props);
    known?.element.replaceWith(element);
    this.made.set(props.segment.id, { props, element });
    return element;
  }
}

function restingRow({ segment, text, sourceLanguage, targetLanguage, height }: RestingRowProps): HTMLElement {
  // A copy of a made row: a thousand of them cost far fewer DOM calls than a thousand built one by one.
  const row = rowTemplate(sourceLanguage).cloneNode(true) as HTMLElement;
  row.setAttribute('data-segment-id', segment.id);
  row.style.containIntrinsicHeight = `${height ?? estimatedHeight(segment, text)}px`;
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
