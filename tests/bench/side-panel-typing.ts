// Typing in the side panel of a 1,000-segment post: how soon the typed character is on screen (next
// frame; beside it the same for a bare textarea, its floor), and how soon it is durable in the
// extension's IndexedDB.
import type { Page } from 'playwright-core';
import { openExtensionPage } from '../e2e/harness';
import { measured, median, percentile95, repeat, round, type BenchRow, type Log } from './results';
import {
  PANEL_SEGMENTS,
  ROWS,
  TARGET_LANGUAGE,
  allEditorsEnabled,
  openPanel,
  type DraftingSession,
} from './side-panel';

const KEYSTROKES = 25;
/** Slower than one frame, as typing is, so each keystroke gets its own frame. */
const KEY_GAP_MS = 60;
const DURABLE_TIMEOUT_MS = 10_000;
/** After a jump to a row, the rows around it become editors within a frame or two. */
const SETTLE_MS = 300;

/**
 * Installed before the app: for each keydown (capture phase, before the app sees it), the time from
 * the event's timestamp to the next frame: a rAF callback, then a message task after that frame,
 * which runs once the frame's rendering work is done. Also keeps the last keydown's wall-clock time.
 */
const KEYSTROKE_WATCHER = `(() => {
  window.__benchKeys = [];
  addEventListener('keydown', (event) => {
    const start = event.timeStamp;
    window.__benchKeyAt = performance.timeOrigin + start;
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => window.__benchKeys.push(performance.now() - start);
      channel.port2.postMessage(null);
    });
  }, true);
})();`;

interface BenchWindow {
  __benchKeys: number[];
  __benchKeyAt: number;
  __benchDb?: IDBDatabase;
}

async function openTypingPanel(session: DraftingSession): Promise<Page> {
  const page = await openPanel(session, KEYSTROKE_WATCHER);
  await page.waitForFunction(allEditorsEnabled, PANEL_SEGMENTS, { timeout: 30_000, polling: 50 });
  return page;
}

/**
 * Moves the focus to the `index`-th segment's editor as Alt+click in the page does (its row becomes
 * an editor if it rested: components/post/row-window.ts), caret at the end, and returns its segment
 * id and text once the rows around it are editors too, so the keystrokes measured are typing alone.
 */
async function focusEditor(page: Page, index: number): Promise<{ segmentId: string; text: string }> {
  const row = page.locator(ROWS).nth(index);
  const segmentId = await row.evaluate((element) => {
    const id = (element.querySelector('[data-segment-id]') ?? element).getAttribute('data-segment-id')!;
    element.scrollIntoView({ block: 'center' });
    return id;
  });
  const editor = page.locator(`textarea[data-segment-id="${segmentId}"]`);
  await editor.waitFor();
  await page.waitForTimeout(SETTLE_MS);
  const text = await editor.evaluate((element) => {
    const textarea = element as HTMLTextAreaElement;
    textarea.focus();
    textarea.setSelectionRange(textarea.value.length, textarea.value.length);
    return textarea.value;
  });
  return { segmentId, text };
}

/** Types KEYSTROKES keys into the focused field; returns each one's keydown → next frame time. */
async function timeKeystrokes(page: Page): Promise<number[]> {
  await page.evaluate(() => void ((window as unknown as BenchWindow).__benchKeys.length = 0));
  for (let i = 0; i < KEYSTROKES; i++) {
    await page.keyboard.press(i % 6 === 5 ? 'Space' : String.fromCharCode(97 + (i % 26)));
    await page.waitForTimeout(KEY_GAP_MS);
  }
  return (await (
    await page.waitForFunction((n) => {
      const keys = (window as unknown as BenchWindow).__benchKeys;
      return keys.length >= n ? keys : null;
    }, KEYSTROKES)
  ).jsonValue()) as number[];
}

/** The bare textarea of the floor: the same measure on a page holding nothing else. */
async function timeBareTextarea(session: DraftingSession): Promise<number[]> {
  const page = await session.browser.context.newPage();
  await page.setContent('<!doctype html><textarea rows="3" style="width: 380px"></textarea>');
  await page.evaluate(KEYSTROKE_WATCHER);
  await page.focus('textarea');
  const latencies = await timeKeystrokes(page);
  await page.close();
  return latencies;
}

