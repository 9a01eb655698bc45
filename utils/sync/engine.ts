// One sync: push the outbox in `_bulk_docs` batches (a conflict fetches the server's document,
// merges, and pushes again), then pull `_changes` from the checkpoint. Everything it needs to go
// on is in IndexedDB (outbox, remote revisions, checkpoint), so a service worker stopped at any
// moment simply syncs again later; pushing twice is harmless because a repeated push meets a
// conflict whose merge finds nothing new.
import { t } from '../i18n';
import { CouchClient, CouchError, NetworkError, type ChangesResult, type Fetch } from './couch-client';
import { isInterlinearDocId } from './doc-ids';
import type { AppliedChanges, OutboxItem, SyncReplica } from './replica';
import { syncTargetOf, type SyncSettings } from './settings';
import { sameSyncStatus, type SyncStatus } from './status';

export interface SyncEngineOptions {
  replica: SyncReplica;
  /** The current settings, or null when sync is off (read at every sync: they may change). */
  settings: () => Promise<SyncSettings | null>;
  fetch: Fetch;
  /** Drafts and posts a sync changed here: the views must hear of them (never re-queued as local changes). */
  onRemoteChanges?: (changes: AppliedChanges) => void | Promise<void>;
  onStatus?: (status: SyncStatus) => void;
  now?: () => number;
  pushBatchSize?: number;
  pullLimit?: number;
  timeoutMs?: number;
}

export interface SyncReport {
  pushed: number;
  pulled: number;
  conflicts: number;
}

/** Pushes of one document that meet a conflict again and again wait for the next sync. */
const CONFLICT_ROUNDS = 3;

export class SyncEngine {
  private current: SyncStatus = { state: 'off' };
  private running: Promise<SyncReport> | null = null;
  private queued: Promise<SyncReport> | null = null;

  constructor(private readonly options: SyncEngineOptions) {}

  get status(): SyncStatus {
    return this.current;
  }

  /**
   * Pushes then pulls. One at a time: a call during a sync waits for it and then syncs again
   * (callers that came meanwhile share that second sync). Rejects when the sync failed; the status
   * says why.
   */
  syncOnce(): Promise<SyncReport> {
    if (!this.running) {
      this.running = this.run().finally(() => (this.running = null));
      return this.running;
    }
    this.queued ??= this.running.catch(() => undefined).then(() => {
      this.queued = null;
      return this.syncOnce();
    });
    return this.queued;
  }

  /** Recounts the outbox after a local change, for "pending N". */
  async refreshStatus(): Promise<SyncStatus> {
    if (!(await this.options.settings())) return this.setStatus({ state: 'off' });
    const pending = await this.options.replica.pendingCount();
    const now = this.current;
    if (now.state === 'offline' || now.state === 'error' || now.state === 'syncing') return this.setStatus({ ...now, pending });
    return this.setStatus(pending > 0 ? { state: 'pending', pending } : now);
  }

  private setStatus(status: SyncStatus): SyncStatus {
    if (!sameSyncStatus(status, this.current)) {
      this.current = status;
      this.options.onStatus?.(status);
    }
    return status;
  }

  private async run(): Promise<SyncReport> {
    const { replica } = this.options;
    const settings = await this.options.settings();
    if (!settings) {
      this.setStatus({ state: 'off' });
      return { pushed: 0, pulled: 0, conflicts: 0 };
    }
    const target = syncTargetOf(settings);
    if ((await replica.meta('target')) !== target) await replica.startOver(target);
    const identity = { deviceName: settings.deviceName, ...(settings.username ? { user: settings.username } : {}) };
    const known = await replica.meta('identity');
    if (known?.deviceName !== identity.deviceName || known?.user !== identity.user) await replica.setIdentity(identity);

    const client = new CouchClient({ ...settings, fetch: this.options.fetch, timeoutMs: this.options.timeoutMs });
    const report: SyncReport = { pushed: 0, pulled: 0, conflicts: 0 };
    this.setStatus({ state: 'syncing', pending: await replica.pendingCount() });
    try {
      const rejected = await this.push(client, report);
      // What was just pushed comes back in the feed: then only ids and revisions are worth asking for.
      const queuedByMerge = await this.pull(client, report, report.pushed > 0);
      if (queuedByMerge) await this.push(client, report);
      if (rejected) throw rejected;
      const pending = await replica.pendingCount();
      const now = (this.options.now ?? Date.now)();
      this.setStatus(pending > 0 ? { state: 'pending', pending } : { state: 'synced', at: now });
      return report;
    } catch (error) {
      const pending = await replica.pendingCount();
      if (error instanceof NetworkError) this.setStatus({ state: 'offline', pending, detail: error.message });
      else if (error instanceof CouchError) {
        this.setStatus({ state: 'error', pending, error: error.error, reason: error.reason, httpStatus: error.status });
      } else this.setStatus({ state: 'error', pending, error: 'sync_failed', reason: String((error as Error)?.message ?? error) });
      throw error;
    }
  }

