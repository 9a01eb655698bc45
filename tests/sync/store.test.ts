// @vitest-environment node
// Schema v2 and the store's side of sync: the upgrade from v1, the outbox written with each change.
import { openDB, type IDBPDatabase } from 'idb';
import { describe, expect, it } from 'vitest';
import type { DraftRecord, PostRecord, RevisionRecord } from '../../utils/model';
import { openDraftStore } from '../../utils/store/draft-store';
import { DB_VERSION } from '../../utils/store/schema';
import { draftDocId, isSafeDocId, postDocId } from '../../utils/sync/doc-ids';
import { compareHlc, hlcNode, hlcTime } from '../../utils/sync/hlc';
import { samplePost } from '../support/sync-devices';

let n = 0;
const POST = 'https://diff.wikimedia.org/2024/09/05/sync-test/';

/** Schema v1 exactly as it shipped (utils/store/schema.ts at version 1), copied so it never changes. */
function upgradeV1(db: IDBPDatabase<any>, oldVersion: number): void {
  switch (oldVersion) {
    case 0: {
      const posts = db.createObjectStore('posts', { keyPath: 'key' });
      posts.createIndex('byLastSeen', 'lastSeen');
      const drafts = db.createObjectStore('drafts', { keyPath: ['postKey', 'lang', 'segmentId'] });
      drafts.createIndex('byPostLang', ['postKey', 'lang']);
      drafts.createIndex('byUpdatedAt', 'updatedAt');
      const revisions = db.createObjectStore('revisions', { autoIncrement: true });
      revisions.createIndex('bySegment', ['postKey', 'lang', 'segmentId']);
    }
  }
}

