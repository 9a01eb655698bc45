// One sync: check the database (the login, and which database the checkpoint belongs to), push the
// outbox (push.ts), pull `_changes` from the checkpoint (pull.ts), push what merging made, and
// delete the conflict branches that merging resolved. Everything it needs to go on is in IndexedDB
// (outbox, remote revisions, checkpoint), so a service worker stopped at any moment simply syncs
// again later; pushing twice is harmless because a repeated push meets a conflict whose merge
// finds nothing new. What the server says decides what comes next (sync-outcome.ts).
import { CouchClient, type Fetch } from './couch-client';
import { basicCredentials, IamTokenSource, NO_CREDENTIALS, type Credentials } from './credentials';
import { checkpointFits, databaseIdentity } from './database-identity';
import type { AppliedChanges } from './kinds';
import { pullChanges } from './pull';
import { DEFAULT_PUSH_LIMITS, Pusher, type PushLimits } from './push';
import type { PulledDoc, SyncReplica } from './replica';
import { settingsFingerprint, syncTargetOf, type SyncSettings } from './settings';
import { sameSyncStatus, type SyncStatus } from './status';
import { failedSync, SyncPaused, SyncStopped } from './sync-outcome';

export { SyncPaused, SyncStopped } from './sync-outcome';

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
  /** Bytes of one `_bulk_docs` body at most. */
  pushRequestBytes?: number;
  pullLimit?: number;
  timeoutMs?: number;
  /** IBM Cloud IAM's token endpoint (tests point it at their own server). */
  iamTokenUrl?: string;
  /** How a wait the server asks for is waited (tests make it instant). */
  sleep?: (ms: number) => Promise<void>;
}

export interface SyncReport {
  pushed: number;
  pulled: number;
  conflicts: number;
}

const DEFAULT_TIMEOUT_MS = 30_000;

export class SyncEngine {
  private current: SyncStatus = { state: 'off' };
  private running: Promise<SyncReport> | null = null;
  private queued: Promise<SyncReport> | null = null;
  private iam: IamTokenSource | null = null;
  /** Learned for this worker's life: a 413 lowers it. */
  private readonly pushLimits: PushLimits;

  constructor(private readonly options: SyncEngineOptions) {
    this.pushLimits = {
      batchDocs: options.pushBatchSize ?? DEFAULT_PUSH_LIMITS.batchDocs,
      requestBytes: options.pushRequestBytes ?? DEFAULT_PUSH_LIMITS.requestBytes,
      requestDocs: options.pushBatchSize ?? DEFAULT_PUSH_LIMITS.requestDocs,
    };
  }

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

  /** The next sync tries the changes set aside too ("Sync now": the translator may have fixed something). */
  retrySetAside(): void {
    this.options.replica.retrySetAside = true;
  }

  /** Recounts the outbox after a local change, for "pending N". */
  async refreshStatus(): Promise<SyncStatus> {
    if (!(await this.options.settings())) return this.setStatus({ state: 'off' });
    const pending = await this.options.replica.pendingCount();
    const now = this.current;
    if (now.state === 'synced' || now.state === 'pending') {
      const setAside = await this.options.replica.setAsideCount();
      return this.setStatus(pending > 0 ? { state: 'pending', pending, ...(setAside ? { setAside } : {}) } : now);
    }
    return this.setStatus(now.state === 'off' ? { state: 'pending', pending } : { ...now, pending });
  }

