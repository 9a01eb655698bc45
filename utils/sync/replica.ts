// The local side of sync, over the store's IndexedDB database: what the outbox holds and the
// documents to push for it, what the server accepted or set aside, the checkpoint and the database
// it belongs to — each in one transaction, so a service worker stopped at any moment leaves a
// consistent state. Merging what the server sent is apply-remote.ts; each kind of document is a
// SyncKind (kinds.ts).
import type { IDBPDatabase } from 'idb';
import type { InterlinearDB, OutboxEntry, SetAsideDoc, SyncIdentity, SyncMeta } from '../store/schema';
import { applyRemote, type PulledDoc } from './apply-remote';
import type { AppliedChanges, PushDocs, ServerDoc } from './kinds';
import { recordsOf } from './records-of';
import { kindOfTarget, syncStores, SYNC_KINDS } from './sync-kinds';

export type { AppliedChanges } from './kinds';
export type { PulledDoc } from './apply-remote';

export interface OutboxItem extends PushDocs {
  entry: OutboxEntry;
}

export interface Accepted {
  docId: string;
  /** The outbox entry's stamp when pushed; absent for documents with no entry of their own (parts). */
  stamp?: string;
  rev: string;
  hlc: string;
  /** A post's head: the parts its pushed version names. */
  parts?: string[];
}

/** A change set aside, as the views show it on its segment. */
export interface SetAsideView {
  docId: string;
  target: OutboxEntry['target'];
  error: string;
  reason: string;
}

/** Set-aside changes are tried again after this long, in case the server's rules changed. */
export const SET_ASIDE_RETRY_MS = 60 * 60_000;

export class SyncReplica {
  /** The next outbox read takes set-aside changes too ("Sync now"). */
  retrySetAside = false;

  constructor(
    readonly db: IDBPDatabase<InterlinearDB>,
    private readonly now: () => number = Date.now,
  ) {}

  /** Changes waiting for the server, less those set aside. */
  async pendingCount(): Promise<number> {
    const tx = this.db.transaction(['outbox', 'syncMeta']);
    const count = await tx.objectStore('outbox').count();
    const setAside = await this.setAsideOf(tx.objectStore('syncMeta').get('setAside'));
    const entries = await Promise.all(Object.keys(setAside).map((id) => tx.objectStore('outbox').get(id)));
    return count - entries.filter((entry) => entry && entry.stamp === setAside[entry.docId]?.stamp).length;
  }

  /** How many changes are set aside now. */
  async setAsideCount(): Promise<number> {
    return Object.keys(await this.setAsideOf(this.meta('setAside'))).length;
  }

  async setAsideList(): Promise<SetAsideView[]> {
    const all = await this.setAsideOf(this.meta('setAside'));
    return Object.entries(all).map(([docId, { target, error, reason }]) => ({ docId, target, error, reason }));
  }

  private async setAsideOf(read: Promise<unknown>): Promise<Record<string, SetAsideDoc>> {
    return ((await read) as Record<string, SetAsideDoc> | undefined) ?? {};
  }

  async meta<K extends keyof SyncMeta>(key: K): Promise<SyncMeta[K] | undefined> {
    return (await this.db.get('syncMeta', key)) as SyncMeta[K] | undefined;
  }

  async setMeta<K extends keyof SyncMeta>(key: K, value: SyncMeta[K] | undefined): Promise<void> {
    if (value === undefined) await this.db.delete('syncMeta', key);
    else await this.db.put('syncMeta', value, key);
  }

  async setIdentity(identity: SyncIdentity): Promise<void> {
    await this.db.put('syncMeta', identity, 'identity');
  }

  /**
   * Up to `limit` outbox entries after `afterDocId` (in id order), each with the documents to push
   * built from the record as it is now; `last` is the last id read, to go on from. Entries whose
   * record is gone are dropped; set-aside ones wait (for a change, an hour, or "Sync now").
   */
  async outboxBatch(
    afterDocId: string | undefined,
    limit: number,
    /** Records read for earlier batches of the same push (kinds check they are still current). */
    cache = new Map<string, unknown>(),
  ): Promise<{ items: OutboxItem[]; last: string | undefined }> {
    const range = afterDocId === undefined ? undefined : IDBKeyRange.lowerBound(afterDocId, true);
    const entries = await this.db.getAll('outbox', range, limit);
    const setAside = await this.setAsideOf(this.meta('setAside'));
    const due = (entry: OutboxEntry) => {
      const aside = setAside[entry.docId];
      return !aside || aside.stamp !== entry.stamp || this.retrySetAside || this.now() - aside.at >= SET_ASIDE_RETRY_MS;
    };
    return { items: await this.itemsFor(entries.filter(due), cache), last: entries[entries.length - 1]?.docId };
  }

