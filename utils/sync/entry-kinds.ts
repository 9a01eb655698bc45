// What the team shares beside drafts and posts: glossary entries and imported memory units, one
// document each, merged as posts are (the later stamp wins, whole; a deletion is a tombstone).
import { entryOfGlossaryDoc, glossaryDoc, glossaryDocId, GLOSSARY_PREFIX, parseGlossaryDoc, type GlossaryDoc } from '../glossary/glossary-docs';
import { parseUnitDoc, unitDoc, unitDocId, unitOfDoc, UNIT_PREFIX, type UnitDoc } from '../memory/unit-docs';
import type { OutboxEntry } from '../store/schema';
import { compareHlc, isHlc } from './hlc';
import { type ApplyContext, type SyncKind, type WriteTx } from './kinds';

export type EntryDoc = GlossaryDoc | UnitDoc;
export type EntryKind = EntryDoc['type'];

type EntryListener = (kinds: Set<EntryKind>) => void;
const listeners = new Set<EntryListener>();
const pending = new WeakMap<object, Set<EntryKind>>();

/** Hears of glossary entries and units changed by sync, once their transaction has committed. */
export function onEntriesApplied(listener: EntryListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function changedInTransaction(tx: WriteTx, kind: EntryKind): void {
  let kinds = pending.get(tx);
  if (!kinds) {
    pending.set(tx, (kinds = new Set()));
    const done = kinds;
    void tx.done.then(() => listeners.forEach((listener) => listener(done))).catch(() => undefined);
  }
  kinds.add(kind);
}

/** The later stamp wins, branches included; a local version newer than the server's stays queued. */
async function applyEntry(context: ApplyContext, doc: EntryDoc, branches: EntryDoc[]): Promise<void> {
  const { clock, tx } = context;
  const versions = [doc, ...branches];
  for (const version of versions) clock.observe(version.hlc);
  const latest = versions.reduce((a, b) => (compareHlc(b.hlc, a.hlc) > 0 ? b : a));
  const store = doc.type === 'glossary' ? tx.objectStore('glossary') : tx.objectStore('memoryUnits');
  const local = await store.get(doc.id);
  const order = local ? compareHlc(latest.hlc, local.hlc) : 1;
  if (order > 0) {
    if (latest.type === 'glossary') await tx.objectStore('glossary').put(entryOfGlossaryDoc(latest));
    else {
      await tx.objectStore('memoryUnits').put(unitOfDoc(latest as UnitDoc));
      context.feed.units.push(latest.id);
    }
    changedInTransaction(tx, doc.type);
  }
  await context.remember({ docId: doc._id, rev: doc._rev!, hlc: doc.hlc });
  await context.settleOutbox(doc._id, [doc.type, doc.id], order < 0 || latest !== doc);
  if (branches.length) context.pruneBranches(doc._id, branches.map((b) => b._rev!));
}

export const glossaryKind: SyncKind = {
  name: 'glossary',
  stores: ['glossary'],
  ownsId: (docId) => docId.startsWith(GLOSSARY_PREFIX),
  targetOf: (doc) => ['glossary', (doc as GlossaryDoc).id],
  async build(tx, entry, { known }) {
    if (entry.target[0] !== 'glossary') return null;
    const record = await tx.objectStore('glossary').get(entry.target[1]);
    return record ? { doc: glossaryDoc(record, known?.rev) } : null;
  },
  parse: (raw) => parseGlossaryDoc(raw, isHlc),
  apply: (context, doc, branches) => applyEntry(context, doc as GlossaryDoc, branches as GlossaryDoc[]),
  async everyEntry(tx, skip) {
    const entries: OutboxEntry[] = [];
    for (const record of await tx.objectStore('glossary').getAll()) {
      const docId = glossaryDocId(record.id);
      if (!skip.has(docId)) entries.push({ docId, target: ['glossary', record.id], stamp: record.hlc });
    }
    return entries;
  },
};

export const unitKind: SyncKind = {
  name: 'unit',
  stores: ['memoryUnits'],
  ownsId: (docId) => docId.startsWith(UNIT_PREFIX),
  targetOf: (doc) => ['unit', (doc as UnitDoc).id],
  async build(tx, entry, { known }) {
    if (entry.target[0] !== 'unit') return null;
    const record = await tx.objectStore('memoryUnits').get(entry.target[1]);
    return record ? { doc: unitDoc(record, known?.rev) } : null;
  },
  parse: (raw) => parseUnitDoc(raw, isHlc),
  apply: (context, doc, branches) => applyEntry(context, doc as UnitDoc, branches as UnitDoc[]),
  async everyEntry(tx, skip) {
    const entries: OutboxEntry[] = [];
    for (const record of await tx.objectStore('memoryUnits').getAll()) {
      const docId = unitDocId(record.id);
      if (!skip.has(docId)) entries.push({ docId, target: ['unit', record.id], stamp: record.hlc });
    }
    return entries;
  },
};