  private setStatus(status: SyncStatus): SyncStatus {
    if (!sameSyncStatus(status, this.current)) {
      this.current = status;
      this.options.onStatus?.(status);
    }
    return status;
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  private credentials(settings: SyncSettings): Credentials {
    if (settings.auth === 'iam') {
      if (this.iam?.apiKey !== settings.apiKey) {
        this.iam = new IamTokenSource(settings.apiKey, { fetch: this.options.fetch, tokenUrl: this.options.iamTokenUrl, now: this.options.now });
      }
      return this.iam;
    }
    return settings.username ? basicCredentials(settings.username, settings.password) : NO_CREDENTIALS;
  }

  private async run(): Promise<SyncReport> {
    const { replica } = this.options;
    const settings = await this.options.settings();
    const report: SyncReport = { pushed: 0, pulled: 0, conflicts: 0 };
    if (!settings) {
      this.setStatus({ state: 'off' });
      return report;
    }
    const target = syncTargetOf(settings);
    if ((await replica.meta('target')) !== target) await replica.startOver(target);
    const identity = { deviceName: settings.deviceName, ...(settings.username ? { user: settings.username } : {}) };
    const known = await replica.meta('identity');
    if (known?.deviceName !== identity.deviceName || known?.user !== identity.user) await replica.setIdentity(identity);

    const fingerprint = settingsFingerprint(settings);
    const refusal = await replica.meta('loginRefused');
    if (refusal?.settings === fingerprint) {
      // Every failed login counts towards the server's lockout: nothing is asked until the settings change.
      this.setStatus({ state: 'login-refused', pending: await replica.pendingCount(), reason: refusal.reason, ...(settings.auth === 'iam' ? { iam: true } : {}) });
      throw new SyncStopped();
    }
    const lockedUntil = (await replica.meta('lockedUntil')) ?? 0;
    if (lockedUntil > this.now()) {
      this.setStatus({ state: 'locked-out', pending: await replica.pendingCount(), until: lockedUntil });
      throw new SyncPaused(lockedUntil - this.now());
    }

    const timeoutMs = this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const client = new CouchClient({
      serverUrl: settings.serverUrl,
      database: settings.database,
      credentials: this.credentials(settings),
      fetch: this.options.fetch,
      timeoutMs,
      sleep: this.options.sleep,
    });
    this.setStatus({ state: 'syncing', pending: await replica.pendingCount() });
    try {
      // First, alone: a refused login stops here, after one request.
      const info = await client.databaseInfo();
      const database = databaseIdentity(info);
      const restarted = await this.tieCheckpoint(database, info);
      const apply = (pulled: PulledDoc[], related: ReadonlyMap<string, unknown>, checkpoint?: string | number) =>
        this.apply(pulled, related, checkpoint, report);
      const pusher = new Pusher(replica, client, this.pushLimits, report, async (pulled, related) => void (await apply(pulled, related)));
      await pusher.pushAll();
      const pulled = await pullChanges({
        replica,
        client,
        // What was just pushed comes back in the feed: then only ids and revisions are worth asking for.
        revisionsOnly: report.pushed > 0 || restarted,
        database,
        defaultLimit: this.options.pullLimit,
        timeoutMs,
        given: pusher.given,
        apply,
      });
      report.pulled += pulled.pulled;
      if (pulled.everyId && (restarted || pulled.restarted)) await replica.requeueMissing(pulled.everyId);
      if (pulled.queued || pulled.restarted || restarted) await pusher.pushAll();
      await this.pruneBranches(client);
      await replica.setMeta('lockedUntil', undefined);
      const pending = await replica.pendingCount();
      const setAside = await replica.setAsideCount();
      const extra = setAside ? { setAside } : {};
      this.setStatus(pending > 0 ? { state: 'pending', pending, ...extra } : { state: 'synced', at: this.now(), ...extra });
      return report;
    } catch (error) {
      const { status, thrown, loginRefused, lockedUntil: until } = failedSync(error, await replica.pendingCount(), this.now(), settings);
      if (loginRefused) await replica.setMeta('loginRefused', { ...loginRefused, settings: fingerprint });
      if (until) await replica.setMeta('lockedUntil', until);
      this.setStatus(status);
      throw thrown;
    } finally {
      replica.retrySetAside = false;
    }
  }

  /**
   * The checkpoint goes with the database it came from: another one at the same address (what
   * `GET /{db}` reports differs) means reading the feed from its start. Returns whether it does.
   */
  private async tieCheckpoint(database: string, info: Record<string, unknown>): Promise<boolean> {
    const { replica } = this.options;
    const [stored, checkpoint] = [await replica.meta('database'), await replica.meta('checkpoint')];
    if (checkpointFits(stored, database, checkpoint, info)) return false;
    // A first sync, or a checkpoint kept from before databases had an identity here: adopted as it is.
    if (stored === undefined && checkpointFits(database, database, checkpoint, info) && sameSeqShape(checkpoint, info.update_seq)) {
      await replica.setMeta('database', database);
      return false;
    }
    await replica.restartFeed(database);
    return true;
  }

  private async apply(pulled: PulledDoc[], related: ReadonlyMap<string, unknown>, checkpoint: string | number | undefined, report: SyncReport) {
    const applied = await this.options.replica.applyRemote(pulled, related, checkpoint);
    report.conflicts += applied.conflicts;
    if (applied.drafts.length || applied.posts.length) await this.options.onRemoteChanges?.(applied);
    return applied;
  }

  /**
   * Deletes the losing branches of documents whose merged version is on the server, so they do not
   * pile up (docs/src/replication/conflicts.rst: "deletes of the other revs"). Each request names a
   * document once; a branch gone already (409, 404) is done.
   */
  private async pruneBranches(client: CouchClient): Promise<void> {
    const due = await this.options.replica.branchesToPrune();
    const rounds: Array<Array<{ _id: string; _rev: string; _deleted: true }>> = [];
    for (const [docId, revs] of Object.entries(due)) {
      revs.forEach((rev, i) => (rounds[i] ??= []).push({ _id: docId, _rev: rev, _deleted: true }));
    }
    for (const tombstones of rounds) {
      const results = await client.bulkDocs(tombstones);
      const done: Record<string, string[]> = {};
      for (const result of results) {
        const tombstone = tombstones.find((t) => t._id === result.id);
        if (tombstone && (!result.error || result.error === 'conflict' || result.error === 'not_found')) {
          (done[result.id] ??= []).push(tombstone._rev);
        }
      }
      await this.options.replica.pruned(done);
    }
  }
}

function sameSeqShape(checkpoint: unknown, updateSeq: unknown): boolean {
  return checkpoint === undefined || (typeof checkpoint === 'number') === (typeof updateSeq === 'number');
}
