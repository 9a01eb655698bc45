// The posts the worker keeps between reads (utils/store/recent-posts.ts): a read after any write to
// the posts — through the store, a raw transaction of sync or the WordPress marks, or idb's
// one-request shortcuts — gets what the database holds, and a reading that a write overtook is not kept.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { openDraftStore, type DraftStore } from '../../utils/store/draft-store';
import { RecentPosts } from '../../utils/store/recent-posts';
import type { PostRecord, PostSnapshot } from '../../utils/model';
import { SAMPLE_POST } from '../support/export-posts';

const snapshot: PostSnapshot = { ...SAMPLE_POST, detected: true };

let dbCount = 0;
let store: DraftStore;

beforeEach(async () => {
  store = await openDraftStore(`recent-posts-${dbCount++}`);
  await store.savePost(snapshot);
});

/** Counts the reads of posts that reach IndexedDB. */
function countReads(): () => number {
  const get = vi.spyOn(IDBObjectStore.prototype, 'get');
  return () => get.mock.contexts.filter((objectStore) => (objectStore as IDBObjectStore).name === 'posts').length;
}

describe('the posts kept between reads', () => {
  it('answers a post saved or read before without reading it again, each answer its own top level', async () => {
    const reads = countReads();
    const first = await store.getPost(snapshot.key);
    const second = await store.getPost(snapshot.key);
    expect(reads()).toBe(0); // savePost kept what it wrote
    expect(second).toEqual(first);
    first!.targetLanguage = 'ru'; // a caller may set a field of its answer…
    expect((await store.getPost(snapshot.key))?.targetLanguage).toBeNull(); // …which no one else sees
    expect(() => (first!.segments as PostRecord['segments'][number][]).push(first!.segments[0]!)).toThrow(TypeError);
    vi.restoreAllMocks();
  });

  it('reads again after a write through the store, a raw transaction or a shortcut', async () => {
    await store.setTargetLanguage(snapshot.key, 'ru');
    expect((await store.getPost(snapshot.key))?.targetLanguage).toBe('ru');

    const tx = store.db.transaction(['posts', 'outbox'], 'readwrite');
    const stored = (await tx.objectStore('posts').get(snapshot.key))!;
    await tx.objectStore('posts').put({ ...stored, title: 'Renamed by sync' });
    await tx.done;
    expect((await store.getPost(snapshot.key))?.title).toBe('Renamed by sync');

    await store.db.put('posts', { ...stored, title: 'Renamed by a shortcut' });
    expect((await store.getPost(snapshot.key))?.title).toBe('Renamed by a shortcut');

    await store.db.delete('posts', snapshot.key);
    expect(await store.getPost(snapshot.key)).toBeUndefined();
  });

  it('does not keep a reading that a write overtook', async () => {
    const cache = new RecentPosts();
    const old = { ...(await store.getPost(snapshot.key))!, title: 'Old' };
    let finishRead!: (record: PostRecord) => void;
    const reading = cache.read(snapshot.key, () => new Promise((resolve) => (finishRead = resolve)));
    cache.forget(); // a write began while the read was under way
    finishRead(old);
    expect((await reading)?.title).toBe('Old');
    const fresh = { ...old, title: 'New' };
    expect((await cache.read(snapshot.key, async () => fresh))?.title).toBe('New');
  });

  it('keeps only the few posts read last', async () => {
    const cache = new RecentPosts(2);
    const load = vi.fn(async (key: string) => ({ ...(await store.getPost(snapshot.key))!, key }));
    for (const key of ['a', 'b', 'a', 'c', 'a', 'b']) await cache.read(key, () => load(key));
    // a, b read; a kept; c pushes out b; a kept; b read again.
    expect(load.mock.calls.map(([key]) => key)).toEqual(['a', 'b', 'c', 'b']);
  });
});
