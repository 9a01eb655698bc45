// The local side of sync, over the store's IndexedDB database: what the outbox holds and the
// documents to push for it, what the server accepted, and merging what came from the server —
// each in one transaction, so a service worker stopped at any moment leaves a consistent state.
import type { IDBPDatabase, IDBPObjectStore } from 'idb';
import type { DraftRecord, PostRecord, RevisionRecord, Segment } from '../model';
import { noteChanges } from '../store/change-feed';
import type { InterlinearDB, OutboxEntry, SyncIdentity, SyncMeta } from '../store/schema';
import { openDeviceClock, type DeviceClock } from './device-clock';
import { draftDocId, postDocId } from './doc-ids';
import { keptWordPressFields } from '../wordpress/post-marks';
import {
  draftDoc,
  parseDraftDoc,
  parsePostDoc,
  postDoc,
  segmentStateOf,
  segmentStateOfDoc,
  type DraftDoc,
  type PostDoc,
  type SyncDoc,
} from './documents';
import { compareHlc, hlcAt, hlcTime } from './hlc';
import { mergeSegment } from './merge';
import { recordsOf } from './records-of';
import { ENTRY_STORES, applyEntryDoc, entryOutboxDoc, isEntryTarget, parseEntryDoc, queueEntriesForSync } from '../store/entry-sync';

export interface OutboxItem {
  entry: OutboxEntry;
  doc: SyncDoc;
}

export interface AppliedChanges {
  /** Drafts whose text or flags changed here: the views must hear of them. */
  drafts: DraftRecord[];
  posts: PostRecord[];
  /**
   * Posts whose pulled source has other segments than this device had: their drafts here must
   * follow their paragraphs, as when this device sees the edited page itself.
   */
  resegmented?: Array<{ postKey: string; before: Segment[]; after: Segment[] }>;
  /** Segments both sides had edited (now flagged for review). */
  conflicts: number;
  /** Documents the merge queued for push: the server lacks what the merge made. */
  queued: number;
}

export interface Accepted {
  docId: string;
  stamp: string;
  rev: string;
  hlc: string;
}

const APPLY_STORES = ['drafts', 'revisions', 'posts', 'outbox', 'remoteRevs', 'syncMeta', 'changeFeed', ...ENTRY_STORES] as const;
type ItemStores = ['outbox', 'drafts', 'posts', 'remoteRevs', 'syncMeta', ...typeof ENTRY_STORES];
const ITEM_STORES: ItemStores = ['outbox', 'drafts', 'posts', 'remoteRevs', 'syncMeta', ...ENTRY_STORES];

export class SyncReplica {
  constructor(
    readonly db: IDBPDatabase<InterlinearDB>,
    private readonly now: () => number = Date.now,
  ) {}

  pendingCount(): Promise<number> {
    return this.db.count('outbox');
  }

  async meta<K extends keyof SyncMeta>(key: K): Promise<SyncMeta[K] | undefined> {
    return (await this.db.get('syncMeta', key)) as SyncMeta[K] | undefined;
  }

  async setIdentity(identity: SyncIdentity): Promise<void> {
    await this.db.put('syncMeta', identity, 'identity');
  }

  /**
   * Up to `limit` outbox entries after `afterDocId` (in id order), each with the document to push
   * built from the record as it is now. Entries whose record is gone are dropped.
   */
  async outboxBatch(afterDocId: string | undefined, limit: number): Promise<OutboxItem[]> {
    const range = afterDocId === undefined ? undefined : IDBKeyRange.lowerBound(afterDocId, true);
    return this.itemsFor((outbox) => outbox.getAll(range, limit));
  }

  /** The outbox entries of these documents (those still waiting), with their documents. */
  outboxItems(docIds: string[]): Promise<OutboxItem[]> {
    return this.itemsFor(async (outbox) => {
      const entries = await Promise.all(docIds.map((id) => outbox.get(id)));
      return entries.filter((entry): entry is OutboxEntry => entry !== undefined);
    });
  }

