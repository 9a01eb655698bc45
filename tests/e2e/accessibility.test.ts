// Accessibility in real Chromium with the built extension: axe-core's WCAG 2.1 A and AA rules and
// its best-practice rules (landmarks, regions, headings) find nothing on the popup, the side panel
// and the options page, each in the states a translator sees (a draft typed, its history and the
// keyboard help open, every segment drafted and some done, another site's page lent by the toolbar
// button, sync settings to fix), in light and dark colours, with the browser's interface in
// English, in Persian (right to left) and in Russian (a translated aria-label must still contain
// the visible words it names: WCAG 2.5.3, label in name).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import {
  BLOG_HOST,
  DIFF_POST_FIXTURE,
  DIFF_POST_PATH,
  PROJECT_FIXTURES,
  allowSiteInBrowserSettings,
  launchExtension,
  openExtensionPage,
  openTab,
  pollUntil,
  pressToolbarButton,
  startFixtureServer,
  storedDrafts,
  type ExtensionBrowser,
  type FixtureServer,
} from './harness';
import { TYPED } from './journey-shared';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/** WCAG 2.0 and 2.1, levels A and AA, and axe's best practices; no rule is turned off. */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/** A post on a site Interlinear reads only once the reader adds it. */
const BLOG_POST_PATH = '/2024/10/01/markup-inside-text/';
/** A page of that site that asks for nothing. */
const BLOG_QUIET_PATH = '/2024/10/05/a-quiet-post/';
const BLOG_SITE = `https://${BLOG_HOST}/*`;

interface Violation {
  id: string;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/**
 * axe-core's WCAG violations on the page, one readable line per element: rule, element, what to fix.
 * Evaluated, not injected as a <script>: the extension page's CSP allows its own scripts only.
 */
async function axeViolations(page: Page): Promise<string[]> {
  // A settled page: colours measured halfway through a fade are not what the reader sees.
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (tags) => {
    type Axe = { run(context: Document, options: object): Promise<{ violations: Violation[] }> };
    const { axe } = globalThis as unknown as { axe: Axe };
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map(({ id, help, nodes }) => ({
      id,
      help,
      nodes: nodes.map(({ target, failureSummary }) => ({ target: target.map(String), failureSummary })),
    }));
  }, AXE_TAGS);
  return violations.flatMap(({ id, help, nodes }) =>
    nodes.map(({ target, failureSummary }) =>
      `${id} (${help}) at ${target.join(' ')}: ${(failureSummary ?? '').replace(/\s+/g, ' ').trim()}`,
    ),
  );
}

/**
 * Fails with every violation listed, so that the message says what to fix and where. Soft: the
 * test goes on to the view's next states, and one run reports them all.
 */
async function expectNoViolations(page: Page, where: string): Promise<void> {
  const found = await axeViolations(page);
  expect.soft(found, `axe-core violations on ${where}:\n${found.join('\n')}`).toEqual([]);
}

