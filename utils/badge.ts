// What the toolbar badge says for a post: how many segments still wait for a draft.
import type { Progress } from './model';

export const BADGE_COLOR = '#3366cc';

export function badgeTextFor(progress: Progress | null): string {
  if (!progress || progress.total === 0) return '';
  const left = progress.total - progress.drafted;
  if (left === 0) return '✓';
  return left > 999 ? '999+' : String(left);
}