  /**
   * Pushes the whole outbox, batch by batch, two batches at a time: while the server takes one,
   * the next is read and sent, so neither side waits for the other. Batches are consecutive ranges
   * of the outbox, which holds one entry per document: no id is ever in two batches, nor twice in
   * one. Returns the first refusal of a document, if any.
   */
  private async push(client: CouchClient, report: SyncReport): Promise<CouchError | null> {
    const batchSize = this.options.pushBatchSize ?? 1000;
    let after: string | undefined;
    let refusal: CouchError | null = null;
    const inFlight: Array<Promise<CouchError | null>> = [];
    try {
      for (;;) {
        const items = await this.options.replica.outboxBatch(after, batchSize);
        if (items.length === 0) break;
        after = items[items.length - 1]!.entry.docId;
        const sending = this.pushItems(client, items, report);
        sending.catch(() => undefined); // awaited below, in order; a failure meanwhile is not unhandled
        inFlight.push(sending);
        if (inFlight.length > 1) {
          const refused = await inFlight.shift()!;
          refusal ??= refused;
        }
      }
      for (const sending of inFlight.splice(0)) {
        const refused = await sending;
        refusal ??= refused;
      }
      return refusal;
    } catch (error) {
      await Promise.allSettled(inFlight); // nothing of a failed sync goes on after it
      throw error;
    }
  }

  private async pushItems(client: CouchClient, items: OutboxItem[], report: SyncReport): Promise<CouchError | null> {
    const { replica } = this.options;
    let refusal: CouchError | null = null;
    for (let round = 0; items.length > 0 && round < CONFLICT_ROUNDS; round++) {
      const byId = new Map(items.map((item) => [item.doc._id, item]));
      const results = await client.bulkDocs(items.map((item) => item.doc));
      const accepted = [];
      const conflicted: string[] = [];
      for (const result of results) {
        const item = byId.get(result.id);
        if (!item) continue;
        if (result.rev && !result.error) {
          accepted.push({ docId: result.id, stamp: item.entry.stamp, rev: result.rev, hlc: item.doc.hlc });
        } else if (result.error === 'conflict') conflicted.push(result.id);
        else refusal ??= new CouchError(0, result.error ?? 'refused', result.reason ?? t('syncServerRefusedDocument', result.id));
      }
      await replica.acknowledge(accepted);
      report.pushed += accepted.length;
      if (conflicted.length === 0) break;
      // Someone else wrote these first: merge the server's version, then push what is still ours.
      const rows = await client.getDocs(conflicted);
      await this.apply(rows.flatMap((row) => (row.doc ? [row.doc] : [])), undefined, report);
      const gone = rows.filter((row) => !row.doc).map((row) => row.key);
      if (gone.length) await replica.forgetRemote(gone); // deleted on the server by other tools
      items = (await replica.outboxItems(conflicted)).filter((item) => byId.has(item.doc._id));
    }
    return refusal;
  }

  /**
   * Pulls every change since the checkpoint, page by page. After a push the feed is mostly our own
   * documents coming back (`revisionsOnly`): it is asked for ids and revisions, and only the
   * documents this device lacks are fetched. The next page is asked for while this one is merged;
   * pages are merged in order, each with its checkpoint. Returns whether merging queued anything.
   */
  private async pull(client: CouchClient, report: SyncReport, revisionsOnly: boolean): Promise<boolean> {
    const limit = this.options.pullLimit ?? 1000;
    let since = await this.options.replica.meta('checkpoint');
    let queued = false;
    let page = await client.changes(since, limit, !revisionsOnly);
    for (;;) {
      const last = page.results.length < limit || page.pending === 0 || page.last_seq === since;
      const next = last ? null : client.changes(page.last_seq, limit, !revisionsOnly);
      next?.catch(() => undefined); // awaited below; a failure while this page is merged is not unhandled
      const changes = page.results.filter((change) => !change.deleted && isInterlinearDocId(change.id));
      const docs = revisionsOnly ? await this.lackingDocs(client, changes) : changes.flatMap((change) => (change.doc ? [change.doc] : []));
      const applied = await this.apply(docs, page.last_seq, report);
      report.pulled += docs.length;
      queued ||= applied.queued > 0;
      since = page.last_seq;
      if (!next) return queued;
      page = await next;
    }
  }

  /** The documents of these changes whose revision this device has not pushed or pulled. */
  private async lackingDocs(client: CouchClient, changes: ChangesResult['results']): Promise<unknown[]> {
    const wanted = await this.options.replica.unknownRevisions(changes.map((c) => ({ id: c.id, rev: c.changes[0]?.rev ?? '' })));
    return (await client.getDocs(wanted)).flatMap((row) => (row.doc && !row.value?.deleted ? [row.doc] : []));
  }

  private async apply(docs: unknown[], checkpoint: string | number | undefined, report: SyncReport) {
    const applied = await this.options.replica.applyRemote(docs, checkpoint);
    report.conflicts += applied.conflicts;
    if (applied.drafts.length || applied.posts.length) await this.options.onRemoteChanges?.(applied);
    return applied;
  }
}
