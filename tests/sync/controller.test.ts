// @vitest-environment node
// Sync as the background runs it: messages from the options page and views, local changes that
// schedule a sync, pulled drafts announced to the views like local saves.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch, type Message } from '../../utils/messaging';
import { openDraftStore } from '../../utils/store/draft-store';
import type { KeyValueArea } from '../../utils/store/tab-registry';
import { SyncController } from '../../utils/sync/sync-controller';
import { startCouchServer, type CouchServer } from '../support/couch-server';
import { samplePost } from '../support/sync-devices';

const OWN_ID = 'interlinear-test';
const ORIGIN = 'chrome-extension://interlinear-test/';
const POST = 'https://diff.wikimedia.org/2024/09/05/sync-test/';

let server: CouchServer;
let n = 0;
beforeAll(async () => {
  server = await startCouchServer();
  await server.createDatabase('controller');
}, 30_000);
afterAll(() => server?.stop());

function memoryArea(): KeyValueArea {
  const data: Record<string, unknown> = {};
  return {
    get: async (key) => (typeof key === 'string' ? (key in data ? { [key]: data[key] } : {}) : { ...data }),
    set: async (items) => void Object.assign(data, items),
    remove: async (key) => void delete data[key as string],
  };
}

async function setup(deviceName: string) {
  const store = await openDraftStore(`controller-${n++}`);
  const broadcasts: Message[] = [];
  const badges: string[][] = [];
  const controller = new SyncController({
    store,
    settingsArea: memoryArea(),
    fetch,
    broadcast: (m) => void broadcasts.push(m),
    extensionOrigin: ORIGIN,
    refreshBadges: async (keys) => void badges.push(keys),
    schedule: { quietMs: 20, maxWaitMs: 100 },
  });
  const fromOptions = (message: Message) =>
    dispatch(controller.handlers, message, { id: OWN_ID, url: `${ORIGIN}options.html` }, OWN_ID);
  const settings = {
    serverUrl: server.url,
    database: 'controller',
    username: server.admin.username,
    password: server.admin.password,
    deviceName,
  };
  return { store, controller, broadcasts, badges, fromOptions, settings };
}

