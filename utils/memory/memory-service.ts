// Translation memory in the background. The index (memory-index.ts) is read from its stored form
// when the worker first needs it (index-snapshot.ts), or built from every draft once when there is
// none; then it follows every write through the journal — the revisions and the change feed
// (memory-journal.ts) — read before each answer, whatever path wrote. It is stored again once
// changes settle. Opening a post works its segments' matches out ahead (match-cache.ts); they are
// stored with the index, and after a worker start answer without it while nothing was written
// since (stored-matches.ts).
import type { IDBPDatabase } from 'idb';
import type { InterlinearDB } from '../store/schema';
import { PostCache, readEntryTexts, readEveryEntry } from './entry-reads';
import { newGeneration, noteIndexLoad, readStoredIndex, storeDelta, storePacked, type JournalPosition } from './index-snapshot';
import { atThreshold, exactKeyOf, MatchCache, type ComputedMatches } from './match-cache';
import { DEFAULT_FUZZY_THRESHOLD, plainSource, rankMatches, type SourceSide } from './match-text';
import { draftEntryId, pairKey } from './memory-entries';
import { exactHash, MemoryIndex } from './memory-index';
import { journalEnd, readJournal, type JournalChanges } from './memory-journal';
import { wordHashes } from './word-hashes';
import type { MemoryMatch } from './memory-types';
import { matchesRecord, samePosition, StartMatches, storeMatches, type StoredMatches } from './stored-matches';
import { readChangedSources, takeSources } from './take-changes';

/**
 * Exact candidates read at most, the latest written: a licence line a team repeats in every post
 * may be in memory thousands of times, and a few of them say all there is.
 */
export const EXACT_READ = 24;
/** The lowest threshold a view may ask for: matches worked out ahead keep every match down to it. */
export const LOWEST_THRESHOLD = 50;
/** Segments of an opened post whose matches are worked out ahead: its first untranslated ones. */
const WARM_SEGMENTS = 20;
/** After a segment's matches, the next ones' are worked out too: a translator goes on down. */
const WARM_AHEAD = 3;
/** Changes settle this long before the index is stored. */
const SETTLE_MS = 2_000;
/** The stored index is packed anew past this many changes (else only the changes are stored). */
const PACK_AFTER = 2_000;
const PACK_SHARE = 0.05;

/** A segment to match, as the view names it. */
export interface MatchQuery {
  postKey: string;
  lang: string;
  segmentId: string;
  threshold?: number;
}

