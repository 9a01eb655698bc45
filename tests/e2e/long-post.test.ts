// A post of 1,000 segments in the side panel, in real Chromium with the built extension. Only the
// rows near the viewport are editors; the others rest (components/post/row-window.ts). Everything a
// translator does with a short post works the same at any row: find-in-page on the source, screen
// readers' count of the rows, Alt+↓/↑ and Alt+N, Alt+click in the page, "Show in page", history,
// placeholder chips.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Segment } from '../../utils/model';
import { generateDiffPost } from '../bench/generate-post';
import {
  DIFF_HOST,
  badgeText,
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

const SEGMENTS = 1_000;

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<any> } };

describe('a post of 1,000 segments in the side panel', () => {
  let server: FixtureServer;
  let browser: ExtensionBrowser;
  let post: Page;
  let panel: Page;
  let tabId: number;
  let segments: Segment[];

  const liveRows = () => panel.locator('.segments > li.segment');
  const editorOf = (index: number) => panel.locator(`textarea[data-segment-id="${segments[index]!.id}"]`);
  const isLive = (index: number) => editorOf(index).count().then((n) => n === 1);
  /** The place in the post (1-based) of the row the focus is in, as screen readers hear it; null: none. */
  const focusedPlace = () =>
    panel.evaluate(() => {
      const row = document.activeElement?.closest('li.segment');
      return row ? Number(row.getAttribute('aria-posinset')) : null;
    });
  const onScreen = (index: number) =>
    editorOf(index).evaluate((editor) => {
      const box = editor.closest('li')!.getBoundingClientRect();
      return box.bottom > 0 && box.top < innerHeight;
    });
  const firstIndex = (from: number, test: (segment: Segment) => boolean) => segments.findIndex((s, i) => i >= from && test(s));

  beforeAll(async () => {
    const generated = generateDiffPost({ segments: SEGMENTS });
    server = await startFixtureServer({ [generated.path]: { body: generated.html } });
    browser = await launchExtension();
    ({ page: post, tabId } = await openTab(browser, server.origin(DIFF_HOST) + generated.path));
    const worker = await extensionServiceWorker(browser.context);
    await pollUntil(async () => (await badgeText(worker, tabId)) !== '', { timeout: 20_000, message: 'the post badged' });
    panel = await openExtensionPage(browser.context, browser.extensionId, `sidepanel.html?tab=${tabId}`);
    await panel.getByTestId('target-language').selectOption('ru');
    await pollUntil(() => liveRows().first().locator('textarea').isEnabled(), { message: 'editors enabled' });
    segments = await panel.evaluate(
      async (tab) => (await chrome.runtime.sendMessage({ type: 'tab:get-post', tabId: tab })).post.segments,
      tabId,
    );
    expect(segments).toHaveLength(SEGMENTS);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('has every segment in the list, a screenful of them as editors, each counted for screen readers', async () => {
    const live = await liveRows().count();
    expect(live).toBeGreaterThan(3);
    expect(live).toBeLessThan(60);
    expect(await panel.locator('.segments .resting-row').count()).toBe(SEGMENTS - live);
    // Resting rows are hidden from screen readers, which hear each editor's place in the whole post.
    expect(await panel.locator('.segments .resting-rows:not([aria-hidden="true"])').count()).toBe(0);
    const places = await liveRows().evaluateAll((rows) =>
      rows.map((row) => [row.getAttribute('aria-setsize'), row.getAttribute('aria-posinset'), row.querySelector('textarea')!.dataset.segmentId]),
    );
    for (const [setSize, place, segmentId] of places) {
      expect(setSize).toBe(String(SEGMENTS));
      expect(segments[Number(place) - 1]?.id).toBe(segmentId);
    }
    // Chromium's accessibility tree, as a screen reader gets it, holds the editors' rows, not the resting ones.
    const cdp = await browser.context.newCDPSession(panel);
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: Array<{ role?: { value: string }; ignored: boolean }> };
    await cdp.detach();
    expect(nodes.filter((node) => node.role?.value === 'listitem' && !node.ignored)).toHaveLength(live);
  });

  it('find-in-page finds the source of a resting row, and the row becomes an editor on screen', async () => {
    const index = firstIndex(700, (s) => s.kind === 'paragraph' && !s.inline);
    expect(await isLive(index)).toBe(false);
    const words = segments[index]!.text.slice(0, 60);
    expect(await panel.evaluate((text) => (window as unknown as { find(text: string): boolean }).find(text), words)).toBe(true);
    await pollUntil(() => isLive(index), { message: `segment ${index + 1} an editor` });
    expect(await onScreen(index)).toBe(true);
  });

  it('Alt+↓ and Alt+↑ move through rows that rested, and their editors take what is typed', async () => {
    await panel.evaluate(() => scrollTo(0, 0));
    await liveRows().first().locator('textarea').focus();
    expect(await isLive(40)).toBe(false);
    for (let i = 0; i < 40; i++) await panel.keyboard.press('Alt+ArrowDown');
    expect(await focusedPlace()).toBe(41);
    expect(await onScreen(40)).toBe(true);
    await panel.keyboard.press('Alt+ArrowUp');
    expect(await focusedPlace()).toBe(40);
    await panel.keyboard.type('Сороковой.');
    await pollUntil(async () => (await storedDrafts(panel)).some((d) => d.segmentId === segments[39]!.id && d.text === 'Сороковой.'), {
      message: 'the 40th draft saved',
    });
  });

  it('Alt+N goes to the one untranslated segment at the end of the post', async () => {
    const last = SEGMENTS - 1;
    // Every other segment gets a draft, as an import brings them.
    const units = segments.slice(0, last).map((segment) => ({ segmentId: segment.id, text: `Черновик ${segment.id}` }));
    const postKey = await panel.evaluate(async (tab) => (await chrome.runtime.sendMessage({ type: 'tab:get-post', tabId: tab })).post.key, tabId);
    const answer = await panel.evaluate(
      (plan) => chrome.runtime.sendMessage({ type: 'import:apply', plan }),
      { format: 'xliff-2.0', targets: [{ postKey, lang: 'ru', units }] },
    );
    expect(answer).toMatchObject({ ok: true });
    await pollUntil(async () => (await panel.getByTestId('progress').innerText()).includes('999'), { message: '999 drafts counted' });
    await panel.evaluate(() => scrollTo(0, 0));
    await editorOf(0).focus();
    expect(await isLive(last)).toBe(false);
    await panel.keyboard.press('Alt+N');
    await pollUntil(async () => (await focusedPlace()) === SEGMENTS, { message: 'the last segment focused' });
    expect(await onScreen(last)).toBe(true);
    await panel.keyboard.type('Последний.');
    await pollUntil(async () => (await storedDrafts(panel)).some((d) => d.segmentId === segments[last]!.id && d.text === 'Последний.'), {
      message: 'the last draft saved',
    });
  });

  it('Alt+click on a paragraph far down the page focuses its editor; "Show in page" scrolls back to it', async () => {
    await panel.evaluate(() => scrollTo(0, 0));
    const index = firstIndex(850, (s) => s.kind === 'paragraph' && !s.inline);
    expect(await isLive(index)).toBe(false);
    const paragraph = post.locator('.entry-content p', { hasText: segments[index]!.text.slice(0, 50) }).first();
    await paragraph.scrollIntoViewIfNeeded();
    await paragraph.click({ modifiers: ['Alt'], position: { x: 5, y: 5 } });
    await pollUntil(async () => (await focusedPlace()) === index + 1, { message: `segment ${index + 1} focused` });
    expect(await onScreen(index)).toBe(true);

    await post.evaluate(() => scrollTo(0, 0));
    const row = editorOf(index).locator('xpath=ancestor::li[1]');
    await row.hover();
    await row.getByRole('button', { name: 'Show in page' }).click();
    await pollUntil(async () => (await post.evaluate(() => scrollY)) > 10_000, { message: 'the page scrolled far down' });
    const highlighted = await post.evaluate(() => {
      const ranges = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('interlinear-segment');
      return ranges ? [...ranges].map((range) => range.toString()).join('') : '';
    });
    expect(highlighted.replace(/\s+/g, ' ').trim()).toBe(segments[index]!.text);
  });

  it('a row far down keeps its open history while the translator looks elsewhere; rows left as they were rest', async () => {
    const index = firstIndex(900, (s) => s.kind === 'paragraph');
    const last = SEGMENTS - 1; // typed in before, nothing left open there
    await panel.locator(`.segments [data-segment-id="${segments[index]!.id}"]`).evaluate((row) => row.scrollIntoView({ block: 'center' }));
    await pollUntil(() => isLive(index), { message: `segment ${index + 1} an editor` });
    const row = editorOf(index).locator('xpath=ancestor::li[1]');
    await editorOf(index).focus();
    await panel.keyboard.type(' Ещё.');
    await row.locator('[data-action="history"]').click();
    await pollUntil(async () => (await row.getByTestId('history-entry').count()) >= 2, { message: 'its saved changes listed' });
    // Far away and back: the row with its history open stayed an editor, the history still open.
    await panel.evaluate(() => scrollTo(0, 0));
    await pollUntil(() => isLive(last).then((live) => !live), { message: 'the last row, far away now, rests' });
    expect(await isLive(index)).toBe(true);
    await editorOf(index).scrollIntoViewIfNeeded();
    expect(await row.getByTestId('history-entry').count()).toBeGreaterThanOrEqual(2);
  });

  it('a resting row with inline markup becomes an editor with its chips as it nears the viewport', async () => {
    const index = firstIndex(500, (s) => (s.inline?.length ?? 0) > 0 && s.kind === 'paragraph');
    expect(await isLive(index)).toBe(false);
    await panel.locator(`.resting-row[data-segment-id="${segments[index]!.id}"]`).evaluate((row) => row.scrollIntoView({ block: 'center' }));
    await pollUntil(() => isLive(index), { message: `segment ${index + 1} an editor` });
    const row = editorOf(index).locator('xpath=ancestor::li[1]');
    expect(await row.locator('.segment-source .placeholder-chip').count()).toBeGreaterThan(0);
    await editorOf(index).fill('');
    await editorOf(index).focus();
    await row.locator('.placeholder-insert').first().click();
    expect(await editorOf(index).inputValue()).toMatch(/^⟨1⟩/);
  });

  it('a side panel opened again asks for the post once, before its app has loaded, and shows it', async () => {
    const again = await browser.context.newPage();
    // Counts the questions the page posts to the service worker (utils/early-question.ts).
    await again.addInitScript(() => {
      const asked: string[] = ((window as unknown as { asked: string[] }).asked = []);
      const post = ServiceWorker.prototype.postMessage;
      ServiceWorker.prototype.postMessage = function (this: ServiceWorker, ...args: Parameters<ServiceWorker['postMessage']>) {
        asked.push(`${(args[0] as { interlinear?: { type?: string } }).interlinear?.type} ${document.querySelector('#app > *') ? 'app' : 'early'}`);
        return post.apply(this, args);
      } as ServiceWorker['postMessage'];
    });
    await again.goto(`chrome-extension://${browser.extensionId}/sidepanel.html?tab=${tabId}`);
    await pollUntil(() => again.locator('.segments > li.segment textarea').first().isEnabled(), { message: 'editors enabled' });
    expect(await again.locator('.segments .resting-row').count()).toBe(SEGMENTS - (await again.locator('.segments > li.segment').count()));
    expect(await again.getByTestId('target-language').inputValue()).toBe('ru');
    const asked = await again.evaluate(() => (window as unknown as { asked: string[] }).asked);
    expect(asked.filter((question) => question.startsWith('tab:get-post'))).toEqual(['tab:get-post early']);
    await again.close();
  });
});
