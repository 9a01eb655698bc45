// Statuses and keys in real Chromium with the built extension, on the Diff post, using only the
// keyboard: pick a language, draft, Ctrl+Enter marks done and moves on, progress and badge follow,
// the source is copied as an undoable edit, and the help lists the keys.
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
import { THIRD_SOURCE, TITLE } from './journey-shared';

describe('statuses and keys, keyboard only', () => {
  let server: FixtureServer;
  let browser: ExtensionBrowser;
  let panel: Page;
  let tabId: number;

  const badge = async () => badgeText(await extensionServiceWorker(browser.context), tabId);
  const badgeBecomes = (text: string) => pollUntil(async () => (await badge()) === text, { message: `badge "${text}"` });
  const progressBecomes = (text: string) =>
    pollUntil(async () => (await panel.getByTestId('progress').innerText()) === text, { message: `progress "${text}"` });
  /** The index of the segment whose editor has the focus (-1: none). */
  const focusedSegment = () =>
    panel.evaluate(() => [...document.querySelectorAll('textarea[data-segment-id]')].indexOf(document.activeElement as Element));
  const editor = (i: number) => panel.locator('textarea[data-segment-id]').nth(i);

  beforeAll(async () => {
    server = await startFixtureServer({ [DIFF_POST_PATH]: DIFF_POST_FIXTURE });
    browser = await launchExtension();
    const url = server.origin('diff.wikimedia.org') + DIFF_POST_PATH;
    ({ tabId } = await openTab(browser, url));
    panel = await openExtensionPage(browser.context, browser.extensionId, `sidepanel.html?tab=${tabId}`);
    await editor(0).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('picks a language with the keyboard, and the badge still counts the segments', async () => {
    await badgeBecomes('13');
    await expect(panel.getByTestId('progress').innerText()).resolves.toBe('0 of 13 done');
    for (let i = 0; i < 20; i++) {
      if (await panel.evaluate(() => document.activeElement?.getAttribute('data-testid') === 'target-language')) break;
      await panel.keyboard.press('Tab');
    }
    await panel.keyboard.press('ArrowDown');
    await pollUntil(() => editor(0).isEnabled(), { message: 'editors enabled' });
    const lang = await panel.getByTestId('target-language').inputValue();
    expect(lang).not.toBe('');
    await expect(editor(0).getAttribute('lang')).resolves.toBe(lang);
  });

  it('drafts, and Ctrl+Enter marks done and moves to the next untranslated segment', async () => {
    await panel.keyboard.press('Alt+N'); // from the language picker: the first untranslated segment
    expect(await focusedSegment()).toBe(0);
    await panel.keyboard.type('Участники сообщества Центральной Азии');
    await progressBecomes('0 of 13 done · 1 draft');
    await badgeBecomes('0%');
    await panel.keyboard.press('Control+Enter');
    expect(await focusedSegment()).toBe(1);
    await progressBecomes('1 of 13 done');
    await badgeBecomes('8%');
    await expect(panel.locator('li.segment').nth(0).getByTestId('segment-status').innerText()).resolves.toBe('Done');
    await expect(editor(0).inputValue()).resolves.toBe('Участники сообщества Центральной Азии'); // no line break typed
  });

  it('copies the source into the editor as an edit Ctrl+Z undoes, and moves between segments', async () => {
    await panel.keyboard.press('Alt+ArrowDown');
    expect(await focusedSegment()).toBe(2);
    await panel.keyboard.press('Alt+C');
    // The source as the editor takes it: inline markup (the link) as placeholders, if any.
    const copied = await editor(2).inputValue();
    expect(copied.replace(/⟨\/?\d+\/?⟩/g, '')).toBe(THIRD_SOURCE);
    await progressBecomes('1 of 13 done · 1 draft');
    await panel.keyboard.press('Control+Z');
    await expect(editor(2).inputValue()).resolves.toBe('');
    await progressBecomes('1 of 13 done');
    await panel.keyboard.type('Вы можете прочитать больше.');
    await panel.keyboard.press('Alt+ArrowUp');
    expect(await focusedSegment()).toBe(1);
    await panel.keyboard.press('Alt+N'); // segment 3 has a draft: the next untranslated is 4
    expect(await focusedSegment()).toBe(3);
    await progressBecomes('1 of 13 done · 1 draft');
    await badgeBecomes('8%');
  });

  it('marks a segment done with its toggle, reached by Tab, and back again with Space', async () => {
    await panel.keyboard.press('Alt+ArrowUp');
    expect(await focusedSegment()).toBe(2);
    await panel.keyboard.press('Control+Enter'); // done, then the next untranslated after it
    expect(await focusedSegment()).toBe(3);
    await progressBecomes('2 of 13 done');
    await badgeBecomes('15%');
    const toggle = panel.locator('li.segment').nth(2).locator('.status-toggle');
    await panel.keyboard.press('Alt+ArrowUp');
    await panel.keyboard.press('Alt+ArrowUp');
    expect(await focusedSegment()).toBe(1);
    const toggleFocused = () => toggle.evaluate((button) => button === document.activeElement);
    for (let i = 0; i < 15 && !(await toggleFocused()); i++) await panel.keyboard.press('Tab');
    await expect(toggleFocused()).resolves.toBe(true);
    await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('true');
    await panel.keyboard.press('Space');
    await progressBecomes('1 of 13 done · 1 draft');
    await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('false');
    await badgeBecomes('8%');
  });

  it('opens the help with Ctrl+/ listing every key, and Escape returns to the editor', async () => {
    await editor(4).focus();
    await panel.keyboard.press('Control+/');
    const help = panel.getByTestId('keyboard-help');
    await help.waitFor();
    const keys = await help.locator('kbd').allInnerTexts();
    expect(keys).toEqual(['Alt+↓', 'Alt+↑', 'Alt+N', 'Alt+C', 'Ctrl+Enter', 'Alt+R', 'Alt+M', 'Ctrl+/', 'Tab']);
    await expect(help.innerText()).resolves.toContain('Mark done and go to the next untranslated segment');
    await panel.keyboard.press('Escape');
    await expect(help.count()).resolves.toBe(0);
    expect(await focusedSegment()).toBe(4);
    await expect(panel.getByRole('button', { name: 'Keyboard shortcuts' }).getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(panel.getByTestId('post-title').innerText()).resolves.toBe(TITLE);
  });

  it('opens the focused segment’s history with Alt+R', async () => {
    await editor(5).focus();
    await panel.keyboard.press('Alt+R');
    const history = panel.locator('li.segment').nth(5).locator('[data-action="history"]');
    await pollUntil(async () => (await history.getAttribute('aria-expanded')) === 'true', { message: 'history open' });
  });

  it('keeps the statuses in a view opened afterwards', async () => {
    const again = await openExtensionPage(browser.context, browser.extensionId, `popup.html?tab=${tabId}`);
    await again.locator('textarea[data-segment-id]').first().waitFor();
    await expect(again.getByTestId('progress').innerText()).resolves.toBe('1 of 13 done · 1 draft');
    await expect(again.locator('li.segment').nth(0).getAttribute('data-status')).resolves.toBe('done');
    await again.close();
  });
});
