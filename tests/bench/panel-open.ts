// Open the side panel → every segment shown and editable, and beside it its floor: a static page of
// as many plain textareas, opened the same way in the same run. Nothing is asked of either page
// while it opens (a Playwright evaluation there costs its main thread a long task): a watcher
// installed before the page's own scripts notes the times and says so on the console.
import type { BrowserContext, Page } from 'playwright-core';
import { measured, median, repeat, round, type BenchRow, type Log } from './results';
import { PANEL_SEGMENTS, PANEL_VIEWPORT, openPanel, type DraftingSession } from './side-panel';

/** What a watcher logs once its times are noted. */
const OPENED = 'interlinear-bench:opened';

interface OpenTimes {
  ready: number;
  painted: number;
  complete: number;
}

/**
 * Installed before the app runs: after every DOM change, are all `count` segments there (an editor,
 * or a resting row: components/post/row-window.ts), and is every row on screen an editor, enabled?
 * The first moment both hold is `ready` (the layout it takes to know which rows are on screen
 * included); `painted` is after the next frame (rAF, then a message task); `complete` is when the
 * rows on screen also have their own controls (their history buttons).
 */
function panelWatcher(count: number): string {
  return watcher(`
    const onScreen = () => {
      const rows = [];
      for (const row of document.querySelectorAll('.segments > li')) {
        if (row.getBoundingClientRect().top >= innerHeight) break;
        rows.push(row);
      }
      return rows;
    };
    const isComplete = () => onScreen().every((row) => row.querySelector('[data-action="history"]'));
    const isReady = () => {
      if (document.querySelectorAll('.segments > li.segment, .segments .resting-row').length < ${count}) return false;
      const shown = onScreen();
      return shown.length > 0 && shown.every((row) => {
        const editor = row.querySelector('textarea[data-segment-id]');
        return editor && !editor.disabled;
      });
    };`);
}

/** The floor's watcher: `count` textareas parsed is ready, and complete. */
function floorWatcher(count: number): string {
  return watcher(`
    const isReady = () => document.querySelectorAll('textarea').length >= ${count};
    const isComplete = isReady;`);
}

/** Checks `isReady` and `isComplete` (defined by `checks`) after every DOM change; logs OPENED when done. */
function watcher(checks: string): string {
  return `(() => {
    const result = {};
    window.__benchOpen = result;
    ${checks}
    const done = () => {
      if (result.painted !== undefined && result.complete !== undefined) console.debug(${JSON.stringify(OPENED)});
    };
    const check = () => {
      if (result.ready === undefined) {
        if (!isReady()) return;
        result.ready = performance.now();
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => { result.painted = performance.now(); done(); };
          channel.port2.postMessage(null);
        });
      }
      if (result.complete === undefined && isComplete()) {
        result.complete = performance.now();
        observer.disconnect();
        done();
      }
    };
    const observer = new MutationObserver(check);
    observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled'] });
  })();`;
}

/**
 * Opens a page with `open`, waits for its watcher to say it is done, and returns its times. The
 * listener is on the context and in place before the page exists: a small page can be done before
 * `open` returns. One page is timed at a time, so the first OPENED is this page's.
 */
async function timeOpen(context: BrowserContext, open: () => Promise<Page>): Promise<OpenTimes> {
  let page: Page | undefined;
  const opened = context.waitForEvent('console', { predicate: (message) => message.text() === OPENED, timeout: 30_000 });
  try {
    page = await open();
    await opened;
    return (await page.evaluate(() => (window as unknown as { __benchOpen: OpenTimes }).__benchOpen)) as OpenTimes;
  } finally {
    opened.catch(() => undefined);
    await page?.close({ runBeforeUnload: true });
  }
}

export async function measurePanelOpen(session: DraftingSession, log: Log): Promise<BenchRow> {
  const { segments } = session;
  const painted: number[] = [];
  const complete: number[] = [];
  const floors: number[] = [];
  const values = await repeat(`open → ${segments} segments shown and editable (floor after)`, log, async (run) => {
    const { context } = session.browser;
    const times = await timeOpen(context, () => openPanel(session, panelWatcher(segments), 'commit'));
    const floor = await timeOpen(context, async () => {
      const page = await context.newPage();
      await page.setViewportSize(PANEL_VIEWPORT);
      await page.addInitScript({ content: floorWatcher(segments) });
      await page.goto(session.floorPageUrl, { waitUntil: 'commit' });
      return page;
    });
    if (run >= 0) {
      painted.push(times.painted);
      complete.push(times.complete);
      floors.push(floor.ready);
    }
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
      `generated ${segments}-segment Diff post, target language chosen beforehand. A MutationObserver installed ` +
      `before the app checks, after each DOM change, that all ${segments} segments are in the list (rows near the ` +
      `viewport as editors, the others resting, their text there for find-in-page) and that every row on screen ` +
      `has an enabled editor; the figure is performance.now() at that moment (from the navigation's time origin). ` +
      `The next frame after it comes at ${round(median(painted))} ms (median); the rows on screen also have their ` +
      `own controls (status, history, placeholder buttons, quality line) at ${round(median(complete))} ms (median). ` +
      `Floor: a static page of ${segments} plain textareas (served on 127.0.0.1, no content script), opened the same ` +
      `way right after each run, to the moment all ${segments} are parsed.`,
    floors,
  );
}
