import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DraftSaver, type PendingDraft } from '../../utils/draft-saver';

const draft = (segmentId: string, text: string): PendingDraft => ({ postKey: 'post', lang: 'ru', segmentId, text });

describe('DraftSaver', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('saves the last text of each segment once typing pauses', async () => {
    const saved: PendingDraft[] = [];
    const saver = new DraftSaver(async (d) => void saved.push(d), () => undefined);
    saver.update(draft('a', 'П'));
    saver.update(draft('a', 'Пр'));
    saver.update(draft('b', 'x'));
    vi.advanceTimersByTime(249);
    expect(saved).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(saved).toEqual([draft('a', 'Пр'), draft('b', 'x')]);
    expect(saver.size).toBe(0);
  });

  it('saves at least once a second while typing goes on', () => {
    const saved: string[] = [];
    const saver = new DraftSaver(async (d) => void saved.push(d.text), () => undefined);
    let text = '';
    for (let t = 0; t < 1000; t += 100) {
      text += 'a';
      saver.update(draft('a', text));
      vi.advanceTimersByTime(100);
    }
    expect(saved).toEqual(['aaaaaaaaaa']);
  });

  it('sends everything at once on flush, synchronously', () => {
    const saved: string[] = [];
    const saver = new DraftSaver(async (d) => void saved.push(d.text), () => undefined);
    saver.update(draft('a', 'one'));
    saver.flush();
    expect(saved).toEqual(['one']);
    vi.advanceTimersByTime(5000);
    expect(saved).toEqual(['one']);
  });

  it('keeps text whose save failed and tries again, unless newer text came', async () => {
    let fail = true;
    const saved: string[] = [];
    const errors: string[] = [];
    const saver = new DraftSaver(
      async (d) => {
        if (fail) throw new Error('worker asleep');
        saved.push(d.text);
      },
      (e) => errors.push((e as Error).message),
    );
    saver.update(draft('a', 'kept'));
    saver.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(errors).toEqual(['worker asleep']);
    expect(saver.pendingText('post', 'ru', 'a')).toBe('kept');
    fail = false;
    await vi.advanceTimersByTimeAsync(2000);
    expect(saved).toEqual(['kept']);
  });
});
