// What the toolbar badge says for a post: how many segments still wait for a draft until the
// first draft is written, then how much of the post is done.
import type { Progress } from './model';

export const BADGE_COLOR = '#3366cc';

export function badgeTextFor(progress: Progress | null): string {
  if (!progress || progress.total === 0) return '';
  if (progress.drafted === 0) return progress.total > 999 ? '999+' : String(progress.total);
  if (progress.done >= progress.total) return '✓';
  // Never "100%" before the last segment is done, never "0%" once one is.
  const percent = Math.round((progress.done / progress.total) * 100);
  return `${Math.min(99, progress.done > 0 ? Math.max(1, percent) : 0)}%`;
}