export async function measureKeystrokeFrame(session: DraftingSession, log: Log): Promise<BenchRow> {
  const all: number[] = [];
  const floorAll: number[] = [];
  const floors: number[] = [];
  const values = await repeat(`keystroke → next frame (${KEYSTROKES} keys; bare textarea after)`, log, async (run) => {
    const page = await openTypingPanel(session);
    await focusEditor(page, Math.floor(PANEL_SEGMENTS / 2) + run);
    const latencies = await timeKeystrokes(page);
    await page.close({ runBeforeUnload: true });
    const bare = await timeBareTextarea(session);
    if (run >= 0) {
      all.push(...latencies);
      floorAll.push(...bare);
      floors.push(median(bare));
    }
    return median(latencies);
  });
  const row = measured(
    { name: `keystroke → next frame painted, ${PANEL_SEGMENTS.toLocaleString('en-US')} segments`, unit: 'ms', goal: null, ratioGoal: 1.5 },
    values,
    `in the side panel of the ${PANEL_SEGMENTS}-segment post, into an editor mid-post: ${KEYSTROKES} keystrokes (CDP ` +
      `key events, ${KEY_GAP_MS} ms apart); per keystroke, keydown's event.timeStamp → a MessageChannel task posted ` +
      `from the next requestAnimationFrame (≈ the frame is painted). A run's value is its median keystroke; over all ` +
      `${all.length} keystrokes the worst took ${round(Math.max(...all))} ms. Floor: the same ${KEYSTROKES} keystrokes, ` +
      `measured the same way right after each run, into a page holding one bare <textarea> and nothing else ` +
      `(p95 ${round(percentile95(floorAll))} ms, worst ${round(Math.max(...floorAll))} ms).`,
    floors,
  );
  return { ...row, p95: round(percentile95(all)) };
}

export async function measureKeystrokeDurable(session: DraftingSession, log: Log): Promise<BenchRow> {
  const { browser, post } = session;
  // A second extension page reads the store: extension pages share its origin, so its IndexedDB.
  const reader = await openExtensionPage(browser.context, browser.extensionId, 'options.html');
  await reader.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('interlinear');
      // Never create the database here: that would give the extension an empty one.
      request.onupgradeneeded = () => request.transaction!.abort();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    (window as unknown as BenchWindow).__benchDb = db;
  });
  const panel = await openTypingPanel(session);
  const values = await repeat('keystroke → durable in IndexedDB', log, async (run) => {
    const { segmentId, text } = await focusEditor(panel, 10 + 3 * (run + 1));
    const key = [post.canonicalUrl, TARGET_LANGUAGE, segmentId];
    const expected = text + 'x';
    const found = reader.evaluate(
      async ({ key, expected, timeout }) => {
        const db = (window as unknown as BenchWindow).__benchDb!;
        const deadline = performance.now() + timeout;
        while (performance.now() < deadline) {
          const draft = await new Promise<{ text?: string } | undefined>((resolve, reject) => {
            const request = db.transaction('drafts').objectStore('drafts').get(key);
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(request.error);
          });
          if (draft?.text === expected) return performance.timeOrigin + performance.now();
          await new Promise((resolve) => setTimeout(resolve, 2));
        }
        return null;
      },
      { key, expected, timeout: DURABLE_TIMEOUT_MS },
    );
    await panel.keyboard.press('x');
    const durableAt = await found;
    if (durableAt === null) throw new Error(`"${expected}" was not in IndexedDB after ${DURABLE_TIMEOUT_MS} ms`);
    const typedAt = await panel.evaluate(() => (window as unknown as BenchWindow).__benchKeyAt);
    await panel.waitForTimeout(300);
    return durableAt - typedAt;
  });
  await panel.close({ runBeforeUnload: true });
  await reader.close();
  return measured(
    { name: 'keystroke → durable in IndexedDB', unit: 'ms', goal: 400 },
    values,
    `one character typed in the side panel (${PANEL_SEGMENTS}-segment post; a different segment each run); a ` +
      `second extension page polls IndexedDB "interlinear", store "drafts", key [postKey, lang, segmentId], ` +
      `every ~2 ms until the draft holds the new text. Keydown's timestamp → the read that first sees it, ` +
      `both as performance.timeOrigin + page time.`,
  );
}
