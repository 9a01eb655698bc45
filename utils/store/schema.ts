// The IndexedDB schema and its upgrade path. Every schema change adds a case to `upgradeSchema`
// and a test that opens a database made by the version before it.
import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { DraftRecord, PostRecord, RevisionRecord } from '../model';
import type { GlossaryEntry, MemoryUnit } from '../memory/memory-types';
import type { StoredIndex } from '../memory/index-snapshot';
import type { StoredMatches } from '../memory/stored-matches';
import type { ChangeFeedEntry } from './change-feed';
import { draftDocId, postDocId } from '../sync/doc-ids';
import { hlcAt, newDeviceId } from '../sync/hlc';

export const DB_NAME = 'interlinear';
export const DB_VERSION = 3;

/** What an outbox entry will push: a draft, a post's source, a glossary entry or an imported memory unit (by id). */
export type OutboxTarget = ['draft', string, string, string] | ['post', string] | ['glossary', string] | ['unit', string];

/**
 * A local change waiting to reach the sync server: one per server document, so a later change
 * replaces the pending one and a batch never carries one id twice. The document body is built
 * when pushing, from the record as it is then.
 */
export interface OutboxEntry {
  docId: string;
  target: OutboxTarget;
  /** The clock stamp of the change that queued it: a push clears the entry only if unchanged. */
  stamp: string;
}

/** The server revision this device last pushed or pulled for a document, and that text's stamp. */
export interface RemoteRevision {
  docId: string;
  rev: string;
  hlc: string;
  /** A post's head: the parts of its source that version names (utils/sync/post-documents.ts). */
  parts?: string[];
}

/** A change the server would not take, kept here and left out of pushes until it changes. */
export interface SetAsideDoc {
  /** The outbox entry's stamp when it was set aside: a later change is tried again. */
  stamp: string;
  target: OutboxTarget;
  /** The server's error code and words, or Interlinear's own for a document too large to send. */
  error: string;
  reason: string;
  at: number;
}

/** The server refused the login: sync waits for other settings (the 3.4 lockout counts failures). */
export interface LoginRefusal {
  /** Which settings were refused (a hash: server, database, user and secret). */
  settings: string;
  status: number;
  reason: string;
  at: number;
}

/** Who writes this device's changes, as the history shows them. */
export interface SyncIdentity {
  deviceName: string;
  user?: string;
}

/** Keys of the `syncMeta` store, and what each holds. */
export interface SyncMeta {
  /** This device's clock node id, made once. */
  deviceId: string;
  /** The latest clock stamp this device made or saw. */
  clock: string;
  identity: SyncIdentity;
  /** The `_changes` position pulled up to: opaque, sent back as it came. */
  checkpoint: string | number;
  /** The server and database the checkpoint and remote revisions belong to. */
  target: string;
  /** What `GET /{db}` said of the database the checkpoint belongs to (utils/sync/database-identity.ts). */
  database: string;
  /** Documents set aside, by id. */
  setAside: Record<string, SetAsideDoc>;
  /** Losing conflict branches to delete once the merged version is on the server: id → revisions. */
  pruneBranches: Record<string, string[]>;
  loginRefused: LoginRefusal;
  /** The server locked the login out (403) until then (ms). */
  lockedUntil: number;
  /** `_changes` page size, smaller after pages timed out on a slow link. */
  pullLimit: number;
}

