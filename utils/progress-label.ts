// How progress reads in every view: "7 of 13 done · 2 drafts", in the UI language and its digits.
import { formatNumber, t, tCount } from './i18n';
import type { Progress } from './model';

export function progressLabel({ total, drafted, done }: Progress): string {
  const drafts = drafted - done;
  if (drafts <= 0) return t('progressDone', formatNumber(done), formatNumber(total));
  return tCount('progressDrafts', drafts, formatNumber(done), formatNumber(total));
}

/** Whole percents of the segments done and drafted (not done), for the bar. */
export function progressPercents({ total, drafted, done }: Progress): { done: number; drafts: number } {
  if (!total) return { done: 0, drafts: 0 };
  const donePercent = Math.round((done / total) * 100);
  return { done: donePercent, drafts: Math.round((drafted / total) * 100) - donePercent };
}
