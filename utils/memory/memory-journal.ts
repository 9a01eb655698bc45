// What changed in memory since a point of the journal: every draft that got a revision (typing,
// deleting, restoring, moving, filling, a sync pull, an import), and what the change feed noted
// (a draft's source flag, a post's source, memory units). Read in batches: after a long sync
// without the index, the journal can be long.
import type { IDBPDatabase } from 'idb';
import type { InterlinearDB } from '../store/schema';
import type { JournalPosition } from './index-snapshot';
import { draftEntryId } from './memory-entries';

export interface JournalChanges {
  /** Entry ids of drafts to read again. */
  drafts: Set<string>;
  /** Posts whose source changed: each of their drafts is read again. */
  posts: Set<string>;
  /** Memory unit ids. */
  units: Set<string>;
  /** Where the next batch starts. */
  to: JournalPosition;
  /** The batch was full: read on. */
  more: boolean;
}

/** The position a database's journal has reached now. */
export async function journalEnd(db: IDBPDatabase<InterlinearDB>): Promise<JournalPosition> {
  const tx = db.transaction(['revisions', 'changeFeed']);
  const [revision, feed] = await Promise.all([
    tx.objectStore('revisions').openKeyCursor(null, 'prev'),
    tx.objectStore('changeFeed').openKeyCursor(null, 'prev'),
  ]);
  await tx.done;
  return { revision: revision?.key ?? 0, feed: feed?.key ?? 0 };
}

/**
 * Whether anything was written after this position, or the journal no longer reaches it (revisions
 * are never removed: a position past the last one was taken in another database).
 */
export async function journalMovedSince(db: IDBPDatabase<InterlinearDB>, from: JournalPosition): Promise<boolean> {
  const tx = db.transaction(['revisions', 'changeFeed']);
  const [revision, feed, last] = await Promise.all([
    tx.objectStore('revisions').getKey(IDBKeyRange.lowerBound(from.revision, true)),
    tx.objectStore('changeFeed').getKey(IDBKeyRange.lowerBound(from.feed, true)),
    tx.objectStore('revisions').openKeyCursor(null, 'prev'),
  ]);
  await tx.done;
  return revision !== undefined || feed !== undefined || (last?.key ?? 0) < from.revision;
}

/** Up to `limit` revisions and feed entries after `from`. */
export async function readJournal(db: IDBPDatabase<InterlinearDB>, from: JournalPosition, limit = 5_000): Promise<JournalChanges> {
  const tx = db.transaction(['revisions', 'changeFeed']);
  const revisions = IDBKeyRange.lowerBound(from.revision, true);
  const feed = IDBKeyRange.lowerBound(from.feed, true);
  const [revisionValues, revisionKeys, feedValues, feedKeys] = await Promise.all([
    tx.objectStore('revisions').getAll(revisions, limit),
    tx.objectStore('revisions').getAllKeys(revisions, limit),
    tx.objectStore('changeFeed').getAll(feed, limit),
    tx.objectStore('changeFeed').getAllKeys(feed, limit),
  ]);
  await tx.done;
  const changes: JournalChanges = {
    drafts: new Set(),
    posts: new Set(),
    units: new Set(),
    to: { revision: revisionKeys.at(-1) ?? from.revision, feed: feedKeys.at(-1) ?? from.feed },
    more: revisionKeys.length === limit || feedKeys.length === limit,
  };
  for (const r of revisionValues) changes.drafts.add(draftEntryId(r.postKey, r.lang, r.segmentId));
  for (const entry of feedValues) {
    for (const [postKey, lang, segmentId] of entry.drafts ?? []) changes.drafts.add(draftEntryId(postKey, lang, segmentId));
    for (const postKey of entry.posts ?? []) changes.posts.add(postKey);
    for (const id of entry.units ?? []) changes.units.add(id);
  }
  return changes;
}
