// Translation memory in the background: the index (utils/memory/memory-index.ts) built from the
// store once per worker life, then kept in step with every draft write. Writes through DraftStore
// tell it directly; every other path that changes a draft's text (sync pulls, imports) adds a
// revision, and the revisions store's growing keys are the feed it catches up from before each
// answer — so no writer has to know about memory. Units imported from TMX tell it themselves.
import type { IDBPDatabase } from 'idb';
import type { DraftRecord } from '../model';
import type { InterlinearDB } from '../store/schema';
import { wordDiff } from '../segment/word-diff';
import {
  draftEntryId,
  draftSource,
  entryRef,
  isLiveUnit,
  isMemoryDraft,
  pairKey,
  postSources,
  unitEntryId,
  type PostSources,
} from './memory-entries';
import { MemoryIndex } from './memory-index';
import { DEFAULT_FUZZY_THRESHOLD, plainSource, renumberPlaceholders, scoreMatch, type SourceSide } from './match-text';
import type { MemoryMatch } from './memory-types';

/** How many matches a segment shows. */
export const MATCHES_SHOWN = 3;
/** Entries built into the index per slice: the worker answers other messages between slices. */
const BUILD_SLICE = 2_000;
const POST_CACHE = 64;
/**
 * Exact candidates read at most, the latest indexed: a licence line a team repeats in every post
 * may be in memory thousands of times, and a few of them say all there is.
 */
export const EXACT_READ = 24;

/** A segment to match, as the view names it. */
export interface MatchQuery {
  postKey: string;
  lang: string;
  segmentId: string;
  threshold?: number;
}

/** An entry with its texts read from the store, ready to score. */
interface EntryTexts {
  id: string;
  side: SourceSide;
  target: string;
  from: MemoryMatch['from'];
  at: number;
  device?: string;
  /** The entry is this very segment's own draft. */
  own?: boolean;
}

export class MemoryService {
  readonly index = new MemoryIndex();
  private building: Promise<void> | null = null;
  /** The last revision key the index has taken in. */
  private checkpoint = 0;
  private dirtyDrafts = new Set<string>();
  private unitsDirty = false;
  private posts = new Map<string, PostSources>();

  constructor(private readonly db: IDBPDatabase<InterlinearDB>) {}

  /** A draft was written through DraftStore: take it in before the next answer. */
  draftWritten(draft: Pick<DraftRecord, 'postKey' | 'lang' | 'segmentId'>): void {
    this.dirtyDrafts.add(draftEntryId(draft.postKey, draft.lang, draft.segmentId));
  }

  /** Imported or synced memory units changed. */
  unitsChanged(): void {
    this.unitsDirty = true;
  }

  /** Builds the index if this worker has none yet, then takes in every change since. */
  async ready(): Promise<void> {
    this.building ??= this.build().catch((error) => {
      this.building = null;
      throw error;
    });
    await this.building;
    await this.catchUp();
  }

