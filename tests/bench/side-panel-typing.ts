// Figures 6 and 7: typing in the side panel of a 1,000-segment post. How soon the typed character
// is on screen (next frame), and how soon it is durable in the extension's IndexedDB.
import type { Page } from 'playwright-core';
import { openExtensionPage } from '../e2e/harness';
import { measured, median, repeat, round, type BenchRow, type Log } from './results';
import {
  EDITORS,
  PANEL_SEGMENTS,
  TARGET_LANGUAGE,
  allEditorsEnabled,
  openPanel,
  type DraftingSession,
} from './side-panel';

const KEYSTROKES = 25;
/** Slower than one frame, as typing is, so each keystroke gets its own frame. */
const KEY_GAP_MS = 60;
const DURABLE_TIMEOUT_MS = 10_000;

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

/** Puts the caret at the end of the `index`-th editor and returns its segment id and text. */
async function focusEditor(page: Page, index: number): Promise<{ segmentId: string; text: string }> {
  return page.locator(EDITORS).nth(index).evaluate((element) => {
    const editor = element as HTMLTextAreaElement;
    editor.scrollIntoView({ block: 'center' });
    editor.focus();
    editor.setSelectionRange(editor.value.length, editor.value.length);
    return { segmentId: editor.dataset.segmentId!, text: editor.value };
  });
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

function keystrokeRow(name: string, goal: number | null, values: number[], all: number[], where: string): BenchRow {
  const sorted = [...all].sort((a, b) => a - b);
  const p95 = sorted[Math.floor(sorted.length * 0.95)]!;
  return measured(
    { name, unit: 'ms', goal },
    values,
    `${where}: ${KEYSTROKES} keystrokes (CDP key events, ${KEY_GAP_MS} ms apart); per keystroke, keydown's ` +
      `event.timeStamp → a MessageChannel task posted from the next requestAnimationFrame (≈ the frame is ` +
      `painted). A run's value is its median keystroke. Over all ${all.length} keystrokes: p95 ${round(p95)} ms, ` +
      `worst ${round(sorted.at(-1)!)} ms.`,
  );
}

export async function measureKeystrokeFrame(session: DraftingSession, log: Log): Promise<BenchRow> {
  const all: number[] = [];
  const values = await repeat(`keystroke → next frame (${KEYSTROKES} keys)`, log, async (run) => {
    const page = await openTypingPanel(session);
    await focusEditor(page, Math.floor(PANEL_SEGMENTS / 2) + run);
    const latencies = await timeKeystrokes(page);
    await page.close({ runBeforeUnload: true });
    if (run >= 0) all.push(...latencies);
    return median(latencies);
  });
  return keystrokeRow(
    `keystroke → next frame painted, ${PANEL_SEGMENTS.toLocaleString('en-US')} segments`, 8, values, all,
    `in the side panel of the ${PANEL_SEGMENTS}-segment post, into an editor mid-post`,
  );
}

/** The same measure on a page holding one bare textarea: what this machine and browser cannot go below. */
export async function measureKeystrokeFloor(session: DraftingSession, log: Log): Promise<BenchRow> {
  const all: number[] = [];
  const values = await repeat('keystroke → next frame, bare textarea', log, async (run) => {
    const page = await session.browser.context.newPage();
    await page.setContent('<!doctype html><textarea rows="3" style="width: 380px"></textarea>');
    await page.evaluate(KEYSTROKE_WATCHER);
    await page.focus('textarea');
    const latencies = await timeKeystrokes(page);
    await page.close();
    if (run >= 0) all.push(...latencies);
    return median(latencies);
  });
  return keystrokeRow('keystroke → next frame painted, a bare textarea (the floor)', null, values, all,
    'about:blank with one <textarea> and nothing else, same browser and measure (no goal: what no page goes below)');
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
