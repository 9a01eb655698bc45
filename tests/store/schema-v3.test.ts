// @vitest-environment node
// Schema v3: a v2 database full of drafts and history opens with the glossary and memory-unit
// stores added and nothing lost, and memory is built from its drafts. Glossary entries and units
// sync as their own documents through the replica.
import { openDB, type IDBPDatabase } from 'idb';
import { describe, expect, it } from 'vitest';
import { glossaryDocId } from '../../utils/glossary/glossary-docs';
import { writeGlossary } from '../../utils/glossary/glossary-store';
import { MemoryService } from '../../utils/memory/memory-service';
import { importUnits } from '../../utils/memory/memory-store';
import { unitDocId, unitId } from '../../utils/memory/unit-docs';
import type { DraftRecord, PostRecord, RevisionRecord } from '../../utils/model';
import { openDraftStore } from '../../utils/store/draft-store';
import { DB_VERSION } from '../../utils/store/schema';
import { draftDocId } from '../../utils/sync/doc-ids';
import { hlcAt } from '../../utils/sync/hlc';
import { SyncReplica } from '../../utils/sync/replica';

let n = 0;
const POST = 'https://diff.wikimedia.org/2024/09/05/upgrade/';

/** Schemas v1 and v2 exactly as they shipped (utils/store/schema.ts at version 2), copied so they never change. */
function upgradeV2(db: IDBPDatabase<any>, oldVersion: number): void {
  if (oldVersion < 1) {
    const posts = db.createObjectStore('posts', { keyPath: 'key' });
    posts.createIndex('byLastSeen', 'lastSeen');
    const drafts = db.createObjectStore('drafts', { keyPath: ['postKey', 'lang', 'segmentId'] });
    drafts.createIndex('byPostLang', ['postKey', 'lang']);
    drafts.createIndex('byUpdatedAt', 'updatedAt');
    const revisions = db.createObjectStore('revisions', { autoIncrement: true });
    revisions.createIndex('bySegment', ['postKey', 'lang', 'segmentId']);
  }
  if (oldVersion < 2) {
    db.createObjectStore('outbox', { keyPath: 'docId' });
    db.createObjectStore('remoteRevs', { keyPath: 'docId' });
    db.createObjectStore('syncMeta');
  }
}

describe('schema v3', () => {
  it('opens a v2 database full of drafts and history, keeps everything, and remembers its drafts', async () => {
    const name = `v2-${n++}`;
    const v2 = await openDB(name, 2, { upgrade: (db, oldVersion) => upgradeV2(db, oldVersion) });
    const segments = Array.from({ length: 40 }, (_, i) => ({ id: `p-${i}`, kind: 'paragraph' as const, text: `Paragraph number ${i} of the post about Wikimania.` }));
    const post: PostRecord = { key: POST, url: POST, title: 'Upgrade', sourceLanguage: 'en', cta: null, segments, targetLanguage: 'ru', firstSeen: 1, lastSeen: 2, hlc: hlcAt(2, 'device000001') };
    await v2.put('posts', post);
    await v2.put('syncMeta', 'device000001', 'deviceId');
    for (const [i, segment] of segments.entries()) {
      const draft: DraftRecord = { postKey: POST, lang: 'ru', segmentId: segment.id, text: `Абзац номер ${i}.`, rev: 3, updatedAt: 1_000 + i, hlc: hlcAt(1_000 + i, 'device000001') };
      await v2.put('drafts', draft);
      for (let rev = 1; rev <= 3; rev++) {
        const revision: RevisionRecord = { postKey: POST, lang: 'ru', segmentId: segment.id, rev, text: `Абзац номер ${i}`.slice(0, 5 + rev), at: 900 + rev };
        await v2.add('revisions', revision);
      }
      await v2.put('outbox', { docId: draftDocId(POST, 'ru', segment.id), target: ['draft', POST, 'ru', segment.id], stamp: draft.hlc });
    }
    v2.close();

    const store = await openDraftStore(name, () => 10_000);
    expect(store.db.version).toBe(DB_VERSION);
    expect([...store.db.objectStoreNames]).toEqual(expect.arrayContaining(['glossary', 'memoryUnits']));
    expect(await store.db.count('drafts')).toBe(40);
    expect(await store.db.count('revisions')).toBe(120);
    expect(await store.db.count('outbox')).toBe(40);
    expect((await store.getRevisions(POST, 'ru', 'p-7')).map((r) => r.rev)).toEqual([1, 2, 3]);

    const service = new MemoryService(store.db);
    const copy = { ...post, key: `${POST}copy/`, url: `${POST}copy/` };
    await store.db.put('posts', copy);
    const [match] = await service.matches({ postKey: copy.key, lang: 'ru', segmentId: 'p-7' });
    expect(match).toMatchObject({ percent: 101, target: 'Абзац номер 7.' });
  });
});

