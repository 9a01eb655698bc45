// Sync against a CouchDB 3 server, in real Chromium: two browser profiles (two devices) and the test
// server's CouchDB 3 layer (tests/support/couch-server-couch3.cjs). What a translator sees when the
// database is made admin-only, when a draft is too large for the server, when the cluster keeps two
// writes of one segment as conflict branches, and when the password is wrong or the user locked out.
//
// Device A's options page saves through its form: the server's origin is allowed first where a
// reader can without a prompt (chrome://extensions → Site access, as tests/e2e/site-access.test.ts
// does), so the browser grants the form's permission request at once and "Test connection" reaches
// the server. Device B saves by messaging the background (see tests/e2e/sync.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { draftDocId } from '../../utils/sync/doc-ids';
import { startCouchServer, type CouchServer } from '../support/couch-server';
import { startSwitchableProxy, type SwitchableProxy } from '../support/switchable-proxy';
import { allowSiteInBrowserSettings, DIFF_POST_PATH, pollUntil, startFixtureServer, type FixtureServer } from './harness';
import { journeyRoutes } from './journey-shared';
import { openSyncDevice, type SyncDevice } from './sync-device';

const DATABASE = 'team-couch3';
const MEMBER = { name: 'nadia', password: 'nadia password', roles: ['translators'] };

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<any> } };

