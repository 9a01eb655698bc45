// @vitest-environment node
// What a CouchDB 3 cluster or Cloudant does to documents, against the test server's CouchDB 3
// layer: size limits (413), conflict branches and 202 answers, validate_doc_update refusals.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { draftDocId, postDocId } from '../../utils/sync/doc-ids';
import { formatHlc } from '../../utils/sync/hlc';
import { setAsideDraftsOf } from '../../utils/sync/set-aside';
import { openTeam, samplePost, type DeviceOptions } from '../support/sync-devices';
import { startCouchServer, type CouchServer } from '../support/couch-server';

let server: CouchServer;
beforeAll(async () => {
  server = await startCouchServer();
}, 30_000);
afterAll(() => server?.stop());
afterEach(() => server.configure({ reset: true }));

const POST = 'https://diff.wikimedia.org/2024/09/05/sync-test/';
const MB = 1_000_000;

const team = (names: string[], options: Partial<DeviceOptions> = {}) => openTeam(server, names, options);

async function allDocs(database: string): Promise<Array<Record<string, any>>> {
  const answer = await server.asAdmin('GET', `/${database}/_all_docs?include_docs=true`);
  return answer.body.rows.map((row: { doc: Record<string, any> }) => row.doc);
}

const bytes = (doc: unknown) => Buffer.byteLength(JSON.stringify(doc));

describe('documents within the server’s limits', () => {
  it('writes a long post’s source in parts under 1 MB each, and the other device reads it whole', async () => {
    await server.configure({ maxDocumentSize: MB }); // Cloudant's limit
    const [a, b] = await team(['a', 'b']);
    const post = samplePost(3_000, POST, 600); // 1.9 MB of source
    await a.store.savePost(post);
    await a.type(POST, 'de', post.segments[2_999]!.id, 'Der letzte Absatz.');
    await a.sync();
    const docs = await allDocs(a.settings.database);
    expect(Math.max(...docs.map(bytes))).toBeLessThan(MB);
    expect(docs.filter((d) => d.type === 'post-part').length).toBeGreaterThan(5);
    await b.sync();
    expect((await b.store.getPost(POST))?.segments).toEqual(post.segments.map(({ id, kind, text }) => ({ id, kind, text })));
    expect(await b.text(POST, 'de', post.segments[2_999]!.id)).toBe('Der letzte Absatz.');

    // A changed paragraph sends the head and the part that changed, not the whole source again.
    a.net.take();
    await a.store.savePost({ ...post, segments: post.segments.map((s, i) => (i === 5 ? { ...s, text: `${s.text} Edited.` } : s)) });
    await a.sync();
    const sent = a.net.take().filter((r) => r.url.endsWith('/_bulk_docs')).flatMap((r) => JSON.parse(r.body!).docs as Array<{ type: string }>);
    expect(sent.map((d) => d.type).sort()).toEqual(['post', 'post-part']);
  }, 30_000);

  it('halves requests a proxy refuses as too large (413), and every draft arrives', async () => {
    await server.configure({ maxRequestSize: 20_000, requestLimitBy: 'proxy' });
    const [a, b] = await team(['a', 'b'], { pushRequestBytes: 200_000 });
    for (let i = 0; i < 120; i++) await a.type(POST, 'fr', `p-${i}`, `Paragraphe ${i}. ${'Texte. '.repeat(40)}`);
    await a.sync();
    expect(a.engine.status).toMatchObject({ state: 'synced' });
    await b.sync();
    expect(await b.store.getDrafts(POST, 'fr')).toHaveLength(120);
  });

  it('sets aside a draft the server finds too large, keeps it, and syncs everything else — the pull too', async () => {
    await server.configure({ maxDocumentSize: 5_000 });
    const [a, b] = await team(['a', 'b']);
    await b.type(POST, 'es', 'p-b', 'Escrito en B.');
    await b.sync();
    const huge = 'Un párrafo enorme. '.repeat(400); // ~7.6 KB
    await a.type(POST, 'es', 'p-1', 'Corto.');
    await a.type(POST, 'es', 'p-2', huge);
    await a.type(POST, 'es', 'p-3', 'También corto.');
    const report = await a.sync(); // resolves: one document refused is not a failed sync
    expect(report.pushed).toBe(2);
    expect(await a.text(POST, 'es', 'p-b')).toBe('Escrito en B.'); // the pull ran
    expect(a.engine.status).toMatchObject({ state: 'synced', setAside: 1 });
    expect(await a.text(POST, 'es', 'p-2')).toBe(huge); // kept here
    const aside = setAsideDraftsOf(await a.replica.setAsideList(), POST, 'es');
    expect(aside).toEqual({ 'p-2': { error: 'document_too_large', reason: 'too large for the server (9 KB)' } });
    expect(await a.replica.pendingCount()).toBe(0);

    // Not tried again by every sync; tried when edited, and goes once it fits.
    a.net.take();
    await a.sync();
    expect(a.net.take().filter((r) => r.url.endsWith('/_bulk_docs'))).toEqual([]);
    await a.type(POST, 'es', 'p-2', 'Ahora cabe.');
    await a.sync();
    expect(a.engine.status).toMatchObject({ state: 'synced' });
    expect(a.engine.status).not.toHaveProperty('setAside');
    await b.sync();
    expect(await b.text(POST, 'es', 'p-2')).toBe('Ahora cabe.');
  });

  it('sets aside a draft refused by validate_doc_update, with the server’s reason, and syncs the rest on time', async () => {
    const [a, b] = await team(['a', 'b']);
    await server.setValidation(a.settings.database, 'function (doc) { if (doc.text && doc.text.indexOf("http://") >= 0) throw({ forbidden: "Links must use https." }); }');
    await a.type(POST, 'pt', 'p-1', 'Veja http://example.org.');
    await a.type(POST, 'pt', 'p-2', 'Sem ligação.');
    await a.sync();
    expect(a.engine.status).toMatchObject({ state: 'synced', setAside: 1 });
    expect(setAsideDraftsOf(await a.replica.setAsideList(), POST, 'pt')).toEqual({ 'p-1': { error: 'forbidden', reason: 'Links must use https.' } });
    await b.sync();
    expect(await b.text(POST, 'pt', 'p-2')).toBe('Sem ligação.');
    expect(await b.text(POST, 'pt', 'p-1')).toBeUndefined();
    // "Sync now" tries it again (the team may have changed its rules): still refused, still set aside.
    a.engine.retrySetAside();
    a.net.take();
    await a.sync();
    expect(a.net.take().some((r) => r.body?.includes(draftDocId(POST, 'pt', 'p-1')))).toBe(true);
    expect(a.engine.status).toMatchObject({ state: 'synced', setAside: 1 });
  });
});

