// @vitest-environment node
// The sync engine against a real CouchDB-protocol server (a child process): devices are separate
// fake-indexeddb databases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftDocId } from '../../utils/sync/doc-ids';
import { formatHlc } from '../../utils/sync/hlc';
import { Device, openTeam, samplePost, type DeviceOptions } from '../support/sync-devices';
import { startCouchServer, type CouchServer } from '../support/couch-server';

let server: CouchServer;
let dbCount = 0;

beforeAll(async () => {
  server = await startCouchServer();
}, 30_000);
afterAll(() => server?.stop());

const POST = 'https://diff.wikimedia.org/2024/09/05/sync-test/';

/** A fresh database and devices on it, logged in as the server admin unless told otherwise. */
const team = (names: string[], options: Partial<DeviceOptions> = {}) => openTeam(server, names, options);

/** The server's drafts and post heads (a post's source parts aside). */
async function serverDocs(database: string) {
  const answer = await server.asAdmin('GET', `/${database}/_all_docs?include_docs=true`);
  const docs = answer.body.rows.map((row: { doc: unknown }) => row.doc) as Array<Record<string, any>>;
  return docs.filter((doc) => doc.type !== 'post-part');
}

describe('sync between devices through the server', () => {
  it('carries drafts and the post from one device to another', async () => {
    const [laptop, desktop] = await team(['laptop', 'desktop']);
    await laptop.store.savePost(samplePost(3));
    await laptop.type(POST, 'ru', 'p-00000000001', 'Второй абзац.');
    await laptop.type(POST, 'ru', 'p-00000000002', 'Третий.');
    expect(await laptop.replica.pendingCount()).toBe(3);

    const pushed = await laptop.sync();
    expect(pushed.pushed).toBe(3);
    expect(await laptop.replica.pendingCount()).toBe(0);
    expect(laptop.engine.status).toMatchObject({ state: 'synced' });

    await desktop.sync();
    expect(await desktop.text(POST, 'ru', 'p-00000000001')).toBe('Второй абзац.');
    expect((await desktop.store.getPost(POST))?.segments).toHaveLength(3);
    expect(await desktop.store.listPostsWithDrafts()).toMatchObject([{ key: POST, lang: 'ru', progress: { drafted: 2, total: 3 } }]);
    // Pulled drafts are announced, with who wrote them, and are not queued back as local changes.
    expect(desktop.remoteChanges.flatMap((c) => c.drafts).map((d) => [d.segmentId, d.device])).toEqual([
      ['p-00000000001', 'laptop'],
      ['p-00000000002', 'laptop'],
    ]);
    expect(await desktop.replica.pendingCount()).toBe(0);
    expect((await desktop.history(POST, 'ru', 'p-00000000001')).map((r) => [r.text, r.device, r.origin])).toEqual([
      ['Второй абзац.', 'laptop', 'pulled'],
    ]);

    // And back: an edit on the desktop reaches the laptop.
    await desktop.type(POST, 'ru', 'p-00000000001', 'Второй абзац, исправленный.');
    await desktop.sync();
    await laptop.sync();
    expect(await laptop.text(POST, 'ru', 'p-00000000001')).toBe('Второй абзац, исправленный.');
    expect((await laptop.draft(POST, 'ru', 'p-00000000001'))?.concurrentEdits).toBeUndefined();
    expect(await laptop.replica.pendingCount()).toBe(0);
  });

  it('keeps in history a text another tool wrote over this device’s with an older stamp', async () => {
    let wall = 9_500_000;
    const [laptop] = await team(['laptop'], { now: () => wall });
    await laptop.type(POST, 'cs', 'p-1', 'Můj text.');
    await laptop.sync();
    // A script with its own clock, far behind, writes a new revision on top of the laptop's.
    const id = draftDocId(POST, 'cs', 'p-1');
    const path = `/${laptop.settings.database}/${encodeURIComponent(id)}`;
    const { base: _base, ...current } = (await server.asAdmin('GET', path)).body;
    const written = await server.asAdmin('PUT', path, { ...current, text: 'Text ze skriptu.', hlc: formatHlc({ wall: wall - 1_000, counter: 0, node: 'script' }), device: 'script' });
    expect(written.status).toBe(201);
    wall += 10;
    await laptop.sync();
    // The laptop's text is later and stays, as everywhere; the script's is in history, not lost.
    expect(await laptop.text(POST, 'cs', 'p-1')).toBe('Můj text.');
    expect((await laptop.history(POST, 'cs', 'p-1')).map((r) => r.text)).toContain('Text ze skriptu.');
  });

  it('merges a post both devices saw, when its push meets the other one, with its parts', async () => {
    let wall = 9_000_000;
    const [laptop, desktop] = await team(['laptop', 'desktop'], { now: () => wall });
    await laptop.store.savePost(samplePost(3));
    await laptop.sync();
    wall += 100;
    // The desktop saw the post later, with a paragraph more, before it ever synced.
    await desktop.store.savePost(samplePost(4));
    desktop.net.take();
    await desktop.sync();
    // Its parts, then its head, which met the laptop's: merged there (read with its parts), then
    // pushed on it once. (Without the parts, the merge could not read the head, and the same push
    // met the same conflict until the pull.)
    const pushes = desktop.net.take().filter((r) => r.url.endsWith('/_bulk_docs'));
    expect(pushes).toHaveLength(3);
    expect(await desktop.replica.pendingCount()).toBe(0);
    await laptop.sync();
    expect((await laptop.store.getPost(POST))?.segments).toHaveLength(4);
  });

  it('uploads only the edited paragraph: bytes follow the paragraph, not the post', async () => {
    const [laptop] = await team(['laptop']);
    await laptop.store.savePost(samplePost(200));
    for (let i = 0; i < 200; i++) await laptop.type(POST, 'de', `p-${i.toString(36).padStart(11, '0')}`, `Absatz ${i}.`);
    await laptop.sync();
    laptop.net.take();

    await laptop.type(POST, 'de', 'p-0000000000a', 'Ein geänderter Absatz, etwa so lang wie ein echter: '.repeat(6));
    await laptop.sync();
    const requests = laptop.net.take();
    const push = requests.filter((r) => r.url.endsWith('/_bulk_docs'));
    expect(push).toHaveLength(1);
    const docs = JSON.parse(push[0]!.body!).docs;
    expect(docs.map((d: { _id: string }) => d._id)).toEqual([draftDocId(POST, 'de', 'p-0000000000a')]);
    expect(push[0]!.bytes).toBeLessThan(2048);
  });

  it('never sends one id twice in a batch, and pushes in batches', async () => {
    const [laptop] = await team(['laptop'], { pushBatchSize: 7 });
    await laptop.store.savePost(samplePost(20));
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 20; i++) await laptop.type(POST, 'fr', `p-${i.toString(36).padStart(11, '0')}`, `Paragraphe ${i}, version ${round}.`);
    }
    expect(await laptop.replica.pendingCount()).toBe(21); // one entry per document: later changes replace
    await laptop.sync();
    const batches = laptop.net
      .take()
      .filter((r) => r.url.endsWith('/_bulk_docs'))
      .map((r) => JSON.parse(r.body!).docs as { _id: string; type: string }[])
      .filter((docs) => docs.every((d) => d.type !== 'post-part')); // the post's source goes first, alone
    expect(batches.map((b) => b.length)).toEqual([7, 7, 7]);
    const ids = batches.flat().map((d) => d._id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('lets a team share a database: two users see each other’s drafts, with who and which device', async () => {
    const database = `team-${dbCount++}`;
    await server.createDatabase(database);
    await server.createUser('amina', 'amina-pw');
    await server.createUser('bolat', 'bolat-pw');
    await server.restrictDatabase(database, ['amina', 'bolat']);
    const [translator] = await team(['amina-laptop'], { database, username: 'amina', password: 'amina-pw' });
    const [reviewer] = await team(['bolat-desktop'], { database, username: 'bolat', password: 'bolat-pw' });

    await translator.store.savePost(samplePost(2));
    await translator.type(POST, 'kk', 'p-00000000000', 'Бірінші абзац.');
    await translator.sync();
    await reviewer.sync();
    await reviewer.type(POST, 'kk', 'p-00000000000', 'Бірінші абзац (түзетілген).');
    await reviewer.sync();
    await translator.sync();

    expect(await translator.text(POST, 'kk', 'p-00000000000')).toBe('Бірінші абзац (түзетілген).');
    const history = (device: Device) => device.history(POST, 'kk', 'p-00000000000');
    // Typed before sync was set up: "this device", unnamed; named on the server and elsewhere.
    expect((await history(translator)).map((r) => [r.text, r.user, r.device, r.origin])).toEqual([
      ['Бірінші абзац.', undefined, undefined, 'local'],
      ['Бірінші абзац (түзетілген).', 'bolat', 'bolat-desktop', 'pulled'],
    ]);
    expect((await history(reviewer)).map((r) => [r.text, r.user, r.device, r.origin])).toEqual([
      ['Бірінші абзац.', 'amina', 'amina-laptop', 'pulled'],
      ['Бірінші абзац (түзетілген).', 'bolat', 'bolat-desktop', 'local'],
    ]);
    // A wrong password gets the server's own words, and sync waits for other settings.
    const [outsider] = await team(['stranger'], { database, username: 'amina', password: 'wrong' });
    await outsider.type(POST, 'kk', 'p-00000000001', 'x');
    await expect(outsider.sync()).rejects.toThrow();
    expect(outsider.engine.status).toMatchObject({ state: 'login-refused', reason: expect.stringMatching(/unauthorized, HTTP 401/), pending: 1 });
  });

  it('keeps the losing text of a same-segment conflict in history and flags it on both devices', async () => {
    let wall = 1_000_000;
    const [a, b] = await team(['a', 'b'], { now: () => wall });
    await a.type(POST, 'es', 'p-1', 'Base.');
    await a.sync();
    await b.sync();
    await a.type(POST, 'es', 'p-1', 'Versión de A.');
    wall += 10;
    await b.type(POST, 'es', 'p-1', 'Versión de B (más tarde).');
    await a.type(POST, 'es', 'p-2', 'Otro párrafo de A.'); // a different segment merges cleanly
    await a.sync();
    const report = await b.sync(); // conflict on push: fetch, merge, push again
    expect(report.conflicts).toBe(1);
    await a.sync();

    for (const device of [a, b]) {
      expect(await device.text(POST, 'es', 'p-1')).toBe('Versión de B (más tarde).');
      expect(await device.text(POST, 'es', 'p-2')).toBe('Otro párrafo de A.');
      const draft = await device.draft(POST, 'es', 'p-1');
      expect(draft?.concurrentEdits?.map((e) => [e.text, e.device])).toEqual([['Versión de A.', 'a']]);
      expect((await device.history(POST, 'es', 'p-1')).map((r) => r.text)).toContain('Versión de A.');
      expect(await device.replica.pendingCount()).toBe(0);
    }
    // Marking it reviewed stops the flag everywhere.
    await a.store.markReviewed({ postKey: POST, lang: 'es', segmentId: 'p-1' });
    await a.sync();
    await b.sync();
    expect((await b.draft(POST, 'es', 'p-1'))?.concurrentEdits).toBeUndefined();
    expect(await b.text(POST, 'es', 'p-1')).toBe('Versión de B (más tarde).');
  });

  it('lets a later edit win over a deletion, and a later deletion over an edit, keeping the text', async () => {
    let wall = 2_000_000;
    const [a, b] = await team(['a', 'b'], { now: () => wall });
    await a.type(POST, 'it', 'p-1', 'Testo.');
    await a.sync();
    await b.sync();
    await a.store.deleteDraft({ postKey: POST, lang: 'it', segmentId: 'p-1' });
    wall += 5;
    await b.type(POST, 'it', 'p-1', 'Testo corretto dopo.');
    await a.sync();
    await b.sync();
    await a.sync();
    for (const device of [a, b]) {
      const draft = await device.draft(POST, 'it', 'p-1');
      expect([draft?.text, draft?.deleted]).toEqual(['Testo corretto dopo.', undefined]);
      expect(draft?.concurrentEdits).toBeUndefined(); // a losing deletion loses no text
    }

    await b.type(POST, 'it', 'p-2', 'Da cancellare?');
    await b.sync();
    await a.sync();
    await b.type(POST, 'it', 'p-2', 'Da cancellare? No, modificato.');
    wall += 5;
    await a.store.deleteDraft({ postKey: POST, lang: 'it', segmentId: 'p-2' });
    await b.sync();
    await a.sync();
    await b.sync();
    for (const device of [a, b]) {
      const draft = await device.draft(POST, 'it', 'p-2');
      expect([draft?.text, draft?.deleted]).toEqual(['', true]);
      expect(draft?.concurrentEdits?.map((e) => e.text)).toEqual(['Da cancellare? No, modificato.']);
    }
  });

  it('converges without duplicates when the worker dies after the server took a push', async () => {
    const [a, b] = await team(['a', 'b']);
    await a.store.savePost(samplePost(3));
    await a.type(POST, 'pt-BR', 'p-00000000000', 'Primeiro.');
    await a.type(POST, 'pt-BR', 'p-00000000001', 'Segundo.');
    a.net.loseAnswer = (request) => request.url.endsWith('/_bulk_docs');
    await expect(a.sync()).rejects.toThrow();
    expect(a.engine.status).toMatchObject({ state: 'offline', pending: 3 });
    await a.restart(); // the service worker is stopped: only IndexedDB remains
    a.net.loseAnswer = () => false;
    await a.sync();
    expect(await a.replica.pendingCount()).toBe(0);
    await b.sync();
    expect(await b.text(POST, 'pt-BR', 'p-00000000001')).toBe('Segundo.');
    const docs = await serverDocs(a.settings.database);
    expect(docs).toHaveLength(3);
    expect(docs.every((d) => d._rev.startsWith('1-'))).toBe(true); // pushed once, not twice
    expect((await a.draft(POST, 'pt-BR', 'p-00000000000'))?.concurrentEdits).toBeUndefined();
  });

  it('converges when the worker is stopped between the server’s answer and clearing the outbox', async () => {
    const [a, b] = await team(['a', 'b']);
    await a.type(POST, 'fi', 'p-1', 'Kappale.');
    a.replica.acknowledge = async () => {
      throw new Error('the service worker was stopped');
    };
    await expect(a.sync()).rejects.toThrow(/stopped/);
    await a.restart();
    expect(await a.replica.pendingCount()).toBe(1); // the server has it; this device does not know yet
    await a.type(POST, 'fi', 'p-1', 'Kappale, jatkettu.'); // and the translator goes on typing
    await a.sync();
    await b.sync();
    expect(await b.text(POST, 'fi', 'p-1')).toBe('Kappale, jatkettu.');
    expect((await a.draft(POST, 'fi', 'p-1'))?.concurrentEdits).toBeUndefined(); // not a conflict with itself
    expect(await serverDocs(a.settings.database)).toHaveLength(1);
  });

  it('resumes a pull from its checkpoint after a restart', async () => {
    const [a, b] = await team(['a', 'b'], { pullLimit: 4 });
    for (let i = 0; i < 10; i++) await a.type(POST, 'nl', `p-${i}`, `Alinea ${i}.`);
    await a.sync();
    let changesCalls = 0;
    b.net.loseAnswer = (request) => request.url.includes('/_changes') && ++changesCalls === 2;
    await expect(b.sync()).rejects.toThrow();
    expect((await b.store.getDrafts(POST, 'nl')).length).toBe(4); // the first page is in, with its checkpoint
    await b.restart();
    b.net.loseAnswer = () => false;
    b.net.take();
    await b.sync();
    expect((await b.store.getDrafts(POST, 'nl')).length).toBe(10);
    const sinces = b.net.take().filter((r) => r.url.includes('/_changes')).map((r) => new URL(r.url).searchParams.get('since'));
    expect(sinces[0]).not.toBeNull(); // did not start from scratch
  });

  it('says offline when the server cannot be reached, and catches up after', async () => {
    const [a, b] = await team(['a', 'b']);
    a.net.offline = true;
    await a.type(POST, 'pl', 'p-1', 'Akapit.');
    await expect(a.sync()).rejects.toThrow();
    expect(a.engine.status).toMatchObject({ state: 'offline', pending: 1 });
    a.net.offline = false;
    await a.sync();
    expect(a.engine.status).toMatchObject({ state: 'synced' });
    await b.sync();
    expect(await b.text(POST, 'pl', 'p-1')).toBe('Akapit.');
  });

  it('ignores what is not a well-formed Interlinear document in a shared database', async () => {
    const [a] = await team(['a']);
    const good = { type: 'draft', post: POST, lang: 'cs', segment: 'p-1', text: 'Dobrý.', hlc: '000000000001000-0000-zz' };
    const junk = [
      { _id: 'somebody-elses-doc', type: 'draft', text: 'x' },
      { _id: draftDocId(POST, 'cs', 'p-2'), ...good, segment: 'p-1' }, // claims another segment's id
      { _id: draftDocId('javascript:alert(1)', 'cs', 'p-1'), ...good, post: 'javascript:alert(1)' },
      { _id: draftDocId(POST, 'cs', 'p-3'), ...good, segment: 'p-3', hlc: 'yesterday' },
      { _id: '_design/app', views: {} },
      { _id: 'post:whatever', type: 'post', key: POST },
    ];
    const answer = await server.asAdmin('POST', `/${a.settings.database}/_bulk_docs`, {
      docs: [...junk, { _id: draftDocId(POST, 'cs', 'p-1'), ...good }],
    });
    expect(answer.status).toBe(201);
    await a.sync();
    expect((await a.store.getDrafts(POST, 'cs')).map((d) => [d.segmentId, d.text])).toEqual([['p-1', 'Dobrý.']]);
    expect(await a.store.db.count('drafts')).toBe(1);
  });

  it('starts over on another database: the new one gets everything', async () => {
    const [a] = await team(['a']);
    await a.type(POST, 'sv', 'p-1', 'Stycke.');
    await a.sync();
    const other = `engine-${dbCount++}`;
    await server.createDatabase(other);
    a.options.database = other;
    await a.sync();
    expect((await serverDocs(other)).map((d) => d.text)).toEqual(['Stycke.']);
  });
});
