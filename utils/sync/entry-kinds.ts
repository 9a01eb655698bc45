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

/** A kind whose record is one store's record, its document the record with an id, revision and type. */
function entryKind<Doc extends EntryDoc, Record extends { id: string; hlc: string }>(kind: {
  name: Doc['type'];
  store: 'glossary' | 'memoryUnits';
  prefix: string;
  docId(id: string): string;
  docOf(record: Record, rev: string | undefined): Doc;
  parse(raw: unknown): Doc | null;
}): SyncKind {
  return {
    name: kind.name,
    stores: [kind.store],
    ownsId: (docId) => docId.startsWith(kind.prefix),
    targetOf: (doc) => [kind.name, (doc as Doc).id],
    async build(tx, entry, { known }) {
      if (entry.target[0] !== kind.name) return null;
      const record = (await tx.objectStore(kind.store).get(entry.target[1])) as Record | undefined;
      return record ? { doc: kind.docOf(record, known?.rev) } : null;
    },
    parse: (raw) => kind.parse(raw),
    apply: (context, doc, branches) => applyEntry(context, doc as Doc, branches as Doc[]),
    async everyEntry(tx, skip) {
      const entries: OutboxEntry[] = [];
      for (const record of (await tx.objectStore(kind.store).getAll()) as unknown as Record[]) {
        const docId = kind.docId(record.id);
        if (!skip.has(docId)) entries.push({ docId, target: [kind.name, record.id], stamp: record.hlc });
      }
      return entries;
    },
  };
}

export const glossaryKind = entryKind({
  name: 'glossary',
  store: 'glossary',
  prefix: GLOSSARY_PREFIX,
  docId: glossaryDocId,
  docOf: glossaryDoc,
  parse: (raw) => parseGlossaryDoc(raw, isHlc),
});

export const unitKind = entryKind({
  name: 'unit',
  store: 'memoryUnits',
  prefix: UNIT_PREFIX,
  docId: unitDocId,
  docOf: unitDoc,
  parse: (raw) => parseUnitDoc(raw, isHlc),
});
