// What the toolbar badge says for a post: how many segments still wait for a draft until the
// first draft is written, then how much of the post is done — in the UI language's digits.
import { formatNumber, uiLanguage } from './i18n';
import type { Progress } from './model';

export const BADGE_COLOR = '#3366cc';

export function badgeTextFor(progress: Progress | null): string {
  if (!progress || progress.total === 0) return '';
  if (progress.drafted === 0) return progress.total > 999 ? `${formatNumber(999)}+` : formatNumber(progress.total);
  if (progress.done >= progress.total) return '✓';
  // Never "100%" before the last segment is done, never "0%" once one is.
  const percent = Math.round((progress.done / progress.total) * 100);
  return formatPercent(Math.min(99, progress.done > 0 ? Math.max(1, percent) : 0));
}

let percentFormat: Intl.NumberFormat | undefined;

/** "54%", "۵۴٪": without the space some languages put before the sign, as the badge holds about four characters. */
function formatPercent(percent: number): string {
  percentFormat ??= new Intl.NumberFormat(uiLanguage(), { style: 'percent' });
  return percentFormat.format(percent / 100).replace(/\s/g, '');
}
