import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DraftSaver, type PendingDraft } from '../../utils/draft-saver';
import { UnsavedJournal } from '../../utils/unsaved-journal';
import { isQuotaError, requestPersistentStorage, saveErrorMessage } from '../../utils/store/storage-health';

const draft = (segmentId: string, text: string): PendingDraft => ({ postKey: 'post', lang: 'ru', segmentId, text });

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
    items,
  };
}

describe('UnsavedJournal', () => {
  it('keeps the latest text per segment, and forgets it once exactly that text is stored', () => {
    const storage = memoryStorage();
    let now = 1;
    const journal = new UnsavedJournal(storage, () => now++);
    journal.keep([draft('a', 'x'), draft('b', 'y')]);
    journal.keep([draft('a', 'xx')]);
    expect(journal.list()).toEqual([
      { ...draft('a', 'xx'), typedAt: 2 },
      { ...draft('b', 'y'), typedAt: 1 },
    ]);
    journal.forget(draft('a', 'x')); // an older text stored: the newer one still waits
    expect(journal.list()).toHaveLength(2);
    journal.forget(draft('a', 'xx'));
    journal.forget(draft('b', 'y'));
    expect(journal.list()).toEqual([]);
    expect(storage.items.size).toBe(0);
  });

  it('reads a damaged journal as empty, and survives a full localStorage', () => {
    const storage = memoryStorage();
    storage.setItem('interlinear:unsaved-drafts', '{not json');
    expect(new UnsavedJournal(storage).list()).toEqual([]);
    storage.setItem('interlinear:unsaved-drafts', JSON.stringify([{ postKey: 1 }, 'x', null]));
    expect(new UnsavedJournal(storage).list()).toEqual([]);
    const full = { ...memoryStorage(), setItem: () => { throw new DOMException('full', 'QuotaExceededError'); } };
    expect(() => new UnsavedJournal(full).keep([draft('a', 'x')])).not.toThrow();
  });
});

describe('DraftSaver with a journal', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('journals texts while saves fail and forgets them once saved', async () => {
    const journal = new UnsavedJournal(memoryStorage());
    let full = true;
    const errors: unknown[] = [];
    const saver = new DraftSaver(
      async () => { if (full) throw new Error('QuotaExceededError: no room'); },
      (error) => errors.push(error),
      { idleMs: 10, maxWaitMs: 50, retryMs: 100 },
      journal,
    );
    saver.update(draft('a', 'П'));
    await vi.advanceTimersByTimeAsync(10);
    expect(journal.list().map((e) => e.text)).toEqual(['П']);
    saver.update(draft('a', 'Пр'));
    saver.flush(); // as pagehide does: the newest text is journaled before it is sent
    expect(journal.list().map((e) => e.text)).toEqual(['Пр']);
    await vi.advanceTimersByTimeAsync(0);
    expect(errors.length).toBeGreaterThanOrEqual(2);
    full = false;
    await vi.advanceTimersByTimeAsync(100);
    expect(journal.list()).toEqual([]);
    expect(saver.size).toBe(0);
  });
});

describe('storage health', () => {
  it('tells a full disk from other failures, by name or by the message that crossed the messaging', () => {
    expect(isQuotaError(new DOMException('x', 'QuotaExceededError'))).toBe(true);
    expect(isQuotaError(new Error('QuotaExceededError: Encountered full disk error while writing.'))).toBe(true);
    expect(isQuotaError(new Error('Could not establish connection.'))).toBe(false);
    expect(saveErrorMessage(new Error('QuotaExceededError: x'))).toMatch(/no room left.*export a backup/s);
    expect(saveErrorMessage(new Error('Receiving end does not exist.'))).toBe('Not saved yet, trying again: Receiving end does not exist.');
  });

  it('asks for persistent storage once it is not yet granted', async () => {
    const persist = vi.fn(async () => true);
    expect(await requestPersistentStorage({ persisted: async () => false, persist } as unknown as StorageManager)).toBe(true);
    expect(persist).toHaveBeenCalledOnce();
    expect(await requestPersistentStorage({ persisted: async () => true, persist } as unknown as StorageManager)).toBe(true);
    expect(persist).toHaveBeenCalledOnce();
    expect(await requestPersistentStorage(undefined)).toBe(false);
  });
});
