// The dashboard in real Chromium with the built extension: a post drafted in the side panel is
// listed on the options page with its progress, found by search, opened by key without its page,
// and its drafts deleted and brought back.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import {
  DIFF_POST_FIXTURE,
  DIFF_POST_LOGGED_IN_FIXTURE,
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
import { THIRD_SOURCE, TITLE, TYPED, TYPED_TITLE } from './journey-shared';
import { badgeTextFor } from '../../utils/badge';

/** The same post as a logged-in reader sees it: with Polylang's list of the languages it wants. */
const LOGGED_IN_PATH = `/logged-in${DIFF_POST_PATH}`;
const WANTED_LANGUAGES = (
  JSON.parse(readFileSync(DIFF_POST_LOGGED_IN_FIXTURE.replace(/\.html$/, '.expected.json'), 'utf8')) as {
    cta: { targetLanguages: { code: string }[] };
  }
).cta.targetLanguages.map((l) => l.code);
const TYPED_PORTUGUESE = 'Você pode ler mais sobre as comunidades da Ásia Central no blog anterior.';

/** The badge with two of the post's 13 segments drafted, and with none. */
const TWO_DRAFTED = badgeTextFor({ total: 13, drafted: 2, done: 0 });
const NONE_DRAFTED = badgeTextFor({ total: 13, drafted: 0, done: 0 });

