// The drafts' texts as the segment rows read them: each row listens to its own segment, so a
// keystroke re-renders that one row instead of walking the whole list of a long post.
import { useEffect, useState } from 'preact/hooks';

type Listener = () => void;

export class SegmentTexts {
  private texts: Readonly<Record<string, string>> = {};
  private readonly listeners = new Map<string, Set<Listener>>();
  /** Segments whose text changed since the last `notify()`. */
  private changed = new Set<string>();

  /** The text now ('' when none). */
  get(segmentId: string): string {
    return this.texts[segmentId] ?? '';
  }

  /** Takes the view's newest texts; rows rendered from now on read them, the others on `notify()`. */
  set(texts: Readonly<Record<string, string>>): void {
    const previous = this.texts;
    if (texts === previous) return;
    for (const id in texts) if (texts[id] !== previous[id]) this.changed.add(id);
    for (const id in previous) if (!(id in texts)) this.changed.add(id);
    this.texts = texts;
  }

  /** Tells the rows whose text changed. */
  notify(): void {
    if (this.changed.size === 0) return;
    const changed = this.changed;
    this.changed = new Set();
    for (const id of changed) for (const listener of this.listeners.get(id) ?? []) listener();
  }

  subscribe(segmentId: string, listener: Listener): () => void {
    let set = this.listeners.get(segmentId);
    if (!set) this.listeners.set(segmentId, (set = new Set()));
    set.add(listener);
    return () => void set.delete(listener);
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