describe('glossary entries and memory units through the replica', () => {
  it('pushes them from the outbox, takes in pulled ones (the later stamp wins), and refuses forged ones', async () => {
    const store = await openDraftStore(`entries-${n++}`, () => 2_000_000);
    const replica = new SyncReplica(store.db);
    const [entry] = await writeGlossary(store, [{ input: { sourceLang: 'en-US', targetLang: 'ru', source: 'Wikimania', targets: ['Викимания'], note: '', avoid: [] } }]);
    expect(entry).toMatchObject({ sourceLang: 'en', targetLang: 'ru' });
    await importUnits(store, [{ sourceLang: 'en', targetLang: 'ru', source: 'Hello', target: 'Привет' }], 'a.tmx');
    const { items } = await replica.outboxBatch(undefined, 10);
    expect(items.map((i) => i.doc)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ _id: glossaryDocId(entry!.id), type: 'glossary', source: 'Wikimania', targets: ['Викимания'] }),
        expect.objectContaining({ _id: unitDocId(unitId('en', 'ru', 'Hello', 'Привет')), type: 'unit', target: 'Привет' }),
      ]),
    );

    const later = { ...items.find((i) => i.doc.type === 'glossary')!.doc, _rev: '2-b', targets: ['Викимания', 'Уикимания'], hlc: hlcAt(3_000_000, 'otherdevice1') };
    const earlier = { ...later, _rev: '3-c', targets: ['Старое'], hlc: hlcAt(1_000, 'otherdevice1') };
    const forged = { ...later, _id: 'glossary:someone-else', _rev: '1-z' };
    await replica.applyRemote([{ doc: later }, { doc: forged }]);
    expect((await store.db.get('glossary', entry!.id))!.targets).toEqual(['Викимания', 'Уикимания']);
    expect(await store.db.count('glossary')).toBe(1);
    await replica.applyRemote([{ doc: earlier }]);
    expect((await store.db.get('glossary', entry!.id))!.targets).toEqual(['Викимания', 'Уикимания']);
    const text = 'Пока';
    const unit = { _id: unitDocId(unitId('en', 'ru', 'Bye', text)), _rev: '1-u', type: 'unit', id: unitId('en', 'ru', 'Bye', text), sourceLang: 'en', targetLang: 'ru', source: 'Bye', target: text, origin: 'b.tmx', at: 5, hlc: hlcAt(5, 'otherdevice1') };
    await replica.applyRemote([{ doc: unit }, { doc: { ...unit, _id: unitDocId(unitId('en', 'ru', 'Bye', 'Ложь')), id: unitId('en', 'ru', 'Bye', 'Ложь') } }]);
    expect((await store.db.getAll('memoryUnits')).map((u) => u.target).sort()).toEqual(['Пока', 'Привет']);

    // Another server: everything is queued again, the glossary and units too.
    await replica.startOver('https://first.example/db');
    await store.db.clear('outbox');
    await replica.startOver('https://elsewhere.example/db');
    expect((await store.db.getAllKeys('outbox')).filter((k) => !String(k).startsWith('draft:') && !String(k).startsWith('post:')).length).toBe(3);
  });

  it('merges a glossary entry’s conflict branches: the later stamp wins, and the losing branch is pruned once the merge is on the server', async () => {
    const store = await openDraftStore(`entries-${n++}`, () => 2_000_000);
    const replica = new SyncReplica(store.db);
    const [entry] = await writeGlossary(store, [{ input: { sourceLang: 'en', targetLang: 'ru', source: 'Diff', targets: ['Дифф'], note: '', avoid: [] } }]);
    const { items } = await replica.outboxBatch(undefined, 10);
    const served = { ...items.find((i) => i.doc.type === 'glossary')!.doc, _rev: '2-a', targets: ['Дифф'], hlc: hlcAt(3_000_000, 'otherdevice1') };
    const branch = { ...served, _rev: '2-b', targets: ['Блог Diff'], hlc: hlcAt(4_000_000, 'otherdevice2') };
    await replica.applyRemote([{ doc: served, branches: [branch] }]);
    expect((await store.db.get('glossary', entry!.id))!.targets).toEqual(['Блог Diff']);
    // The server's winning revision lacks the later text: the merge is pushed on it, then the branch goes.
    const [item] = await replica.outboxItems([glossaryDocId(entry!.id)]);
    expect(item!.doc).toMatchObject({ _rev: '2-a', targets: ['Блог Diff'] });
    expect(await replica.branchesToPrune()).toEqual({});
    await replica.acknowledge([{ docId: glossaryDocId(entry!.id), rev: '3-c', hlc: branch.hlc, stamp: item!.entry.stamp }]);
    expect(await replica.branchesToPrune()).toEqual({ [glossaryDocId(entry!.id)]: ['2-b'] });
  });
});
