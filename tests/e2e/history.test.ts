// A segment's history in real Chromium with the built extension: draft, restore an earlier text,
// delete the draft and undo — and the store keeps each step across a reopened view.
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
  type ExtensionBrowser,
  type FixtureServer,
} from './harness';

const FIRST = 'Вы можете прочитать больше в предыдущем блоге.';
const SECOND = 'Подробнее о сообществах — в прошлой записи.';

describe('a segment’s history in Chromium', () => {
  let server: FixtureServer;
  let browser: ExtensionBrowser;
  let tabId: number;
  let panel: Page;

  const segment = () => panel.locator('.segments > li').nth(2);
  const editor = () => segment().locator('textarea[data-segment-id]');
  const entries = () => segment().getByTestId('history-entry');
  const badge = async () => badgeText(await extensionServiceWorker(browser.context), tabId);
  const openPanel = async () => {
    const page = await openExtensionPage(browser.context, browser.extensionId, `sidepanel.html?tab=${tabId}`);
    await page.locator('textarea[data-segment-id]').first().waitFor();
    return page;
  };

  beforeAll(async () => {
    server = await startFixtureServer({ [DIFF_POST_PATH]: DIFF_POST_FIXTURE });
    browser = await launchExtension();
    const url = server.origin('diff.wikimedia.org') + DIFF_POST_PATH;
    ({ tabId } = await openTab(browser, url));
    panel = await openPanel();
    await panel.getByTestId('target-language').selectOption('ru');
    await pollUntil(() => editor().isEnabled(), { message: 'editors enabled' });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lists each saved text of a segment, newest first', async () => {
    await editor().fill(FIRST);
    await segment().locator('[data-action="history"]').click();
    await pollUntil(async () => (await entries().count()) === 1, { message: 'one saved change' });
    await editor().fill(SECOND);
    await pollUntil(async () => (await entries().count()) === 2, { message: 'two saved changes' });
    const texts = await segment().locator('.history-text').allInnerTexts();
    expect(texts).toEqual([SECOND, FIRST]);
    expect(await entries().first().innerText()).toMatch(/this device · typed · current/);
  });

  it('restores an earlier text as a new change, kept after the view is reopened', async () => {
    await entries().nth(1).getByRole('button', { name: 'Restore' }).click();
    await pollUntil(async () => (await editor().inputValue()) === FIRST, { message: 'the editor shows the restored text' });
    await pollUntil(async () => (await entries().count()) === 3, { message: 'the restore in the history' });
    expect(await entries().first().innerText()).toContain('restored');
    await panel.close();
    panel = await openPanel();
    expect(await editor().inputValue()).toBe(FIRST);
    await segment().locator('[data-action="history"]').click();
    await pollUntil(async () => (await entries().count()) === 3, { message: 'the history kept' });
    expect(await segment().locator('.history-text').allInnerTexts()).toEqual([FIRST, SECOND, FIRST]);
  });

  it('deletes the draft, and Undo brings it back', async () => {
    const drafted = await badge();
    await segment().getByRole('button', { name: 'Delete draft of paragraph 3' }).click();
    await pollUntil(async () => (await editor().inputValue()) === '', { message: 'the draft deleted' });
    // No draft left: the badge counts the segments waiting again.
    await pollUntil(async () => (await badge()) === '13', { message: 'badge "13" after the delete' });
    const notice = segment().getByTestId('undo-notice');
    expect(await notice.innerText()).toContain('Draft deleted.');
    // Focus is on Undo: the keyboard undoes at once.
    await panel.keyboard.press('Enter');
    await pollUntil(async () => (await editor().inputValue()) === FIRST, { message: 'the draft back' });
    await pollUntil(async () => (await badge()) === drafted, { message: `badge "${drafted}" again after the undo` });
    expect(await notice.count()).toBe(0);
    await panel.close();
    panel = await openPanel();
    expect(await editor().inputValue()).toBe(FIRST);
  });
});