/** The same in light and in dark colours; the page is left light. */
async function expectNoViolationsInBothThemes(page: Page, where: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await expectNoViolations(page, `${where} (${colorScheme})`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** Waits for `locator`; if it never shows, fails with what the view showed instead. */
async function waitShown(page: Page, locator: Locator, what: string): Promise<void> {
  try {
    await locator.first().waitFor();
  } catch (error) {
    const shown = (await page.locator('body').innerText().catch(() => '')).slice(0, 1500);
    throw new Error(`${what} did not show. The view showed:\n${shown}`, { cause: error });
  }
}

const LOCALES = [
  { name: 'English', locale: 'en', dir: 'ltr' },
  { name: 'Persian', locale: 'fa', dir: 'rtl' },
  { name: 'Russian', locale: 'ru', dir: 'ltr' },
] as const;

describe.each(LOCALES)('accessibility in Chromium in $name', ({ locale, dir }) => {
  let server: FixtureServer;
  let browser: ExtensionBrowser;
  let tabId: number;

  const editors = (page: Page) => page.locator('textarea[data-segment-id]');
  const segment = (page: Page, index: number) => page.locator('.segments > li').nth(index);
  /** An extension page, once it has taken the interface language's direction. */
  const openPage = async (pagePath: string) => {
    const page = await openExtensionPage(browser.context, browser.extensionId, pagePath);
    await pollUntil(async () => (await page.locator('html').getAttribute('dir')) === dir, { message: `<html dir="${dir}">` });
    return page;
  };
  const openView = (view: 'popup' | 'sidepanel', tab = tabId) => openPage(`${view}.html?tab=${tab}`);

  beforeAll(async () => {
    server = await startFixtureServer({
      [DIFF_POST_PATH]: DIFF_POST_FIXTURE,
      [BLOG_POST_PATH]: path.join(PROJECT_FIXTURES, 'inline-markup-post.html'),
      [BLOG_QUIET_PATH]: path.join(PROJECT_FIXTURES, 'no-cta-post.html'),
    });
    browser = await launchExtension({ uiLanguage: locale });
    const url = server.origin() + DIFF_POST_PATH;
    ({ tabId } = await openTab(browser, url));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the side panel: a language chosen, a draft typed, its history, then the keyboard help', async () => {
    const panel = await openView('sidepanel');
    await editors(panel).first().waitFor();
    await expectNoViolations(panel, 'the side panel before a language is chosen');

    await panel.getByTestId('target-language').selectOption('ru');
    await pollUntil(() => editors(panel).nth(2).isEnabled(), { message: 'editors enabled' });
    await editors(panel).nth(2).fill(TYPED);
    await pollUntil(async () => (await storedDrafts(panel)).some((d) => d.text === TYPED), { message: 'the draft saved' });
    await segment(panel, 2).locator('[data-action="history"]').click();
    await waitShown(panel, panel.getByTestId('history-entry'), 'The draft’s history');
    await expectNoViolations(panel, 'the side panel with a draft and its history open');

    await panel.locator('button[aria-controls="keyboard-help-panel"]').click();
    await panel.getByTestId('keyboard-help').waitFor();
    await expectNoViolationsInBothThemes(panel, 'the side panel with the keyboard help open');
    await panel.close({ runBeforeUnload: true });
  });

  it('the side panel: its export options, a deleted draft’s Undo, and a language tag to fix', async () => {
    const panel = await openView('sidepanel');
    await pollUntil(async () => (await editors(panel).nth(2).inputValue()) === TYPED, { message: 'the draft shown' });
    await panel.locator('.export-disclosure summary').click();
    await panel.getByTestId('export-panel').waitFor();
    await segment(panel, 2).locator('[data-action="delete-draft"]').click();
    const undo = segment(panel, 2).locator('.undo-notice');
    await undo.waitFor();
    await panel.getByTestId('target-language').selectOption('__other__');
    const tag = panel.locator('.language-other input');
    await tag.fill('Brazilian Portuguese');
    await panel.getByTestId('language-tag-message').waitFor();
    await expectNoViolations(panel, 'the side panel with export options, an Undo and a language tag to fix');

    await tag.press('Escape');
    await undo.locator('button:not(.undo-dismiss)').click();
    await pollUntil(async () => (await editors(panel).nth(2).inputValue()) === TYPED, { message: 'the draft back' });
    await panel.close({ runBeforeUnload: true });
  });

  it('the popup and the side panel once every segment has a draft and some are done', async () => {
    const panel = await openView('sidepanel');
    await pollUntil(async () => (await editors(panel).nth(2).inputValue()) === TYPED, { message: 'the draft shown' });
    const count = await editors(panel).count();
    for (let index = 0; index < count; index++) {
      if ((await editors(panel).nth(index).inputValue()) === '') await editors(panel).nth(index).fill(`${TYPED} ${index + 1}`);
    }
    for (const index of [0, 1, 2]) await segment(panel, index).locator('.status-toggle').click();
    await pollUntil(async () => (await storedDrafts(panel)).filter((d) => d.text !== '').length === count, {
      message: 'every draft saved',
    });
    await pollUntil(async () => (await storedDrafts(panel)).filter((d) => d.status === 'done').length === 3, {
      message: 'three drafts done',
    });
    await expectNoViolationsInBothThemes(panel, 'the side panel with every segment drafted, three done');
    await panel.close({ runBeforeUnload: true });

    const popup = await openView('popup');
    await pollUntil(async () => (await popup.locator('.segment.is-done').count()) === 3, { message: 'the done segments shown' });
    expect(await popup.locator('.segment.is-drafted').count()).toBe(count);
    await expectNoViolationsInBothThemes(popup, 'the popup with every segment drafted, three done');
    await popup.close();
  });

  it('the popup on another site’s page: not lent, lent by the toolbar button, then the site added', async () => {
    const url = server.origin(BLOG_HOST) + BLOG_QUIET_PATH;
    const { page, tabId: blogTab } = await openTab(browser, url);
    const unlent = await openView('popup', blogTab);
    await unlent.getByTestId('scan-not-allowed').waitFor();
    await expectNoViolationsInBothThemes(unlent, 'the popup on a page it was not lent');
    await unlent.close();

    await pressToolbarButton(browser, page);
    const popup = await openView('popup', blogTab);
    const offer = popup.getByTestId('check-this-site').locator('button');
    await waitShown(popup, offer, 'The offer to check the site');
    await expectNoViolationsInBothThemes(popup, 'the popup on a page of a site not checked yet');

    // The reader allows the site in chrome://extensions, so the button's request needs no prompt
    // (a test cannot click the browser's own prompt; tests/e2e/site-access.test.ts does the same).
    await allowSiteInBrowserSettings(browser, BLOG_SITE);
    await offer.click();
    await popup.getByTestId('site-checked').waitFor();
    await popup.close();
    const { tabId: postTab } = await openTab(browser, server.origin(BLOG_HOST) + BLOG_POST_PATH);
    const again = await openView('popup', postTab);
    await waitShown(again, editors(again), 'The added site’s post');
    await expectNoViolationsInBothThemes(again, 'the popup on the added site’s post');
    await again.close();
  });

  it('the options page: the dashboard with the post, the site list, and sync settings to fix', async () => {
    const page = await openPage('options.html');
    await page.getByTestId('dashboard-row').first().waitFor();
    await page.getByTestId('checked-site').waitFor();
    await expectNoViolations(page, 'the options page');
    await page.getByTestId('dashboard-row').first().locator('button[aria-controls]').click();
    await page.locator('.dashboard-export').getByTestId('export-panel').waitFor();
    await expectNoViolations(page, 'the options page with a post’s export options open');

    // Saving empty settings marks the fields to fix (checked before the browser is asked anything).
    await page.locator('form.sync-settings button[type="submit"]').click();
    await page.locator('.sync-settings .field-error').first().waitFor();
    await expectNoViolationsInBothThemes(page, 'the options page with sync settings to fix');
    await page.close();
  });
});