  private async itemsFor(
    select: (outbox: IDBPObjectStore<InterlinearDB, ItemStores, 'outbox'>) => Promise<OutboxEntry[]>,
  ): Promise<OutboxItem[]> {
    const tx = this.db.transaction(ITEM_STORES);
    const entries = await select(tx.objectStore('outbox'));
    const identity = (await tx.objectStore('syncMeta').get('identity')) as SyncIdentity | undefined;
    const [drafts, posts] = [tx.objectStore('drafts'), tx.objectStore('posts')];
    const knownRevs = await recordsOf(tx.objectStore('remoteRevs'), entries.map((entry) => entry.docId));
    // All reads of the batch at once: one at a time, each waits a round trip of IndexedDB.
    const docs = await Promise.all(
      entries.map(async (entry): Promise<SyncDoc | null> => {
        const known = knownRevs.get(entry.docId);
        if (isEntryTarget(entry.target)) return entryOutboxDoc(tx, entry.target, known?.rev);
        if (entry.target[0] === 'draft') {
          const [, postKey, lang, segmentId] = entry.target;
          const draft = await drafts.get([postKey, lang, segmentId]);
          // Drafts from before sync carry no author: they were written on this device.
          const authored = draft?.device ? draft : draft && { ...draft, device: identity?.deviceName, user: identity?.user };
          return authored?.hlc ? draftDoc(authored, known?.rev, known?.hlc) : null;
        }
        const post = await posts.get(entry.target[1]);
        return post?.hlc ? postDoc(post, known?.rev) : null;
      }),
    );
    await tx.done;
    const items: OutboxItem[] = [];
    const stale: string[] = [];
    entries.forEach((entry, i) => {
      const doc = docs[i];
      if (doc) items.push({ entry, doc });
      else stale.push(entry.docId);
    });
    if (stale.length) await this.dropStale(stale);
    return items;
  }

  /** Documents gone from the server: push them again as new ones. */
  async forgetRemote(docIds: string[]): Promise<void> {
    const tx = this.db.transaction('remoteRevs', 'readwrite');
    await Promise.all(docIds.map((id) => tx.store.delete(id)));
    await tx.done;
  }

  private async dropStale(docIds: string[]): Promise<void> {
    const tx = this.db.transaction('outbox', 'readwrite');
    await Promise.all(docIds.map((id) => tx.store.delete(id)));
    await tx.done;
  }

  /** The server took these: remember their revisions, and clear entries not changed since. */
  async acknowledge(accepted: Accepted[]): Promise<void> {
    const tx = this.db.transaction(['outbox', 'remoteRevs'], 'readwrite');
    const [outbox, remoteRevs] = [tx.objectStore('outbox'), tx.objectStore('remoteRevs')];
    const waiting = await recordsOf(outbox, accepted.map((a) => a.docId));
    for (const { docId, stamp, rev, hlc } of accepted) {
      void remoteRevs.put({ docId, rev, hlc });
      if (waiting.get(docId)?.stamp === stamp) void outbox.delete(docId);
    }
    await tx.done;
  }

  /**
   * Of these rows of the server's changes feed, the ids whose revision this device has not pushed
   * or pulled: only those need their documents fetched (our own pushes come back in the feed too).
   */
  async unknownRevisions(rows: Array<{ id: string; rev: string }>): Promise<string[]> {
    const known = await recordsOf(this.db.transaction('remoteRevs').store, rows.map((row) => row.id));
    return rows.filter((row) => known.get(row.id)?.rev !== row.rev).map((row) => row.id);
  }

