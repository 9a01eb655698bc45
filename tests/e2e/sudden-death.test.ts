// Sudden death in real Chromium: views closed at random moments while the translator types, and the
// service worker stopped while drafts are being written. Every typed character must be in the store.
// `npm test` runs a few rounds; `npm run test:stress` runs STRESS_RUNS=100.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import {
  DIFF_POST_PATH,
  launchExtension,
  openExtensionPage,
  openTab,
  pollUntil,
  startFixtureServer,
  storedDrafts,
  type ExtensionBrowser,
  type FixtureServer,
} from './harness';
import { journeyRoutes } from './journey-shared';

const RUNS = Number(process.env.STRESS_RUNS ?? 6);
const SEGMENTS = 13;
const LANG = 'ru';
/** Each round opens a view and types; allow for a slow shared machine. */
const TIMEOUT = 60_000 + RUNS * 3_000;

/** A seeded generator, so a failing round can be replayed (the seed is in the test name). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** The stored draft texts in LANG, by segment id, read from an extension page (no worker needed). */
async function storedTexts(page: Page): Promise<Record<string, string>> {
  const drafts = await storedDrafts(page);
  return Object.fromEntries(drafts.filter((d) => d.lang === LANG).map((d) => [d.segmentId, d.text]));
}

describe('sudden death', () => {
  let server: FixtureServer;
  let browser: ExtensionBrowser;
  let tabId: number;
  let segmentIds: string[] = [];
  /** What each segment must hold: everything typed into it, in order. */
  const expected = new Map<string, string>();
  const seed = Number(process.env.STRESS_SEED ?? Date.now() % 100_000);
  const next = random(seed);

  const openView = async (view: 'sidepanel' | 'popup'): Promise<Page> => {
    const page = await openExtensionPage(browser.context, browser.extensionId, `${view}.html?tab=${tabId}`);
    await pollUntil(() => page.locator('textarea[data-segment-id]').first().isEnabled(), { message: `${view} editors` });
    return page;
  };

  /** Types a random piece of text at the end of a random segment's draft; returns what was typed. */
  const typeSomething = async (page: Page, round: number): Promise<{ id: string; typed: string }> => {
    const index = Math.floor(next() * SEGMENTS);
    const editor = page.locator('textarea[data-segment-id]').nth(index);
    const id = (await editor.getAttribute('data-segment-id'))!;
    expect(await editor.inputValue(), `segment ${index} before round ${round}`).toBe(expected.get(id) ?? '');
    const typed = ` r${round}:${'абвгдеёжз'.slice(0, 1 + Math.floor(next() * 9))}`;
    await editor.focus();
    await editor.press('End');
    await editor.pressSequentially(typed, { delay: Math.floor(next() * 3) });
    expected.set(id, (expected.get(id) ?? '') + typed);
    return { id, typed };
  };

  beforeAll(async () => {
    server = await startFixtureServer(journeyRoutes());
    browser = await launchExtension();
    const url = server.origin('diff.wikimedia.org') + DIFF_POST_PATH;
    ({ tabId } = await openTab(browser, url));
    const panel = await openExtensionPage(browser.context, browser.extensionId, `sidepanel.html?tab=${tabId}`);
    await panel.getByTestId('target-language').selectOption(LANG);
    await pollUntil(() => panel.locator('textarea[data-segment-id]').first().isEnabled(), { message: 'editors' });
    segmentIds = await panel.locator('textarea[data-segment-id]').evaluateAll((es) => es.map((e) => e.getAttribute('data-segment-id')!));
    expect(segmentIds).toHaveLength(SEGMENTS);
    await panel.close();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it(`keeps every character when views close at random moments (${RUNS} rounds, seed ${seed})`, async () => {
    for (let round = 0; round < RUNS; round++) {
      const page = await openView(round % 2 === 0 ? 'sidepanel' : 'popup');
      await typeSomething(page, round);
      // Close at once, a moment later, or after the idle save: each is a moment a translator leaves.
      const wait = [0, 0, 30, 120, 400][Math.floor(next() * 5)]!;
      if (wait) await page.waitForTimeout(wait);
      await page.close();
    }
    const reader = await openExtensionPage(browser.context, browser.extensionId, 'options.html');
    await pollUntil(async () => equalDrafts(await storedTexts(reader)), {
      timeout: 15_000,
      message: 'every typed character stored',
    });
    await reader.close();
  }, TIMEOUT);

  it(`keeps every character when the service worker stops while drafts are written (${RUNS} rounds)`, async () => {
    const page = await openView('sidepanel');
    const cdp: CDPSession = await browser.context.newCDPSession(page);
    for (let round = 0; round < RUNS; round++) {
      await typeSomething(page, 1000 + round);
      // The save is on its way (idle 250 ms, or already sent): stop the worker in the middle of it.
      await page.waitForTimeout(Math.floor(next() * 400));
      const { targetInfos } = await cdp.send('Target.getTargets');
      const worker = targetInfos.find(
        (t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${browser.extensionId}/`),
      );
      if (worker) await cdp.send('Target.closeTarget', { targetId: worker.targetId });
    }
    await page.waitForTimeout(300);
    await pollUntil(async () => equalDrafts(await storedTexts(page)), {
      timeout: 20_000,
      message: 'every typed character stored after the worker stopped',
    });
    await cdp.detach();
    await page.close();
    // A fresh view shows the same texts.
    const again = await openView('popup');
    const shown = await again.locator('textarea[data-segment-id]').evaluateAll((es) =>
      es.map((e) => [e.getAttribute('data-segment-id')!, (e as HTMLTextAreaElement).value] as const),
    );
    for (const [id, text] of shown) expect(text, id).toBe(expected.get(id) ?? '');
    await again.close();
  }, TIMEOUT);

  function equalDrafts(stored: Record<string, string>): boolean {
    return segmentIds.every((id) => (stored[id] ?? '') === (expected.get(id) ?? ''));
  }
});
