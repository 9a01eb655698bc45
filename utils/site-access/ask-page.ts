// A view that opens before its tab's page reported asks the page what it offers. The background
// runs one small function in the page's content-script world, which calls the answer the first look
// left there (entrypoints/first-look.ts): the page reader's reading once it runs, null on a page
// that does not ask for translation. So the always-on script listens for no message at all, and a
// page without a call to action never touches the extension's messaging.
import { browser } from 'wxt/browser';
import { checkedSnapshot } from '../message-gate';
import type { PostSnapshot } from '../model';

/** What the tab's top page offers now; null where Interlinear does not run or may not look. */
export async function askPage(tabId: number): Promise<PostSnapshot | null> {
  const [injection] = await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, func: answerInPage });
  // The page is not trusted: what comes back is checked as a reported post is.
  return checkedSnapshot(injection?.result ?? null);
}

/** Runs in the page's content-script world, on its own: nothing from outside it reaches there. */
function answerInPage(): Promise<unknown> | null {
  const answer = (globalThis as Record<string, unknown>)['__interlinearPageAnswer'];
  return typeof answer === 'function' ? (answer as () => Promise<unknown>)() : null;
}
