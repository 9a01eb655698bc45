// The translator's memory settings, in the extension's local storage: the fuzzy threshold.
import { browser } from 'wxt/browser';
import { DEFAULT_FUZZY_THRESHOLD } from '@/utils/memory/match-text';

const THRESHOLD_KEY = 'memoryFuzzyThreshold';

let known: Promise<number> | null = null;
/** The threshold read, while it holds: a focus asks with it in its own event, with no wait. */
let value: number | null = null;

/**
 * The lowest percent a fuzzy match shows with (50–100). Read once per view and then kept (every
 * focus asks for it, and a storage read is a trip through the browser), until the setting changes.
 */
export function fuzzyThreshold(): Promise<number> {
  if (known) return known;
  browser.storage.onChanged.addListener(function forget(changes, area) {
    if (area !== 'local' || !(THRESHOLD_KEY in changes)) return;
    known = null;
    value = null;
    browser.storage.onChanged.removeListener(forget);
  });
  const reading = browser.storage.local.get(THRESHOLD_KEY).then(({ [THRESHOLD_KEY]: stored }) =>
    typeof stored === 'number' && stored >= 50 && stored <= 100 ? stored : DEFAULT_FUZZY_THRESHOLD,
  );
  known = reading;
  // A read the setting changed under is not kept: the next one reads it again.
  reading.then(
    (read) => {
      if (known === reading) value = read;
    },
    () => {
      if (known === reading) known = null;
    },
  );
  return reading;
}

/** The threshold if it has been read and still holds, else null. */
export function knownFuzzyThreshold(): number | null {
  return value;
}

export async function setFuzzyThreshold(percent: number): Promise<void> {
  await browser.storage.local.set({ [THRESHOLD_KEY]: Math.min(100, Math.max(50, Math.round(percent))) });
}