  /**
   * Merges documents from the server (pulled, or fetched after a push conflict) into the store,
   * with the revisions they bring and, when given, the new checkpoint — one transaction. These
   * writes are not local changes: they are queued for push only when the merge made something the
   * server does not have yet.
   */
  async applyRemote(docs: unknown[], checkpoint?: string | number): Promise<AppliedChanges> {
    const tx = this.db.transaction([...APPLY_STORES], 'readwrite');
    const context: ApplyContext = {
      drafts: tx.objectStore('drafts'),
      revisions: tx.objectStore('revisions'),
      posts: tx.objectStore('posts'),
      outbox: tx.objectStore('outbox'),
      remoteRevs: tx.objectStore('remoteRevs'),
      clock: await openDeviceClock(tx.objectStore('syncMeta'), this.now),
      changes: { drafts: [], posts: [], conflicts: 0, queued: 0 },
      feed: { drafts: [], posts: [], units: [] },
    };
    const parsed = docs.flatMap((raw) => parseDraftDoc(raw) ?? parsePostDoc(raw) ?? parseEntryDoc(raw) ?? []);
    // The known revisions, read at once; a document met twice in one call is read again after.
    const prefetched = await recordsOf(context.remoteRevs, parsed.map((doc) => doc._id));
    const seen = new Set<string>();
    for (const doc of parsed) {
      const known = seen.has(doc._id) ? await context.remoteRevs.get(doc._id) : prefetched.get(doc._id);
      seen.add(doc._id);
      // Our own push coming back, or a version merged already.
      if (!doc._rev || known?.rev === doc._rev) continue;
      if (doc.type === 'draft') await applyDraft(context, doc, known?.hlc ?? null);
      else if (doc.type === 'post') await applyPost(context, doc);
      else if ((await applyEntryDoc(tx, doc, context.clock)) && doc.type === 'unit') context.feed.units.push(doc.id);
    }
    await noteChanges(tx.objectStore('changeFeed'), context.feed);
    if (checkpoint !== undefined) await tx.objectStore('syncMeta').put(checkpoint, 'checkpoint');
    await context.clock.save();
    await tx.done;
    return context.changes;
  }

  /**
   * Another server or database: forget the checkpoint and the revisions known there, and queue
   * every draft and post, since the new one may have none of them.
   */
  async startOver(target: string): Promise<void> {
    const tx = this.db.transaction(['outbox', 'remoteRevs', 'syncMeta', 'drafts', 'posts', ...ENTRY_STORES], 'readwrite');
    const outbox = tx.objectStore('outbox');
    await tx.objectStore('remoteRevs').clear();
    await tx.objectStore('syncMeta').delete('checkpoint');
    await tx.objectStore('syncMeta').put(target, 'target');
    // Every local save queues its document, so most are waiting already: keys first, records only
    // for what is missing (reading every draft would cost more than the push it prepares).
    const queued = new Set(await outbox.getAllKeys());
    const missing = (await tx.objectStore('drafts').getAllKeys()).filter((key) => !queued.has(draftDocId(...key)));
    const drafts = await Promise.all(missing.map((key) => tx.objectStore('drafts').get(key)));
    for (const d of drafts) {
      if (!d?.hlc) continue;
      void outbox.put({ docId: draftDocId(d.postKey, d.lang, d.segmentId), target: ['draft', d.postKey, d.lang, d.segmentId], stamp: d.hlc });
    }
    for (let c = await tx.objectStore('posts').openCursor(); c; c = await c.continue()) {
      const docId = postDocId(c.value.key);
      if (c.value.hlc && !queued.has(docId)) void outbox.put({ docId, target: ['post', c.value.key], stamp: c.value.hlc });
    }
    await queueEntriesForSync(tx, queued);
    await tx.done;
  }
}

type ApplyStores = typeof APPLY_STORES extends readonly (infer S)[] ? S[] : never;
interface ApplyContext {
  drafts: IDBPObjectStore<InterlinearDB, ApplyStores, 'drafts', 'readwrite'>;
  revisions: IDBPObjectStore<InterlinearDB, ApplyStores, 'revisions', 'readwrite'>;
  posts: IDBPObjectStore<InterlinearDB, ApplyStores, 'posts', 'readwrite'>;
  outbox: IDBPObjectStore<InterlinearDB, ApplyStores, 'outbox', 'readwrite'>;
  remoteRevs: IDBPObjectStore<InterlinearDB, ApplyStores, 'remoteRevs', 'readwrite'>;
  clock: DeviceClock;
  changes: AppliedChanges;
  /** What memory must take in that leaves no revision (utils/store/change-feed.ts). */
  feed: { drafts: Array<[string, string, string]>; posts: string[]; units: string[] };
}

