// The end of the journey against a real WordPress (Debian's 6.1, started by the test): the Diff
// post drafted in Russian, its translation opened from the popup through Polylang's form, the
// block editor filled in one click, checked block by block, undone and redone, saved by the
// translator and read back from the database; then an empty editor, and an existing post.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  DIFF_POST_LOGGED_IN_FIXTURE,
  DIFF_POST_PATH,
  REPO_ROOT,
  extensionServiceWorker,
  fixturePath,
  launchExtension,
  openExtensionPage,
  openTab,
  pollUntil,
  startFixtureServer,
  type ExtensionBrowser,
  type FixtureServer,
} from './harness';
import { startWordPressSite, type WordPressSite } from '../support/wordpress-site';
import { TITLE } from './journey-shared';

const SOURCE_ID = 139270; // the Diff post's id on Diff: its page's from_post, shortlink and postid-N
const SOURCE_MARKUP = readFileSync(fixturePath('wordpress/diff-central-asia-wikimania-2024.blocks.html'), 'utf8');
const DRAFTS: string[] = JSON.parse(readFileSync(fixturePath('wordpress/diff-central-asia-wikimania-2024.ru.json'), 'utf8')).drafts;
const FILLED = fixturePath('wordpress/diff-central-asia-wikimania-2024.ru.filled.html');
const INSERTED = fixturePath('wordpress/diff-central-asia-wikimania-2024.ru.inserted.html');
/** The words of a draft as the editor shows them: placeholders gone (they became the links and bold). */
const words = (draft: string) => draft.replace(/⟨\/?\d+\/?⟩/g, '');
const IMAGES = [...SOURCE_MARKUP.matchAll(/<img src="([^"]+)"/g)].map((match) => match[1]);

declare const wp: any; // the block editor's page global, in the functions evaluated there

/** What the editor holds: every block (inner ones too) with its validity, the title, the post's markup. */
function editorState() {
  const flat: Array<{ name: string; isValid: boolean; url?: string }> = [];
  const walk = (blocks: any[]) =>
    blocks.forEach((block) => {
      flat.push({ name: block.name, isValid: block.isValid, url: block.attributes.url });
      walk(block.innerBlocks);
    });
  walk(wp.data.select('core/block-editor').getBlocks());
  return {
    blocks: flat,
    title: wp.data.select('core/editor').getEditedPostAttribute('title') as string,
    content: wp.data.select('core/editor').getEditedPostContent() as string,
    postId: wp.data.select('core/editor').getCurrentPostId() as number,
  };
}

