// A kind of server document (drafts, posts' sources, …): how its local records become documents to
// push, how a server document and its conflict branches merge back in, and which records to queue
// when starting over. The replica and the engine only ever go through this interface, so a new kind
// of document plugs in with a module implementing it, one line in sync-kinds.ts, a prefix in
// doc-ids.ts and a tag in the outbox's target type (utils/store/schema.ts).
import type { IDBPTransaction, StoreNames } from 'idb';
import type { DraftRecord, PostRecord, Segment } from '../model';
import type { ChangeFeedEntry } from '../store/change-feed';
import type { InterlinearDB, OutboxEntry, RemoteRevision, SyncIdentity } from '../store/schema';
import type { DeviceClock } from './device-clock';

export type SyncStore = StoreNames<InterlinearDB>;
export type ReadTx = IDBPTransaction<InterlinearDB, SyncStore[], IDBTransactionMode>;
export type WriteTx = IDBPTransaction<InterlinearDB, SyncStore[], 'readwrite'>;

/** What every server document has. */
export interface ServerDoc {
  _id: string;
  _rev?: string;
  type: string;
}

/** The documents one outbox entry pushes. */
export interface PushDocs {
  doc: ServerDoc;
  /** Documents the server must have before `doc` (a post's source parts), not known there yet. */
  before?: ServerDoc[];
}

export interface BuildContext {
  /** The revision of the document the server last had from or gave this device. */
  known: RemoteRevision | undefined;
  /** Who writes this device's changes, once sync is set up. */
  identity: SyncIdentity | undefined;
  /** What `prefetch` read for the whole batch (IndexedDB answers one request at a time). */
  cache: Map<string, unknown>;
}

/** What merging server documents changed here. */
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

export interface ApplyContext {
  tx: WriteTx;
  /** What `prefetch` read for the whole call. */
  cache: Map<string, unknown>;
  clock: DeviceClock;
  changes: AppliedChanges;
  /** What memory must take in that leaves no revision (utils/store/change-feed.ts): noted with the merge. */
  feed: Required<ChangeFeedEntry>;
  /** The revision this device last knew of the document (before this merge). */
  known: RemoteRevision | undefined;
  /** The server now has this revision (the winning one, when there are branches). */
  remember(revision: RemoteRevision): Promise<void>;
  /** Queues the document for push when the merge made what the server lacks; else clears its entry. */
  settleOutbox(docId: string, target: OutboxEntry['target'], needsPush: boolean): Promise<void>;
  /** These losing branches go once the merged version is on the server. */
  pruneBranches(docId: string, revs: string[]): void;
}

export interface SyncKind {
  /** The outbox target's tag (`entry.target[0]`). */
  readonly name: OutboxEntry['target'][0];
  /** The IndexedDB stores its records live in (transactions are opened over them). */
  readonly stores: readonly SyncStore[];
  /** Whether documents with this id are of this kind (parts included). */
  ownsId(docId: string): boolean;
  /** The documents to push for an outbox entry, from its record as it is now; null when it is gone. */
  build(tx: ReadTx, entry: OutboxEntry, context: BuildContext): Promise<PushDocs | null>;
  /** The outbox target of a server document of this kind (as `parse` returned it). */
  targetOf(doc: ServerDoc): OutboxEntry['target'];
  /**
   * Reads the records of many targets at once into `cache`, before they are built or merged: a
   * sync handles thousands, and one IndexedDB request each would cost more than the network.
   */
  prefetch?(tx: ReadTx, targets: Array<OutboxEntry['target']>, cache: Map<string, unknown>): Promise<void>;
  /** Further documents a server document needs before it can be read (a post's parts). */
  needs?(raw: unknown): string[];
  /** Documents only ever read through another (a post's parts): the feed's rows of them are skipped. */
  isPart?(docId: string): boolean;
  /** A server document of this kind, checked; null when it is not one to merge (or lacks a part). */
  parse(raw: unknown, related: ReadonlyMap<string, unknown>): ServerDoc | null;
  /** Merges a server document, and its conflict branches, into the store (rules: merge.ts). */
  apply(context: ApplyContext, doc: ServerDoc, branches: ServerDoc[]): Promise<void>;
  /** An outbox entry for each record of this kind whose document is not among `skip`. */
  everyEntry(tx: WriteTx, skip: ReadonlySet<string>): Promise<OutboxEntry[]>;
}

/**
 * A write issued without waiting for it: requests of one transaction run in order, and waiting for
 * each would cost a task per write, thousands in a sync. A failure still fails the transaction,
 * whose `done` the caller awaits.
 */
export function queued(request: Promise<unknown>): void {
  request.catch(() => undefined);
}
