// The IndexedDB schema and its upgrade path. Every schema change adds a case to `upgradeSchema`
// and a test that opens a database made by the version before it.
import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { DraftRecord, PostRecord, RevisionRecord } from '../model';

export const DB_NAME = 'interlinear';
export const DB_VERSION = 1;

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
}

type UpgradeTx = IDBPTransaction<InterlinearDB, StoreNames<InterlinearDB>[], 'versionchange'>;

export function upgradeSchema(db: IDBPDatabase<InterlinearDB>, oldVersion: number, _tx: UpgradeTx): void {
  // Fall through on purpose: a database at version N runs every step after N.
  switch (oldVersion) {
    case 0: {
      const posts = db.createObjectStore('posts', { keyPath: 'key' });
      posts.createIndex('byLastSeen', 'lastSeen');
      const drafts = db.createObjectStore('drafts', { keyPath: ['postKey', 'lang', 'segmentId'] });
      drafts.createIndex('byPostLang', ['postKey', 'lang']);
      drafts.createIndex('byUpdatedAt', 'updatedAt');
      const revisions = db.createObjectStore('revisions', { autoIncrement: true });
      revisions.createIndex('bySegment', ['postKey', 'lang', 'segmentId']);
    }
  }
}
