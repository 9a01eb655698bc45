import { uiLanguage } from '@/utils/i18n';

/** A WordPress post's number as the UI language writes digits, without grouping ("#139270"). */
export function postNumber(postId: number): string {
  return postId.toLocaleString(uiLanguage(), { useGrouping: false });
}
