// The content script can reach a page twice: registered for the site and run again by a scan of
// the tab. The second run must do nothing, or the page would answer every message twice. The same
// holds for the page reader the first look loads (entrypoints/page-reader.ts); both share the
// extension's one content-script world of the page, which the page's own scripts cannot see.
import type { PostSnapshot } from '../model';

const MARK = '__interlinearContentScript';
/** The page reader's own mark, and where it leaves its handle for the first look. */
export const PAGE_READER_MARK = '__interlinearPageReader';
const READER_HANDLE = '__interlinearPageReaderHandle';
/**
 * Where the first look leaves its answer to a view that opens before the page reported (the
 * background runs ask-page.ts's `answerInPage` in this same world to call it). Spelled out there too:
 * that function travels to the page alone.
 */
export const PAGE_ANSWER = '__interlinearPageAnswer';

/** True the first time it is called in a page's content-script world (per mark), false after that. */
export function firstRunInThisPage(scope: object = globalThis, mark = MARK): boolean {
  const marked = scope as Record<string, unknown>;
  if (marked[mark] === true) return false;
  marked[mark] = true;
  return true;
}

/** What the page reader lends the first look: a reading of the page, on demand. */
export interface PageReaderHandle {
  detect(): PostSnapshot | null | Promise<PostSnapshot | null>;
}

export function publishPageReader(handle: PageReaderHandle, scope: object = globalThis): void {
  (scope as Record<string, unknown>)[READER_HANDLE] = handle;
}

/** What the page offers now, for a view that asks: its post, or null. */
export type PageAnswer = () => Promise<PostSnapshot | null>;

export function publishPageAnswer(answer: PageAnswer, scope: object = globalThis): void {
  (scope as Record<string, unknown>)[PAGE_ANSWER] = answer;
}

/** The page reader running in this page, if it runs yet. */
export function pageReaderInThisPage(scope: object = globalThis): PageReaderHandle | undefined {
  return (scope as Record<string, PageReaderHandle | undefined>)[READER_HANDLE];
}
