// Where the content script runs, in real Chromium: from install only on the built-in sites, so a
// WordPress post served as blog.example.org gets no script and no badge while the same markup on
// diff.wikimedia.org does; elsewhere the toolbar button lends the view the tab (activeTab: the test
// presses it through CDP), the view scans it, "Always check this site" registers the script for
// the site, and the options page removes it again.
// The browser's own prompts cannot be clicked by a test. The reader's other way to grant a site —
// chrome://extensions → Site access → "On specific sites" — can be driven: its page calls
// chrome.developerPrivate, and a site granted there is then granted to permissions.request without
// a prompt.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Worker } from 'playwright-core';
import {
  BLOG_HOST,
  DIFF_HOST,
  PROJECT_FIXTURES,
  allowSiteInBrowserSettings,
  badgeText,
  extensionServiceWorker,
  launchExtension,
  openExtensionPage,
  openTab,
  pollUntil,
  pressToolbarButton,
  startFixtureServer,
  type ExtensionBrowser,
  type FixtureServer,
} from './harness';

const POST_PATH = '/2024/10/01/markup-inside-text/';
const SECOND_POST_PATH = '/2024/10/02/markup-inside-text-again/';
const THIRD_POST_PATH = '/2024/10/03/markup-inside-text-once-more/';
const FOURTH_POST_PATH = '/2024/10/04/markup-inside-text-at-last/';
const QUIET_PATH = '/2024/10/05/a-quiet-post/';
const EARLY_POST_PATH = '/2024/09/30/markup-inside-text-before/';
const FIXTURE = path.join(PROJECT_FIXTURES, 'inline-markup-post.html');
const TITLE = 'Markup inside text';
const BLOG_SITE = `https://${BLOG_HOST}/*`;

// What the evaluated functions use of the extension's `chrome` global.
declare const chrome: {
  scripting: {
    getRegisteredContentScripts(): Promise<Array<{ id: string; matches?: string[]; js?: string[] }>>;
    executeScript(injection: { target: { tabId: number }; func: () => unknown }): Promise<Array<{ result?: unknown }>>;
  };
  permissions: { contains(p: { origins: string[] }): Promise<boolean> };
};

