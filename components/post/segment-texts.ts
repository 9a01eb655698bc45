// The drafts' texts of the post a view shows. useTabPost owns them; the rows, the keys and the
// header read them. A keystroke tells the one row typed in at once and nothing else; what sums up
// every text (progress, the page's preview) hears of it after the next frame, so the typed character
// is painted first.
import { useEffect, useState } from 'preact/hooks';
import { afterNextFrame } from '../common/after-frame';

type Listener = () => void;

export class SegmentTexts {
  private texts: Record<string, string> = {};
  /** A copy of `texts` handed out by `all()`, until the next change. */
  private snapshot: Readonly<Record<string, string>> | null = null;
  private readonly rows = new Map<string, Set<Listener>>();
  private readonly each = new Set<(segmentId: string) => void>();
  private readonly summaries = new Set<Listener>();
  private cancelFrame: (() => void) | null = null;

  /** The text now ('' when none). */
  get(segmentId: string): string {
    return this.texts[segmentId] ?? '';
  }

  /** Every text now, segment id → text (the same object until something changes). */
  all(): Readonly<Record<string, string>> {
    return (this.snapshot ??= { ...this.texts });
  }

  /** The texts of another post or language: every row whose text differs hears of it. */
  replace(texts: Readonly<Record<string, string>>): void {
    const previous = this.texts;
    this.texts = { ...texts };
    const changed = new Set<string>();
    for (const id in texts) if (texts[id] !== previous[id]) changed.add(id);
    for (const id in previous) if (!(id in texts)) changed.add(id);
    this.changed(changed);
  }

  /** One segment's new text (typed here, or saved by another view). */
  update(segmentId: string, text: string): void {
    if (this.texts[segmentId] === text) return;
    this.texts[segmentId] = text;
    this.changed([segmentId]);
  }

  /** Calls `listener` whenever this segment's text changes. */
  subscribe(segmentId: string, listener: Listener): () => void {
    let set = this.rows.get(segmentId);
    if (!set) this.rows.set(segmentId, (set = new Set()));
    set.add(listener);
    return () => void set.delete(listener);
  }

  /** Calls `listener` with each segment whose text changes, as it changes. */
  subscribeEach(listener: (segmentId: string) => void): () => void {
    this.each.add(listener);
    return () => void this.each.delete(listener);
  }

  /** Calls `listener` once after the frame that follows one or more changes. */
  subscribeAll(listener: Listener): () => void {
    this.summaries.add(listener);
    return () => void this.summaries.delete(listener);
  }

  private changed(ids: Iterable<string>): void {
    let any = false;
    for (const id of ids) {
      any = true;
      for (const listener of this.rows.get(id) ?? []) listener();
      for (const listener of this.each) listener(id);
    }
    if (!any) return;
    this.snapshot = null;
    this.cancelFrame ??= afterNextFrame(() => {
      this.cancelFrame = null;
      for (const listener of this.summaries) listener();
    });
  }
}

/** One segment's text, re-rendering its caller when (and only when) that text changes. */
export function useSegmentText(texts: SegmentTexts, segmentId: string): string {
  const [, setShown] = useState(() => texts.get(segmentId));
  useEffect(() => {
    const update = () => setShown(texts.get(segmentId));
    update(); // a change may have come between this row's render and now
    return texts.subscribe(segmentId, update);
  }, [texts, segmentId]);
  return texts.get(segmentId);
}

/** Every text, as of the last frame: re-renders its caller after the frame that follows a change. */
export function useAllTexts(texts: SegmentTexts): Readonly<Record<string, string>> {
  const [, setShown] = useState(() => texts.all());
  useEffect(() => {
    const update = () => setShown(texts.all());
    update();
    return texts.subscribeAll(update);
  }, [texts]);
  return texts.all();
}
