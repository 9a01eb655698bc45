// Which rows of a long post are full editors. A row within a screen of the viewport is live: its
// editor, buttons and quality line (SegmentEditor). The others rest (RestingRow.tsx), cheap enough
// that a 1,000-segment post opens at once. A resting row becomes live as it nears the viewport, or
// at once when a key (Alt+↓, Alt+N…) or an Alt+click in the page moves the focus to it. Rows rest
// again once far away, unless they hold the focus or something the translator opened (a history,
// an undo notice, a message), which is never lost. The rows near the viewport are looked up on
// scroll and resize, once a frame: nothing runs while the translator types.
import type { RefObject } from 'preact';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Segment } from '@/utils/model';
import type { SegmentTexts } from './segment-texts';

/** A post this short is all editors (a Diff post has about 13 segments). */
const ALL_LIVE_UP_TO = 40;
/** Rows live from the first render of a longer post: about a side panel's first screen. The others
 * near the viewport follow in the same frame, before it is painted. */
const FIRST_LIVE_ROWS = 8;
/** How far beyond the viewport, in viewport heights, rows are made live ahead of the scroll. */
const NEAR_SCREENS = 1;

type MoveFocus = (segmentId: string, block: ScrollLogicalPosition) => boolean;

/** How the keys and the page beside the view move the focus to a segment, live or resting. */
export class SegmentFocus {
  private move: MoveFocus | null = null;

  /**
   * Focuses the segment's editor, caret at the end, and scrolls to it; false when there is none to
   * focus (no such segment, or no language chosen yet).
   */
  focus(segmentId: string, block: ScrollLogicalPosition = 'nearest'): boolean {
    return this.move?.(segmentId, block) ?? false;
  }

  attach(move: MoveFocus): () => void {
    this.move = move;
    return () => {
      if (this.move === move) this.move = null;
    };
  }
}

export interface RowWindow {
  isLive(segmentId: string, index: number): boolean;
  /** The height a row had when it was last live (its resting text keeps it). */
  heightOf(segmentId: string): number | undefined;
}

interface WindowInput {
  list: RefObject<HTMLOListElement | null>;
  segments: readonly Segment[];
  texts: SegmentTexts;
  focus?: SegmentFocus;
  /** False while no language is chosen: there is nothing to type in. */
  editable: boolean;
}

export function useRowWindow({ list, segments, texts, focus, editable }: WindowInput): RowWindow {
  const [live, setLive] = useState<ReadonlySet<string>>(() => new Set());
  const [, setRestingTexts] = useState(0);
  const indexes = useMemo(() => new Map(segments.map((segment, index) => [segment.id, index])), [segments]);
  const alwaysLive = segments.length <= ALL_LIVE_UP_TO ? segments.length : FIRST_LIVE_ROWS;
  const latest = useRef({ segments, indexes, live, editable, alwaysLive });
  latest.current = { segments, indexes, live, editable, alwaysLive };
  const heights = useRef(new Map<string, number>()).current;
  /** A row made live for the focus: its editor takes it once rendered. */
  const focusWhenLive = useRef<{ segmentId: string; block: ScrollLogicalPosition } | null>(null);
  const isLive = (segmentId: string, index: number) => index < alwaysLive || live.has(segmentId);
  const makeLive = (segmentId: string) => setLive((now) => (now.has(segmentId) ? now : new Set(now).add(segmentId)));

  const near = useMemo(
    () =>
      new NearRows(() => {
        const { segments: shown, alwaysLive: first } = latest.current;
        return first >= shown.length ? null : list.current; // a short post: every row is an editor
      }, (nearby, rows) => {
        const { segments: shown, indexes: where, live: now } = latest.current;
        const nearIds = new Set(nearby.map((index) => shown[index]!.id));
        let next: Set<string> | null = null;
        for (const segmentId of nearIds) if (!now.has(segmentId)) (next ??= new Set(now)).add(segmentId);
        for (const segmentId of now) {
          const row = rows[where.get(segmentId) ?? -1];
          if (nearIds.has(segmentId) || !row || holdsWork(row)) continue;
          heights.set(segmentId, row.getBoundingClientRect().height);
          (next ??= new Set(now)).delete(segmentId);
        }
        if (next) setLive(next);
      }),
    [],
  );
  useEffect(() => near.start(), [near]);

  useLayoutEffect(
    () =>
      focus?.attach((segmentId, block) => {
        const editor = editorIn(list.current, segmentId);
        if (editor) return placeCaret(editor, block);
        if (!latest.current.editable || !latest.current.indexes.has(segmentId)) return false;
        focusWhenLive.current = { segmentId, block };
        makeLive(segmentId);
        return true;
      }),
    [focus],
  );

  useLayoutEffect(() => {
    near.schedule(); // the rows moved or changed form
    const wanted = focusWhenLive.current;
    const editor = wanted && editorIn(list.current, wanted.segmentId);
    if (wanted && editor) {
      focusWhenLive.current = null;
      placeCaret(editor, wanted.block);
    }
  });

  // A resting row's text is in the list: a change made elsewhere (sync, another view) redraws it.
  useEffect(
    () =>
      texts.subscribeEach((segmentId) => {
        const { indexes: where, live: now, alwaysLive: first } = latest.current;
        const index = where.get(segmentId);
        if (index !== undefined && index >= first && !now.has(segmentId)) setRestingTexts((n) => n + 1);
      }),
    [texts],
  );

  return { isLive, heightOf: (segmentId) => heights.get(segmentId) };
}

