// Reading memory entries from the store, a batch in one transaction: their sources (what the index
// takes in) and their texts (what a match shows). Posts are kept in a small cache: matches read the
// same few posts again and again; a post whose source changed is dropped from it.
import type { IDBPDatabase } from 'idb';
import type { DraftRecord } from '../model';
import type { InterlinearDB } from '../store/schema';
import type { SourceSide } from './match-text';
import { draftEntryId, draftSource, entryRef, isLiveUnit, isMemoryDraft, pairKey, postSources, unitEntryId, type PostSources } from './memory-entries';
import type { MemoryMatch, MemoryUnit } from './memory-types';

const POST_CACHE = 64;

/** An entry with its texts read from the store, ready to score. */
export interface EntryTexts {
  id: string;
  side: SourceSide;
  target: string;
  from: MemoryMatch['from'];
  at: number;
  device?: string;
}

/** What the index holds of an entry now: its pair and source, or null when it is no entry (any more). */
export interface EntrySource {
  id: string;
  entry: { pair: string; source: string; at: number } | null;
}

export class PostCache {
  private posts = new Map<string, PostSources>();

  constructor(private readonly db: IDBPDatabase<InterlinearDB>) {}

  /** A post's segments; read again when the cached one lacks `segmentId` (seen since with new paragraphs). */
  async get(postKey: string, segmentId?: string): Promise<PostSources | undefined> {
    const cached = this.posts.get(postKey);
    if (cached && (segmentId === undefined || cached.byId.has(segmentId))) return cached;
    const post = await this.db.get('posts', postKey);
    return post ? this.keep(postSources(post)) : undefined;
  }

  cached(postKey: string): PostSources | undefined {
    return this.posts.get(postKey);
  }

  keep(sources: PostSources): PostSources {
    this.posts.delete(sources.post.key);
    if (this.posts.size >= POST_CACHE) this.posts.delete(this.posts.keys().next().value!);
    this.posts.set(sources.post.key, sources);
    return sources;
  }

  forget(postKey: string): void {
    this.posts.delete(postKey);
  }
}

/**
 * Reads, in one transaction, the drafts and units named and the posts of those drafts; answers
 * them with the batch's posts (more than the cache may keep).
 */
async function readBatch(db: IDBPDatabase<InterlinearDB>, cache: PostCache, ids: string[]) {
  const refs = ids.map(entryRef);
  const posts = new Map<string, PostSources>();
  for (const ref of refs) {
    if (ref.kind !== 'draft') continue;
    const cached = cache.cached(ref.postKey);
    if (cached) posts.set(ref.postKey, cached);
  }
  const wanted = [...new Set(refs.flatMap((r) => (r.kind === 'draft' && !posts.has(r.postKey) ? [r.postKey] : [])))];
  const tx = db.transaction(['drafts', 'memoryUnits', 'posts']);
  const [records, read] = await Promise.all([
    Promise.all(
      refs.map((r): Promise<DraftRecord | MemoryUnit | undefined> =>
        r.kind === 'unit' ? tx.objectStore('memoryUnits').get(r.id) : tx.objectStore('drafts').get([r.postKey, r.lang, r.segmentId]),
      ),
    ),
    Promise.all(wanted.map((key) => tx.objectStore('posts').get(key))),
  ]);
  await tx.done;
  for (const post of read) if (post) posts.set(post.key, cache.keep(postSources(post)));
  return { items: refs.map((ref, i) => ({ id: ids[i]!, ref, record: records[i] })), posts };
}

/** The entries' sources as the store has them now. */
export async function readEntrySources(db: IDBPDatabase<InterlinearDB>, cache: PostCache, ids: string[]): Promise<EntrySource[]> {
  const { items, posts } = await readBatch(db, cache, ids);
  return items.map(({ id, ref, record }): EntrySource => {
    if (ref.kind === 'unit') {
      const unit = record as MemoryUnit | undefined;
      return { id, entry: isLiveUnit(unit) ? { pair: pairKey(unit.sourceLang, unit.targetLang), source: unit.source, at: unit.at } : null };
    }
    const draft = record as DraftRecord | undefined;
    const sources = posts.get(ref.postKey);
    if (!isMemoryDraft(draft) || !sources) return { id, entry: null };
    const source = draftSource(draft, sources.byId.get(ref.segmentId)?.segment);
    return { id, entry: source ? { pair: pairKey(sources.post.sourceLanguage, ref.lang), source, at: draft.updatedAt } : null };
  });
}

/** The entries' texts as the store has them now; those gone or empty are left out. */
export async function readEntryTexts(db: IDBPDatabase<InterlinearDB>, cache: PostCache, ids: string[]): Promise<EntryTexts[]> {
  const texts: EntryTexts[] = [];
  const { items, posts } = await readBatch(db, cache, ids);
  for (const { id, ref, record } of items) {
    if (ref.kind === 'unit') {
      const unit = record as MemoryUnit | undefined;
      if (!isLiveUnit(unit)) continue;
      texts.push({ id, side: { tagged: unit.source }, target: unit.target, from: { title: null, url: null, file: unit.origin }, at: unit.at, ...(unit.device ? { device: unit.device } : {}) });
      continue;
    }
    const draft = record as DraftRecord | undefined;
    const sources = posts.get(ref.postKey);
    if (!isMemoryDraft(draft) || !sources) continue;
    const at = sources.byId.get(ref.segmentId);
    const source = draftSource(draft, at?.segment);
    if (!source) continue;
    // A draft of a reworded paragraph translated its old text: it has no neighbours to compare.
    const side: SourceSide = draft.sourceChange || !at ? { tagged: source } : { tagged: source, before: at.before, after: at.after };
    texts.push({ id, side, target: draft.text, from: { title: sources.post.title, url: sources.post.url }, at: draft.updatedAt, ...(draft.device ? { device: draft.device } : {}) });
  }
  return texts;
}

/** Every draft and unit memory holds, as the index takes them in: what the first index is built of. */
export async function readEveryEntry(db: IDBPDatabase<InterlinearDB>): Promise<Array<{ id: string; pair: string; tagged: string; atMs: number }>> {
  const tx = db.transaction(['drafts', 'posts', 'memoryUnits']);
  const [drafts, posts, units] = await Promise.all([tx.objectStore('drafts').getAll(), tx.objectStore('posts').getAll(), tx.objectStore('memoryUnits').getAll()]);
  await tx.done;
  const segments = new Map(posts.map((post) => [post.key, { post, byId: new Map(post.segments.map((s) => [s.id, s])) }]));
  const entries: Array<{ id: string; pair: string; tagged: string; atMs: number }> = [];
  for (const draft of drafts) {
    const known = segments.get(draft.postKey);
    const source = known && isMemoryDraft(draft) ? draftSource(draft, known.byId.get(draft.segmentId)) : null;
    if (!known || !source) continue;
    entries.push({ id: draftEntryId(draft.postKey, draft.lang, draft.segmentId), pair: pairKey(known.post.sourceLanguage, draft.lang), tagged: source, atMs: draft.updatedAt });
  }
  for (const unit of units) {
    if (isLiveUnit(unit)) entries.push({ id: unitEntryId(unit.id), pair: pairKey(unit.sourceLang, unit.targetLang), tagged: unit.source, atMs: unit.at });
  }
  return entries;
}
