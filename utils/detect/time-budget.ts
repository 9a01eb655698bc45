// Slices of main-thread time for a long read: a huge post is read in slices of `sliceMs`, and
// between them the page runs (scheduler.yield where the browser has it, else a new task).
import type { Pause } from '../segment';

export interface TimeBudget extends Pause {
  /** The longest slice so far, in milliseconds. */
  readonly longestMs: number;
}

type Scheduler = { yield?: () => Promise<void> };

export function timeBudget(sliceMs: number, scope: typeof globalThis = globalThis): TimeBudget {
  const now = () => scope.performance.now();
  let started = now();
  let longest = 0;
  const scheduler = (scope as unknown as { scheduler?: Scheduler }).scheduler;
  return {
    get longestMs() {
      return Math.max(longest, now() - started);
    },
    due: () => now() - started >= sliceMs,
    async wait() {
      longest = Math.max(longest, now() - started);
      await (scheduler?.yield ? scheduler.yield() : new Promise<void>((resolve) => scope.setTimeout(resolve, 0)));
      started = now();
    },
  };
}
