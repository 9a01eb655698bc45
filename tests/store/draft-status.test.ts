// Statuses in the store, the background service and the sync documents: untranslated, draft, done.
import { describe, expect, it } from 'vitest';
import { dispatch, type Message } from '../../utils/messaging';
import { progressOf, type PostSnapshot } from '../../utils/model';
import { DraftService } from '../../utils/store/draft-service';
import { openDraftStore } from '../../utils/store/draft-store';
import { TabRegistry, type KeyValueArea } from '../../utils/store/tab-registry';
import { draftDoc, parseDraftDoc, segmentStateOf } from '../../utils/sync/documents';
import { draftDocId } from '../../utils/sync/doc-ids';
import { hlcAt } from '../../utils/sync/hlc';
import { mergeSegment, type SegmentState } from '../../utils/sync/merge';

const POST = 'https://diff.wikimedia.org/2024/09/05/status/';
const key = { postKey: POST, lang: 'ru', segmentId: 'p-1' };
let n = 0;
const openStore = () => openDraftStore(`status-${n++}`);

describe('a draft’s status in the store', () => {
  it('marks a draft done with a revision, a new clock stamp and an outbox entry', async () => {
    const store = await openStore();
    const written = await store.saveDraft({ ...key, text: 'Первый.' });
    const done = await store.setStatus(key, 'done');
    expect(done).toMatchObject({ text: 'Первый.', status: 'done', rev: 2 });
    expect(done.hlc! > written.hlc!).toBe(true);
    expect((await store.getRevisions(POST, 'ru', 'p-1')).map((r) => [r.rev, r.text, r.status])).toEqual([
      [1, 'Первый.', undefined],
      [2, 'Первый.', 'done'],
    ]);
    expect(await store.db.get('outbox', draftDocId(POST, 'ru', 'p-1'))).toMatchObject({ stamp: done.hlc });
    expect(progressOf([{ id: 'p-1', kind: 'paragraph', text: 'First.' }], await store.getDrafts(POST, 'ru'))).toEqual({
      total: 1,
      drafted: 1,
      done: 1,
    });
  });

  it('changes nothing when the status is already the one asked', async () => {
    const store = await openStore();
    await store.saveDraft({ ...key, text: 'Первый.' });
    await store.setStatus(key, 'done');
    expect(await store.setStatus(key, 'done')).toMatchObject({ rev: 2 });
    expect(await store.getRevisions(POST, 'ru', 'p-1')).toHaveLength(2);
  });

  it('makes a done draft a draft again when its text is edited, unless the save says otherwise', async () => {
    const store = await openStore();
    await store.saveDraft({ ...key, text: 'Первый.' });
    await store.setStatus(key, 'done');
    expect(await store.saveDraft({ ...key, text: 'Первый.' })).toMatchObject({ status: 'done', rev: 2 }); // same text
    const edited = await store.saveDraft({ ...key, text: 'Первый абзац.' });
    expect(edited.status).toBeUndefined();
    expect(await store.saveDraft({ ...key, text: 'Первый абзац!', status: 'done' })).toMatchObject({ status: 'done', rev: 4 });
    expect(await store.saveDraft({ ...key, text: 'Первый абзац!', status: 'draft' })).toMatchObject({ rev: 5 });
  });

  it('refuses to mark an untranslated segment done, with a clear message, and keeps everything', async () => {
    const store = await openStore();
    await expect(store.setStatus(key, 'done')).rejects.toThrow(/no draft yet/);
    await store.saveDraft({ ...key, text: '  ' });
    await expect(store.setStatus(key, 'done')).rejects.toThrow(/no draft yet/);
    expect(await store.getDrafts(POST, 'ru')).toMatchObject([{ text: '  ', rev: 1 }]);
    expect((await store.deleteDraft(key))?.status).toBeUndefined();
  });
});

class MemoryArea implements KeyValueArea {
  data: Record<string, unknown> = {};
  async get(keys: string | string[] | null) {
    const list = keys === null ? Object.keys(this.data) : Array.isArray(keys) ? keys : [keys];
    return Object.fromEntries(list.filter((k) => k in this.data).map((k) => [k, this.data[k]]));
  }
  async set(items: Record<string, unknown>) {
    Object.assign(this.data, items);
  }
  async remove(keys: string | string[]) {
    for (const k of Array.isArray(keys) ? keys : [keys]) delete this.data[k];
  }
}

