// What the journal says changed, taken into the index and the matches worked out ahead: the
// entries' sources read in batches, then the index and the matches changed together, with no
// wait between (the caller moves its journal position in the same step).
import type { IDBPDatabase } from 'idb';
import type { InterlinearDB } from '../store/schema';
import { readEntrySources, type EntrySource, type PostCache } from './entry-reads';
import { exactKeyOf, type AddedSource, type MatchCache } from './match-cache';
import { plainSource } from './match-text';
import { draftEntryId, unitEntryId } from './memory-entries';
import { exactHash, type MemoryIndex } from './memory-index';
import type { JournalChanges } from './memory-journal';
import { wordHashes } from './word-hashes';

const READ_BATCH = 500;
/** Past this many entries changed at once (a sync pull, an import), every match kept is dropped rather than checked. */
const RECHECKED_AT_MOST = 200;

export interface ChangedSources {
  sources: EntrySource[];
  /** A post's source changed: every match kept is dropped. */
  postsChanged: boolean;
}

/** The sources of every entry the changes name (a post whose source changed names each of its drafts). */
export async function readChangedSources(db: IDBPDatabase<InterlinearDB>, posts: PostCache, changes: JournalChanges): Promise<ChangedSources> {
  for (const postKey of changes.posts) posts.forget(postKey);
  // A post's source changed: each of its drafts, in every language, may have another source or pair.
  const ofPosts = await Promise.all(
    [...changes.posts].map((postKey) => db.getAllKeysFromIndex('drafts', 'byPostLang', IDBKeyRange.bound([postKey], [postKey, []]))),
  );
  const drafts = new Set(changes.drafts);
  for (const [postKey, lang, segmentId] of ofPosts.flat()) drafts.add(draftEntryId(postKey, lang, segmentId));
  const ids = [...drafts, ...[...changes.units].map(unitEntryId)];
  const sources: EntrySource[] = [];
  for (let i = 0; i < ids.length; i += READ_BATCH) sources.push(...(await readEntrySources(db, posts, ids.slice(i, i + READ_BATCH))));
  return { sources, postsChanged: changes.posts.size > 0 };
}

/** Puts the sources into the index, and drops the matches kept that they could change. */
export function takeSources(index: MemoryIndex, cache: MatchCache, { sources, postsChanged }: ChangedSources): void {
  const clearAll = postsChanged || sources.length > RECHECKED_AT_MOST;
  const touched = new Set<string>();
  const exactKeys = new Set<string>();
  const added: AddedSource[] = [];
  for (const { id, entry } of sources) {
    const plain = entry ? plainSource(entry.source) : '';
    const changed = entry ? index.put(id, entry.pair, entry.source, entry.at) : index.remove(id);
    if (changed && entry && !clearAll) added.push({ pair: entry.pair, words: wordHashes(plain) });
    touched.add(id);
    if (entry) exactKeys.add(exactKeyOf(entry.pair, exactHash(plain)));
  }
  if (clearAll) cache.clear();
  else cache.forget(touched, exactKeys, added);
}
