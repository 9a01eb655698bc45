// What the dashboard shows of the posts with drafts: where each lives, and which match a search.
import type { DraftRecord, PostSummary, Progress } from '../model';

/** The site a post lives on, as a reader names it: its host without "www.". */
export function siteOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

/** Lower case without accents, so "Wikimania" finds "WIKIMÁNIA" and "ş" finds "s". */
function searchable(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}

/** The posts whose title (or, untitled, address) holds every word of the query; all when it is blank. */
export function filterByTitle(posts: readonly PostSummary[], query: string): PostSummary[] {
  const words = searchable(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...posts];
  return posts.filter((post) => {
    const title = searchable(post.title ?? post.url);
    return words.every((word) => title.includes(word));
  });
}

/** The key that tells one row (a post in one language) from the others. */
export function rowKey(post: Pick<PostSummary, 'key' | 'lang'>): string {
  return JSON.stringify([post.key, post.lang]);
}

/**
 * The list after one draft changed, from the progress the change came with: the row moves to the
 * top with its new progress. Null when only a fresh list can say (a new row, a row emptied, no progress).
 */
export function withChangedDraft(
  list: readonly PostSummary[],
  draft: Pick<DraftRecord, 'postKey' | 'lang' | 'updatedAt'>,
  progress: Progress | null,
): PostSummary[] | null {
  const row = list.find((p) => p.key === draft.postKey && p.lang === draft.lang);
  if (!row || !progress || progress.drafted === 0) return null;
  const changed = { ...row, progress, updatedAt: Math.max(row.updatedAt, draft.updatedAt) };
  return [changed, ...list.filter((p) => p !== row)].sort((a, b) => b.updatedAt - a.updatedAt);
}