const waitFor = async (check: () => boolean | Promise<boolean>, ms = 5_000) => {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('sync controller', () => {
  it('saves settings from the options page, hides the password, and syncs local changes by itself', async () => {
    const laptop = await setup('laptop');
    laptop.controller.start();
    expect(await laptop.fromOptions({ type: 'sync:get-status' })).toEqual({ state: 'off' });
    expect(await laptop.fromOptions({ type: 'sync:save-settings', settings: laptop.settings })).toEqual({ ok: true });
    expect(await laptop.fromOptions({ type: 'sync:get-settings' })).toEqual({
      serverUrl: server.url,
      database: 'controller',
      auth: 'password',
      username: server.admin.username,
      deviceName: 'laptop',
      hasPassword: true,
      hasApiKey: false,
    });
    const { password: _kept, ...form } = laptop.settings;
    expect(await laptop.fromOptions({ type: 'sync:test-connection', settings: form })).toMatchObject({ ok: true });

    await laptop.store.savePost(samplePost(2));
    await laptop.store.saveDraft({ postKey: POST, lang: 'ru', segmentId: 'p-00000000000', text: 'Первый.' });
    await waitFor(() => laptop.controller.engine.status.state === 'synced' && laptop.controller.replica.pendingCount().then((c) => c === 0));
    const states = laptop.broadcasts.filter((m) => m.type === 'sync:status').map((m) => (m as { status: { state: string } }).status.state);
    expect(states).toContain('pending');
    expect(states.at(-1)).toBe('synced');

    // Another device pulls it: the views hear of the draft with its progress, the badges follow.
    const desktop = await setup('desktop');
    await desktop.fromOptions({ type: 'sync:save-settings', settings: desktop.settings });
    expect(await desktop.fromOptions({ type: 'sync:now' })).toMatchObject({ state: 'synced' });
    const changed = desktop.broadcasts.find((m) => m.type === 'draft:changed');
    expect(changed).toMatchObject({ draft: { text: 'Первый.', device: 'laptop' }, progress: { drafted: 1, total: 2 } });
    expect(desktop.badges).toContainEqual([POST]);
    laptop.controller.scheduler.stop();
    desktop.controller.scheduler.stop();
  });

  it('takes this device’s drafts along when a pulled post has changed paragraphs', async () => {
    const original = samplePost(3, 'https://diff.wikimedia.org/2024/09/05/follow-test/');
    const [first, second, third] = original.segments;
    const reworded = { ...second!, id: 'p-reworded', text: second!.text.replace('every corner', 'all corners') };
    const edited = { ...original, segments: [first!, reworded, third!] };
    const key = { postKey: original.key, lang: 'fa' };

    // The desktop drafts the original, in a language only it works in, and has not synced yet.
    const desktop = await setup('desktop-follow');
    await desktop.store.savePost(original);
    await desktop.store.saveDraft({ ...key, segmentId: second!.id, text: 'بند دوم.' });
    // The laptop sees the edited post later, and syncs it.
    const laptop = await setup('laptop-follow');
    await laptop.fromOptions({ type: 'sync:save-settings', settings: laptop.settings });
    await laptop.store.savePost(edited);
    await laptop.fromOptions({ type: 'sync:now' });

    await desktop.fromOptions({ type: 'sync:save-settings', settings: desktop.settings });
    await desktop.fromOptions({ type: 'sync:now' });
    const here = await desktop.store.getDrafts(original.key, 'fa');
    const live = here.filter((d) => !d.deleted);
    expect(live).toEqual([expect.objectContaining({ segmentId: 'p-reworded', text: 'بند دوم.', sourceChange: { oldText: second!.text } })]);
    expect(desktop.broadcasts).toContainEqual(expect.objectContaining({ type: 'draft:changed', draft: expect.objectContaining({ segmentId: 'p-reworded' }) }));

    // The move reaches the laptop too: the draft is under the new paragraph there, not orphaned.
    await desktop.fromOptions({ type: 'sync:now' });
    await laptop.fromOptions({ type: 'sync:now' });
    const there = (await laptop.store.getDrafts(original.key, 'fa')).filter((d) => !d.deleted);
    expect(there).toEqual([expect.objectContaining({ segmentId: 'p-reworded', text: 'بند دوم.' })]);
    laptop.controller.scheduler.stop();
    desktop.controller.scheduler.stop();
  });

  it('shows settings to the extension’s own pages only', async () => {
    const device = await setup('tablet');
    const fromPage = (message: Message) =>
      dispatch(device.controller.handlers, message, { id: OWN_ID, url: 'https://diff.wikimedia.org/', tab: { id: 3 } }, OWN_ID);
    await expect(fromPage({ type: 'sync:get-settings' })).rejects.toThrow(/own pages/);
    await expect(fromPage({ type: 'sync:save-settings', settings: null })).rejects.toThrow(/own pages/);
  });

  it('reports bad settings field by field and saves nothing', async () => {
    const device = await setup('phone');
    const answer = await device.fromOptions({ type: 'sync:save-settings', settings: { ...device.settings, database: 'Bad' } });
    expect(answer).toMatchObject({ ok: false, errors: { database: expect.any(String) } });
    expect(await device.fromOptions({ type: 'sync:get-settings' })).toBeNull();
  });

  it('marks a segment reviewed and tells the views', async () => {
    const device = await setup('review');
    await device.store.saveDraft({ postKey: POST, lang: 'ru', segmentId: 'p-1', text: 'x' });
    expect(await device.fromOptions({ type: 'draft:mark-reviewed', postKey: POST, lang: 'ru', segmentId: 'p-1' })).toMatchObject({
      text: 'x',
    });
    expect(await device.fromOptions({ type: 'draft:mark-reviewed', postKey: POST, lang: 'ru', segmentId: 'nope' })).toBeNull();
  });
});