/** Does the row hold the focus, or something the translator opened that resting would close? */
function holdsWork(row: Element): boolean {
  return row.contains(document.activeElement) || row.querySelector('[aria-expanded="true"], .undo-notice, [role="alert"]') !== null;
}

function editorIn(list: HTMLElement | null, segmentId: string): HTMLTextAreaElement | null {
  return list?.querySelector<HTMLTextAreaElement>(`textarea[data-segment-id="${CSS.escape(segmentId)}"]`) ?? null;
}

function placeCaret(editor: HTMLTextAreaElement, block: ScrollLogicalPosition): boolean {
  if (editor.disabled) return false;
  editor.focus({ preventScroll: true });
  editor.setSelectionRange(editor.value.length, editor.value.length);
  (block === 'nearest' ? editor.closest('.segment') ?? editor : editor).scrollIntoView({ block });
  return true;
}

/** Finds the rows within a screen of the viewport, once a frame after a scroll or resize. */
class NearRows {
  private pending = false;

  constructor(
    /** The list to look in; null when no row can rest (nothing is measured then). */
    private readonly list: () => HTMLOListElement | null,
    /** The indexes of the rows near the viewport, and every row (one element per segment, in order). */
    private readonly onNear: (nearby: number[], rows: Element[]) => void,
  ) {}

  start(): () => void {
    const schedule = () => this.schedule();
    addEventListener('scroll', schedule, { passive: true });
    addEventListener('resize', schedule, { passive: true });
    return () => {
      removeEventListener('scroll', schedule);
      removeEventListener('resize', schedule);
    };
  }

  schedule(): void {
    if (this.pending || typeof requestAnimationFrame !== 'function') return;
    this.pending = true;
    requestAnimationFrame(() => {
      this.pending = false;
      this.update();
    });
  }

  private update(): void {
    const list = this.list();
    if (!list) return;
    // One element per segment, in order: a live row, or a resting row inside its range's chunks.
    const rows: Element[] = [];
    for (const item of list.children) {
      if (item.classList.contains('resting-rows')) for (const chunk of item.children) rows.push(...chunk.children);
      else rows.push(item);
    }
    if (rows.length === 0) return;
    const top = -innerHeight * NEAR_SCREENS;
    const bottom = innerHeight * (1 + NEAR_SCREENS);
    // A row in a chunk wholly outside the near band is as far as its chunk: the chunk's box answers,
    // and the browser need not lay out a chunk it skips (RestingRow.tsx) to say where its row is.
    const rect = (index: number) => {
      const row = rows[index]!;
      const chunk = row.parentElement;
      if (chunk?.classList.contains('resting-chunk')) {
        const box = chunk.getBoundingClientRect();
        if (box.bottom <= top || box.top >= bottom) return box;
      }
      return row.getBoundingClientRect();
    };
    let low = 0;
    let high = rows.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (rect(middle).bottom <= top) low = middle + 1;
      else high = middle;
    }
    const nearby: number[] = [];
    for (let index = low; index < rows.length && rect(index).top < bottom; index++) nearby.push(index);
    this.onNear(nearby, rows);
  }
}