describe('the dashboard on the options page', () => {
  let server: FixtureServer;
  let browser: ExtensionBrowser;
  let tabId: number;
  let options: Page;
  let drafts: Page;

  const badge = async () => badgeText(await extensionServiceWorker(browser.context), tabId);
  const editors = (page: Page) => page.locator('textarea[data-segment-id]');
  const rows = () => options.getByTestId('dashboard-row');
  const russianRow = (): Locator => options.locator('[data-testid=dashboard-row][data-lang=ru]');

  beforeAll(async () => {
    server = await startFixtureServer({ [DIFF_POST_PATH]: DIFF_POST_FIXTURE, [LOGGED_IN_PATH]: DIFF_POST_LOGGED_IN_FIXTURE });
    browser = await launchExtension();
    const url = server.origin('diff.wikimedia.org') + DIFF_POST_PATH;
    ({ tabId } = await openTab(browser, url));
    const panel = await openExtensionPage(browser.context, browser.extensionId, `sidepanel.html?tab=${tabId}`);
    await panel.getByTestId('target-language').selectOption('ru');
    await pollUntil(() => editors(panel).nth(2).isEnabled(), { message: 'editors enabled' });
    await editors(panel).nth(0).fill(TYPED_TITLE);
    await editors(panel).nth(2).fill(TYPED);
    await panel.close({ runBeforeUnload: true });
    await pollUntil(async () => (await badge()) === TWO_DRAFTED, { message: `badge "${TWO_DRAFTED}": two drafts saved` });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lists the drafted post with its site, language and progress', async () => {
    options = await openExtensionPage(browser.context, browser.extensionId, 'options.html');
    await russianRow().waitFor();
    await expect(rows().count()).resolves.toBe(1);
    const cells = await russianRow().locator('th, td').allInnerTexts();
    expect(cells.slice(0, 4).map((c) => c.trim())).toEqual([TITLE, 'diff.wikimedia.org', 'Russian (ru)', '0 of 13 done · 2 drafts']);
    expect(await russianRow().locator('time').getAttribute('datetime')).toMatch(/^\d{4}-/);
    await expect(russianRow().getByRole('link', { name: 'Open post' }).getAttribute('href')).resolves.toMatch(
      /^https:\/\/diff\.wikimedia\.org[:/]/,
    );
  });

  it('has no accessibility violations axe-core can find', async () => {
    // Evaluated, not injected as a <script>: the extension page's CSP allows its own scripts only.
    await options.evaluate(readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));
    const violations = await options.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(context: string): Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe;
      const { violations } = await axe.run('.dashboard');
      return violations.map((v) => `${v.id} (${v.nodes.length})`);
    });
    expect(violations).toEqual([]);
  });

  it('finds the post by title as you type', async () => {
    const search = options.getByTestId('dashboard-search');
    await search.fill('wikimania CENTRAL');
    await expect(rows().count()).resolves.toBe(1);
    await search.fill('no such post');
    await options.getByTestId('dashboard-no-match').waitFor();
    await expect(rows().count()).resolves.toBe(0);
    await search.fill('');
    await russianRow().waitFor();
  });

  it('opens the post’s drafts by key, without its page', async () => {
    const opened = browser.context.waitForEvent('page');
    await russianRow().getByRole('link', { name: 'Open drafts' }).click();
    drafts = await opened;
    expect(new URL(drafts.url()).searchParams.get('lang')).toBe('ru');
    await editors(drafts).first().waitFor();
    await expect(drafts.getByTestId('post-title').innerText()).resolves.toBe(TITLE);
    await expect(editors(drafts).count()).resolves.toBe(13);
    await expect(editors(drafts).nth(2).inputValue()).resolves.toBe(TYPED);
    await expect(drafts.locator('.segment-source').nth(2).innerText()).resolves.toBe(THIRD_SOURCE);
    await expect(drafts.getByRole('button', { name: 'Show in page' }).count()).resolves.toBe(0);
    await expect(drafts.getByTestId('progress').innerText()).resolves.toContain('2 drafts');
  });

  it('exports the post’s Russian drafts from its row', async () => {
    await russianRow().getByRole('button', { name: /^Export/ }).click();
    const panel = options.locator('.dashboard-export').getByTestId('export-panel');
    const download = options.waitForEvent('download');
    await panel.getByRole('button', { name: 'Download' }).click();
    const file = await (await download).path();
    expect(readFileSync(file, 'utf8')).toContain(TYPED);
    await russianRow().getByRole('button', { name: /^Export/ }).click();
    await expect(panel.count()).resolves.toBe(0);
  });

  it('deletes the post’s Russian drafts, everywhere, and brings them back with Undo', async () => {
    await russianRow().getByRole('button', { name: /^Delete/ }).click();
    await options.getByText('You have no drafts yet.').waitFor();
    await expect(options.getByTestId('dashboard-undo').innerText()).resolves.toContain(
      `Deleted 2 drafts of “${TITLE}” in Russian.`,
    );
    await pollUntil(async () => (await editors(drafts).nth(2).inputValue()) === '', { message: 'the open view emptied' });
    await pollUntil(async () => (await badge()) === NONE_DRAFTED, { message: `badge "${NONE_DRAFTED}" after the delete` });

    await options.getByRole('button', { name: 'Undo' }).click();
    await russianRow().waitFor();
    await expect(russianRow().getByTestId('row-progress').innerText()).resolves.toMatch(/^0 of 13 done · 2 drafts/);
    await pollUntil(async () => (await editors(drafts).nth(2).inputValue()) === TYPED, { message: 'the open view restored' });
    await expect(editors(drafts).nth(0).inputValue()).resolves.toBe(TYPED_TITLE);
    await pollUntil(async () => (await badge()) === TWO_DRAFTED, { message: `badge "${TWO_DRAFTED}" after the undo` });
  });

  it('offers the site’s own languages first, takes any tag typed in, and keeps drafts per language', async () => {
    const url = server.origin('diff.wikimedia.org') + LOGGED_IN_PATH;
    const { tabId: tab } = await openTab(browser, url);
    const panel = await openExtensionPage(browser.context, browser.extensionId, `sidepanel.html?tab=${tab}`);
    await editors(panel).first().waitFor();
    const picker = panel.getByTestId('target-language');
    const groups = () =>
      picker
        .locator('optgroup')
        .evaluateAll((all) => all.map((g) => [g.getAttribute('label'), [...g.querySelectorAll('option')].map((o) => o.value)]));
    expect(WANTED_LANGUAGES.length).toBeGreaterThan(5);
    expect((await groups())[0]).toEqual(['Wanted by this site', WANTED_LANGUAGES]);

    await picker.selectOption('__other__');
    const tag = panel.getByRole('textbox', { name: /Language tag/ });
    await tag.fill('Brazilian Portuguese');
    await expect(panel.getByTestId('language-tag-message').innerText()).resolves.toContain(
      '“Brazilian Portuguese” is not a language tag.',
    );
    await tag.fill('pt-br');
    await panel.getByRole('button', { name: 'Use Brazilian Portuguese' }).click();
    await pollUntil(async () => (await editors(panel).nth(2).getAttribute('lang')) === 'pt-BR', { message: 'editors in pt-BR' });
    await expect(editors(panel).nth(2).inputValue()).resolves.toBe('');
    // A language chosen lately comes right after the site's own.
    const [wanted, yours] = await groups();
    expect(wanted![0]).toBe('Wanted by this site');
    expect(yours).toEqual(['Your languages', expect.arrayContaining(['pt-BR'])]);
    expect((yours![1] as string[])[0]).toBe('pt-BR');
    await editors(panel).nth(2).fill(TYPED_PORTUGUESE);

    // The dashboard gains a row for that language; the Russian drafts stay as they were.
    const portuguese = options.locator('[data-testid=dashboard-row][data-lang=pt-BR]');
    await portuguese.waitFor();
    await expect(portuguese.locator('td').nth(1).innerText()).resolves.toBe('Brazilian Portuguese (pt-BR)');
    await expect(russianRow().getByTestId('row-progress').innerText()).resolves.toMatch(/^0 of 13 done · 2 drafts/);
    await panel.close({ runBeforeUnload: true });
  });
});
