// A post view's questions for memory matches. The focus asks as it lands on an editor, before the
// rows re-render for it: that render (and the page highlight the focus also sends) takes
// milliseconds the answer need not wait for. The matches that mount for that focus take the answer
// already on its way instead of asking again.
import { askBackground } from '@/utils/worker-channel';
import type { MemoryMatch } from '@/utils/memory/memory-types';
import { fuzzyThreshold, knownFuzzyThreshold } from './memory-settings';

export class MatchQuestions {
  private early: { segmentId: string; answer: Promise<MemoryMatch[]> } | null = null;

  constructor(
    private readonly postKey: string,
    private readonly lang: string,
  ) {
    // Read as the view opens: the first focus need not wait for a trip to the storage.
    if (lang) fuzzyThreshold().catch(() => undefined);
  }

  /** Asks now for the segment whose editor takes the focus. */
  askEarly(segmentId: string): void {
    if (!this.lang) return;
    const answer = this.ask(segmentId);
    answer.catch(() => undefined); // its taker reports a failure; an answer never taken is dropped
    this.early = { segmentId, answer };
  }

  /** A segment's matches: the answer asked for at its focus, or a new question. */
  matchesOf(segmentId: string): Promise<MemoryMatch[]> {
    const early = this.early;
    this.early = null;
    return early?.segmentId === segmentId ? early.answer : this.ask(segmentId);
  }

  /** With the threshold known, the question leaves now, in the focus's own event. */
  private ask(segmentId: string): Promise<MemoryMatch[]> {
    const question = (threshold: number) =>
      askBackground({ type: 'memory:matches', postKey: this.postKey, lang: this.lang, segmentId, threshold }).then((matches) =>
        Array.isArray(matches) ? matches : [],
      );
    const threshold = knownFuzzyThreshold();
    return threshold === null ? fuzzyThreshold().then(question) : question(threshold);
  }
}
