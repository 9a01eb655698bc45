// The page and the views in step: an editor's paragraph is highlighted in the page without
// changing the page's DOM, and "Show in page" scrolls to it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  DIFF_POST_FIXTURE,
  DIFF_POST_PATH,
  launchExtension,
  openExtensionPage,
  openTab,
  pollUntil,
  startFixtureServer,
  type ExtensionBrowser,
  type FixtureServer,
} from './harness';

describe('the page highlights the paragraph being drafted', () => {
  let server: FixtureServer;
  let browser: ExtensionBrowser;
  let post: Page;
  let panel: Page;

  /** The text of the page's highlighted range, or null. */
  const highlighted = () =>
    post.evaluate(() => {
      const entry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('interlinear-segment');
      return entry ? [...entry].map((range) => range.toString().replace(/\s+/g, ' ').trim()).join('|') : null;
    });

  beforeAll(async () => {
    server = await startFixtureServer({ [DIFF_POST_PATH]: DIFF_POST_FIXTURE });
    browser = await launchExtension();
    const url = server.origin('diff.wikimedia.org') + DIFF_POST_PATH;
    const { page, tabId } = await openTab(browser, url);
    post = page;
    panel = await openExtensionPage(browser.context, browser.extensionId, `sidepanel.html?tab=${tabId}`);
    await panel.locator('textarea[data-segment-id]').first().waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('highlights the hovered segment’s paragraph and clears it when the pointer leaves', async () => {
    const before = await post.evaluate(() => document.documentElement.outerHTML);
    await panel.locator('.segment').nth(7).hover();
    await pollUntil(async () => (await highlighted())?.startsWith('I’ve attended many different sessions'), {
      message: 'paragraph 8 highlighted',
    });
    expect(await post.evaluate(() => document.documentElement.outerHTML)).toBe(before);
    await panel.getByTestId('post-title').hover();
    await pollUntil(async () => (await highlighted()) === null, { message: 'highlight cleared' });
  });

  it('scrolls the page to the paragraph on request', async () => {
    expect(await post.evaluate(() => scrollY)).toBe(0);
    await panel.locator('.segment').nth(12).hover();
    await panel.locator('.segment').nth(12).getByRole('button', { name: 'Show in page' }).click();
    await pollUntil(async () => (await post.evaluate(() => scrollY)) > 200, { message: 'the page scrolled' });
    expect(await highlighted()).toMatch(/^One major takeaway/);
  });
});
