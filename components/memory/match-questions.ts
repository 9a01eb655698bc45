// A post view's questions for memory matches. The focus asks as it lands on an editor, before the
// rows re-render for it: that render (and the page highlight the focus also sends) takes
// milliseconds the answer need not wait for. The matches that mount for that focus take the answer
// already on its way instead of asking again.
//
// Answers are held, and the segment after the one answered is asked for ahead: a focus that comes
// back, or moves on down, shows what is held at once while its own question confirms it. What the
// view hears changed in memory drops what is held: a draft of this post only the answers of the
// segments it may reach (the background drops the same); anything else, all of them.
import { askBackground } from '@/utils/worker-channel';
import type { MemoryMatch } from '@/utils/memory/memory-types';
import type { Segment } from '@/utils/model';
import { fuzzyThreshold, knownFuzzyThreshold } from './memory-settings';

/** How many segments' answers are held. */
const HELD_AT_MOST = 64;

export class MatchQuestions {
  private early: { segmentId: string; answer: Promise<MemoryMatch[]> } | null = null;
  private readonly held = new Map<string, { threshold: number; matches: MemoryMatch[] }>();
  private readonly ahead = new Set<string>();
  /** Changes when memory changes: answers asked for before are not held. */
  private generation = 0;
  /** The same, for the segments a change dropped the answers of. */
  private readonly segmentGenerations = new Map<string, number>();

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

  /** The last answer for a segment, while nothing the view heard of changed memory since. */
  heldFor(segmentId: string): MemoryMatch[] | null {
    const held = this.held.get(segmentId);
    return held && held.threshold === knownFuzzyThreshold() ? held.matches : null;
  }

  /** Asks ahead for a segment the translator is likely to go to next. */
  askAhead(segmentId: string): void {
    if (!this.lang || this.heldFor(segmentId) || this.ahead.has(segmentId)) return;
    this.ahead.add(segmentId);
    this.ask(segmentId)
      .catch(() => undefined)
      .finally(() => this.ahead.delete(segmentId));
  }

  /** Holds what the background has at hand for these segments, working none out for it. */
  askAtHand(segmentIds: string[]): void {
    if (!this.lang || segmentIds.length === 0) return;
    const asked = new Map(segmentIds.map((id) => [id, this.generationOf(id)]));
    withThreshold((threshold) =>
      askBackground({ type: 'memory:matches-at-hand', postKey: this.postKey, lang: this.lang, segmentIds, threshold }).then((found) => {
        if (typeof found !== 'object' || found === null) return;
        for (const [segmentId, matches] of Object.entries(found)) {
          if (Array.isArray(matches) && !this.held.has(segmentId) && asked.get(segmentId) === this.generationOf(segmentId)) {
            this.hold(segmentId, threshold, matches);
          }
        }
      }),
    ).catch(() => undefined);
  }

  /**
   * Memory changed: what is held may not be shown before the background answers again — of these
   * segments, or of all when the change may reach any.
   */
  forget(segmentIds?: Iterable<string>): void {
    if (!segmentIds) {
      this.generation++;
      this.held.clear();
      return;
    }
    for (const id of segmentIds) {
      this.segmentGenerations.set(id, (this.segmentGenerations.get(id) ?? 0) + 1);
      this.held.delete(id);
    }
  }

  private generationOf(segmentId: string): string {
    return `${this.generation}:${this.segmentGenerations.get(segmentId) ?? 0}`;
  }

  /** With the threshold known, the question leaves now, in the focus's own event. */
  private ask(segmentId: string): Promise<MemoryMatch[]> {
    const asked = this.generationOf(segmentId);
    return withThreshold((threshold) =>
      askBackground({ type: 'memory:matches', postKey: this.postKey, lang: this.lang, segmentId, threshold }).then((answer) => {
        const matches = Array.isArray(answer) ? answer : [];
        if (asked === this.generationOf(segmentId)) this.hold(segmentId, threshold, matches);
        return matches;
      }),
    );
  }

  private hold(segmentId: string, threshold: number, matches: MemoryMatch[]): void {
    this.held.delete(segmentId);
    if (this.held.size >= HELD_AT_MOST) this.held.delete(this.held.keys().next().value!);
    this.held.set(segmentId, { threshold, matches });
  }
}

/** Asks with the fuzzy threshold: at once when it is known (in the caller's own event), else once read. */
function withThreshold<T>(question: (threshold: number) => Promise<T>): Promise<T> {
  const threshold = knownFuzzyThreshold();
  return threshold === null ? fuzzyThreshold().then(question) : question(threshold);
}

/** The segment after this one, which a translator goes on to. */
export function segmentAfter(segments: readonly Segment[], segmentId: string | null): string | null {
  if (segmentId === null) return null;
  const at = segments.findIndex((s) => s.id === segmentId);
  return at >= 0 ? (segments[at + 1]?.id ?? null) : null;
}
