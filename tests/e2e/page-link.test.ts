// The page and the view in step, in real Chromium: Alt+click on a paragraph of the post focuses its
// editor in the side panel, and "Show my drafts in the page" puts each draft under its paragraph in
// a closed shadow root, leaving the page's own text as it was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  DIFF_POST_PATH,
  launchExtension,
  openExtensionPage,
  openTab,
  pollUntil,
  startFixtureServer,
  type ExtensionBrowser,
  type FixtureServer,
} from './harness';
import { THIRD_SOURCE, TYPED, journeyRoutes } from './journey-shared';

describe('the page and the view in step', () => {
  let server: FixtureServer;
  let browser: ExtensionBrowser;
  let post: Page;
  let panel: Page;

  const editor = (index: number) => panel.locator('textarea[data-segment-id]').nth(index);
  const articleText = () => post.locator('.entry-content').evaluate((e) => e.textContent);

  beforeAll(async () => {
    server = await startFixtureServer(journeyRoutes());
    browser = await launchExtension();
    const url = server.origin('diff.wikimedia.org') + DIFF_POST_PATH;
    const { page, tabId } = await openTab(browser, url);
    post = page;
    panel = await openExtensionPage(browser.context, browser.extensionId, `sidepanel.html?tab=${tabId}`);
    await panel.getByTestId('target-language').selectOption('ru');
    await pollUntil(() => editor(2).isEnabled(), { message: 'editors enabled' });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('focuses the editor of a paragraph Alt+clicked in the page, and follows no link doing so', async () => {
    await editor(0).focus();
    const paragraph = post.locator('.entry-content p', { hasText: THIRD_SOURCE.slice(0, 40) });
    await paragraph.click({ modifiers: ['Alt'], position: { x: 5, y: 5 } });
    const segmentId = await editor(2).getAttribute('data-segment-id');
    await pollUntil(
      async () => (await panel.evaluate(() => document.activeElement?.getAttribute('data-segment-id'))) === segmentId,
      { message: 'the third editor focused' },
    );
    expect(post.url()).toContain(DIFF_POST_PATH);
    // A plain click is the page's own business.
    await post.locator('.entry-content p').first().click({ position: { x: 5, y: 5 } });
    await panel.waitForTimeout(200);
    expect(await panel.evaluate(() => document.activeElement?.getAttribute('data-segment-id'))).toBe(segmentId);
  });

  it('shows drafts under their paragraphs in a closed shadow root, and removes them again', async () => {
    const before = await articleText();
    await editor(2).fill(TYPED);
    await panel.getByTestId('preview-toggle').check();
    const hosts = post.locator('[data-interlinear-preview]');
    await pollUntil(async () => (await hosts.count()) === 1, { message: 'one preview in the page' });
    const host = await hosts.first().evaluate((h) => ({
      open: h.shadowRoot !== null,
      light: h.textContent,
      height: h.getBoundingClientRect().height,
      inside: h.parentElement?.textContent?.includes('You can read more about the Central Asia') ?? false,
    }));
    expect(host).toMatchObject({ open: false, light: '', inside: true });
    expect(host.height).toBeGreaterThan(0);
    expect(await articleText()).toBe(before); // the page's own text is as it was

    // The preview follows typing.
    await editor(4).fill('Второй абзац.');
    await pollUntil(async () => (await hosts.count()) === 2, { message: 'two previews' });

    await panel.getByTestId('preview-toggle').uncheck();
    await pollUntil(async () => (await hosts.count()) === 0, { message: 'previews removed' });
  });
});