const post: PostSnapshot = {
  key: POST,
  url: POST,
  detected: true,
  title: 'Status',
  sourceLanguage: 'en',
  cta: null,
  segments: [
    { id: 'h-1', kind: 'heading', text: 'Status' },
    { id: 'p-1', kind: 'paragraph', text: 'First.' },
  ],
};

describe('the draft:set-status message', () => {
  it('tells every view the draft and the progress, and updates the badge', async () => {
    const badges = new Map<number, string>();
    const broadcasts: Message[] = [];
    const service = new DraftService({
      store: await openStore(),
      tabs: new TabRegistry(new MemoryArea()),
      prefs: new MemoryArea(),
      setBadge: async (tabId, text) => void badges.set(tabId, text),
      askTab: async () => null,
      broadcast: (m) => void broadcasts.push(m),
      browserLanguages: () => ['en'],
    });
    const send = (message: Message, tabId?: number) => dispatch(service.handlers, message, { id: 'x', tab: tabId ? { id: tabId } : undefined }, 'x');
    await send({ type: 'post:seen', post }, 3);
    await send({ type: 'draft:save', ...key, text: 'Первый.' });
    expect(badges.get(3)).toBe('0%');
    broadcasts.length = 0;
    await expect(send({ type: 'draft:set-status', ...key, status: 'done' })).resolves.toMatchObject({ status: 'done' });
    expect(broadcasts).toEqual([
      { type: 'draft:changed', draft: expect.objectContaining({ segmentId: 'p-1', status: 'done' }), progress: { total: 2, drafted: 1, done: 1 } },
    ]);
    expect(badges.get(3)).toBe('50%');
    await send({ type: 'draft:set-status', ...key, status: 'draft' });
    expect(badges.get(3)).toBe('0%');
    await expect(send({ type: 'draft:set-status', ...key, segmentId: 'h-1', status: 'done' })).rejects.toThrow(/no draft yet/);
  });
});

const at = (wall: number, node: string) => hlcAt(wall, node);
const version = (text: string, wall: number, node: string, status?: 'done'): SegmentState => ({
  text,
  deleted: false,
  hlc: at(wall, node),
  concurrentEdits: [],
  ...(status ? { status } : {}),
});

describe('a status in sync', () => {
  it('travels in the draft document, and only known statuses are accepted from the server', async () => {
    const store = await openStore();
    await store.saveDraft({ ...key, text: 'Первый.' });
    const draft = await store.setStatus(key, 'done');
    const doc = draftDoc(draft, undefined, undefined);
    expect(doc.status).toBe('done');
    expect(parseDraftDoc({ ...doc, _rev: '1-a' })?.status).toBe('done');
    expect(parseDraftDoc({ ...doc, status: 'draft' })?.status).toBeUndefined();
    expect(parseDraftDoc({ ...doc, status: 'approved<script>' })).toBeNull();
    expect(segmentStateOf(draft).status).toBe('done');
  });

  it('takes a later status change from the server as a change, without calling it a conflict', () => {
    const base = at(10, 'a');
    const merged = mergeSegment(version('Uno', 10, 'a'), version('Uno', 20, 'b', 'done'), base, 'a');
    expect(merged).toMatchObject({ state: { text: 'Uno', status: 'done' }, textChanged: false, statusChanged: true, conflict: false });
    expect(merged.localChanged).toBe(true);
    expect(merged.needsPush).toBe(false);
  });

  it('pushes a local status change made on top of the server version', () => {
    const base = at(10, 'b');
    const merged = mergeSegment(version('Uno', 20, 'a', 'done'), version('Uno', 10, 'b'), base, 'a');
    expect(merged).toMatchObject({ state: { status: 'done' }, statusChanged: false, needsPush: true, conflict: false });
  });

  it('lets a later text edit elsewhere undo a done mark here, as editing does locally', () => {
    const base = at(5, 'a');
    const merged = mergeSegment(version('Uno', 20, 'a', 'done'), version('Uno, editado', 30, 'b'), base, 'a');
    expect(merged.state.status).toBeUndefined();
    expect(merged).toMatchObject({ conflict: true, statusChanged: true });
    const other = mergeSegment(version('Uno, editado', 30, 'b'), version('Uno', 20, 'a', 'done'), base, 'b');
    expect(other.state).toEqual(merged.state); // both devices converge
  });
});
