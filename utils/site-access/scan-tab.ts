// Reading a tab on a site the content script does not run on: after the toolbar click the browser
// lends Interlinear that one tab (activeTab), and running the content script there makes the page
// report as any other does (post:seen or page:none).
import { browser } from 'wxt/browser';
import { CONTENT_SCRIPT_FILE } from './site-patterns';

export type ScanResult = 'scanned' | 'not-allowed';

/** Runs the content script in the tab; where it already runs, the second run does nothing. */
export async function scanTab(tabId: number): Promise<ScanResult> {
  try {
    await browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT_FILE] });
    return 'scanned';
  } catch {
    // No access to this tab: the view was not opened from the toolbar button, or the page is the browser's own.
    return 'not-allowed';
  }
}
