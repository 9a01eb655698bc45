// A full disk in real Chromium: the background's IndexedDB writes fail with QuotaExceededError (the
// test breaks IDBObjectStore#put in the worker, since Chromium grants an extension with
// unlimitedStorage any quota). The view says so and offers a backup, typing goes on, and what was
// typed, even in a view closed meanwhile, is stored once there is room again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Worker } from 'playwright-core';
import {
  DIFF_POST_PATH,
  extensionServiceWorker,
  launchExtension,
  openExtensionPage,
  openTab,
  pollUntil,
  startFixtureServer,
  storedDrafts,
  type ExtensionBrowser,
  type FixtureServer,
} from './harness';
import { journeyRoutes } from './journey-shared';

const TYPED_WHILE_FULL = 'Текст, набранный, когда диск был полон.';

describe('when the disk is full', () => {
  let server: FixtureServer;
  let browser: ExtensionBrowser;
  let tabId: number;

  const editor = (page: Page, index: number) => page.locator('textarea[data-segment-id]').nth(index);
  const openView = async (view: 'sidepanel' | 'popup') => {
    const page = await openExtensionPage(browser.context, browser.extensionId, `${view}.html?tab=${tabId}`);
    await pollUntil(() => editor(page, 0).isEnabled(), { message: `${view} editors` });
    return page;
  };
  /** The stored draft that begins with the segment's number (each test text does). */
  const storedText = async (worker: Worker, index: number) =>
    (await storedDrafts(worker)).map((d) => d.text).find((t) => t.startsWith(String(index)));

  beforeAll(async () => {
    server = await startFixtureServer(journeyRoutes());
    browser = await launchExtension();
    const url = server.origin('diff.wikimedia.org') + DIFF_POST_PATH;
    ({ tabId } = await openTab(browser, url));
    const panel = await openExtensionPage(browser.context, browser.extensionId, `sidepanel.html?tab=${tabId}`);
    await panel.getByTestId('target-language').selectOption('ru');
    await pollUntil(() => editor(panel, 0).isEnabled(), { message: 'editors' });
    await panel.close();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('says so, keeps typing, and stores everything once there is room', async () => {
    const worker = await extensionServiceWorker(browser.context);
    await worker.evaluate(() => {
      const full = () => {
        throw new DOMException('Encountered full disk error while writing.', 'QuotaExceededError');
      };
      Object.assign(globalThis, { originalPut: IDBObjectStore.prototype.put });
      IDBObjectStore.prototype.put = full;
    });

    const panel = await openView('sidepanel');
    await editor(panel, 3).pressSequentially(`3 ${TYPED_WHILE_FULL}`);
    await pollUntil(async () => (await panel.getByTestId('save-error').count()) > 0, { message: 'a save error' });
    await expect(panel.getByTestId('save-error').innerText()).resolves.toMatch(/no room left.*export a backup/s);
    // Typing goes on while the disk is full, and the view is closed before any of it is stored.
    await editor(panel, 3).press('End');
    await editor(panel, 3).pressSequentially(' Ещё.');
    await expect(editor(panel, 3).inputValue()).resolves.toBe(`3 ${TYPED_WHILE_FULL} Ещё.`);
    await panel.waitForTimeout(300);
    await panel.close();
    expect(await storedText(worker, 3)).toBeUndefined();

    // Room again: the next view brings the text back and stores it.
    await worker.evaluate(() => {
      IDBObjectStore.prototype.put = (globalThis as unknown as { originalPut: typeof IDBObjectStore.prototype.put }).originalPut;
    });
    const popup = await openView('popup');
    await expect(editor(popup, 3).inputValue()).resolves.toBe(`3 ${TYPED_WHILE_FULL} Ещё.`);
    await pollUntil(async () => (await storedText(worker, 3)) === `3 ${TYPED_WHILE_FULL} Ещё.`, {
      message: 'the text stored once there is room',
    });
    await expect(popup.getByTestId('save-error').count()).resolves.toBe(0);
    await popup.close();
  });
});
