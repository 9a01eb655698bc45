// The translator's memory settings, in the extension's local storage: the fuzzy threshold.
import { browser } from 'wxt/browser';
import { DEFAULT_FUZZY_THRESHOLD } from '@/utils/memory/match-text';

const THRESHOLD_KEY = 'memoryFuzzyThreshold';

/** The lowest percent a fuzzy match shows with (50–100). */
export async function fuzzyThreshold(): Promise<number> {
  const stored = (await browser.storage.local.get(THRESHOLD_KEY))[THRESHOLD_KEY];
  return typeof stored === 'number' && stored >= 50 && stored <= 100 ? stored : DEFAULT_FUZZY_THRESHOLD;
}

export async function setFuzzyThreshold(percent: number): Promise<void> {
  await browser.storage.local.set({ [THRESHOLD_KEY]: Math.min(100, Math.max(50, Math.round(percent))) });
}