describe('schema v2', () => {
  it('opens a v1 database with everything in it, and queues its drafts and posts for the first sync', async () => {
    const name = `v1-${n++}`;
    const v1 = await openDB(name, 1, { upgrade: (db, oldVersion) => upgradeV1(db, oldVersion) });
    const post: PostRecord = { ...samplePost(2), targetLanguage: 'ru', firstSeen: 1_000, lastSeen: 2_000 };
    delete (post as Partial<typeof post & { detected: boolean }>).detected;
    const drafts: DraftRecord[] = [
      { postKey: POST, lang: 'ru', segmentId: 'p-00000000000', text: 'Первый.', rev: 2, updatedAt: 3_000 },
      { postKey: POST, lang: 'ru', segmentId: 'p-00000000001', text: 'Второй.', rev: 1, updatedAt: 4_000 },
    ];
    const revisions: RevisionRecord[] = [
      { postKey: POST, lang: 'ru', segmentId: 'p-00000000000', rev: 1, text: 'Пер', at: 2_500 },
      { postKey: POST, lang: 'ru', segmentId: 'p-00000000000', rev: 2, text: 'Первый.', at: 3_000 },
      { postKey: POST, lang: 'ru', segmentId: 'p-00000000001', rev: 1, text: 'Второй.', at: 4_000 },
    ];
    await v1.put('posts', post);
    for (const d of drafts) await v1.put('drafts', d);
    for (const r of revisions) await v1.add('revisions', r);
    v1.close();

    const store = await openDraftStore(name, () => 10_000);
    expect(store.db.version).toBe(DB_VERSION);
    expect(await store.getPost(POST)).toMatchObject({ title: 'A post to sync', targetLanguage: 'ru', firstSeen: 1_000 });
    expect((await store.getDrafts(POST, 'ru')).map((d) => [d.text, d.rev])).toEqual([
      ['Первый.', 2],
      ['Второй.', 1],
    ]);
    expect((await store.getRevisions(POST, 'ru', 'p-00000000000')).map((r) => r.text)).toEqual(['Пер', 'Первый.']);
    expect(await store.listPostsWithDrafts()).toMatchObject([{ key: POST, lang: 'ru', progress: { drafted: 2, total: 2 } }]);

    const deviceId = await store.db.get('syncMeta', 'deviceId');
    expect(deviceId).toMatch(/^[a-z0-9]{12}$/);
    const first = (await store.getDrafts(POST, 'ru'))[0]!;
    expect([hlcTime(first.hlc!), hlcNode(first.hlc!)]).toEqual([3_000, deviceId]);
    expect((await store.db.getAll('outbox')).map((e) => e.docId).sort()).toEqual(
      [postDocId(POST), draftDocId(POST, 'ru', 'p-00000000000'), draftDocId(POST, 'ru', 'p-00000000001')].sort(),
    );

    // It goes on working: a new change gets a stamp after the old ones, and its revision.
    const next = await store.saveDraft({ postKey: POST, lang: 'ru', segmentId: 'p-00000000001', text: 'Второй!' });
    expect(next.rev).toBe(2);
    expect(compareHlc(next.hlc!, first.hlc!)).toBe(1);
    expect(await store.getRevisions(POST, 'ru', 'p-00000000001')).toHaveLength(2);
  });

  it('writes one outbox entry per document, replaced by later changes, with each save', async () => {
    const store = await openDraftStore(`outbox-${n++}`, () => 5_000);
    let changes = 0;
    store.onLocalChange = () => changes++;
    const first = await store.saveDraft({ postKey: POST, lang: 'fa', segmentId: 'p-1', text: 'یک' });
    const second = await store.saveDraft({ postKey: POST, lang: 'fa', segmentId: 'p-1', text: 'یک.' });
    await store.saveDraft({ postKey: POST, lang: 'fa', segmentId: 'p-1', text: 'یک.' }); // no change
    const outbox = await store.db.getAll('outbox');
    expect(outbox).toEqual([
      { docId: draftDocId(POST, 'fa', 'p-1'), target: ['draft', POST, 'fa', 'p-1'], stamp: second.hlc },
    ]);
    expect(compareHlc(second.hlc!, first.hlc!)).toBe(1); // same millisecond, still later
    expect(changes).toBe(2);
  });

  it('queues a post when it is new or its source changed, not on every visit', async () => {
    let wall = 1_000;
    const store = await openDraftStore(`posts-${n++}`, () => wall);
    await store.savePost(samplePost(2));
    await store.db.clear('outbox');
    wall = 2_000;
    await store.savePost({ ...samplePost(2), url: `${POST}#translate-post` });
    expect(await store.db.count('outbox')).toBe(0);
    await store.savePost(samplePost(3));
    expect((await store.db.getAll('outbox')).map((e) => e.target)).toEqual([['post', POST]]);
    expect(hlcTime((await store.getPost(POST))!.hlc!)).toBe(2_000);
  });

  it('deletes a draft as a tombstone and marks concurrent edits reviewed, each queued', async () => {
    const store = await openDraftStore(`tomb-${n++}`, () => 7_000);
    await store.saveDraft({ postKey: POST, lang: 'uk', segmentId: 'p-1', text: 'Текст' });
    const gone = await store.deleteDraft({ postKey: POST, lang: 'uk', segmentId: 'p-1' });
    expect(gone).toMatchObject({ text: '', deleted: true, rev: 2 });
    expect(await store.listPostsWithDrafts()).toEqual([]);
    const back = await store.saveDraft({ postKey: POST, lang: 'uk', segmentId: 'p-1', text: 'Знову' });
    expect(back.deleted).toBeUndefined();
    expect(await store.markReviewed({ postKey: POST, lang: 'uk', segmentId: 'p-1' })).toMatchObject({ rev: 3 }); // nothing to review
    expect((await store.getRevisions(POST, 'uk', 'p-1')).map((r) => r.text)).toEqual(['Текст', '', 'Знову']);
  });

  it('keeps its clock going forwards across restarts, whatever the wall clock says', async () => {
    const name = `clock-${n++}`;
    const before = await openDraftStore(name, () => 50_000);
    const early = await before.saveDraft({ postKey: POST, lang: 'ro', segmentId: 'p-1', text: 'a' });
    before.db.close();
    const after = await openDraftStore(name, () => 10_000); // the clock was set back
    const later = await after.saveDraft({ postKey: POST, lang: 'ro', segmentId: 'p-2', text: 'b' });
    expect(compareHlc(later.hlc!, early.hlc!)).toBe(1);
  });
});

describe('document ids', () => {
  it('are deterministic, distinct, and only [a-z0-9:-]', () => {
    const id = draftDocId(POST, 'pt-BR', 'p-0uajg3u4j4j');
    expect(id).toBe(draftDocId(POST, 'pt-br', 'p-0uajg3u4j4j'));
    expect(id).toMatch(/^draft:[a-z0-9]{22}:pt-br:p-0uajg3u4j4j$/);
    expect(draftDocId(`${POST}x`, 'pt-BR', 'p-0uajg3u4j4j')).not.toBe(id);
    expect(postDocId(POST)).toMatch(/^post:[a-z0-9]{22}$/);
    const odd = draftDocId('https://example.org/?q=Ü', 'x-Private_Use', '_Weird Segment/ID');
    expect(isSafeDocId(odd)).toBe(true);
    expect(odd.startsWith('_')).toBe(false);
  });
});