describe('handing the translation to a real WordPress', () => {
  let server: FixtureServer;
  let site: WordPressSite;
  let browser: ExtensionBrowser;
  let postTab: number;
  let translationId: number;
  /** The new translation's editor, opened from the popup. */
  let translation: { page: Page; tabId: number };

  /** The editor's tab once its blocks are there: opened at `url`, or by `open` (a link followed). */
  async function editorTab(open: string | (() => Promise<unknown>)): Promise<{ page: Page; tabId: number }> {
    let opened: { page: Page; tabId: number };
    if (typeof open === 'string') {
      opened = await openTab(browser, open);
    } else {
      const worker = await extensionServiceWorker(browser.context);
      const ids = () => worker.evaluate(() => chrome.tabs.query({}).then((tabs) => tabs.map((tab) => tab.id!)));
      const before = new Set(await ids());
      const [page] = await Promise.all([browser.context.waitForEvent('page'), open()]);
      opened = { page, tabId: await pollUntil(async () => (await ids()).find((id) => !before.has(id)), { message: 'the editor’s tab' }) };
    }
    await opened.page.waitForFunction(() => typeof wp !== 'undefined' && wp.data?.select('core/editor')?.getCurrentPostId?.() > 0, null, { timeout: 30_000 });
    return opened;
  }

  async function fillFrom(tabId: number, choose?: string): Promise<Page> {
    const popup = await openExtensionPage(browser.context, browser.extensionId, `popup.html?tab=${tabId}`);
    if (choose) await popup.getByLabel(choose).check();
    const button = popup.getByTestId('wordpress-fill-button');
    await expect(button.innerText()).resolves.toBe(`Fill this post with your Russian drafts of “${TITLE}”`);
    await button.click();
    await popup.locator('[data-testid=wordpress-report], [data-testid=wordpress-fill-error]').first().waitFor();
    const error = popup.getByTestId('wordpress-fill-error');
    if (await error.isVisible()) throw new Error(await error.innerText());
    return popup;
  }

  async function saveDraft(page: Page): Promise<void> {
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.waitForFunction(() => {
      const editor = wp.data.select('core/editor');
      return !editor.isSavingPost() && !editor.isEditedPostDirty() && editor.getCurrentPostAttribute('status') === 'draft';
    }, null, { timeout: 20_000 });
  }

  beforeAll(async () => {
    server = await startFixtureServer({ [DIFF_POST_PATH]: DIFF_POST_LOGGED_IN_FIXTURE });
    site = await startWordPressSite(server);
    expect(site.insertPost({ id: SOURCE_ID, title: TITLE, content: SOURCE_MARKUP })).toBe(SOURCE_ID);
    browser = await launchExtension();
    await site.logIn(await browser.context.newPage());
    ({ tabId: postTab } = await openTab(browser, server.origin() + DIFF_POST_PATH));
  });

  afterAll(async () => {
    await browser?.close();
    await site?.stop();
    await server?.close();
  });

  it('drafts every segment of the Diff post in Russian in the side panel', async () => {
    const panel = await openExtensionPage(browser.context, browser.extensionId, `sidepanel.html?tab=${postTab}`);
    await panel.getByTestId('target-language').selectOption('ru');
    const editors = panel.locator('textarea[data-segment-id]');
    await pollUntil(() => editors.nth(0).isEnabled(), { message: 'editors enabled' });
    expect(await editors.count()).toBe(DRAFTS.length);
    for (const [i, draft] of DRAFTS.entries()) await editors.nth(i).fill(draft);
    await pollUntil(async () => (await panel.getByTestId('progress').innerText()).includes(`${DRAFTS.length} drafts`), { message: 'every draft stored' });
    await panel.close({ runBeforeUnload: true });
  });

  it('opens the Russian translation in WordPress from the popup, through Polylang’s form', async () => {
    const popup = await openExtensionPage(browser.context, browser.extensionId, `popup.html?tab=${postTab}`);
    const link = popup.getByTestId('start-translation');
    await expect(link.innerText()).resolves.toBe('Open the Russian translation in WordPress');
    const href = new URL((await link.getAttribute('href'))!);
    expect(href.pathname).toBe('/wp-admin/post-new.php');
    expect(Object.fromEntries(href.searchParams)).toEqual({ post_type: 'post', from_post: String(SOURCE_ID), _wpnonce: '3f2a9c1b7e', new_lang: 'ru' });
    translation = await editorTab(() => link.click());
    expect(new URL(translation.page.url()).searchParams.get('new_lang')).toBe('ru');
    const state = await translation.page.evaluate(editorState);
    // What Polylang's duplication gives a new translation: the English title and blocks.
    expect(state.title).toBe(TITLE);
    expect(state.blocks.map((b) => b.name)).toEqual(wp_names(SOURCE_MARKUP));
    await popup.close();
  });

  it('fills the new translation in one click: every draft in its block, every block valid, images untouched', async () => {
    const { page, tabId } = translation;
    const popup = await fillFrom(tabId);
    const report = await popup.getByTestId('wordpress-report').innerText();
    expect(report).toContain('13 segments filled');
    expect(report).toContain('0 invalid blocks');
    expect(report).not.toContain('not in the editor');
    const state = await page.evaluate(editorState);
    translationId = state.postId;
    expect(state.blocks.every((block) => block.isValid)).toBe(true);
    expect(state.blocks.map((b) => b.name)).toEqual(wp_names(SOURCE_MARKUP));
    expect(state.title).toBe(DRAFTS[0]);
    for (const draft of DRAFTS.slice(1)) expect(textOf(state.content)).toContain(words(draft));
    expect(state.blocks.filter((b) => b.name === 'core/image').map((b) => b.url)).toEqual(IMAGES);
    expect(state.content).toContain('<strong><a href="https://meta.wikimedia.org/wiki/User:Batyrbek">Участник: Batyrbek</a>:</strong>');
    await screenshotSideBySide(browser, 'wordpress-fill', [
      { png: await page.screenshot({ clip: { x: 0, y: 0, width: 1280, height: 640 } }), width: 880 },
      { png: await popup.getByTestId('wordpress-fill').screenshot(), width: 460 },
    ]);

    // One undo step takes the whole fill back, title included; redo brings it again.
    // Ctrl+Z where a translator presses it: in the editor, a paragraph selected.
    await page.locator('[data-type="core/paragraph"]').first().click();
    await page.keyboard.press('Control+z');
    await pollUntil(() => page.evaluate(() => wp.data.select('core/editor').getEditedPostAttribute('title')).then((title) => title === TITLE), { message: 'the English title back' });
    expect(textOf((await page.evaluate(editorState)).content)).toContain('Here\'s what some of them had to say');
    await page.keyboard.press('Control+Shift+z');
    await pollUntil(() => page.evaluate(() => wp.data.select('core/editor').getEditedPostAttribute('title')).then((title) => title === DRAFTS[0]), { message: 'the Russian title again' });

    // The translator saves; Interlinear saved nothing itself.
    expect(site.storedPost(translationId).status).toBe('auto-draft');
    await saveDraft(page);
    const saved = site.storedPost(translationId);
    expect(saved.title).toBe(DRAFTS[0]);
    expect(saved.content).toBe(expectedFile(FILLED, saved.content));
    expect(saved.content).not.toContain(site.origin);
    expect(site.storedPost(SOURCE_ID)).toEqual({ title: TITLE, content: SOURCE_MARKUP, status: 'publish' });
    await pollUntil(() => popup.getByTestId('wordpress-saved').isVisible(), { message: '“Saved in WordPress as draft”', timeout: 15_000 });
    await expect(popup.getByTestId('wordpress-saved').innerText()).resolves.toBe(`Saved in WordPress as draft #${translationId}.`);
    await popup.close();
    await page.close();
  });

  it('shows on the dashboard where the drafts went: “in WordPress: draft #N”', async () => {
    const options = await openExtensionPage(browser.context, browser.extensionId, 'options.html');
    const note = options.locator('[data-testid=dashboard-row][data-lang=ru] [data-testid=row-wordpress] a');
    await expect(note.innerText()).resolves.toBe(`in WordPress: draft #${translationId}`);
    await expect(note.getAttribute('href')).resolves.toBe(`${site.origin}/wp-admin/post.php?post=${translationId}&action=edit`);
    await options.close();
  });

  it('inserts the drafts as blocks into an empty editor', async () => {
    const { page, tabId } = await editorTab(`${site.origin}/wp-admin/post-new.php`);
    const popup = await fillFrom(tabId, `${TITLE} — Russian, 0 of 13 done · 13 drafts`);
    const report = await popup.getByTestId('wordpress-report').innerText();
    expect(report).toContain('The editor was empty');
    expect(report).toContain('0 invalid blocks');
    const state = await page.evaluate(editorState);
    expect(state.blocks.length).toBe(12);
    expect(state.blocks.every((block) => block.isValid)).toBe(true);
    expect(state.title).toBe(DRAFTS[0]);
    await saveDraft(page);
    // The post's images, relative on its page, are the site's own address.
    const saved = site.storedPost(state.postId).content.replaceAll(site.origin, 'https://diff.wikimedia.org');
    expect(saved).toBe(expectedFile(INSERTED, saved));
    await popup.close();
    await page.close();
  });

  it('fills an existing post opened with post.php?post=N&action=edit', async () => {
    // A translation Polylang made and someone saved before translating it: the English blocks.
    const existing = site.insertPost({ title: TITLE, content: SOURCE_MARKUP, status: 'draft' });
    const { page, tabId } = await editorTab(`${site.origin}/wp-admin/post.php?post=${existing}&action=edit`);
    const popup = await fillFrom(tabId, `${TITLE} — Russian, 0 of 13 done · 13 drafts`);
    await expect(popup.getByTestId('wordpress-report').innerText()).resolves.toContain('13 segments filled');
    expect((await page.evaluate(editorState)).blocks.every((block) => block.isValid)).toBe(true);
    await saveDraft(page);
    expect(site.storedPost(existing).content).toBe(readFileSync(FILLED, 'utf8'));
    await popup.close();
    await page.close();
  });
});