  private async build(): Promise<void> {
    const tx = this.db.transaction(['drafts', 'posts', 'revisions', 'memoryUnits']);
    const [drafts, posts, units, last] = await Promise.all([
      tx.objectStore('drafts').getAll(),
      tx.objectStore('posts').getAll(),
      tx.objectStore('memoryUnits').getAll(),
      tx.objectStore('revisions').openKeyCursor(null, 'prev'),
    ]);
    this.checkpoint = last?.key ?? 0;
    await tx.done;
    const sources = new Map(posts.map((post) => [post.key, post]));
    for (let i = 0; i < drafts.length; i += BUILD_SLICE) {
      for (const draft of drafts.slice(i, i + BUILD_SLICE)) {
        const post = sources.get(draft.postKey);
        if (!post || !isMemoryDraft(draft)) continue;
        const source = draftSource(draft, post.segments.find((s) => s.id === draft.segmentId));
        if (source) this.index.put(draftEntryId(draft.postKey, draft.lang, draft.segmentId), pairKey(post.sourceLanguage, draft.lang), source);
      }
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    for (const unit of units) if (isLiveUnit(unit)) this.index.put(unitEntryId(unit.id), pairKey(unit.sourceLang, unit.targetLang), unit.source);
    this.index.trim();
  }

  /** Takes in the drafts written since the last answer, by any path, and changed units. */
  private async catchUp(): Promise<void> {
    const since = IDBKeyRange.lowerBound(this.checkpoint, true);
    const tx = this.db.transaction('revisions');
    const [revisions, keys] = await Promise.all([tx.store.getAll(since), tx.store.getAllKeys(since)]);
    await tx.done;
    if (revisions.length) {
      this.checkpoint = Math.max(this.checkpoint, ...keys);
      for (const r of revisions) this.dirtyDrafts.add(draftEntryId(r.postKey, r.lang, r.segmentId));
    }
    if (this.dirtyDrafts.size) {
      const ids = [...this.dirtyDrafts];
      this.dirtyDrafts.clear();
      await Promise.all(ids.map((id) => this.refreshDraft(id)));
    }
    if (this.unitsDirty) {
      this.unitsDirty = false;
      for (const unit of await this.db.getAll('memoryUnits')) {
        const id = unitEntryId(unit.id);
        if (isLiveUnit(unit)) this.index.put(id, pairKey(unit.sourceLang, unit.targetLang), unit.source);
        else this.index.remove(id);
      }
    }
  }

  private async refreshDraft(id: string): Promise<void> {
    const ref = entryRef(id);
    if (ref.kind !== 'draft') return;
    const draft = await this.db.get('drafts', [ref.postKey, ref.lang, ref.segmentId]);
    const sources = isMemoryDraft(draft) ? await this.postSources(ref.postKey, ref.segmentId) : undefined;
    const source = draft && sources ? draftSource(draft, sources.byId.get(ref.segmentId)?.segment) : null;
    if (source && sources) this.index.put(id, pairKey(sources.post.sourceLanguage, ref.lang), source);
    else this.index.remove(id);
  }

  /** A post's segments, from a small cache: matches read a few posts again and again. */
  async postSources(postKey: string, segmentId?: string): Promise<PostSources | undefined> {
    const cached = this.posts.get(postKey);
    // A segment the cached post lacks: the post was seen again with new paragraphs since.
    if (cached && (segmentId === undefined || cached.byId.has(segmentId))) return cached;
    const post = await this.db.get('posts', postKey);
    if (!post) return undefined;
    const sources = postSources(post);
    if (this.posts.size >= POST_CACHE) this.posts.delete(this.posts.keys().next().value!);
    this.posts.set(postKey, sources);
    return sources;
  }

  /** Up to three matches for a segment, best first (context, exact, then fuzzy by percent; newer first). */
  async matches(query: MatchQuery): Promise<MemoryMatch[]> {
    await this.ready();
    const sources = await this.postSources(query.postKey, query.segmentId);
    const here = sources?.byId.get(query.segmentId);
    if (!sources || !here) return [];
    const segment: SourceSide = { tagged: here.segment.tagged ?? here.segment.text, before: here.before, after: here.after };
    const pair = pairKey(sources.post.sourceLanguage, query.lang);
    const ids = new Set([
      ...this.index.exactCandidates(pair, segment.tagged).slice(-EXACT_READ),
      ...this.index.candidates(pair, segment.tagged).map((c) => c.id),
    ]);
    const own = draftEntryId(query.postKey, query.lang, query.segmentId);
    ids.delete(own);
    const entries = (await Promise.all([...ids].map((id) => this.entryTexts(id)))).filter((e): e is EntryTexts => e !== null);
    return this.rank(segment, entries, query.threshold ?? DEFAULT_FUZZY_THRESHOLD);
  }

  /**
   * Scores entries against a segment: best first, one per distinct translation, at most `limit`.
   * Only those kept get their placeholders renumbered and their differences worked out.
   */
  rank(segment: SourceSide, entries: EntryTexts[], threshold: number, limit = MATCHES_SHOWN): MemoryMatch[] {
    const scored = entries
      .map((entry) => ({ entry, score: scoreMatch(segment, entry.side, threshold) }))
      .filter((s): s is { entry: EntryTexts; score: NonNullable<typeof s.score> } => s.score !== null)
      .sort((a, b) => b.score.percent - a.score.percent || b.entry.at - a.entry.at);
    const seen = new Set<string>();
    const kept: MemoryMatch[] = [];
    for (const { entry, score } of scored) {
      const key = `${score.percent}\u0000${entry.target}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const match: MemoryMatch = {
        ...score,
        source: entry.side.tagged,
        target: renumberPlaceholders(entry.target, entry.side.tagged, segment.tagged),
        diff: wordDiff(plainSource(entry.side.tagged), plainSource(segment.tagged)),
        from: entry.from,
        at: entry.at,
      };
      if (entry.device) match.device = entry.device;
      kept.push(match);
      if (kept.length >= limit) break;
    }
    return kept;
  }

  /** An entry's texts as the store has them now; null when it is gone or empty. */
  async entryTexts(id: string): Promise<EntryTexts | null> {
    const ref = entryRef(id);
    if (ref.kind === 'unit') {
      const unit = await this.db.get('memoryUnits', ref.id);
      if (!isLiveUnit(unit)) return null;
      return { id, side: { tagged: unit.source }, target: unit.target, from: { title: null, url: null, file: unit.origin }, at: unit.at, ...(unit.device ? { device: unit.device } : {}) };
    }
    const [draft, sources] = await Promise.all([this.db.get('drafts', [ref.postKey, ref.lang, ref.segmentId]), this.postSources(ref.postKey)]);
    if (!isMemoryDraft(draft) || !sources) return null;
    const at = sources.byId.get(ref.segmentId);
    const source = draftSource(draft, at?.segment);
    if (!source) return null;
    // A draft of a reworded paragraph translated its old text: it has no neighbours to compare.
    const side: SourceSide = draft.sourceChange || !at ? { tagged: source } : { tagged: source, before: at.before, after: at.after };
    return {
      id,
      side,
      target: draft.text,
      from: { title: sources.post.title, url: sources.post.url },
      at: draft.updatedAt,
      ...(draft.device ? { device: draft.device } : {}),
    };
  }
}
