// The matches worked out ahead, stored beside the index at the journal position they were made at,
// so that a worker start answers a focus from them instead of waiting for the index (a read of
// megabytes, and a long task). They are used only while the journal has not moved past them: any
// write since, and the index answers as before.
import type { IDBPDatabase } from 'idb';
import type { InterlinearDB } from '../store/schema';
import { INDEX_FORMAT, type JournalPosition } from './index-snapshot';
import type { ComputedMatches, KeptMatches } from './match-cache';
import { journalMovedSince } from './memory-journal';

export interface StoredMatches {
  kind: 'matches';
  format: number;
  journal: JournalPosition;
  posts: KeptMatches;
}

export function matchesRecord(journal: JournalPosition, posts: KeptMatches): StoredMatches {
  return { kind: 'matches', format: INDEX_FORMAT, journal, posts };
}

/** Stores the matches alone: only where the stored index is at the same position. */
export async function storeMatches(db: IDBPDatabase<InterlinearDB>, matches: StoredMatches): Promise<void> {
  await db.put('memoryIndex', matches, 'matches');
}

export function samePosition(a: JournalPosition, b: JournalPosition): boolean {
  return a.revision === b.revision && a.feed === b.feed;
}

/** The stored matches, read once at a worker start and answered from while the journal stands still. */
export class StartMatches {
  private record: Promise<StoredMatches | null> | null = null;
  /** A view was answered from them: a write makes them stale, and the index is wanted then. */
  used = false;

  constructor(private readonly db: IDBPDatabase<InterlinearDB>) {}

  /** The record as stored (null when none, or of another format). */
  read(): Promise<StoredMatches | null> {
    this.record ??= this.db.get('memoryIndex', 'matches').then(
      (stored) => (stored?.kind === 'matches' && stored.format === INDEX_FORMAT ? stored : null),
      () => null,
    );
    return this.record;
  }

  /** A post's stored matches by segment, while nothing was written since they were stored. */
  async post(postKey: string, lang: string): Promise<ReadonlyMap<string, ComputedMatches> | null> {
    const stored = await this.read();
    const segments = stored?.posts.find(([key]) => key === `${postKey}\u0001${lang}`)?.[1];
    if (!stored || !segments || (await journalMovedSince(this.db, stored.journal).catch(() => true))) return null;
    this.used = true;
    return new Map(segments);
  }

  /** Once the index is here, the record is of no more use. */
  release(): void {
    this.record = Promise.resolve(null);
  }

}