export class MemoryService {
  index = new MemoryIndex();
  private loading: Promise<void> | null = null;
  private loaded = false;
  private journal: JournalPosition = { revision: 0, feed: 0 };
  private generation = '';
  /** Whether the stored index lacks changes the one here has, and whether its packed part is this one's. */
  private unsaved = false;
  private packedStored = false;
  private readonly posts: PostCache;
  private readonly cache = new MatchCache();
  private readonly atStart: StartMatches;
  /** The matches kept changed since they were last stored. */
  private matchesUnsaved = false;
  /** The segments each opened post had worked out ahead: worked out again before they are stored. */
  private readonly opened = new Map<string, { postKey: string; lang: string; segmentIds: string[] }>();
  private inflight = new Map<string, Promise<ComputedMatches>>();
  private queuedCatchUp: Promise<void> | null = null;
  private lastCatchUp: Promise<void> = Promise.resolve();
  private lastStore: Promise<void> = Promise.resolve();
  private storeTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly db: IDBPDatabase<InterlinearDB>,
    private readonly settleMs = SETTLE_MS,
  ) {
    this.posts = new PostCache(db);
    this.atStart = new StartMatches(db);
  }

  /** Something was written: once writes settle, the index takes it in and is stored (if it is loaded). */
  changed(): void {
    if (this.loaded) this.scheduleStore();
    // A view answered from the stored matches will ask again: the index is read now, not then.
    else if (this.atStart.used) void this.ready().catch(() => undefined);
  }

  /** Reads (or builds) the index if this worker has none yet, then takes in every change since. */
  async ready(): Promise<void> {
    this.loading ??= this.load().catch((error) => {
      this.loading = null;
      throw error;
    });
    await this.loading;
    await this.catchUp();
  }

  /** Works out ahead the matches of an opened post's first untranslated segments. */
  async warm(postKey: string, lang: string, drafted: ReadonlySet<string> = new Set()): Promise<void> {
    if (!lang) return;
    const sources = await this.posts.get(postKey);
    const segments = sources?.post.segments.filter((s) => !drafted.has(s.id)).slice(0, WARM_SEGMENTS) ?? [];
    const segmentIds = segments.map((s) => s.id);
    this.opened.delete(`${postKey}\u0001${lang}`);
    if (this.opened.size >= 4) this.opened.delete(this.opened.keys().next().value!);
    this.opened.set(`${postKey}\u0001${lang}`, { postKey, lang, segmentIds });
    const stored = this.loaded ? null : await this.atStart.post(postKey, lang);
    if (stored && segmentIds.every((id) => stored.has(id))) return;
    await this.ready();
    await this.workOut(postKey, lang, segmentIds);
  }

  private async workOut(postKey: string, lang: string, segmentIds: readonly string[]): Promise<void> {
    for (const segmentId of segmentIds) await this.computed({ postKey, lang, segmentId });
  }

  /** Up to three matches for a segment, best first (context, exact, then fuzzy by percent; newer first). */
  async matches(query: MatchQuery): Promise<MemoryMatch[]> {
    const stored = this.loaded ? null : (await this.atStart.post(query.postKey, query.lang))?.get(query.segmentId);
    if (stored) return atThreshold(stored.matches, query.threshold ?? DEFAULT_FUZZY_THRESHOLD);
    await this.ready();
    const { matches } = await this.computed(query);
    // The next segments' matches are worked out once this answer is on its way, not before it.
    setTimeout(() => void this.warmAfter(query).catch(() => undefined), 0);
    return atThreshold(matches, query.threshold ?? DEFAULT_FUZZY_THRESHOLD);
  }

  /** The matches at hand for these segments (worked out ahead, or stored while they hold), working none out. */
  async atHand(postKey: string, lang: string, segmentIds: readonly string[], threshold = DEFAULT_FUZZY_THRESHOLD): Promise<Record<string, MemoryMatch[]>> {
    const found: Record<string, MemoryMatch[]> = {};
    let kept: (segmentId: string) => ComputedMatches | undefined;
    if (this.loaded) {
      await this.catchUp();
      kept = (segmentId) => this.cache.get(postKey, lang, segmentId);
    } else {
      const stored = await this.atStart.post(postKey, lang);
      kept = (segmentId) => stored?.get(segmentId);
    }
    for (const id of segmentIds) {
      const computed = kept(id);
      if (computed) found[id] = atThreshold(computed.matches, threshold);
    }
    return found;
  }

  /** The best exact or context match of a segment, if any. */
  async exactMatch(postKey: string, lang: string, segmentId: string): Promise<MemoryMatch | null> {
    const [best] = (await this.computed({ postKey, lang, segmentId })).matches;
    return best && best.percent >= 100 ? best : null;
  }

  /** Stores the index now: its changes, or all of it packed anew when they are many. */
  store(): Promise<void> {
    clearTimeout(this.storeTimer);
    const next = this.lastStore.then(() => this.storeNow());
    this.lastStore = next.catch(() => undefined);
    return next;
  }

  private scheduleStore(): void {
    clearTimeout(this.storeTimer);
    this.storeTimer = setTimeout(() => void this.store().catch(() => undefined), this.settleMs);
  }

  private async storeNow(): Promise<void> {
    if (!this.loaded) return;
    await this.catchUp();
    // What changes dropped is worked out again: the stored matches cover the posts open, for a start.
    for (const { postKey, lang, segmentIds } of this.opened.values()) await this.workOut(postKey, lang, segmentIds).catch(() => undefined);
    if (!this.unsaved && !this.matchesUnsaved) return;
    // What is stored is taken now, with no wait: the index, the matches and their journal position
    // agree. The matches stored are those of the posts opened (at most a few segments each).
    const matches = matchesRecord(this.journal, this.cache.snapshot(this.opened));
    const indexUnsaved = this.unsaved;
    this.unsaved = false;
    this.matchesUnsaved = false;
    try {
      // Unless the index changed, the stored one is at this position already.
      if (indexUnsaved) await this.storeIndex(matches);
      else await storeMatches(this.db, matches);
    } catch (error) {
      this.unsaved ||= indexUnsaved;
      this.matchesUnsaved = true;
      throw error;
    }
  }

  private async storeIndex(matches: StoredMatches): Promise<void> {
    if (!this.packedStored || this.index.changes > Math.max(PACK_AFTER, this.index.size * PACK_SHARE)) {
      const generation = newGeneration();
      const packed = this.index.changes > 0 ? this.index.pack() : this.index.packed;
      this.generation = generation;
      this.packedStored = false;
      await storePacked(this.db, packed, matches.journal, generation, matches);
      this.packedStored = true;
    } else {
      await storeDelta(this.db, this.index.delta(), matches.journal, this.generation, matches);
    }
  }

  private async load(): Promise<void> {
    const started = performance.now();
    const [stored, matches] = await Promise.all([readStoredIndex(this.db).catch(() => null), this.atStart.read()]);
    this.atStart.release();
    if (stored) {
      this.index = new MemoryIndex(stored.packed, stored.delta);
      this.journal = stored.journal;
      this.generation = stored.generation;
      this.packedStored = true;
      if (matches && samePosition(matches.journal, stored.journal)) this.cache.seed(matches.posts);
    } else {
      await this.build();
    }
    this.loaded = true;
    noteIndexLoad(stored ? 'read' : 'built', started, this.index);
    if (!stored) void this.store().catch(() => undefined);
  }

  /** The first index of this database, from every draft and unit: tokenises everything, once. */
  private async build(): Promise<void> {
    // Read before the drafts: whatever was written meanwhile is in the journal after it.
    const journal = await journalEnd(this.db);
    this.index = MemoryIndex.of(await readEveryEntry(this.db));
    this.journal = journal;
    this.generation = newGeneration();
    this.unsaved = true;
  }

  /** Takes in the journal since the last time; one at a time, and those asked for meanwhile share one. */
  private catchUp(): Promise<void> {
    if (this.queuedCatchUp) return this.queuedCatchUp;
    const next = this.lastCatchUp.then(() => {
      this.queuedCatchUp = null;
      return this.catchUpNow();
    });
    this.queuedCatchUp = next;
    this.lastCatchUp = next.catch(() => undefined);
    return next;
  }

  private async catchUpNow(): Promise<void> {
    for (;;) {
      const changes = await readJournal(this.db, this.journal);
      if (changes.to.revision !== this.journal.revision || changes.to.feed !== this.journal.feed) await this.apply(changes);
      if (!changes.more) return;
    }
  }

  private async apply(changes: JournalChanges): Promise<void> {
    const sources = await readChangedSources(this.db, this.posts, changes);
    // The index, its journal position and the matches worked out ahead change together, with no wait between.
    takeSources(this.index, this.cache, sources);
    this.journal = changes.to;
    this.unsaved = true;
    this.scheduleStore();
  }


  /** A segment's matches down to the lowest threshold: worked out ahead, being worked out, or now. */
  private computed(query: MatchQuery): Promise<ComputedMatches> {
    const { postKey, lang, segmentId } = query;
    const cached = this.cache.get(postKey, lang, segmentId);
    if (cached) return Promise.resolve(cached);
    const generation = this.cache.generation;
    const key = `${postKey}\u0001${lang}\u0001${segmentId}\u0001${generation}`;
    let running = this.inflight.get(key);
    if (!running) {
      running = this.compute(query)
        .then((computed) => {
          // Worked out across a change: good for this answer only.
          if (generation === this.cache.generation) this.keep(postKey, lang, segmentId, computed);
          return computed;
        })
        .finally(() => this.inflight.delete(key));
      this.inflight.set(key, running);
    }
    return running;
  }

  private async compute({ postKey, lang, segmentId }: MatchQuery): Promise<ComputedMatches> {
    const sources = await this.posts.get(postKey, segmentId);
    const here = sources?.byId.get(segmentId);
    if (!sources || !here) return { matches: [], read: new Set(), exactKey: '', pair: '', words: new Uint32Array(0) };
    const segment: SourceSide = { tagged: here.segment.tagged ?? here.segment.text, before: here.before, after: here.after };
    const pair = pairKey(sources.post.sourceLanguage, lang);
    const own = draftEntryId(postKey, lang, segmentId);
    const read = new Set([
      ...this.index.exactCandidates(pair, segment.tagged, EXACT_READ, own),
      ...this.index.candidates(pair, segment.tagged).map((c) => c.id),
    ]);
    read.delete(own);
    const entries = await readEntryTexts(this.db, this.posts, [...read]);
    const plain = plainSource(segment.tagged);
    return { matches: rankMatches(segment, entries, LOWEST_THRESHOLD), read, exactKey: exactKeyOf(pair, exactHash(plain)), pair, words: wordHashes(plain) };
  }

  /** Keeps a segment's matches; an opened post's are stored once changes settle. */
  private keep(postKey: string, lang: string, segmentId: string, computed: ComputedMatches): void {
    this.cache.set(postKey, lang, segmentId, computed);
    if (!this.opened.get(`${postKey}\u0001${lang}`)?.segmentIds.includes(segmentId)) return;
    this.matchesUnsaved = true;
    this.scheduleStore();
  }

  /** The segments after this one get their matches worked out, in the background. */
  private async warmAfter({ postKey, lang, segmentId }: MatchQuery): Promise<void> {
    const segments = this.posts.cached(postKey)?.post.segments ?? [];
    const at = segments.findIndex((s) => s.id === segmentId);
    if (at < 0) return;
    for (const segment of segments.slice(at + 1, at + 1 + WARM_AHEAD)) await this.computed({ postKey, lang, segmentId: segment.id });
  }
}
