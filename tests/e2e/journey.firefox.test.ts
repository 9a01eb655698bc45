// The core journey in Debian's Firefox ESR with the built extension (MV2, an event page), through
// puppeteer-core over WebDriver BiDi: the same steps and expectations as in Chromium
// (journey.test.ts), then the same promises kept while Firefox unloads the idle background.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { DIFF_POST_FIXTURE, DIFF_POST_PATH, pollUntil, startFixtureServer, type FixtureServer } from './harness';
import { launchFirefoxExtension, type FirefoxExtension, type FirefoxLaunchOptions } from './firefox-harness';
import {
  IN_PAGE_CTA_LINK,
  LAST_SOURCE,
  NOT_ASKING,
  NO_CTA_PATH,
  THIRD_SOURCE,
  TITLE,
  TYPED,
  TYPED_TITLE,
  journeyRoutes,
  pageIsUntouched,
} from './journey-shared';

const EDITORS = 'textarea[data-segment-id]';

/** One browser with the extension, a post open in a tab, and the views of that tab. */
function journeyBrowser(launchOptions: FirefoxLaunchOptions = {}) {
  const state = {} as { server: FixtureServer; fx: FirefoxExtension; postUrl: string; post: Page; tabId: number };
  const open = async (options: FirefoxLaunchOptions = {}) => {
    state.fx = await launchFirefoxExtension({ ...launchOptions, ...options });
    state.post = await state.fx.browser.newPage();
    await state.post.goto(state.postUrl);
    state.tabId = await state.fx.tabIdOf(state.postUrl);
  };
  beforeAll(async () => {
    state.server = await startFixtureServer(journeyRoutes());
    state.postUrl = state.server.origin('diff.wikimedia.org') + DIFF_POST_PATH;
    await open();
  });
  afterAll(async () => {
    await state.fx?.close();
    await state.server?.close();
  });
  return {
    state,
    /** Closes the browser and opens it again on the same profile, with the post in a new tab. */
    restart: async () => {
      const { profileDir } = state.fx;
      await state.fx.close();
      await open({ profileDir });
    },
    badge: (tabId = state.tabId) => state.fx.badgeText(tabId),
    badgeBecomes: (text: string, message = `badge "${text}"`) =>
      pollUntil(async () => (await state.fx.badgeText(state.tabId)) === text, { message }),
    openView: (view: 'sidepanel' | 'popup', tabId = state.tabId) =>
      state.fx.openExtensionPage(`${view}.html?tab=${tabId}`, EDITORS),
  };
}

const texts = (page: Page, selector: string) =>
  page.$$eval(selector, (elements) => elements.map((element) => (element as HTMLElement).innerText));
// textContent, not innerText: segments far below the fold are not rendered (content-visibility:
// auto), and Firefox gives innerText "" for them.
const sourceTexts = (page: Page) =>
  page.$$eval('.segment-source', (elements) => elements.map((element) => element.textContent ?? ''));
const editorValues = (page: Page) =>
  page.$$eval(EDITORS, (elements) => elements.map((element) => (element as HTMLTextAreaElement).value));
const testId = async (page: Page, id: string) => (await texts(page, `[data-testid="${id}"]`))[0];

/** Picks the target language and types into the third editor, as a translator does. */
async function draftThirdSegment(view: Page, lang: string, text: string): Promise<void> {
  await view.select('[data-testid="target-language"]', lang);
  await pollUntil(() => view.$$eval(EDITORS, (e) => !(e[2] as HTMLTextAreaElement).disabled), {
    message: 'editors enabled',
  });
  expect(await view.$$eval(EDITORS, (e) => e[2]!.getAttribute('lang'))).toBe(lang);
  await (await view.$$(EDITORS))[2]!.type(text);
}

