// When to sync: soon after local changes stop (a quiet moment, but not starved by endless typing),
// at once when asked (start-up, alarm, back online, "Sync now"), and after a failure only after an
// exponentially growing, jittered delay. A sync that ends asking to wait (`retryAfterMs`: a 429, a
// lockout) is not a failure: the next one comes when asked. One that ends `stopped` (a refused
// login) schedules nothing: only a change or an ask starts another. One sync at a time. Timers come in as a parameter so
// tests drive it with fake timers; a stopped service worker loses them, which is why the
// background also syncs at start-up and on an alarm.

export interface Timers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface ScheduleOptions {
  /** Wait after the last local change. */
  quietMs: number;
  /** Longest wait while changes keep coming. */
  maxWaitMs: number;
  /** First retry delay after a failure; doubles with each failure up to `retryMaxMs`. */
  retryBaseMs: number;
  retryMaxMs: number;
}

export const DEFAULT_SCHEDULE: ScheduleOptions = {
  quietMs: 2_000,
  maxWaitMs: 15_000,
  retryBaseMs: 5_000,
  retryMaxMs: 10 * 60_000,
};

/**
 * The delay before retry number `failures` (1 after the first failure): base·2^(failures−1),
 * capped, then "equal jitter" — between half and all of it — so many devices do not retry together.
 */
export function backoffDelay(failures: number, options: Pick<ScheduleOptions, 'retryBaseMs' | 'retryMaxMs'>, random = Math.random): number {
  const full = Math.min(options.retryMaxMs, options.retryBaseMs * 2 ** Math.max(0, failures - 1));
  return Math.round(full / 2 + (full / 2) * random());
}

export class SyncScheduler {
  private readonly options: ScheduleOptions;
  private readonly timers: Timers;
  private timer: unknown = undefined;
  private firstChangeAt: number | null = null;
  private running = false;
  /** Delay of a sync asked for while one was running, or null. */
  private again: number | null = null;
  private waiters: Array<() => void> = [];
  /** Failures in a row; 0 after a success. */
  failures = 0;
  /** The server asked to wait until then (ms): local changes do not bring the next sync earlier. */
  private pausedUntil = 0;
  /** When the next sync is due (ms, by `now`), or null when none is scheduled. */
  dueAt: number | null = null;

  constructor(
    private readonly run: () => Promise<unknown>,
    options: Partial<ScheduleOptions> = {},
    timers: Timers = { setTimeout: (f, ms) => setTimeout(f, ms), clearTimeout: (h) => clearTimeout(h as never) },
    private readonly now: () => number = Date.now,
    private readonly random: () => number = Math.random,
  ) {
    this.options = { ...DEFAULT_SCHEDULE, ...options };
    this.timers = timers;
  }

  /** A local change was made: sync after a quiet moment. While backing off, the retry carries it. */
  changed(): void {
    if (this.failures > 0 && this.dueAt !== null) return;
    if (this.now() < this.pausedUntil && this.dueAt !== null) return;
    if (this.running) {
      this.again = Math.min(this.again ?? Infinity, this.options.quietMs);
      return;
    }
    const now = this.now();
    this.firstChangeAt ??= now;
    const latest = this.firstChangeAt + this.options.maxWaitMs;
    this.schedule(Math.max(0, Math.min(this.options.quietMs, latest - now)));
  }

  /** Sync as soon as possible; resolves when that sync (and any it had to wait for) is over. */
  syncNow(): Promise<void> {
    const done = new Promise<void>((resolve) => this.waiters.push(resolve));
    if (this.running) this.again = 0;
    else this.schedule(0);
    return done;
  }

  stop(): void {
    this.clear();
    for (const resolve of this.waiters.splice(0)) resolve();
  }

  private clear(): void {
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
    this.dueAt = null;
  }

  private schedule(ms: number): void {
    this.clear();
    this.dueAt = this.now() + ms;
    this.timer = this.timers.setTimeout(() => void this.fire(), ms);
  }

  private async fire(): Promise<void> {
    this.clear();
    this.firstChangeAt = null;
    this.running = true;
    let wait: number | null = null;
    try {
      await this.run();
      this.failures = 0;
    } catch (error) {
      const asked = (error as { retryAfterMs?: unknown })?.retryAfterMs;
      if (typeof asked === 'number') wait = asked;
      else if ((error as { stopped?: unknown })?.stopped === true) this.failures = 0;
      else this.failures++;
    } finally {
      this.running = false;
    }
    const again = this.again;
    this.again = null;
    // Waiters of "sync now" wait for the sync that starts after their ask.
    this.pausedUntil = wait === null ? 0 : this.now() + wait;
    if (wait !== null) this.schedule(Math.max(wait, again ?? 0));
    else if (again !== null && this.failures === 0) return this.schedule(again);
    else if (this.failures > 0) this.schedule(backoffDelay(this.failures, this.options, this.random));
    for (const resolve of this.waiters.splice(0)) resolve();
  }
}
