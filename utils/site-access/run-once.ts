// The content script can reach a page twice: registered for the site and run again by a scan of
// the tab. The second run must do nothing, or the page would answer every message twice.
const MARK = '__interlinearContentScript';

/** True the first time it is called in a page's content-script world, false after that. */
export function firstRunInThisPage(scope: object = globalThis): boolean {
  const marked = scope as Record<string, unknown>;
  if (marked[MARK] === true) return false;
  marked[MARK] = true;
  return true;
}
