// The memory index as stored in IndexedDB: its packed part, rewritten now and then, and the changes
// since (a small delta), rewritten when changes settle. Each records how far into the journal — the
// revisions and the change feed — it has taken in; a worker start reads both, then the journal
// from there, and tokenises nothing it had.
import type { IDBPDatabase } from 'idb';
import type { InterlinearDB } from '../store/schema';
import type { IndexDelta, MemoryIndex } from './memory-index';
import type { StoredMatches } from './stored-matches';
import type { PackedIndex } from './packed-index';

/** The stored form's version: another one (older code, other word hashes) is built anew. */
export const INDEX_FORMAT = 1;

/** The last revision key and change-feed key taken in. */
export interface JournalPosition {
  revision: number;
  feed: number;
}

export interface StoredPacked {
  kind: 'packed';
  format: number;
  /** Names this packed index: a delta belongs to one. */
  generation: string;
  journal: JournalPosition;
  index: PackedIndex;
}

export interface StoredDelta {
  kind: 'delta';
  format: number;
  generation: string;
  journal: JournalPosition;
  delta: IndexDelta;
}

export type StoredIndex = StoredPacked | StoredDelta;

export interface LoadedIndex {
  packed: PackedIndex;
  delta?: IndexDelta;
  generation: string;
  journal: JournalPosition;
}

/** The stored index, when there is one of this format that this database's journal reaches; else null. */
export async function readStoredIndex(db: IDBPDatabase<InterlinearDB>): Promise<LoadedIndex | null> {
  const tx = db.transaction(['memoryIndex', 'revisions']);
  const [packed, delta, last] = await Promise.all([
    tx.objectStore('memoryIndex').get('packed'),
    tx.objectStore('memoryIndex').get('delta'),
    tx.objectStore('revisions').openKeyCursor(null, 'prev'),
  ]);
  await tx.done;
  if (packed?.kind !== 'packed' || packed.format !== INDEX_FORMAT) return null;
  // Revisions are never removed: an index past the last one was made of other data.
  if (packed.journal.revision > (last?.key ?? 0)) return null;
  const current = delta?.kind === 'delta' && delta.format === INDEX_FORMAT && delta.generation === packed.generation ? delta : undefined;
  if (current && current.journal.revision > (last?.key ?? 0)) return null;
  return {
    packed: packed.index,
    ...(current ? { delta: current.delta } : {}),
    generation: packed.generation,
    journal: current?.journal ?? packed.journal,
  };
}

/**
 * Stores a packed index (its delta is then empty), with the matches worked out ahead at the same
 * position, and drops the feed it has taken in.
 */
export async function storePacked(
  db: IDBPDatabase<InterlinearDB>,
  index: PackedIndex,
  journal: JournalPosition,
  generation: string,
  matches: StoredMatches,
): Promise<void> {
  const tx = db.transaction('memoryIndex', 'readwrite');
  await Promise.all([
    tx.store.put({ kind: 'packed', format: INDEX_FORMAT, generation, journal, index }, 'packed'),
    tx.store.delete('delta'),
    // In the same transaction: matches older than the feed kept could not tell what it held.
    tx.store.put(matches, 'matches'),
  ]);
  await tx.done;
  // Apart, and after: the feed is shared with every writer, and only a stored index may drop it.
  const feed = db.transaction('changeFeed', 'readwrite');
  await feed.store.delete(IDBKeyRange.upperBound(journal.feed));
  await feed.done;
}

/** Stores the changes since the packed index named `generation`, with the matches worked out ahead. */
export async function storeDelta(
  db: IDBPDatabase<InterlinearDB>,
  delta: IndexDelta,
  journal: JournalPosition,
  generation: string,
  matches: StoredMatches,
): Promise<void> {
  const tx = db.transaction('memoryIndex', 'readwrite');
  await Promise.all([tx.store.put({ kind: 'delta', format: INDEX_FORMAT, generation, journal, delta }, 'delta'), tx.store.put(matches, 'matches')]);
  await tx.done;
}

export function newGeneration(): string {
  return crypto.randomUUID();
}

/** How the index came to be, in the worker's performance timeline (the bench reads it there). */
export function noteIndexLoad(how: 'read' | 'built', started: number, index: MemoryIndex): void {
  try {
    performance.measure(`memory index ${how}`, { start: started, detail: { entries: index.size, bytes: index.approximateBytes() } });
  } catch {
    // A timeline without measures: nothing to note.
  }
}