export interface InterlinearDB extends DBSchema {
  posts: { key: string; value: PostRecord; indexes: { byLastSeen: number } };
  drafts: {
    key: [string, string, string];
    value: DraftRecord;
    indexes: { byPostLang: [string, string]; byUpdatedAt: number };
  };
  revisions: {
    key: number;
    value: RevisionRecord;
    indexes: { bySegment: [string, string, string] };
  };
  outbox: { key: string; value: OutboxEntry };
  remoteRevs: { key: string; value: RemoteRevision };
  syncMeta: { key: keyof SyncMeta; value: SyncMeta[keyof SyncMeta] };
  /** The team's glossary: one entry per term of a language pair. */
  glossary: { key: string; value: GlossaryEntry; indexes: { byPair: [string, string] } };
  /** Translation memory that is no draft: units imported from TMX files. */
  memoryUnits: { key: string; value: MemoryUnit; indexes: { byPair: [string, string] } };
  /** Changes that leave no revision, for the memory index to catch up from (utils/store/change-feed.ts). */
  changeFeed: { key: number; value: ChangeFeedEntry };
  /**
   * The memory index as stored: its packed part ('packed') and what changed since ('delta'); and
   * the matches worked out ahead ('matches').
   */
  memoryIndex: { key: StoredIndex['kind'] | StoredMatches['kind']; value: StoredIndex | StoredMatches };
}

type UpgradeTx = IDBPTransaction<InterlinearDB, StoreNames<InterlinearDB>[], 'versionchange'>;

export function upgradeSchema(db: IDBPDatabase<InterlinearDB>, oldVersion: number, tx: UpgradeTx): void {
  // A database at version N runs every step after N.
  if (oldVersion < 1) {
    const posts = db.createObjectStore('posts', { keyPath: 'key' });
    posts.createIndex('byLastSeen', 'lastSeen');
    const drafts = db.createObjectStore('drafts', { keyPath: ['postKey', 'lang', 'segmentId'] });
    drafts.createIndex('byPostLang', ['postKey', 'lang']);
    drafts.createIndex('byUpdatedAt', 'updatedAt');
    const revisions = db.createObjectStore('revisions', { autoIncrement: true });
    revisions.createIndex('bySegment', ['postKey', 'lang', 'segmentId']);
  }
  if (oldVersion < 2) {
    // Sync: the outbox, the server's revisions, the checkpoint and this device's clock.
    db.createObjectStore('outbox', { keyPath: 'docId' });
    db.createObjectStore('remoteRevs', { keyPath: 'docId' });
    db.createObjectStore('syncMeta');
    const deviceId = newDeviceId();
    void tx.objectStore('syncMeta').put(deviceId, 'deviceId');
    void queueExistingForSync(tx, deviceId);
  }
  if (oldVersion < 3) {
    // Memory and glossary: drafts are the memory as they are; these hold what is not a draft.
    db.createObjectStore('glossary', { keyPath: 'id' }).createIndex('byPair', ['sourceLang', 'targetLang']);
    db.createObjectStore('memoryUnits', { keyPath: 'id' }).createIndex('byPair', ['sourceLang', 'targetLang']);
    // The memory index, stored so that a worker start reads it instead of every draft.
    db.createObjectStore('changeFeed', { autoIncrement: true });
    db.createObjectStore('memoryIndex');
  }
}

/**
 * Drafts and posts written before sync existed get a clock stamp from their own time and an
 * outbox entry, so the first sync uploads them. Runs inside the upgrade transaction.
 */
async function queueExistingForSync(tx: UpgradeTx, deviceId: string): Promise<void> {
  const outbox = tx.objectStore('outbox');
  let latest = hlcAt(0, deviceId);
  for (let cursor = await tx.objectStore('drafts').openCursor(); cursor; cursor = await cursor.continue()) {
    const draft = cursor.value;
    draft.hlc = hlcAt(draft.updatedAt, deviceId);
    if (draft.hlc > latest) latest = draft.hlc;
    void cursor.update(draft);
    void outbox.put({
      docId: draftDocId(draft.postKey, draft.lang, draft.segmentId),
      target: ['draft', draft.postKey, draft.lang, draft.segmentId],
      stamp: draft.hlc,
    });
  }
  for (let cursor = await tx.objectStore('posts').openCursor(); cursor; cursor = await cursor.continue()) {
    const post = cursor.value;
    post.hlc = hlcAt(post.lastSeen, deviceId);
    if (post.hlc > latest) latest = post.hlc;
    void cursor.update(post);
    void outbox.put({ docId: postDocId(post.key), target: ['post', post.key], stamp: post.hlc });
  }
  void tx.objectStore('syncMeta').put(latest, 'clock');
}
