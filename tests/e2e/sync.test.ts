// Sync in real Chromium: two browser profiles (two devices) with the built extension, one
// CouchDB-protocol server on 127.0.0.1 behind a proxy the test can switch off ("server down").
//
// Permission: the options page asks for the server's origin (an optional host permission) when the
// translator saves. Chromium shows a dialog for that which a test cannot click, and it has no switch
// or API to grant it otherwise, so here the settings are saved by messaging the background from the
// options page, and the test server answers CORS (tests/support/couch-server-main.cjs), as a
// CouchDB with [cors] enabled does. "Test connection" therefore reports the missing permission.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startCouchServer, type CouchServer } from '../support/couch-server';
import { startSwitchableProxy, type SwitchableProxy } from '../support/switchable-proxy';
import {
  DIFF_POST_PATH,
  pollUntil,
  startFixtureServer,
  type FixtureServer,
} from './harness';
import { journeyRoutes } from './journey-shared';
import { openSyncDevice, type SyncDevice } from './sync-device';

const DATABASE = 'team-drafts';
const USER = { name: 'ana', password: 'correct horse battery' };
const FIRST = 'Вы можете прочитать больше о сообществах Центральной Азии.';
const WHILE_DOWN = 'Набрано, пока сервер не отвечал.';
const ON_A = 'Версия с ноутбука.';
const ON_B = 'Версия с компьютера в офисе.';

type Device = SyncDevice;

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<any> } };