describe('the core journey in Firefox ESR', () => {
  const journey = journeyBrowser();
  const { state, badgeBecomes, openView } = journey;

  it('badges the post with its 13 segments and leaves the page untouched', async () => {
    await badgeBecomes('13');
    const served = readFileSync(DIFF_POST_FIXTURE, 'utf8');
    expect(await state.post.evaluate(pageIsUntouched, served)).toBe(true);
  });

  it('shows the title, 13 segments in reading order with their source, and no progress yet', async () => {
    const panel = await openView('sidepanel');
    expect(await testId(panel, 'post-title')).toBe(TITLE);
    expect((await panel.$$(EDITORS)).length).toBe(13);
    const sources = await sourceTexts(panel);
    expect(sources[0]).toBe(TITLE);
    expect(sources[2]).toBe(THIRD_SOURCE);
    expect(sources[12]).toMatch(LAST_SOURCE);
    expect(await testId(panel, 'progress')).toMatch(/^0 of 13/);
    expect(await panel.$('[data-testid="target-language"]')).not.toBeNull();
    await panel.close();
  });

  it('saves typing in the side panel even when it is closed at once', async () => {
    const panel = await openView('sidepanel');
    await draftThirdSegment(panel, 'ru', TYPED);
    await panel.close({ runBeforeUnload: true });

    const again = await openView('sidepanel');
    expect((await editorValues(again))[2]).toBe(TYPED);
    expect(await testId(again, 'progress')).toBe('0 of 13 done · 1 draft');
    await again.close();
    await badgeBecomes('0%'); // once the post has a draft: the percent done
  });

  it('keeps the draft across a reload of the post, and shows it in the popup', async () => {
    // Following the post's own "Translate this post" link changes only the #fragment.
    await state.post.evaluate((label) => {
      const link = [...document.querySelectorAll('a')].find((a) => a.textContent?.trim() === label);
      link!.click();
    }, IN_PAGE_CTA_LINK);
    await pollUntil(() => state.post.url().endsWith('#translate-post'), { message: 'the in-page link followed' });
    await new Promise((resolve) => setTimeout(resolve, 300)); // let tabs.onUpdated reach the background
    expect(await journey.badge()).toBe('0%');
    await state.post.reload();
    await badgeBecomes('0%', 'badge "0%" after reload');
    const popup = await openView('popup');
    expect((await editorValues(popup))[2]).toBe(TYPED);
    expect(await popup.$eval('[data-testid="target-language"]', (s) => (s as HTMLSelectElement).value)).toBe('ru');
    await popup.close();
  });

  it('shows a change made in one view in every other open view', async () => {
    const panel = await openView('sidepanel');
    const popup = await openView('popup');
    await (await popup.$$(EDITORS))[0]!.type(TYPED_TITLE);
    await pollUntil(async () => (await editorValues(panel))[0] === TYPED_TITLE, {
      message: 'the side panel shows the popup’s text',
    });
    await pollUntil(async () => (await testId(panel, 'progress')) === '0 of 13 done · 2 drafts', {
      message: 'progress follows',
    });
    await popup.close();
    await panel.close();
  });

  it('keeps everything when the browser is closed and opened again', async () => {
    const installed = state.fx.installed;
    await journey.restart();
    // Installed for good, it is still there, as for a user; installed for the session, it was
    // installed again on the kept profile (only where Firefox insists on signed add-ons).
    expect(state.fx.installed).toBe(installed === 'permanently' ? 'kept' : 'temporarily');
    await badgeBecomes('0%', 'badge "0%" after restart');
    const popup = await openView('popup');
    expect(await testId(popup, 'progress')).toBe('0 of 13 done · 2 drafts');
    const values = await editorValues(popup);
    expect(values[2]).toBe(TYPED);
    expect(values[0]).toBe(TYPED_TITLE);
    await popup.close();
  });

  it('leaves a page that does not ask for translation unbadged, and lists the drafted posts', async () => {
    const other = await state.fx.browser.newPage();
    const url = state.server.origin('diff.wikimedia.org') + NO_CTA_PATH;
    await other.goto(url);
    const otherTab = await state.fx.tabIdOf(url);
    const popup = await state.fx.openExtensionPage(`popup.html?tab=${otherTab}`, '[data-testid="not-asking"]');
    expect(await testId(popup, 'not-asking')).toBe(NOT_ASKING);
    await pollUntil(async () => ((await testId(popup, 'drafted-posts')) ?? '').includes(TITLE), {
      message: 'the drafted post listed',
    });
    expect(await journey.badge(otherTab)).toBe('');
    await popup.close();
  });
});

describe('Firefox ESR: the same promises while the idle background is unloaded', () => {
  // Firefox unloads an idle event page after 30 s; 1.5 s here, so every step below starts with
  // the background unloaded and has to wake it: by a view's message, the page's report, a tab event.
  const journey = journeyBrowser({ prefs: { 'extensions.background.idle.timeout': 1500 } });
  const { state, badgeBecomes, openView } = journey;
  const unloaded = () =>
    pollUntil(async () => (await state.fx.backgroundState()) === 'stopped', {
      timeout: 20_000,
      message: 'Firefox unloaded the idle background',
    });

  it('answers a view, saves typing closed at once, and updates the badge', async () => {
    await badgeBecomes('13');
    await unloaded();
    const popup = await openView('popup');
    await draftThirdSegment(popup, 'ru', TYPED);
    await popup.close({ runBeforeUnload: true });
    await badgeBecomes('0%');

    await unloaded();
    const again = await openView('sidepanel');
    expect((await editorValues(again))[2]).toBe(TYPED);
    await again.close();
  });

  it('badges the post again when it is reloaded', async () => {
    await unloaded();
    await state.post.reload();
    await badgeBecomes('0%', 'badge "0%" after reload');
  });

  it('forgets the post of a tab that navigates to another site', async () => {
    await unloaded();
    const elsewhere = state.server.origin('blog.example.org') + NO_CTA_PATH;
    await state.post.goto(elsewhere);
    const popup = await state.fx.openExtensionPage(`popup.html?tab=${state.tabId}`, '[data-testid="not-asking"]');
    expect(await testId(popup, 'not-asking')).toBe(NOT_ASKING);
    expect(await journey.badge()).toBe('');
    await popup.close();
  });
});