/** Block names of top-level blocks in markup, in order. */
function wp_names(markup: string): string[] {
  return [...markup.matchAll(/^<!-- wp:([a-z/-]+)/gm)].map((match) => (match[1]!.includes('/') ? match[1]! : `core/${match[1]}`));
}

/** The words of block markup, tags and comments gone. */
function textOf(markup: string): string {
  return markup.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ');
}

/**
 * The expected file; E2E_UPDATE_EXPECTED=1 writes it from what WordPress saved (then review the
 * diff). The test site's address (its port changes) is written as the site's own.
 */
function expectedFile(file: string, actual: string): string {
  if (process.env.E2E_UPDATE_EXPECTED === '1') writeFileSync(file, actual);
  return readFileSync(file, 'utf8');
}

/** The pictures side by side (each shown `width` pixels wide), for the README: .output/screenshots/<name>.png. */
async function screenshotSideBySide(browser: ExtensionBrowser, name: string, pictures: Array<{ png: Buffer; width: number }>): Promise<void> {
  const dir = path.join(REPO_ROOT, process.env.WXT_OUT_DIR ?? '.output', 'screenshots');
  mkdirSync(dir, { recursive: true });
  const sheet = await browser.context.newPage();
  const images = pictures
    .map(({ png, width }) => `<img style="width:${width}px;background:#fff" src="data:image/png;base64,${png.toString('base64')}">`)
    .join('');
  await sheet.setContent(`<div id="sheet" style="display:inline-flex;gap:8px;align-items:flex-start;padding:8px;background:#c8ccd1">${images}</div>`);
  await sheet.locator('#sheet').screenshot({ path: path.join(dir, `${name}.png`) });
  await sheet.close();
}

declare const chrome: { tabs: { query(info: object): Promise<Array<{ id?: number }>> } };