describe('sync between two browsers through a CouchDB server', () => {
  let couch: CouchServer;
  let proxy: SwitchableProxy;
  let pages: FixtureServer;
  let a: Device;
  let b: Device;

  const editor = (device: Device, index: number) => device.panel.locator('textarea[data-segment-id]').nth(index);
  const statusText = (page: Page) => page.getByTestId('sync-status-text').innerText();
  const send = (device: Device, message: object) => device.options.evaluate((m) => chrome.runtime.sendMessage(m), message);
  const syncNow = (device: Device) => send(device, { type: 'sync:now' });
  /** The text is in this device's store (the view hands typing over within 250 ms). */
  const savedHere = (d: Device, text: string) =>
    pollUntil(
      async () => {
        const shown = await d.panel.evaluate(() =>
          chrome.runtime.sendMessage({ type: 'tab:get-post', tabId: Number(new URLSearchParams(location.search).get('tab')) }),
        );
        return shown.drafts.some((draft: { text: string }) => draft.text === text);
      },
      { message: `"${text}" saved on ${d.name}` },
    );
  const waitForStatus = (page: Page, pattern: RegExp, timeout = 15_000) =>
    pollUntil(async () => pattern.test(await statusText(page)), { timeout, message: `status ${pattern}` });

  const device = (name: string, postUrl: string) =>
    openSyncDevice(name, postUrl, { serverUrl: proxy.url, database: DATABASE, username: USER.name, password: USER.password });

  beforeAll(async () => {
    couch = await startCouchServer({ cors: true });
    await couch.createUser(USER.name, USER.password);
    await couch.createDatabase(DATABASE);
    await couch.restrictDatabase(DATABASE, [USER.name]);
    const port = Number(new URL(couch.url).port);
    proxy = await startSwitchableProxy({ host: '127.0.0.1', port });
    pages = await startFixtureServer(journeyRoutes());
    const postUrl = pages.origin('diff.wikimedia.org') + DIFF_POST_PATH;
    a = await device('laptop', postUrl);
    b = await device('office', postUrl);
  }, 120_000);

  afterAll(async () => {
    await a?.browser.close();
    await b?.browser.close();
    await pages?.close();
    await proxy?.close();
    await couch?.stop();
  });

  it('shows the settings on the options page (no password) and says plainly what Test connection finds', async () => {
    const form = a.options;
    await form.reload();
    // The form shows before the stored settings reach it; the stored password's note comes with them.
    await form.getByText('A password is stored: leave this empty to keep it.').waitFor();
    await expect(form.getByLabel('Server address').inputValue()).resolves.toBe(proxy.url);
    await expect(form.getByLabel('Database').inputValue()).resolves.toBe(DATABASE);
    await expect(form.getByLabel('User name').inputValue()).resolves.toBe(USER.name);
    await expect(form.getByLabel('Password').inputValue()).resolves.toBe('');
    await expect(form.getByText('A password is stored: leave this empty to keep it.').isVisible()).resolves.toBe(true);
    await form.getByRole('button', { name: 'Test connection' }).click();
    const report = await form.getByTestId('connection-report').innerText();
    // No one clicked the browser's permission dialog in this profile (see the top of this file).
    expect(report).toContain('✗');
    expect(report).toMatch(/Interlinear may not connect to 127\.0\.0\.1:\d+ yet/);
  });

  it('a draft typed on one device appears in the other’s side panel, and both say synced', async () => {
    await editor(a, 2).fill(FIRST);
    await savedHere(a, FIRST);
    await expect(syncNow(a)).resolves.toMatchObject({ state: 'synced' });
    await syncNow(b);
    await pollUntil(async () => (await editor(b, 2).inputValue()) === FIRST, { message: 'A’s text in B’s panel' });
    await waitForStatus(a.options, /^Synced\.$/);
    await waitForStatus(b.options, /^Synced\.$/);
  });

  it('with the server down, typing saves locally and the status says offline; "Sync now" pushes it once it is back', async () => {
    await proxy.off();
    await editor(a, 3).fill(WHILE_DOWN);
    await savedHere(a, WHILE_DOWN);
    await a.panel.getByRole('button', { name: 'Sync now' }).click();
    const offline = await waitForStatus(a.panel, /^Offline: 1 change will sync when the server can be reached/).then(() => statusText(a.panel));
    expect(offline).toMatch(/\(.+\)\.$/); // with the reason in its words
    // Still saved here, and still shown.
    await expect(editor(a, 3).inputValue()).resolves.toBe(WHILE_DOWN);

    await proxy.on();
    await a.panel.getByRole('button', { name: 'Sync now' }).click();
    await waitForStatus(a.panel, /^Synced\.$/);
    await syncNow(b);
    await pollUntil(async () => (await editor(b, 3).inputValue()) === WHILE_DOWN, { message: 'the queued text on B' });
  });

  it('the same segment edited on both devices at once: one text wins, the other is flagged "Edited elsewhere — review"', async () => {
    await proxy.off();
    await editor(a, 4).fill(ON_A);
    await editor(b, 4).fill(ON_B);
    // Both saved locally before either can sync.
    for (const [d, text] of [[a, ON_A], [b, ON_B]] as const) {
      await savedHere(d, text);
      await d.panel.getByRole('button', { name: 'Sync now' }).click();
      await waitForStatus(d.panel, /^Offline: 1 change will sync/);
    }
    await proxy.on();
    await syncNow(a);
    await syncNow(b);
    await syncNow(a);

    // Both devices show the same winner; the other text is in a flag, so nothing typed is lost.
    const winner = await pollUntil(
      async () => {
        const [onA, onB] = [await editor(a, 4).inputValue(), await editor(b, 4).inputValue()];
        return onA === onB ? onA : null;
      },
      { message: 'both devices show the same text' },
    );
    expect([ON_A, ON_B]).toContain(winner);
    const loser = winner === ON_A ? ON_B : ON_A;
    const flagged = await pollUntil(
      async () => {
        for (const d of [a, b]) if ((await d.panel.getByTestId('concurrent-edits').count()) > 0) return d;
        return null;
      },
      { message: 'a segment flagged on one device' },
    );
    const flag = flagged.panel.getByTestId('concurrent-edits');
    const text = await flag.innerText();
    expect(text).toContain('Edited elsewhere — review');
    expect(text).toContain(loser);
    expect(text).toContain(loser === ON_A ? 'laptop' : 'office'); // where that text was typed, by name
    await expect(flagged.panel.locator('li.segment').nth(4).getByTestId('concurrent-edits').count()).resolves.toBe(1);

    await flag.getByRole('button', { name: 'Keep this text' }).click();
    await pollUntil(async () => (await flagged.panel.getByTestId('concurrent-edits').count()) === 0, { message: 'the flag gone' });
    await expect(editor(flagged, 4).inputValue()).resolves.toBe(winner);
  });

  it('converges when the service worker is stopped in the middle of a sync', async () => {
    const texts = ['Первый, набранный перед остановкой.', 'Второй, набранный перед остановкой.'];
    await editor(a, 5).fill(texts[0]!);
    await editor(a, 6).fill(texts[1]!);
    for (const text of texts) await savedHere(a, text);
    const cdp = await a.browser.context.newCDPSession(a.options);
    const workerTargets = async () =>
      (await cdp.send('Target.getTargets')).targetInfos.filter(
        (t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${a.browser.extensionId}/`),
      );
    // Start a sync, and stop the worker while it runs: its answer never comes.
    await a.options.evaluate(() => void chrome.runtime.sendMessage({ type: 'sync:now' }).catch(() => undefined));
    const [target] = await workerTargets();
    expect(target).toBeDefined();
    await cdp.send('Target.closeTarget', { targetId: target!.targetId });
    // Asked through its handle, a stopped worker may never answer: the browser's list of targets tells.
    await pollUntil(async () => (await workerTargets()).every((t) => t.targetId !== target!.targetId), {
      message: 'the service worker stopped',
    });
    await cdp.detach();
    // A message wakes the worker again; it resumes from the outbox and the checkpoint.
    await pollUntil(async () => (await syncNow(a))?.state === 'synced', { timeout: 20_000, message: 'A synced after the restart' });
    await pollUntil(async () => (await syncNow(b))?.state === 'synced', { message: 'B synced' });
    for (const [index, text] of [[5, texts[0]], [6, texts[1]]] as const) {
      await pollUntil(async () => (await editor(b, index).inputValue()) === text, { message: `"${text}" on B` });
    }
  });
});