/** Merges one server draft into the local one; `base` is the stamp both last agreed on. */
async function applyDraft(context: ApplyContext, doc: DraftDoc, base: string | null): Promise<void> {
  const { clock, changes } = context;
  clock.observe(doc.hlc);
  if (doc.reviewedAt) clock.observe(doc.reviewedAt);
  const key: [string, string, string] = [doc.post, doc.lang, doc.segment];
  const local = await context.drafts.get(key);
  const localState = local ? segmentStateOf({ ...local, hlc: local.hlc ?? hlcAt(local.updatedAt, clock.deviceId) }) : null;
  const merged = mergeSegment(localState, segmentStateOfDoc(doc), base, clock.deviceId);
  if (merged.conflict) changes.conflicts++;
  if (merged.localChanged) {
    const { state } = merged;
    const rev = (local?.rev ?? 0) + (merged.textChanged || merged.statusChanged || !local ? 1 : 0);
    const draft: DraftRecord = {
      postKey: doc.post,
      lang: doc.lang,
      segmentId: doc.segment,
      text: state.text,
      rev,
      updatedAt: merged.textChanged || merged.statusChanged ? Math.max(local?.updatedAt ?? 0, hlcTime(state.hlc)) : local!.updatedAt,
      hlc: state.hlc,
    };
    if (state.device) draft.device = state.device;
    if (state.user) draft.user = state.user;
    if (state.deleted) draft.deleted = true;
    if (state.concurrentEdits.length) draft.concurrentEdits = state.concurrentEdits;
    if (state.reviewedAt) draft.reviewedAt = state.reviewedAt;
    if (state.sourceChange) draft.sourceChange = state.sourceChange;
    if (state.status) draft.status = state.status;
    await context.drafts.put(draft);
    // History: the other devices' texts kept for review, then the text that is current now.
    const ids = { postKey: doc.post, lang: doc.lang, segmentId: doc.segment, rev };
    const kept: RevisionRecord[] = merged.newHistory.map((e) => ({
      ...ids, text: e.text, at: hlcTime(e.hlc), hlc: e.hlc, device: e.device, user: e.user, origin: 'concurrent',
    }));
    if (merged.textChanged || merged.statusChanged) {
      kept.push({
        ...ids, text: state.text, at: hlcTime(state.hlc), hlc: state.hlc, device: state.device, user: state.user, origin: 'pulled', status: state.status,
      });
    }
    for (const revision of kept) await context.revisions.add(withoutUndefined(revision));
    // A flag changed without a new text (a source confirmed elsewhere): no revision tells memory.
    if (!merged.textChanged && !merged.statusChanged) context.feed.drafts.push(key);
    changes.drafts.push(draft);
  }
  await context.remoteRevs.put({ docId: doc._id, rev: doc._rev!, hlc: doc.hlc });
  await settleOutbox(context, doc._id, ['draft', ...key], merged.needsPush);
}

/** A post's source: the later sighting wins; the translator's own choices stay. */
async function applyPost(context: ApplyContext, doc: PostDoc): Promise<void> {
  context.clock.observe(doc.hlc);
  const local = await context.posts.get(doc.key);
  const order = local?.hlc ? compareHlc(doc.hlc, local.hlc) : 1;
  if (order > 0) {
    const seen = hlcTime(doc.hlc);
    const post: PostRecord = {
      key: doc.key,
      url: local?.url ?? doc.url,
      title: doc.title,
      sourceLanguage: doc.sourceLanguage,
      cta: doc.cta,
      segments: doc.segments,
      targetLanguage: local?.targetLanguage ?? null,
      firstSeen: local?.firstSeen ?? seen,
      lastSeen: local?.lastSeen ?? seen,
      hlc: doc.hlc,
      ...keptWordPressFields(local),
    };
    await context.posts.put(post);
    context.changes.posts.push(post);
    context.feed.posts.push(post.key);
    // Whether the segments really changed is for followParagraphs to tell (it compares them).
    if (local) {
      (context.changes.resegmented ??= []).push({ postKey: doc.key, before: local.segments, after: doc.segments });
    }
  }
  await context.remoteRevs.put({ docId: doc._id, rev: doc._rev!, hlc: doc.hlc });
  await settleOutbox(context, doc._id, ['post', doc.key], order < 0);
}

/** The server has exactly what is here: nothing to push. Otherwise make sure a push is queued. */
async function settleOutbox(context: ApplyContext, docId: string, target: OutboxEntry['target'], needsPush: boolean) {
  const pending = await context.outbox.get(docId);
  if (needsPush) context.changes.queued++;
  if (needsPush && !pending) await context.outbox.put({ docId, target, stamp: context.clock.stamp() });
  if (!needsPush && pending) await context.outbox.delete(docId);
}

function withoutUndefined<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as T;
}
