// A glossary entry as the sync server keeps it: one document per entry, so a team shares one
// glossary, merged like post documents (the later stamp wins; a deletion is a tombstone). What
// comes from the server is checked here: a shared database is not trusted input.
import type { GlossaryEntry } from '../memory/memory-types';

export const GLOSSARY_PREFIX = 'glossary:';
const SAFE_ID = /^[a-z0-9-]{1,64}$/;
const MAX_TERM = 500;
const MAX_NOTE = 5_000;
const MAX_FORMS = 50;

/** The entry as it is stored, with the document's id, revision and type. */
export interface GlossaryDoc extends Omit<GlossaryEntry, 'deleted'> {
  _id: string;
  _rev?: string;
  type: 'glossary';
  deleted?: true;
}

export function glossaryDocId(id: string): string {
  return `${GLOSSARY_PREFIX}${id}`;
}

export function isGlossaryId(id: string): boolean {
  return SAFE_ID.test(id);
}

export function glossaryDoc(entry: GlossaryEntry, rev: string | undefined): GlossaryDoc {
  const { id, sourceLang, targetLang, source, targets, note, avoid, updatedAt, hlc } = entry;
  const doc: GlossaryDoc = { _id: glossaryDocId(id), type: 'glossary', id, sourceLang, targetLang, source, targets, note, avoid, updatedAt, hlc };
  if (rev) doc._rev = rev;
  if (entry.device) doc.device = entry.device;
  if (entry.user) doc.user = entry.user;
  if (entry.deleted) doc.deleted = true;
  return doc;
}

export function entryOfGlossaryDoc(doc: GlossaryDoc): GlossaryEntry {
  const { _id: _i, _rev: _r, type: _t, deleted, ...fields } = doc;
  return deleted ? { ...fields, deleted: true } : fields;
}

const isString = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
const isForms = (v: unknown): v is string[] => Array.isArray(v) && v.length <= MAX_FORMS && v.every((f) => isString(f, MAX_TERM));

/** A glossary document as read from the server, or null when it is not a well-formed one. */
export function parseGlossaryDoc(raw: unknown, isStamp: (v: unknown) => v is string): GlossaryDoc | null {
  if (typeof raw !== 'object' || raw === null || (raw as { type?: unknown }).type !== 'glossary') return null;
  const r = raw as Record<string, unknown>;
  if (!isString(r.id, 64) || !isGlossaryId(r.id) || r._id !== glossaryDocId(r.id)) return null;
  if (!isString(r.sourceLang, 100) || !isString(r.targetLang, 100) || !isString(r.source, MAX_TERM) || !isString(r.note, MAX_NOTE)) return null;
  if (!isForms(r.targets) || !isForms(r.avoid) || typeof r.updatedAt !== 'number' || !isStamp(r.hlc)) return null;
  if (r._rev !== undefined && !isString(r._rev, 200)) return null;
  if ((r.device !== undefined && !isString(r.device, 200)) || (r.user !== undefined && !isString(r.user, 200))) return null;
  const doc: GlossaryDoc = {
    _id: r._id,
    type: 'glossary',
    id: r.id,
    sourceLang: r.sourceLang,
    targetLang: r.targetLang,
    source: r.source,
    targets: [...r.targets],
    note: r.note,
    avoid: [...r.avoid],
    updatedAt: r.updatedAt,
    hlc: r.hlc,
  };
  if (isString(r._rev, 200)) doc._rev = r._rev;
  if (isString(r.device, 200)) doc.device = r.device;
  if (isString(r.user, 200)) doc.user = r.user;
  if (r.deleted === true) doc.deleted = true;
  return doc;
}
