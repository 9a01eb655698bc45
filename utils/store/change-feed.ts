// Changes that leave no revision yet change what the memory index holds: a draft's "source changed"
// flag set or confirmed, a post's source (its paragraphs, its language), memory units imported or
// synced. Each is noted in the transaction that makes it, so a stopped worker loses none; the
// memory index (utils/memory/) catches up from this feed and the revisions, and trims the feed up to
// what its stored snapshot covers.
import type { IDBPObjectStore, StoreNames } from 'idb';
import type { InterlinearDB } from './schema';

export interface ChangeFeedEntry {
  /** Drafts by key: post, language, segment. */
  drafts?: Array<[string, string, string]>;
  /** Posts by key. */
  posts?: string[];
  /** Memory units by id. */
  units?: string[];
}

type FeedStore = IDBPObjectStore<InterlinearDB, ArrayLike<StoreNames<InterlinearDB>>, 'changeFeed', 'readwrite'>;

/** Notes one transaction's changes (nothing when there are none). */
export async function noteChanges(feed: FeedStore, entry: ChangeFeedEntry): Promise<void> {
  if (!entry.drafts?.length && !entry.posts?.length && !entry.units?.length) return;
  await feed.add(entry);
}
