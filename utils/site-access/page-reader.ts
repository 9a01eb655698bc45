// The background's half of the two-part content script: the always-on first look
// (entrypoints/first-look.ts) is small; on a page that may ask for translation it asks for the page
// reader (entrypoints/page-reader.ts: detector, segmenter, overlay), run here into the very frame
// that asked. The background holds access to every page the first look runs on: the install's
// sites, the sites the reader added, and a tab lent by a toolbar click (activeTab).
import { browser } from 'wxt/browser';
import type { Handlers, Sender } from '../messaging';

/** The page reader's file in the build (an unlisted script). */
export const PAGE_READER_FILE = '/page-reader.js';

/** Answered at once, without waiting for the store: the page is waiting to be read. */
export function pageReaderHandlers(): Handlers {
  return {
    'page:load-reader': async (_message, sender) => ({ loaded: await loadPageReader(sender) }),
  };
}

async function loadPageReader(sender: Sender): Promise<boolean> {
  const tabId = sender.tab?.id;
  if (tabId === undefined) return false;
  // Chrome names the document that asked, so a page left meanwhile is not read in its place.
  const target = sender.documentId
    ? { tabId, documentIds: [sender.documentId] }
    : { tabId, frameIds: [sender.frameId ?? 0] };
  try {
    await browser.scripting.executeScript({ target, files: [PAGE_READER_FILE] });
    return true;
  } catch {
    // The page is gone, or its access was taken back meanwhile: nothing to read.
    return false;
  }
}