describe('conflict branches, as a cluster makes them', () => {
  it('merges branches left by writes the cluster took on different copies (202), keeps both texts, and deletes the loser', async () => {
    let wall = 5_000_000;
    const [a, b] = await team(['a', 'b'], { now: () => wall });
    await a.type(POST, 'ru', 'p-1', 'Общий текст.');
    await a.sync();
    await b.sync();
    await server.configure({ accepted: true }); // no quorum: both writes are kept, no 409
    await a.type(POST, 'ru', 'p-1', 'Версия A.');
    wall += 10;
    await b.type(POST, 'ru', 'p-1', 'Версия B, позже.');
    await a.sync();
    b.net.take();
    await b.sync();
    expect(b.net.take().some((r) => r.url.includes('/_bulk_docs'))).toBe(true);
    await server.configure({ accepted: false });
    await a.sync();
    await b.sync();
    await a.sync();
    for (const device of [a, b]) {
      expect(await device.text(POST, 'ru', 'p-1')).toBe('Версия B, позже.');
      const draft = await device.draft(POST, 'ru', 'p-1');
      expect(draft?.concurrentEdits?.map((e) => [e.text, e.device])).toEqual([['Версия A.', 'a']]);
      expect((await device.history(POST, 'ru', 'p-1')).map((r) => r.text)).toContain('Версия A.');
    }
    const doc = await server.asAdmin('GET', `/${a.settings.database}/${encodeURIComponent(draftDocId(POST, 'ru', 'p-1'))}?conflicts=true`);
    expect(doc.body._conflicts).toBeUndefined(); // the losing branch is gone
    expect(doc.body.text).toBe('Версия B, позже.');
  });

  for (const pushing of [false, true]) {
    // A device that pushes asks the feed for revisions only (every leaf); one that does not, for documents.
    it(`reads a branch a replication brought in, and flags it for review (${pushing ? 'revisions only' : 'with documents'})`, async () => {
      let wall = 6_000_000;
      const [a, b] = await team(['a', 'b'], { now: () => wall });
      await a.type(POST, 'uk', 'p-1', 'Спільний текст.');
      await a.sync();
      await b.sync();
      wall += 50;
      const id = draftDocId(POST, 'uk', 'p-1');
      // Another database's edit of the same draft, replicated in: a sibling of the current revision.
      const current = (await server.asAdmin('GET', `/${a.settings.database}/${encodeURIComponent(id)}`)).body;
      const { _id, _rev, ...body } = current;
      const hlc = formatHlc({ wall: wall + 10, counter: 0, node: 'other' });
      await server.addConflictBranch(a.settings.database, id, { ...body, text: 'Текст з іншої бази.', hlc, device: 'elsewhere' });
      if (pushing) await b.type(POST, 'uk', 'p-2', 'Інший абзац.');
      await b.sync(); // the first to see the branch
      await a.sync();
      for (const device of [a, b]) {
        const draft = await device.draft(POST, 'uk', 'p-1');
        expect(draft?.text).toBe('Текст з іншої бази.'); // the later stamp wins
        expect(draft?.concurrentEdits?.map((e) => e.text)).toEqual(['Спільний текст.']);
      }
      const doc = await server.asAdmin('GET', `/${a.settings.database}/${encodeURIComponent(id)}?conflicts=true`);
      expect(doc.body._conflicts).toBeUndefined();
      expect(await b.replica.pendingCount()).toBe(0);
    });
  }

  it('merges every branch when a push meets a conflict, also one older than its text that CouchDB shows as the document', async () => {
    let wall = 7_000_000;
    const [a, b] = await team(['a', 'b'], { now: () => wall });
    const id = draftDocId(POST, 'pl', 'p-1');
    await a.type(POST, 'pl', 'p-1', 'Tekst A.');
    wall += 10;
    await b.type(POST, 'pl', 'p-1', 'Tekst B, później.');
    await b.sync();
    // a's push meets b's text: merged (b's wins, a's flagged), pushed again, and that answer lost.
    let pushes = 0;
    a.net.loseAnswer = (request) => request.url.endsWith('/_bulk_docs') && ++pushes === 2;
    await a.sync().catch(() => undefined);
    a.net.loseAnswer = () => false;
    expect(pushes).toBe(2);
    // Another database's older edit replicated in beside the merged revision, which it outranks.
    const current = (await server.asAdmin('GET', `/${a.settings.database}/${encodeURIComponent(id)}`)).body;
    const { _id, _rev, base: _base, concurrentEdits: _flags, ...body } = current;
    const hlc = formatHlc({ wall: wall - 5, counter: 0, node: 'other' });
    await server.addConflictBranch(a.settings.database, id, { ...body, text: 'Tekst z innej bazy.', hlc, device: 'elsewhere' }, { wins: true });
    // a pushes the merge again on the revision it knows: a conflict, with the branch as the document.
    await a.sync();
    await b.sync();
    await a.sync();
    for (const device of [a, b]) {
      const draft = await device.draft(POST, 'pl', 'p-1');
      expect(draft?.text).toBe('Tekst B, później.');
      expect(draft?.concurrentEdits?.map((e) => e.text)).toEqual(['Tekst A.', 'Tekst z innej bazy.']);
      expect((await device.history(POST, 'pl', 'p-1')).map((r) => r.text)).toContain('Tekst z innej bazy.');
    }
    const doc = await server.asAdmin('GET', `/${a.settings.database}/${encodeURIComponent(id)}?conflicts=true`);
    expect(doc.body._conflicts).toBeUndefined();
    expect(doc.body.text).toBe('Tekst B, później.');
  });

  it('takes a 202 answer as accepted', async () => {
    const [a, b] = await team(['a', 'b']);
    await server.configure({ accepted: true });
    await a.store.savePost(samplePost(2));
    await a.type(POST, 'ja', 'p-00000000001', '段落。');
    await a.sync();
    expect(a.engine.status).toMatchObject({ state: 'synced' });
    expect(await a.replica.pendingCount()).toBe(0);
    await b.sync();
    expect(await b.text(POST, 'ja', 'p-00000000001')).toBe('段落。');
    expect((await allDocs(a.settings.database)).some((d) => d._id === postDocId(POST))).toBe(true);
  });
});
