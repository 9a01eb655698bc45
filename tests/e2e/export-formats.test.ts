// The export formats in real Chromium with the built extension: draft the Diff post in the side
// panel (a link kept as its placeholders), download it in every document format, and check each
// file; then open the HTML exports of a hostile post in Chromium and find that nothing ran.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { exportPost } from '../../utils/export/formats';
import { hostilePost } from '../support/hostile-export';
import { xmllintFile } from '../support/xmllint';
import {
  DIFF_POST_FIXTURE,
  DIFF_POST_PATH,
  launchExtension,
  makeTempDir,
  openExtensionPage,
  openTab,
  pollUntil,
  startFixtureServer,
  type ExtensionBrowser,
  type FixtureServer,
} from './harness';

const TITLE_DRAFT = 'Участники сообщества Центральной Азии о Викимании 2024';
const LINK_DRAFT = 'Подробнее о сообществах Центральной Азии — в ⟨1⟩прошлой записи⟨/1⟩.';
const SLUG = 'central-asian-community-members-share-their-thoughts-on-wikimania-2024';
const PREVIOUS_POST = 'https://diff.wikimedia.org/2024/08/20/wikimedians-of-central-asia/';

describe('export formats in Chromium', () => {
  let server: FixtureServer;
  let browser: ExtensionBrowser;
  let tabId: number;
  let dir: string;
  const editors = (page: Page) => page.locator('textarea[data-segment-id]');

  beforeAll(async () => {
    dir = makeTempDir('interlinear-exports-');
    server = await startFixtureServer({ [DIFF_POST_PATH]: DIFF_POST_FIXTURE });
    const postUrl = server.origin('diff.wikimedia.org') + DIFF_POST_PATH;
    browser = await launchExtension();
    ({ tabId } = await openTab(browser, postUrl));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Downloads the current post in `format` from the side panel and returns the file's text. */
  const download = async (panel: Page, format: string, expectedName: string) => {
    await panel.getByTestId('export-format').selectOption(format);
    const [file] = await Promise.all([panel.waitForEvent('download'), panel.getByRole('button', { name: 'Download' }).click()]);
    expect(file.suggestedFilename()).toBe(expectedName);
    const saved = path.join(dir, file.suggestedFilename());
    await file.saveAs(saved);
    return { saved, content: readFileSync(saved, 'utf8') };
  };

  it('downloads the drafts in every document format, links restored from their placeholders', async () => {
    const panel = await openExtensionPage(browser.context, browser.extensionId, `sidepanel.html?tab=${tabId}`);
    await editors(panel).first().waitFor();
    await panel.getByTestId('target-language').selectOption('ru');
    await pollUntil(() => editors(panel).nth(2).isEnabled(), { message: 'editors enabled' });
    await editors(panel).nth(0).fill(TITLE_DRAFT);
    await editors(panel).nth(2).fill(LINK_DRAFT);
    await panel.getByText('Export…').click();
    // The export is built from the store: wait until the background has both drafts.
    await pollUntil(async () => (await download(panel, 'markdown', `${SLUG}.ru.md`)).content.includes('прошлой записи'), {
      message: 'the drafts in the Markdown export',
    });

    const markdown = (await download(panel, 'markdown', `${SLUG}.ru.md`)).content;
    expect(markdown.startsWith(`# ${TITLE_DRAFT}\n\n`)).toBe(true);
    expect(markdown).toContain(`[прошлой записи](<${PREVIOUS_POST}>)`);
    expect(markdown).toMatch(/Katowice.* <!-- untranslated -->\n/);

    const blocks = (await download(panel, 'wordpress', `${SLUG}.ru.blocks.html`)).content;
    expect(blocks).toContain(`<!-- wp:heading {"level":1} -->\n<h1 class="wp-block-heading">${TITLE_DRAFT}</h1>\n<!-- /wp:heading -->`);
    expect(blocks).toContain(`<a href="${PREVIOUS_POST}">прошлой записи</a>`);
    expect(blocks).toMatch(/<!-- wp:image -->\n<figure class="wp-block-image"><img src="https:\/\/diff\.wikimedia\.org(:\d+)?\/wp-content\/uploads\//);

    const text = (await download(panel, 'text', `${SLUG}.ru.txt`)).content;
    expect(text).toContain('Подробнее о сообществах Центральной Азии — в прошлой записи.');

    const xliff2 = await download(panel, 'xliff2', `${SLUG}.ru.xlf`);
    expect(xliff2.content).toContain('<segment state="translated">');
    expect(xliff2.content).toContain('<pc id="1" dataRefStart="d1s" dataRefEnd="d1e" type="link">прошлой записи</pc>');
    expect(xmllintFile(xliff2.saved, true)).toBe('');

    const xliff12 = await download(panel, 'xliff12', `${SLUG}.ru.xliff12.xlf`);
    expect(xliff12.content).toContain('<g id="1" ctype="link">прошлой записи</g>');

    const review = await download(panel, 'review', `${SLUG}.ru.review.html`);
    const html = await download(panel, 'html', `${SLUG}.ru.html`);
    await panel.close();

    // The review page opens as a document of its own: one row per segment, the draft beside its source.
    const page = await browser.context.newPage();
    await page.goto(pathToFileURL(review.saved).href);
    const rows = page.locator('tbody tr');
    await expect(rows.count()).resolves.toBeGreaterThan(10);
    await expect(rows.nth(0).locator('td').nth(2).innerText()).resolves.toContain(TITLE_DRAFT);
    await expect(rows.nth(2).locator('td a').last().getAttribute('href')).resolves.toBe(PREVIOUS_POST);
    await page.goto(pathToFileURL(html.saved).href);
    await expect(page.locator('article h1').innerText()).resolves.toBe(TITLE_DRAFT);
    await page.close();
  });

  it('writes a hostile post so that nothing in its HTML exports runs in Chromium', async () => {
    const { post, drafts } = hostilePost();
    const page = await browser.context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    for (const format of ['html', 'review', 'wordpress'] as const) {
      const file = exportPost(format, post, 'ru', drafts);
      const saved = path.join(dir, `hostile-${file.filename}`);
      writeFileSync(saved, file.content);
      await page.goto(pathToFileURL(saved).href);
      await page.waitForLoadState('load');
      // Hovering and focusing every element gives inline handlers their chance to run.
      await page.locator('a, img, td, p').first().hover();
      const found = await page.evaluate(() => ({
        pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
        scripts: document.scripts.length,
        frames: document.querySelectorAll('iframe, object, embed').length,
        body: document.body.textContent ?? '',
      }));
      expect(found, format).toMatchObject({ pwned: null, scripts: 0, frames: 0 });
      expect(found.body, format).toContain('<script>window.__pwned=1</script>');
    }
    expect(dialogs).toEqual([]);
    await page.close();
  });
});