describe('site access in Chromium', () => {
  let server: FixtureServer;
  let browser: ExtensionBrowser;
  let blogTab: number;
  let blogPage: Page;
  /** A page of the blog opened before the site was added. */
  let earlyTab: number;

  const worker = (): Promise<Worker> => extensionServiceWorker(browser.context);
  /** Whether the content script runs in the tab: it leaves its answer for the views there (utils/site-access/ask-page.ts). */
  const contentScriptAnswers = async (tabId: number) =>
    (await worker()).evaluate(
      (id) =>
        chrome.scripting
          .executeScript({ target: { tabId: id }, func: () => typeof (globalThis as Record<string, unknown>)['__interlinearPageAnswer'] === 'function' })
          .then(([injection]) => injection?.result === true, () => false),
      tabId,
    );
  /** Whether the background may run a script in the tab now (a tab lent by the toolbar button). */
  const mayScript = async (tabId: number) =>
    (await worker()).evaluate(
      (id) => chrome.scripting.executeScript({ target: { tabId: id }, func: () => true }).then(() => true, () => false),
      tabId,
    );
  const registeredScripts = async () => (await worker()).evaluate(() => chrome.scripting.getRegisteredContentScripts());
  /** Opens a page of `host` in a new tab. */
  const open = (host: string, pathname: string) => openTab(browser, server.origin(host) + pathname);
  /** The badge of a Diff page opened now: once it shows, the pages opened before it have run their scripts too. */
  const afterADiffPageReported = async () => {
    const { page, tabId } = await open(DIFF_HOST, POST_PATH);
    await pollUntil(async () => (await badgeText(await worker(), tabId)) !== '', { message: 'the Diff page’s badge' });
    await page.close();
  };

  beforeAll(async () => {
    const paths = [POST_PATH, SECOND_POST_PATH, THIRD_POST_PATH, FOURTH_POST_PATH, EARLY_POST_PATH];
    const routes = {
      ...Object.fromEntries(paths.map((pathname) => [pathname, FIXTURE])),
      [QUIET_PATH]: path.join(PROJECT_FIXTURES, 'no-cta-post.html'),
    };
    server = await startFixtureServer(routes);
    browser = await launchExtension();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('runs on the built-in site at load, and nowhere else', async () => {
    const blog = await open(BLOG_HOST, POST_PATH);
    ({ tabId: blogTab, page: blogPage } = blog);
    earlyTab = (await open(BLOG_HOST, EARLY_POST_PATH)).tabId;
    const diff = await open(DIFF_HOST, POST_PATH);
    await pollUntil(async () => (await badgeText(await worker(), diff.tabId)) !== '', { message: 'the Diff page’s badge' });
    expect(await contentScriptAnswers(diff.tabId)).toBe(true);

    await blog.page.waitForLoadState('load');
    await afterADiffPageReported();
    for (const tabId of [blogTab, earlyTab]) {
      expect(await contentScriptAnswers(tabId)).toBe(false);
      expect(await badgeText(await worker(), tabId)).toBe('');
    }
    expect(await registeredScripts()).toEqual([]);
    await diff.page.close();
  });

  it('a view not opened from the toolbar cannot read the tab, and says how to lend it', async () => {
    const popup = await openExtensionPage(browser.context, browser.extensionId, `popup.html?tab=${blogTab}`);
    await popup.getByTestId('scan-not-allowed').waitFor();
    expect(await popup.getByTestId('not-asking').isVisible()).toBe(true);
    // Without the `tabs` permission the tab's address, so its site, is not Interlinear's to know.
    expect(await popup.getByRole('button', { name: 'Always check this site' }).count()).toBe(0);
    expect(await contentScriptAnswers(blogTab)).toBe(false);
    await popup.close();
  });

  it('the toolbar button lends the tab: the view reads the post there', async () => {
    await pressToolbarButton(browser, blogPage);
    // A reader's view opens from the click, after the browser lent the tab; this one opens beside it.
    await pollUntil(() => mayScript(blogTab), { message: 'the tab lent to the extension' });
    const popup = await openExtensionPage(browser.context, browser.extensionId, `popup.html?tab=${blogTab}`);
    await popup.getByTestId('post-title').waitFor();
    expect(await popup.getByTestId('post-title').textContent()).toBe(TITLE);
    expect(await contentScriptAnswers(blogTab)).toBe(true);
    await pollUntil(async () => (await badgeText(await worker(), blogTab)) !== '', { message: 'the scanned tab’s badge' });
    expect(await registeredScripts()).toEqual([]);
    await popup.close();
  });

  it('“Always check this site”, offered on a lent page that asks for nothing, registers the site', async () => {
    const quiet = await open(BLOG_HOST, QUIET_PATH);
    await pressToolbarButton(browser, quiet.page);
    const popup = await openExtensionPage(browser.context, browser.extensionId, `popup.html?tab=${quiet.tabId}`);
    const offer = popup.getByRole('button', { name: 'Always check this site' });
    await offer.waitFor();
    await popup.getByTestId('not-asking').waitFor(); // once the scan found nothing
    // The reader allows the site in chrome://extensions (Site access → On specific sites); the
    // button's permission request is then answered without a prompt.
    await allowSiteInBrowserSettings(browser, BLOG_SITE);
    await offer.click();
    await popup.getByTestId('site-checked').waitFor();
    expect(await registeredScripts()).toEqual([
      expect.objectContaining({ id: `site:${BLOG_SITE}`, matches: [BLOG_SITE], js: ['first-look.js'] }),
    ]);
    await popup.close();
    await quiet.page.close();
  });

  it('opening the view scans a tab the content script did not run in', async () => {
    // Opened before the site was added: registered scripts reach only pages loaded after.
    expect(await contentScriptAnswers(earlyTab)).toBe(false);
    const popup = await openExtensionPage(browser.context, browser.extensionId, `popup.html?tab=${earlyTab}`);
    await popup.getByTestId('post-title').waitFor();
    expect(await popup.getByTestId('post-title').textContent()).toBe(TITLE);
    expect(await contentScriptAnswers(earlyTab)).toBe(true);
    await popup.close();
  });

  it('a page of the added site gets the content script at load, also after a restart', async () => {
    const second = await open(BLOG_HOST, SECOND_POST_PATH);
    await pollUntil(async () => (await badgeText(await worker(), second.tabId)) !== '', { message: 'the badge at load' });

    const { userDataDir } = browser;
    await browser.close();
    browser = await launchExtension({ userDataDir });
    // Loading the unpacked build again counts as an update, which drops registered scripts: the
    // background registers the listed site again at start.
    await pollUntil(async () => (await registeredScripts()).length === 1, { message: 'the site’s script registered again' });
    const third = await open(BLOG_HOST, THIRD_POST_PATH);
    await pollUntil(async () => (await badgeText(await worker(), third.tabId)) !== '', { message: 'the badge after a restart' });
    expect(await registeredScripts()).toHaveLength(1);
  });

  it('the options page lists the added site and removes it: script and access both go', async () => {
    const options = await openExtensionPage(browser.context, browser.extensionId, 'options.html');
    const site = options.getByTestId('checked-site');
    await site.waitFor();
    expect(await site.textContent()).toContain(BLOG_HOST);
    await options.getByRole('button', { name: `Remove ${BLOG_HOST}` }).click();
    await options.getByTestId('no-checked-sites').waitFor();
    expect(await site.count()).toBe(0);
    expect(await registeredScripts()).toEqual([]);
    expect(await (await worker()).evaluate((origin) => chrome.permissions.contains({ origins: [origin] }), BLOG_SITE)).toBe(false);

    const after = await open(BLOG_HOST, FOURTH_POST_PATH);
    await after.page.waitForLoadState('load');
    await afterADiffPageReported();
    expect(await contentScriptAnswers(after.tabId)).toBe(false);
    expect(await badgeText(await worker(), after.tabId)).toBe('');
  });
});
