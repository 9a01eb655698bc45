// @vitest-environment node
// A segment's status between devices, through a real CouchDB-protocol server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Device, samplePost } from '../support/sync-devices';
import { startCouchServer, type CouchServer } from '../support/couch-server';

let server: CouchServer;
beforeAll(async () => {
  server = await startCouchServer();
}, 30_000);
afterAll(() => server?.stop());

const POST = 'https://diff.wikimedia.org/2024/09/05/sync-test/';
const SEGMENT = 'p-00000000001';

describe('statuses in sync', () => {
  it('carries a done mark to the other device, with its revision, and brings it back when edited', async () => {
    await server.createDatabase('status-0');
    const open = (deviceName: string) =>
      Device.open({ serverUrl: server.url, database: 'status-0', username: server.admin.username, password: server.admin.password, deviceName });
    const [laptop, desktop] = await Promise.all([open('laptop'), open('desktop')]);
    await laptop.store.savePost(samplePost(3));
    await laptop.type(POST, 'ru', SEGMENT, 'Второй абзац.');
    await laptop.sync();
    await desktop.sync();

    await laptop.store.setStatus({ postKey: POST, lang: 'ru', segmentId: SEGMENT }, 'done');
    expect((await laptop.sync()).pushed).toBe(1);
    await desktop.sync();
    expect(await desktop.draft(POST, 'ru', SEGMENT)).toMatchObject({ text: 'Второй абзац.', status: 'done', device: 'laptop' });
    expect((await desktop.history(POST, 'ru', SEGMENT)).map((r) => [r.text, r.origin, r.status])).toEqual([
      ['Второй абзац.', 'pulled', undefined],
      ['Второй абзац.', 'pulled', 'done'],
    ]);
    expect(await desktop.store.listPostsWithDrafts()).toMatchObject([{ progress: { total: 3, drafted: 1, done: 1 } }]);
    expect(desktop.remoteChanges.at(-1)?.conflicts).toBe(0);

    // Editing the text on the desktop makes it a draft again, everywhere.
    await desktop.type(POST, 'ru', SEGMENT, 'Второй абзац, правка.');
    await desktop.sync();
    await laptop.sync();
    const back = await laptop.draft(POST, 'ru', SEGMENT);
    expect(back).toMatchObject({ text: 'Второй абзац, правка.' });
    expect(back?.status).toBeUndefined();
    expect(await laptop.replica.pendingCount()).toBe(0);
    laptop.close();
    desktop.close();
  });
});
