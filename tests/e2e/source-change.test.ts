// When the post changes after drafting, in real Chromium: the Diff post is drafted, then served
// as its author edited it (a paragraph reworded, one added, one removed) at the same address.
// Drafts follow their paragraphs; the reworded one is flagged with a word diff of its source until
// confirmed; the removed paragraph's draft is kept in the orphaned list.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  DIFF_POST_EDITED_FIXTURE,
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

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's WCAG violations on the page (evaluated through the debugger, which the page's CSP allows). */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    type Axe = { run(context: Document, options: object): Promise<{ violations: { id: string; nodes: unknown[] }[] }> };
    const { axe } = globalThis as unknown as { axe: Axe };
    // The WCAG A and AA rules; page landmarks are the views' own concern, checked elsewhere.
    const { violations } = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return violations.map((v) => `${v.id}: ${v.nodes.map((n) => (n as { target: string[] }).target.join(' ')).join(', ')}`);
  });
}

const KEPT = 'Подробнее о сообществах Центральной Азии — в прошлой записи.';
const REWORDED = 'Я побывал на многих сессиях, но некоторые ещё не посмотрел.';
const REMOVED = 'Главный вывод для меня — новые способы сделать сообщество разнообразнее.';

describe('drafts follow their paragraphs when the post changes, in Chromium', () => {
  let server: FixtureServer;
  let browser: ExtensionBrowser;
  let post: Page;
  let tabId: number;

  const editors = (page: Page) => page.locator('textarea[data-segment-id]');
  const openPanel = async () => {
    const page = await openExtensionPage(browser.context, browser.extensionId, `sidepanel.html?tab=${tabId}`);
    await editors(page).first().waitFor();
    return page;
  };

  beforeAll(async () => {
    server = await startFixtureServer({ [DIFF_POST_PATH]: DIFF_POST_FIXTURE });
    browser = await launchExtension();
    const url = server.origin('diff.wikimedia.org') + DIFF_POST_PATH;
    ({ page: post, tabId } = await openTab(browser, url));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('drafts three paragraphs of the original post', async () => {
    const panel = await openPanel();
    await panel.getByTestId('target-language').selectOption('ru');
    await pollUntil(() => editors(panel).nth(2).isEnabled(), { message: 'editors enabled' });
    expect(await panel.locator('.segment-source').nth(7).innerText()).toMatch(/^I’ve attended many different sessions, but/);
    await editors(panel).nth(2).fill(KEPT);
    await editors(panel).nth(7).fill(REWORDED);
    await editors(panel).nth(12).fill(REMOVED);
    await panel.close({ runBeforeUnload: true });
    const again = await openPanel();
    await pollUntil(async () => (await editors(again).nth(12).inputValue()) === REMOVED, { message: 'the drafts saved' });
    await again.close();
  });

  it('moves the drafts when the edited post is loaded at the same address', async () => {
    server.setRoute(DIFF_POST_PATH, DIFF_POST_EDITED_FIXTURE);
    await post.reload();
    // The panel shows the edited post once its page has reported it.
    const panel = await openPanel();
    await pollUntil(async () => (await editors(panel).nth(8).inputValue()) === REWORDED, { message: 'the moved draft' });
    const sources = await panel.locator('.segment-source').allInnerTexts();
    expect(sources[3]).toMatch(/^This post was updated/);
    expect(sources[8]).toMatch(/^I’ve attended many different sessions; there/);
    expect(await editors(panel).nth(2).inputValue()).toBe(KEPT);
    expect(await editors(panel).nth(3).inputValue()).toBe('');
    expect(await editors(panel).nth(8).inputValue()).toBe(REWORDED);
    expect(await panel.getByTestId('source-change').count()).toBe(1);
    // The flag, the orphaned drafts and an open history pass axe-core.
    await panel.locator('.segments > li').nth(8).locator('[data-action="history"]').click();
    await panel.getByTestId('history-entry').first().waitFor();
    expect(await axeViolations(panel)).toEqual([]);
    await panel.close();
  });

  it('flags the reworded paragraph’s draft with a word diff of its source, until confirmed', async () => {
    const panel = await openPanel();
    const segment = panel.locator('.segments > li').nth(8);
    const flag = segment.getByTestId('source-change');
    expect(await flag.innerText()).toContain('The source changed');
    expect(await flag.locator('del').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining(', but')]));
    expect(await flag.locator('ins').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining(';')]));
    await flag.getByRole('button', { name: 'Confirm' }).click();
    await pollUntil(async () => (await panel.getByTestId('source-change').count()) === 0, { message: 'the flag gone' });
    await panel.close();
    const again = await openPanel();
    expect(await again.getByTestId('source-change').count()).toBe(0);
    expect(await editors(again).nth(8).inputValue()).toBe(REWORDED);
    await again.close();
  });

  it('keeps the removed paragraph’s draft in the orphaned list, with the removed text', async () => {
    const panel = await openPanel();
    const orphans = panel.getByTestId('orphan');
    expect(await orphans.count()).toBe(1);
    const orphan = await orphans.first().innerText();
    expect(orphan).toContain('One major takeaway for me was learning about new strategies');
    expect(orphan).toContain(REMOVED);
    await orphans.first().getByRole('button', { name: 'Delete draft' }).click();
    await pollUntil(async () => (await orphans.count()) === 0, { message: 'the orphan deleted' });
    await panel.getByTestId('orphaned-drafts').getByRole('button', { name: 'Undo' }).click();
    await pollUntil(async () => (await orphans.count()) === 1, { message: 'the orphan back' });
    await panel.close();
  });
});