describe('sync with a CouchDB 3 server', () => {
  let couch: CouchServer;
  let proxy: SwitchableProxy;
  let pages: FixtureServer;
  let a: SyncDevice;
  let b: SyncDevice;
  let postKey: string;

  const editor = (device: SyncDevice, index: number) => device.panel.locator('textarea[data-segment-id]').nth(index);
  const row = (device: SyncDevice, index: number) => device.panel.locator('li.segment').nth(index);
  const statusText = (page: Page) => page.getByTestId('sync-status-text').innerText();
  const send = (device: SyncDevice, message: object) => device.options.evaluate((m) => chrome.runtime.sendMessage(m), message);
  const syncNow = (device: SyncDevice) => send(device, { type: 'sync:now' });
  const settingsOf = (device: SyncDevice, login: { username: string; password: string }) => ({
    serverUrl: proxy.url,
    database: DATABASE,
    ...login,
    deviceName: device.name,
  });
  const waitForStatus = (page: Page, pattern: RegExp, timeout = 15_000) =>
    pollUntil(async () => pattern.test(await statusText(page)), { timeout, message: `status ${pattern}` });
  const savedHere = (device: SyncDevice, index: number, text: string) =>
    pollUntil(
      async () => {
        const id = await editor(device, index).getAttribute('data-segment-id');
        const shown = await send(device, { type: 'post:get-drafts', postKey, lang: 'ru' });
        return (shown?.drafts as Array<{ segmentId: string; text: string }> | undefined)?.some((d) => d.segmentId === id && d.text === text) ?? false;
      },
      { message: `"${text.slice(0, 30)}…" saved on ${device.name}` },
    );

  beforeAll(async () => {
    couch = await startCouchServer({ cors: true });
    await couch.createUser(MEMBER.name, MEMBER.password, MEMBER.roles);
    proxy = await startSwitchableProxy({ host: '127.0.0.1', port: Number(new URL(couch.url).port) });
    pages = await startFixtureServer(journeyRoutes());
    const postUrl = pages.origin('diff.wikimedia.org') + DIFF_POST_PATH;
    const admin = { username: couch.admin.username, password: couch.admin.password };
    a = await openSyncDevice('laptop', postUrl, { serverUrl: proxy.url, database: DATABASE, ...admin });
    b = await openSyncDevice('office', postUrl, { serverUrl: proxy.url, database: DATABASE, username: MEMBER.name, password: MEMBER.password });
    const shown = await a.panel.evaluate(() =>
      chrome.runtime.sendMessage({ type: 'tab:get-post', tabId: Number(new URLSearchParams(location.search).get('tab')) }),
    );
    postKey = shown.post.key;
  }, 120_000);

  afterAll(async () => {
    await a?.browser.close();
    await b?.browser.close();
    await pages?.close();
    await proxy?.close();
    await couch?.stop();
  });

  it('creates the database from the options page with the team as members, so a teammate syncs', async () => {
    await allowSiteInBrowserSettings(a.browser, 'http://127.0.0.1/*');
    const form = a.options;
    await form.reload();
    await form.getByRole('button', { name: 'Save' }).click(); // the stored password is kept
    await pollUntil(async () => /Saved\./.test(await form.getByTestId('sync-notice').innerText()), { message: 'saved' });
    await form.getByRole('button', { name: 'Test connection' }).click();
    const report = form.getByTestId('connection-report');
    await pollUntil(async () => /There is no database team-couch3/.test(await report.innerText()), { message: 'no database yet' });
    await expect(form.getByLabel('Team role').inputValue()).resolves.toBe('translators');
    await form.getByRole('button', { name: 'Create database' }).click();
    await pollUntil(async () => /is ready and lets in admin and every user with the role translators/.test(await form.getByTestId('sync-notice').innerText()), {
      message: 'the database made for the team',
    });
    await pollUntil(async () => /Everything works/.test(await report.innerText()), { message: 'everything works' });
    expect((await couch.asAdmin('GET', `/${DATABASE}/_security`)).body.members).toEqual({ names: ['admin'], roles: ['translators'] });

    // The teammate, not an admin, may use it: what they type reaches the laptop.
    await editor(b, 2).fill('Текст коллеги.');
    await savedHere(b, 2, 'Текст коллеги.');
    await expect(syncNow(b)).resolves.toMatchObject({ state: 'synced' });
    await syncNow(a);
    await pollUntil(async () => (await editor(a, 2).inputValue()) === 'Текст коллеги.', { message: 'B’s text on A' });
  });

  it('sets aside a draft too large for the server, says so on its segment, and syncs the rest both ways', async () => {
    await couch.configure({ maxDocumentSize: 4_000 });
    const huge = 'Очень длинный абзац, который сервер не примет. '.repeat(60);
    await editor(a, 3).fill(huge);
    await editor(a, 4).fill('Короткий абзац.');
    await savedHere(a, 4, 'Короткий абзац.');
    await savedHere(a, 3, huge);
    await editor(b, 5).fill('Написано в офисе.');
    await savedHere(b, 5, 'Написано в офисе.');
    await syncNow(b);
    await syncNow(a);
    await waitForStatus(a.panel, /^Synced\. 1 change is set aside: the server would not take it \(see its segment\)\.$/);
    const note = row(a, 3).getByTestId('set-aside-note');
    await pollUntil(() => note.isVisible(), { message: 'the note on the segment' });
    expect(await note.innerText()).toMatch(/^Not synced: the server would not take this draft — too large for the server \(\d+ KB\) \(document_too_large\)\. It stays in this browser/);
    await expect(editor(a, 3).inputValue()).resolves.toBe(huge); // kept here
    await pollUntil(async () => (await editor(a, 5).inputValue()) === 'Написано в офисе.', { message: 'the pull ran' });
    await syncNow(b);
    await pollUntil(async () => (await editor(b, 4).inputValue()) === 'Короткий абзац.', { message: 'the rest reached B' });
    await expect(editor(b, 3).inputValue()).resolves.toBe('');
    await couch.configure({ reset: true });
  });

  it('merges the branches a cluster keeps of two writes to one segment: both texts kept, one flagged for review', async () => {
    await proxy.off();
    await editor(a, 6).fill('Версия ноутбука.');
    await editor(b, 6).fill('Версия офиса.');
    await savedHere(a, 6, 'Версия ноутбука.');
    await savedHere(b, 6, 'Версия офиса.');
    await proxy.on();
    await couch.configure({ accepted: true }); // no quorum: both writes kept, answered 202, no 409
    await syncNow(a);
    await syncNow(b);
    await couch.configure({ accepted: false });
    await syncNow(a);
    await syncNow(b);
    const winner = await pollUntil(
      async () => {
        const [onA, onB] = [await editor(a, 6).inputValue(), await editor(b, 6).inputValue()];
        return onA === onB ? onA : null;
      },
      { message: 'both devices show the same text' },
    );
    const loser = winner === 'Версия ноутбука.' ? 'Версия офиса.' : 'Версия ноутбука.';
    for (const device of [a, b]) {
      const flag = row(device, 6).getByTestId('concurrent-edits');
      await pollUntil(() => flag.isVisible(), { message: `the flag on ${device.name}` });
      expect(await flag.innerText()).toContain('Edited elsewhere — review');
      expect(await flag.innerText()).toContain(loser);
    }
    const id = draftDocId(postKey, 'ru', (await editor(a, 6).getAttribute('data-segment-id'))!);
    const doc = await couch.asAdmin('GET', `/${DATABASE}/${encodeURIComponent(id)}?conflicts=true`);
    expect(doc.body._conflicts).toBeUndefined(); // the losing branch was deleted once merged
  });

  it('stops after a refused password and says to fix it in Settings; a lockout is said plainly', async () => {
    await send(b, { type: 'sync:save-settings', settings: settingsOf(b, { username: MEMBER.name, password: 'a wrong password' }) });
    await waitForStatus(b.panel, /^The server refused the password — fix it in Settings\. Sync waits until then/);
    await expect(b.panel.getByRole('link', { name: 'Open the settings' }).isVisible()).resolves.toBe(true);
    for (let i = 0; i < 4; i++) await b.panel.getByRole('button', { name: 'Sync now' }).click();
    await syncNow(b);
    expect((await couch.failedLogins())[MEMBER.name]).toBe(1); // one try: far from the lockout's five
    await send(b, { type: 'sync:save-settings', settings: settingsOf(b, { username: MEMBER.name, password: MEMBER.password }) });
    await waitForStatus(b.panel, /^Synced\./);

    // Someone else behind the same address got the password wrong five times: CouchDB 3.4 locks the user.
    const wrong = `Basic ${Buffer.from(`${MEMBER.name}:guess`).toString('base64')}`;
    for (let i = 0; i < 5; i++) await fetch(`${couch.url}/${DATABASE}`, { headers: { authorization: wrong } });
    await syncNow(b);
    await waitForStatus(b.panel, /^The server has locked this user out for a while after too many failed logins from this network\. Sync tries again at /);
  });
});
