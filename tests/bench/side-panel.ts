// Figures 5–7 share one setup: Chromium with the extension, a tab showing a generated 1,000-segment
// Diff post, a target language chosen for it (remembered per post, so the editors are enabled).
// Figure 5 is here: open the side panel → every segment shown and editable.
import type { Page } from 'playwright-core';
import {
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
import { measured, median, repeat, round, type BenchRow, type Log } from './results';

export const PANEL_SEGMENTS = 1_000;
export const TARGET_LANGUAGE = 'ru';
/** A side panel is narrow; its layout cost depends on the width. */
const PANEL_VIEWPORT = { width: 420, height: 900 };
export const EDITORS = 'textarea[data-segment-id]';

export interface DraftingSession {
  /** How many segments the post has. */
  segments: number;
  browser: ExtensionBrowser;
  server: FixtureServer;
  post: GeneratedPost;
  tabId: number;
  close(): Promise<void>;
}

export async function startDraftingSession(log: Log, segments = PANEL_SEGMENTS): Promise<DraftingSession> {
  const post = generateDiffPost({ segments });
  const server = await startFixtureServer({ [post.path]: { body: post.html } });
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
    const session = { segments, browser, server, post, tabId, close };
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
export async function openPanel(session: DraftingSession, initScript?: string): Promise<Page> {
  const page = await session.browser.context.newPage();
  await page.setViewportSize(PANEL_VIEWPORT);
  if (initScript) await page.addInitScript({ content: initScript });
  await page.goto(`chrome-extension://${session.browser.extensionId}/sidepanel.html?tab=${session.tabId}`);
  return page;
}

/** Runs in the page: are there `count` editors, all enabled? */
export function allEditorsEnabled(count: number): boolean {
  const editors = document.querySelectorAll<HTMLTextAreaElement>('textarea[data-segment-id]');
  if (editors.length < count) return false;
  for (const editor of editors) if (editor.disabled) return false;
  return true;
}

/**
 * Installed before the app runs: after every DOM change, are all editors there and enabled? The
 * first moment they are is `ready`; `painted` is after the next frame (rAF, then a message task);
 * `complete` is when every segment also has its own controls (its history button), which a long
 * post's rows may get after their editors.
 */
function readyWatcher(count: number): string {
  return `(() => {
    const result = {};
    window.__benchOpen = result;
    const checkComplete = () => {
      if (document.querySelectorAll('.segment [data-action="history"]').length < ${count}) return;
      observer.disconnect();
      result.complete = performance.now();
    };
    const check = () => {
      if (result.ready !== undefined) return checkComplete();
      const editors = document.querySelectorAll('textarea[data-segment-id]');
      if (editors.length < ${count}) return;
      for (const editor of editors) if (editor.disabled) return;
      result.ready = performance.now();
      checkComplete();
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => { result.painted = performance.now(); };
        channel.port2.postMessage(null);
      });
    };
    const observer = new MutationObserver(check);
    observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled'] });
  })();`;
}

interface OpenTimes {
  ready: number;
  painted: number;
  complete: number;
}

export async function measurePanelOpen(session: DraftingSession, log: Log): Promise<BenchRow> {
  const { segments } = session;
  const painted: number[] = [];
  const complete: number[] = [];
  const values = await repeat(`open → ${segments} editors enabled`, log, async (run) => {
    const page = await openPanel(session, readyWatcher(segments));
    const times = (await (
      await page.waitForFunction(
        () => {
          const open = (window as unknown as { __benchOpen?: Partial<OpenTimes> }).__benchOpen;
          return open?.painted !== undefined && open.complete !== undefined ? open : null;
        },
        undefined,
        { timeout: 30_000, polling: 50 },
      )
    ).jsonValue()) as OpenTimes;
    await page.close({ runBeforeUnload: true });
    if (run >= 0) painted.push(times.painted);
    if (run >= 0) complete.push(times.complete);
    return times.ready; // performance.now() counts from the navigation's time origin
  });
  return measured(
    {
      name: `side panel: open → ${segments.toLocaleString('en-US')} segments shown and editable`,
      unit: 'ms',
      // The goal is for a long post; a post of the Diff fixture's size has no goal of its own.
      goal: segments === PANEL_SEGMENTS ? 150 : null,
    },
    values,
    `sidepanel.html?tab=ID opened in a new ${PANEL_VIEWPORT.width}×${PANEL_VIEWPORT.height} page for a tab showing a ` +
      `generated ${segments}-segment Diff post, target language chosen beforehand. A MutationObserver ` +
      `installed before the app checks, after each DOM change, that all ${segments} textareas exist and are ` +
      `enabled; the figure is performance.now() at that moment (from the navigation's time origin). ` +
      `The next frame after it comes at ${round(median(painted))} ms (median); every segment also has its own ` +
      `controls (status, history, placeholder buttons, quality line) at ${round(median(complete))} ms (median).`,
  );
}
