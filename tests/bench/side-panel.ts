// The side panel's figures share one setup: Chromium with the extension, a tab showing a generated
// 1,000-segment Diff post, a target language chosen for it (remembered per post, so the editors are
// enabled), and the floors' static pages served beside it (panel-open.ts).
import type { Page } from 'playwright-core';
import {
  BLOG_HOST,
  DIFF_HOST,
  badgeText,
  launchExtension,
  pollUntil,
  startFixtureServer,
  tabIdOf,
  type ExtensionBrowser,
  type FixtureServer,
} from '../e2e/harness';
import { generateDiffPost, type GeneratedPost } from './generate-post';
import type { Log } from './results';

export const PANEL_SEGMENTS = 1_000;
export const TARGET_LANGUAGE = 'ru';
/** A side panel is narrow; its layout cost depends on the width. */
export const PANEL_VIEWPORT = { width: 420, height: 900 };
export const EDITORS = 'textarea[data-segment-id]';
/** One per segment: a row with its editor near the viewport, a resting row elsewhere (components/post/row-window.ts). */
export const ROWS = '.segments > li.segment, .segments .resting-row';

export interface DraftingSession {
  /** How many segments the post has. */
  segments: number;
  browser: ExtensionBrowser;
  server: FixtureServer;
  post: GeneratedPost;
  tabId: number;
  /** A static page of as many plain textareas as the post has segments: the panel's floor. */
  floorPageUrl: string;
  close(): Promise<void>;
}

export async function startDraftingSession(log: Log, segments = PANEL_SEGMENTS): Promise<DraftingSession> {
  const post = generateDiffPost({ segments });
  const server = await startFixtureServer({
    [post.path]: { body: post.html },
    [FLOOR_PAGE_PATH]: { body: textareasPage(segments) },
  });
  const browser = await launchExtension();
  const close = async () => {
    await browser.close();
    await server.close();
  };
  try {
    const url = server.origin(DIFF_HOST) + post.path;
    const tab = await browser.context.newPage();
    await tab.goto(url);
    const tabId = await tabIdOf(browser.context, browser.serviceWorker, url);
    await pollUntil(async () => (await badgeText(browser.serviceWorker, tabId)) !== '', {
      timeout: 20_000,
      message: 'the post badged (detected and stored)',
    });
    // On a host Interlinear does not read: no content script runs on the floor's page.
    const floorPageUrl = server.origin(BLOG_HOST) + FLOOR_PAGE_PATH;
    const session = { segments, browser, server, post, tabId, floorPageUrl, close };
    log(`  set-up: ${segments} segments in tab ${tabId}; choosing "${TARGET_LANGUAGE}" once`);
    const panel = await openPanel(session);
    await panel.getByTestId('target-language').selectOption(TARGET_LANGUAGE);
    await pollUntil(() => panel.evaluate(allEditorsEnabled, segments), {
      timeout: 20_000,
      message: `${segments} enabled editors`,
    });
    await panel.close({ runBeforeUnload: true });
    return session;
  } catch (error) {
    await close();
    throw error;
  }
}

/** sidepanel.html?tab=ID in a new page of side-panel size; `initScript` runs before the app. */
export async function openPanel(
  session: DraftingSession,
  initScript?: string,
  waitUntil: 'commit' | 'load' = 'load',
): Promise<Page> {
  const page = await session.browser.context.newPage();
  await page.setViewportSize(PANEL_VIEWPORT);
  if (initScript) await page.addInitScript({ content: initScript });
  await page.goto(`chrome-extension://${session.browser.extensionId}/sidepanel.html?tab=${session.tabId}`, { waitUntil });
  return page;
}

/**
 * Runs in the page: are all `count` segments there, and every editor enabled? Rows near the
 * viewport are editors; the others rest (components/post/row-window.ts), their text in the page for
 * find-in-page, and become editors as they near the viewport or get the focus.
 */
export function allEditorsEnabled(count: number): boolean {
  if (document.querySelectorAll('.segments > li.segment, .segments .resting-row').length < count) return false;
  const editors = document.querySelectorAll<HTMLTextAreaElement>('textarea[data-segment-id]');
  if (editors.length === 0) return false;
  for (const editor of editors) if (editor.disabled) return false;
  return true;
}

const FLOOR_PAGE_PATH = '/bench/textareas.html';

/** Nothing but `count` textareas, as the browser parses them: what no view of `count` editors goes below. */
function textareasPage(count: number): string {
  return `<!doctype html><html lang="en"><meta charset="utf-8"><title>${count} textareas</title><body>\n${'<textarea rows="3"></textarea>\n'.repeat(count)}</body></html>`;
}
