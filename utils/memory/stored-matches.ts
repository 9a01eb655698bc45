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

  /** A segment's stored matches, when nothing was written since they were stored. */
  async get(postKey: string, lang: string, segmentId: string): Promise<ComputedMatches | null> {
    const found = (await this.current())?.get(`${postKey}\u0001${lang}`)?.get(segmentId) ?? null;
    if (found) this.used = true;
    return found;
  }

  /** A post's stored matches that still hold, by segment (none when they do not). */
  async reader(postKey: string, lang: string): Promise<(segmentId: string) => ComputedMatches | undefined> {
    const segments = (await this.current())?.get(`${postKey}\u0001${lang}`);
    if (segments) this.used = true;
    return (segmentId) => segments?.get(segmentId);
  }

  /** Whether every one of these segments has stored matches that still hold. */
  async cover(postKey: string, lang: string, segmentIds: readonly string[]): Promise<boolean> {
    const segments = (await this.current())?.get(`${postKey}\u0001${lang}`);
    const covered = !!segments && segmentIds.every((id) => segments.has(id));
    if (covered) this.used = true;
    return covered;
  }

  /** Once the index is here, the record is of no more use. */
  release(): void {
    this.record = Promise.resolve(null);
  }

  private async current(): Promise<Map<string, Map<string, ComputedMatches>> | null> {
    const stored = await this.read();
    if (!stored || (await journalMovedSince(this.db, stored.journal).catch(() => true))) return null;
    return new Map(stored.posts.map(([key, segments]) => [key, new Map(segments)]));
  }
}
