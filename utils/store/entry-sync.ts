// Sync of what the team shares beside drafts and posts: glossary entries and imported memory
// units, one document each. The replica (utils/sync/replica.ts) calls these inside its own
// transactions — to build the document an outbox entry pushes, to merge a pulled document, and to
// queue everything for a new server — so the entries keep the drafts' guarantees.
import type { IDBPTransaction, StoreNames } from 'idb';
import { compareHlc, isHlc } from '../sync/hlc';
import type { DeviceClock } from '../sync/device-clock';
import { GLOSSARY_PREFIX, entryOfGlossaryDoc, glossaryDoc, glossaryDocId, parseGlossaryDoc, type GlossaryDoc } from '../glossary/glossary-docs';
import { UNIT_PREFIX, parseUnitDoc, unitDoc, unitDocId, unitOfDoc, type UnitDoc } from '../memory/unit-docs';
import type { InterlinearDB, OutboxTarget } from './schema';

/** The stores these need in the replica's transactions. */
export const ENTRY_STORES = ['glossary', 'memoryUnits'] as const;

export type EntryDoc = GlossaryDoc | UnitDoc;
export type EntryKind = EntryDoc['type'];

type Tx = IDBPTransaction<InterlinearDB, ArrayLike<StoreNames<InterlinearDB>>, 'readwrite' | 'readonly'>;
type WriteTx = IDBPTransaction<InterlinearDB, ArrayLike<StoreNames<InterlinearDB>>, 'readwrite'>;

export function isEntryDocId(id: string): boolean {
  return id.startsWith(GLOSSARY_PREFIX) || id.startsWith(UNIT_PREFIX);
}

export function isEntryTarget(target: OutboxTarget): target is ['glossary', string] | ['unit', string] {
  return target[0] === 'glossary' || target[0] === 'unit';
}

/** The document to push for an outbox entry of a glossary entry or unit; null when it is gone. */
export async function entryOutboxDoc(tx: Tx, target: ['glossary', string] | ['unit', string], rev: string | undefined): Promise<EntryDoc | null> {
  if (target[0] === 'glossary') {
    const entry = await tx.objectStore('glossary').get(target[1]);
    return entry ? glossaryDoc(entry, rev) : null;
  }
  const unit = await tx.objectStore('memoryUnits').get(target[1]);
  return unit ? unitDoc(unit, rev) : null;
}

export function parseEntryDoc(raw: unknown): EntryDoc | null {
  return parseGlossaryDoc(raw, isHlc) ?? parseUnitDoc(raw, isHlc);
}

type EntryListener = (kinds: Set<EntryKind>) => void;
const listeners = new Set<EntryListener>();
const pending = new WeakMap<object, Set<EntryKind>>();

/** Hears of glossary entries and units changed by sync, once their transaction has committed. */
export function onEntriesApplied(listener: EntryListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Merges one pulled document: the later stamp wins, as for posts. Records the server's revision
 * and settles the outbox: a local version newer than the server's stays queued for push. Answers
 * whether the local entry changed.
 */
export async function applyEntryDoc(tx: WriteTx, doc: EntryDoc, clock: DeviceClock): Promise<boolean> {
  clock.observe(doc.hlc);
  const store = doc.type === 'glossary' ? tx.objectStore('glossary') : tx.objectStore('memoryUnits');
  const local = await store.get(doc.id);
  const order = local ? compareHlc(doc.hlc, local.hlc) : 1;
  if (order > 0) {
    await (doc.type === 'glossary' ? tx.objectStore('glossary').put(entryOfGlossaryDoc(doc)) : tx.objectStore('memoryUnits').put(unitOfDoc(doc)));
    let kinds = pending.get(tx);
    if (!kinds) {
      pending.set(tx, (kinds = new Set()));
      const done = kinds;
      void tx.done.then(() => listeners.forEach((listener) => listener(done))).catch(() => undefined);
    }
    kinds.add(doc.type);
  }
  await tx.objectStore('remoteRevs').put({ docId: doc._id, rev: doc._rev!, hlc: doc.hlc });
  const outbox = tx.objectStore('outbox');
  const queued = await outbox.get(doc._id);
  if (order < 0 && !queued) await outbox.put({ docId: doc._id, target: [doc.type, doc.id], stamp: clock.stamp() });
  if (order >= 0 && queued) await outbox.delete(doc._id);
  return order > 0;
}

/** Queues every glossary entry and unit not queued yet, for a server that may have none. */
export async function queueEntriesForSync(tx: WriteTx, queued: Set<string>): Promise<void> {
  const outbox = tx.objectStore('outbox');
  for (const entry of await tx.objectStore('glossary').getAll()) {
    const docId = glossaryDocId(entry.id);
    if (!queued.has(docId)) void outbox.put({ docId, target: ['glossary', entry.id], stamp: entry.hlc });
  }
  for (const unit of await tx.objectStore('memoryUnits').getAll()) {
    const docId = unitDocId(unit.id);
    if (!queued.has(docId)) void outbox.put({ docId, target: ['unit', unit.id], stamp: unit.hlc });
  }
}