  /** The outbox entries of these documents (those still waiting), with their documents. */
  async outboxItems(docIds: string[]): Promise<OutboxItem[]> {
    const entries = await Promise.all(docIds.map((id) => this.db.get('outbox', id)));
    return this.itemsFor(entries.filter((entry): entry is OutboxEntry => entry !== undefined));
  }

  private async itemsFor(entries: OutboxEntry[], cache = new Map<string, unknown>()): Promise<OutboxItem[]> {
    if (entries.length === 0) return [];
    const tx = this.db.transaction(syncStores('outbox', 'remoteRevs', 'syncMeta'));
    const identity = (await tx.objectStore('syncMeta').get('identity')) as SyncIdentity | undefined;
    const knownRevs = await recordsOf(tx.objectStore('remoteRevs'), entries.map((entry) => entry.docId));
    for (const kind of SYNC_KINDS) {
      await kind.prefetch?.(tx, entries.filter((e) => e.target[0] === kind.name).map((e) => e.target), cache);
    }
    // All reads of the batch at once: one at a time, each waits a round trip of IndexedDB.
    const built = await Promise.all(
      entries.map((entry) => kindOfTarget(entry.target[0])?.build(tx, entry, { known: knownRevs.get(entry.docId), identity, cache }) ?? null),
    );
    await tx.done;
    const items: OutboxItem[] = [];
    const stale: string[] = [];
    entries.forEach((entry, i) => {
      const docs = built[i];
      if (docs) items.push({ entry, ...docs });
      else stale.push(entry.docId);
    });
    if (stale.length) await this.deleteEach('outbox', stale);
    return items;
  }

  /** Documents gone from the server: push them again as new ones. */
  forgetRemote(docIds: string[]): Promise<void> {
    return this.deleteEach('remoteRevs', docIds);
  }

  private async deleteEach(store: 'outbox' | 'remoteRevs', ids: string[]): Promise<void> {
    const tx = this.db.transaction(store, 'readwrite');
    await Promise.all(ids.map((id) => tx.store.delete(id)));
    await tx.done;
  }

  /** The server took these: remember their revisions, clear entries not changed since and their set-asides. */
  async acknowledge(accepted: Accepted[]): Promise<void> {
    if (accepted.length === 0) return;
    const tx = this.db.transaction(['outbox', 'remoteRevs', 'syncMeta'], 'readwrite');
    const [outbox, remoteRevs, meta] = [tx.objectStore('outbox'), tx.objectStore('remoteRevs'), tx.objectStore('syncMeta')];
    const waiting = await recordsOf(outbox, accepted.map((a) => a.docId));
    const setAside = await this.setAsideOf(meta.get('setAside'));
    const done = accepted.filter(({ docId, stamp }) => stamp !== undefined && waiting.get(docId)?.stamp === stamp).map((a) => a.docId).sort();
    // A batch is a run of the outbox: when the run holds nothing else, one request clears it.
    const run = done.length > 1 ? IDBKeyRange.bound(done[0], done[done.length - 1]) : null;
    const wholeRun = run !== null && (await outbox.count(run)) === done.length;
    if (wholeRun) void outbox.delete(run);
    else for (const docId of done) void outbox.delete(docId);
    let cleared = false;
    for (const { docId, rev, hlc, parts } of accepted) {
      void remoteRevs.put({ docId, rev, hlc, ...(parts ? { parts } : {}) });
      if (setAside[docId]) {
        delete setAside[docId];
        cleared = true;
      }
    }
    if (cleared) void meta.put(setAside, 'setAside');
    await tx.done;
  }

  /** The server will not take these (too large, refused by its rules): keep them here, out of pushes. */
  async setAside(items: Array<{ item: OutboxItem; error: string; reason: string }>): Promise<void> {
    if (items.length === 0) return;
    const tx = this.db.transaction('syncMeta', 'readwrite');
    const all = await this.setAsideOf(tx.store.get('setAside'));
    for (const { item, error, reason } of items) {
      all[item.entry.docId] = { stamp: item.entry.stamp, target: item.entry.target, error, reason, at: this.now() };
    }
    await tx.store.put(all, 'setAside');
    await tx.done;
  }

