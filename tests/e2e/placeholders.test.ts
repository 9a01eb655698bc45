// Placeholders in real Chromium with the built extension, on the Diff post: the source shows its
// link as chips, a draft that drops it is flagged by the quality line, Alt+1 puts it back, and the
// store keeps the draft with its tokens.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Worker } from 'playwright-core';
import {
  DIFF_POST_FIXTURE,
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
import { THIRD_SOURCE } from './journey-shared';

const LANG = 'ru';
const PREVIOUS_BLOG = 'https://diff.wikimedia.org/2024/08/20/wikimedians-of-central-asia/';
const WITHOUT_LINK = 'Больше о сообществах Центральной Азии — в предыдущем блоге.';
const LINKED_WORDS = 'предыдущем блоге';
const WITH_LINK = 'Больше о сообществах Центральной Азии — в ⟨1⟩предыдущем блоге⟨/1⟩.';

/** One stored draft's text, read in the worker straight from IndexedDB. */
async function storedDraft(worker: Worker, segmentId: string): Promise<string | null> {
  return (await storedDrafts(worker)).find((d) => d.lang === LANG && d.segmentId === segmentId)?.text ?? null;
}

describe('placeholders in the side panel', () => {
  let server: FixtureServer;
  let browser: ExtensionBrowser;
  let panel: Page;

  const segment = (index: number) => panel.locator('.segment').nth(index);
  const editor = (index: number) => segment(index).locator('textarea[data-segment-id]');
  const qualityLine = (index: number) => segment(index).getByTestId('quality-line');

  beforeAll(async () => {
    server = await startFixtureServer({ [DIFF_POST_PATH]: DIFF_POST_FIXTURE });
    browser = await launchExtension();
    const url = server.origin('diff.wikimedia.org') + DIFF_POST_PATH;
    const { tabId } = await openTab(browser, url);
    panel = await openExtensionPage(browser.context, browser.extensionId, `sidepanel.html?tab=${tabId}`);
    await panel.locator('textarea[data-segment-id]').first().waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the link in the source as numbered chips that say where it leads', async () => {
    const source = segment(2).locator('.segment-source');
    await expect(source.innerText()).resolves.toBe(THIRD_SOURCE);
    const chips = source.locator('.placeholder-chip');
    await expect(chips.count()).resolves.toBe(2);
    await expect(chips.nth(0).getAttribute('aria-label')).resolves.toBe(`start of 1, link to ${PREVIOUS_BLOG}`);
    await expect(chips.nth(1).getAttribute('aria-label')).resolves.toBe('end of 1');
    const drawn = await chips.evaluateAll((all) => all.map((chip) => getComputedStyle(chip, '::before').content));
    expect(drawn).toEqual(['"1"', '"/1"']);
    await expect(chips.nth(0).isVisible()).resolves.toBe(true);
    // The bold user link: a link inside bold, numbered in reading order.
    const userChips = segment(3).locator('.segment-source .placeholder-chip');
    await expect(userChips.evaluateAll((all) => all.map((chip) => chip.getAttribute('data-chip')))).resolves.toEqual(['1', '2', '/2', '/1']);
  });

  it('warns about the dropped link as the translator types, and Alt+1 puts it back', async () => {
    await panel.getByTestId('target-language').selectOption(LANG);
    await pollUntil(() => editor(2).isEnabled(), { message: 'editors enabled' });
    await editor(2).click();
    await editor(2).pressSequentially(WITHOUT_LINK, { delay: 0 });
    await pollUntil(async () => (await qualityLine(2).innerText()) === '⟨1⟩…⟨/1⟩ is missing.', {
      message: 'the quality line warns that ⟨1⟩ is missing',
    });
    await expect(qualityLine(2).getAttribute('role')).resolves.toBe('status');

    const start = WITHOUT_LINK.indexOf(LINKED_WORDS);
    await editor(2).evaluate((el: HTMLTextAreaElement, [from, to]) => el.setSelectionRange(from, to), [start, start + LINKED_WORDS.length] as const);
    await panel.keyboard.press('Alt+1');
    await expect(editor(2).inputValue()).resolves.toBe(WITH_LINK);
    await pollUntil(async () => (await qualityLine(2).innerText()) === '', { message: 'the warning goes away' });

    const segmentId = (await editor(2).getAttribute('data-segment-id'))!;
    const worker = await extensionServiceWorker(browser.context);
    await pollUntil(async () => (await storedDraft(worker, segmentId)) === WITH_LINK, {
      message: 'the stored draft holds the tokens',
    });
  });

  it('inserts a placeholder from the chip under the source, and checks numbers', async () => {
    await editor(3).click();
    await editor(3).pressSequentially(': Моя первая Викимания.', { delay: 0 });
    await pollUntil(async () => (await qualityLine(3).innerText()).includes('⟨1⟩…⟨/1⟩ is missing.'), { message: 'missing ⟨1⟩' });
    await editor(3).evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(0, 0));
    await segment(3).locator('.placeholder-insert').filter({ hasText: 'bold' }).click();
    await panel.keyboard.type('Участник');
    await expect(editor(3).inputValue()).resolves.toBe('⟨1⟩Участник⟨/1⟩: Моя первая Викимания.');
    await pollUntil(async () => (await qualityLine(3).innerText()) === '⟨2⟩…⟨/2⟩ is missing.', { message: 'only ⟨2⟩ missing' });

    await editor(4).click();
    await editor(4).pressSequentially('После 8 лет, в 2017 году.', { delay: 0 });
    await pollUntil(
      async () => (await qualityLine(4).innerText()).includes('8 is in the draft but not in the source.'),
      { message: 'the number that differs is named' },
    );
  });
});
