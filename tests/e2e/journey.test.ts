// The core journey in real Chromium with the built extension: the Diff post is found, drafted in
// the side panel and the popup, and nothing typed is lost across closing, reloading and restarting.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  DIFF_POST_FIXTURE,
  DIFF_POST_PATH,
  badgeText,
  extensionServiceWorker,
  launchExtension,
  openExtensionPage,
  openTab,
  pollUntil,
  startFixtureServer,
  stopServiceWorker,
  type ExtensionBrowser,
  type FixtureServer,
} from './harness';
import {
  IN_PAGE_CTA_LINK,
  LAST_SOURCE,
  NOT_ASKING,
  NO_CTA_PATH,
  THIRD_SOURCE,
  TITLE,
  TYPED,
  TYPED_TITLE,
  journeyRoutes,
  pageIsUntouched,
} from './journey-shared';

describe('the core journey in Chromium', () => {
  let server: FixtureServer;
  let browser: ExtensionBrowser;
  let postUrl: string;
  let post: Page;
  let tabId: number;

  const badge = async () => badgeText(await extensionServiceWorker(browser.context), tabId);
  const editors = (page: Page) => page.locator('textarea[data-segment-id]');
  const openView = async (view: 'sidepanel' | 'popup') => {
    const page = await openExtensionPage(browser.context, browser.extensionId, `${view}.html?tab=${tabId}`);
    await editors(page).first().waitFor();
    return page;
  };

  beforeAll(async () => {
    server = await startFixtureServer(journeyRoutes());
    postUrl = server.origin('diff.wikimedia.org') + DIFF_POST_PATH;
    browser = await launchExtension();
    ({ page: post, tabId } = await openTab(browser, postUrl));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('badges the post with its 13 segments and leaves the page untouched', async () => {
    await pollUntil(async () => (await badge()) === '13', { message: 'badge "13"' });
    const served = readFileSync(DIFF_POST_FIXTURE, 'utf8');
    expect(await post.evaluate(pageIsUntouched, served)).toBe(true);
  });

  it('shows the title, 13 segments in reading order with their source, and no progress yet', async () => {
    const panel = await openView('sidepanel');
    await expect(panel.getByTestId('post-title').innerText()).resolves.toBe(TITLE);
    await expect(editors(panel).count()).resolves.toBe(13);
    const sources = await panel.locator('.segment-source').allInnerTexts();
    expect(sources[0]).toBe(TITLE);
    expect(sources[2]).toBe(THIRD_SOURCE);
    expect(sources[12]).toMatch(LAST_SOURCE);
    await expect(panel.getByTestId('progress').innerText()).resolves.toMatch(/^0 of 13/);
    await expect(panel.getByTestId('target-language').isVisible()).resolves.toBe(true);
    await panel.close();
  });

  it('saves typing in the side panel even when it is closed at once', async () => {
    const panel = await openView('sidepanel');
    await panel.getByTestId('target-language').selectOption('ru');
    await pollUntil(() => editors(panel).nth(2).isEnabled(), { message: 'editors enabled' });
    await expect(editors(panel).nth(2).getAttribute('lang')).resolves.toBe('ru');
    await editors(panel).nth(2).pressSequentially(TYPED, { delay: 0 });
    await panel.close({ runBeforeUnload: true });

    const again = await openView('sidepanel');
    await expect(editors(again).nth(2).inputValue()).resolves.toBe(TYPED);
    await expect(again.getByTestId('progress').innerText()).resolves.toBe('0 of 13 done · 1 draft');
    await again.close();
    // The post has a draft now: the badge shows the percent done.
    await pollUntil(async () => (await badge()) === '0%', { message: 'badge "0%"' });
  });

  it('keeps the draft across a reload of the post, and shows it in the popup', async () => {
    // Following the post's own "Translate this post" link changes only the #fragment.
    await post.getByRole('link', { name: IN_PAGE_CTA_LINK }).click();
    await pollUntil(() => post.url().endsWith('#translate-post'), { message: 'the in-page link followed' });
    await new Promise((resolve) => setTimeout(resolve, 300)); // let tabs.onUpdated reach the worker
    expect(await badge()).toBe('0%');
    await post.reload();
    await pollUntil(async () => (await badge()) === '0%', { message: 'badge "0%" after reload' });
    const popup = await openView('popup');
    await expect(editors(popup).nth(2).inputValue()).resolves.toBe(TYPED);
    await expect(popup.getByTestId('target-language').inputValue()).resolves.toBe('ru');
    await popup.close();
  });

  it('shows a change made in one view in every other open view', async () => {
    const panel = await openView('sidepanel');
    const popup = await openView('popup');
    await editors(popup).nth(0).fill(TYPED_TITLE);
    await pollUntil(async () => (await editors(panel).nth(0).inputValue()) === TYPED_TITLE, {
      message: 'the side panel shows the popup’s text',
    });
    await pollUntil(async () => (await panel.getByTestId('progress').innerText()) === '0 of 13 done · 2 drafts', {
      message: 'progress follows',
    });
    await popup.close();
    await panel.close();
  });

  it('keeps everything when the browser is closed and opened again', async () => {
    const { userDataDir } = browser;
    await browser.close();
    browser = await launchExtension({ userDataDir });
    ({ page: post, tabId } = await openTab(browser, postUrl));
    await pollUntil(async () => (await badge()) === '0%', { message: 'badge "0%" after restart' });
    const popup = await openView('popup');
    await expect(popup.getByTestId('progress').innerText()).resolves.toBe('0 of 13 done · 2 drafts');
    await expect(editors(popup).nth(2).inputValue()).resolves.toBe(TYPED);
    await expect(editors(popup).nth(0).inputValue()).resolves.toBe(TYPED_TITLE);
    await popup.close();
  });

  it('leaves a page that does not ask for translation unbadged, and lists the drafted posts', async () => {
    const url = server.origin('diff.wikimedia.org') + NO_CTA_PATH;
    const { tabId: otherTab } = await openTab(browser, url);
    const popup = await openExtensionPage(browser.context, browser.extensionId, `popup.html?tab=${otherTab}`);
    await expect(popup.getByTestId('not-asking').innerText()).resolves.toBe(NOT_ASKING);
    await expect(popup.getByTestId('drafted-posts').innerText()).resolves.toContain(TITLE);
    expect(await badgeText(await extensionServiceWorker(browser.context), otherTab)).toBe('');
    await popup.close();
  });

  it('shows the post in a view opened on a tab the background knows nothing of: the page is asked', async () => {
    // The worker's notes of which tab shows which post are gone, as after a browser update: a new
    // worker, and nothing in session storage.
    const worker = await extensionServiceWorker(browser.context);
    await worker.evaluate(() => (globalThis as unknown as { chrome: { storage: { session: { clear(): Promise<void> } } } }).chrome.storage.session.clear());
    await stopServiceWorker(browser);
    const popup = await openView('popup');
    expect(await editors(popup).count()).toBe(13);
    await expect(editors(popup).nth(2).inputValue()).resolves.toBe(TYPED);
    await popup.close();
  });
});