  /**
   * Of these rows of the server's changes feed, the leaf revisions this device has not pushed or
   * pulled: only those need fetching (our own pushes come back in the feed too).
   */
  async unknownRevisions(rows: Array<{ id: string; revs: string[] }>): Promise<Array<{ id: string; revs: string[] }>> {
    const known = await recordsOf(this.db.transaction('remoteRevs').store, rows.map((row) => row.id));
    return rows.flatMap((row) => {
      const revs = row.revs.filter((rev) => known.get(row.id)?.rev !== rev);
      return revs.length ? [{ id: row.id, revs }] : [];
    });
  }

  /** Merges documents from the server (apply-remote.ts), with the new checkpoint when given. */
  applyRemote(pulled: PulledDoc[], related: ReadonlyMap<string, unknown> = new Map(), checkpoint?: string | number): Promise<AppliedChanges> {
    return applyRemote(this.db, pulled, related, checkpoint, this.now);
  }

  /** Conflict branches to delete now: those of documents whose merged version is on the server. */
  async branchesToPrune(): Promise<Record<string, string[]>> {
    const tx = this.db.transaction(['outbox', 'syncMeta']);
    const all = ((await tx.objectStore('syncMeta').get('pruneBranches')) as Record<string, string[]> | undefined) ?? {};
    const waiting = await Promise.all(Object.keys(all).map((id) => tx.objectStore('outbox').getKey(id)));
    return Object.fromEntries(Object.entries(all).filter((_, i) => waiting[i] === undefined));
  }

  /** These branches are gone from the server. */
  async pruned(done: Record<string, string[]>): Promise<void> {
    const tx = this.db.transaction('syncMeta', 'readwrite');
    const all = ((await tx.store.get('pruneBranches')) as Record<string, string[]> | undefined) ?? {};
    for (const [docId, revs] of Object.entries(done)) {
      const left = (all[docId] ?? []).filter((rev) => !revs.includes(rev));
      if (left.length) all[docId] = left;
      else delete all[docId];
    }
    await tx.store.put(all, 'pruneBranches');
    await tx.done;
  }

  /**
   * Another database answers at the same address, or the server refused the checkpoint: pull from
   * the beginning (what this device knows is skipped) and tie the checkpoint to `database`.
   */
  async restartFeed(database: string): Promise<void> {
    const tx = this.db.transaction('syncMeta', 'readwrite');
    await tx.store.delete('checkpoint');
    await tx.store.put(database, 'database');
    await tx.done;
  }

  /**
   * After pulling the whole feed: documents this device has pushed or pulled that the server no
   * longer has (a new, empty database at the same address) are queued to be pushed again.
   */
  async requeueMissing(onServer: ReadonlySet<string>): Promise<number> {
    const tx = this.db.transaction(syncStores('outbox', 'remoteRevs'), 'readwrite');
    const remoteRevs = tx.objectStore('remoteRevs');
    const missing = new Set((await remoteRevs.getAllKeys()).filter((id) => !onServer.has(id)));
    let queued = 0;
    if (missing.size) {
      const queuedAlready = new Set(await tx.objectStore('outbox').getAllKeys());
      for (const kind of SYNC_KINDS) {
        for (const entry of await kind.everyEntry(tx, queuedAlready)) {
          if (!missing.has(entry.docId)) continue;
          void remoteRevs.delete(entry.docId);
          void tx.objectStore('outbox').put(entry);
          queued++;
        }
      }
      for (const id of missing) void remoteRevs.delete(id); // parts, and records gone here
    }
    await tx.done;
    return queued;
  }

  /**
   * Another server or database: forget the checkpoint, the revisions known there and what was set
   * aside, and queue every record, since the new one may have none of them.
   */
  async startOver(target: string): Promise<void> {
    const tx = this.db.transaction(syncStores('outbox', 'remoteRevs', 'syncMeta'), 'readwrite');
    const [outbox, meta] = [tx.objectStore('outbox'), tx.objectStore('syncMeta')];
    await tx.objectStore('remoteRevs').clear();
    for (const key of ['checkpoint', 'database', 'setAside', 'pruneBranches', 'loginRefused', 'lockedUntil', 'pullLimit'] as const) {
      await meta.delete(key);
    }
    const previous = await meta.get('target');
    await meta.put(target, 'target');
    // Every local save queues its document (and the schema queued what came before sync), so a
    // device that never synced has everything waiting: only one that synced elsewhere must look.
    if (previous !== undefined) {
      const queued = new Set(await outbox.getAllKeys());
      for (const kind of SYNC_KINDS) for (const entry of await kind.everyEntry(tx, queued)) void outbox.put(entry);
    }
    await tx.done;
  }
}

export type { ServerDoc };
