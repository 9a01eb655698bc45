// @vitest-environment node
// When sync runs: a quiet moment after changes, at once when asked, backing off after failures.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backoffDelay, SyncScheduler } from '../../utils/sync/scheduler';

const options = { quietMs: 2_000, maxWaitMs: 10_000, retryBaseMs: 5_000, retryMaxMs: 60_000 };

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** A scheduler whose sync fails while `failing` is true, and counts its runs. */
function setup() {
  const state = { runs: 0, failing: false, running: false, overlapped: false };
  const scheduler = new SyncScheduler(
    async () => {
      if (state.running) state.overlapped = true;
      state.running = true;
      state.runs++;
      await new Promise((r) => setTimeout(r, 100)); // a sync takes a while
      state.running = false;
      if (state.failing) throw new Error('offline');
    },
    options,
    undefined,
    () => Date.now(),
    () => 1, // no jitter: the full delay
  );
  return { state, scheduler };
}

describe('backoff', () => {
  it('doubles from the base up to the cap, with jitter between half and all of it', () => {
    const full = [1, 2, 3, 4, 5, 6].map((f) => backoffDelay(f, options, () => 1));
    expect(full).toEqual([5_000, 10_000, 20_000, 40_000, 60_000, 60_000]);
    expect(backoffDelay(3, options, () => 0)).toBe(10_000);
  });
});

describe('sync scheduler', () => {
  it('waits for a quiet moment after changes', async () => {
    const { state, scheduler } = setup();
    scheduler.changed();
    await vi.advanceTimersByTimeAsync(1_500);
    scheduler.changed(); // still typing
    await vi.advanceTimersByTimeAsync(1_500);
    expect(state.runs).toBe(0);
    await vi.advanceTimersByTimeAsync(600);
    expect(state.runs).toBe(1);
  });

  it('is not starved by typing that never stops', async () => {
    const { state, scheduler } = setup();
    for (let t = 0; t < 12_000; t += 1_000) {
      scheduler.changed();
      await vi.advanceTimersByTimeAsync(1_000);
    }
    expect(state.runs).toBeGreaterThanOrEqual(1);
  });

  it('syncs at once when asked, and answers when that sync is over', async () => {
    const { state, scheduler } = setup();
    const done = scheduler.syncNow();
    await vi.advanceTimersByTimeAsync(150);
    await done;
    expect(state.runs).toBe(1);
  });

  it('runs one sync at a time, and once more for what came during it', async () => {
    const { state, scheduler } = setup();
    void scheduler.syncNow();
    await vi.advanceTimersByTimeAsync(10);
    scheduler.changed();
    void scheduler.syncNow();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(state.overlapped).toBe(false);
    expect(state.runs).toBe(2);
  });

  it('backs off exponentially while syncs fail, and resets after a success', async () => {
    const { state, scheduler } = setup();
    state.failing = true;
    void scheduler.syncNow();
    await vi.advanceTimersByTimeAsync(100); // first attempt fails
    expect(scheduler.failures).toBe(1);
    const starts: number[] = [];
    let seen = state.runs;
    for (let t = 0; t < 80_000; t += 100) {
      await vi.advanceTimersByTimeAsync(100);
      if (state.runs !== seen) {
        starts.push(t);
        seen = state.runs;
      }
    }
    // Retries 5 s, 10 s, 20 s, 40 s apart (plus each failed sync's 100 ms).
    const gaps = starts.map((t, i) => (i === 0 ? t : t - starts[i - 1]!));
    expect(gaps.map((g) => Math.round(g / 1_000))).toEqual([5, 10, 20, 40].slice(0, gaps.length));
    expect(gaps.length).toBeGreaterThanOrEqual(3);

    // A change while backing off does not hammer the server: the retry carries it.
    const runs = state.runs;
    scheduler.changed();
    await vi.advanceTimersByTimeAsync(3_000);
    expect(state.runs).toBe(runs);

    state.failing = false;
    const done = scheduler.syncNow(); // "Sync now" does not wait for the backoff
    await vi.advanceTimersByTimeAsync(200);
    await done;
    expect(scheduler.failures).toBe(0);
    expect(scheduler.dueAt).toBeNull();
  });
});
