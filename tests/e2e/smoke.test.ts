// Proves the harness: the built extension loads in Chromium, and a fixture post is served
// under its real address.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DIFF_POST_FIXTURE,
  DIFF_POST_PATH,
  launchExtension,
  startFixtureServer,
  tabIdOf,
  type ExtensionBrowser,
  type FixtureServer,
} from './harness';

describe('e2e harness', () => {
  let server: FixtureServer;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    server = await startFixtureServer({ [DIFF_POST_PATH]: DIFF_POST_FIXTURE });
    browser = await launchExtension();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('loads the extension and finds its service worker', () => {
    expect(browser.serviceWorker.url()).toMatch(/^chrome-extension:\/\/[a-p]{32}\//);
    expect(browser.extensionId).toMatch(/^[a-p]{32}$/);
  });

  it('serves the Diff post at its real address over HTTPS', async () => {
    const url = server.origin('diff.wikimedia.org') + DIFF_POST_PATH;
    const page = await browser.context.newPage();
    const response = await page.goto(url);
    expect(response?.status()).toBe(200);
    expect(page.url()).toBe(url);
    await expect(page.locator('h1').first().innerText()).resolves.toBe(
      'Central Asian Community Members Share Their Thoughts on Wikimania 2024',
    );
    expect(await tabIdOf(browser.context, browser.serviceWorker, url)).toBeGreaterThan(0);
  });

  it('reopens the same profile with the same extension', async () => {
    const { userDataDir, extensionId } = browser;
    await browser.close();
    browser = await launchExtension({ userDataDir });
    expect(browser.extensionId).toBe(extensionId);
    expect(browser.userDataDir).toBe(userDataDir);
  });

  it('serves other blogs over plain HTTP without an upgrade to HTTPS', async () => {
    const plain = await startFixtureServer(
      { '/hello/': { body: '<h1>Hello from a plain blog</h1>', type: 'text/html' } },
      { protocol: 'http' },
    );
    try {
      const page = await browser.context.newPage();
      await page.goto(plain.origin('blog.example.org') + '/hello/');
      expect(page.url()).toBe(`http://blog.example.org:${plain.port}/hello/`);
      expect(await page.locator('h1').innerText()).toBe('Hello from a plain blog');
    } finally {
      await plain.close();
    }
  });
});
