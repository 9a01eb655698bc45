// An imported memory unit as the sync server keeps it: one document per unit, named by a hash of
// its languages and texts, so the same unit imported on two devices is one document. Merged like
// post documents (the later stamp wins; a deletion is a tombstone); checked on the way in.
import { hashText } from '../segment/ids';
import type { MemoryUnit } from './memory-types';

export const UNIT_PREFIX = 'unit:';
const SAFE_ID = /^[a-z0-9]{22}$/;
const MAX_TEXT = 200_000;

/** The unit as it is stored, with the document's id, revision and type. */
export interface UnitDoc extends Omit<MemoryUnit, 'deleted'> {
  _id: string;
  _rev?: string;
  type: 'unit';
  deleted?: true;
}

/** The id of a unit: 106 bits of two seeded hashes of its languages and texts, in base 36. */
export function unitId(sourceLang: string, targetLang: string, source: string, target: string): string {
  const key = [sourceLang.toLowerCase(), targetLang.toLowerCase(), source, target].join('\u0000');
  return hashText(key, 11).toString(36).padStart(11, '0') + hashText(key, 12).toString(36).padStart(11, '0');
}

export function unitDocId(id: string): string {
  return `${UNIT_PREFIX}${id}`;
}

export function unitDoc(unit: MemoryUnit, rev: string | undefined): UnitDoc {
  const { id, sourceLang, targetLang, source, target, origin, at, hlc } = unit;
  const doc: UnitDoc = { _id: unitDocId(id), type: 'unit', id, sourceLang, targetLang, source, target, origin, at, hlc };
  if (rev) doc._rev = rev;
  if (unit.device) doc.device = unit.device;
  if (unit.user) doc.user = unit.user;
  if (unit.deleted) doc.deleted = true;
  return doc;
}

export function unitOfDoc(doc: UnitDoc): MemoryUnit {
  const { _id: _i, _rev: _r, type: _t, deleted, ...fields } = doc;
  return deleted ? { ...fields, deleted: true } : fields;
}

const isString = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;

/** A unit document as read from the server, or null when it is not a well-formed one. */
export function parseUnitDoc(raw: unknown, isStamp: (v: unknown) => v is string): UnitDoc | null {
  if (typeof raw !== 'object' || raw === null || (raw as { type?: unknown }).type !== 'unit') return null;
  const r = raw as Record<string, unknown>;
  if (!isString(r.id, 22) || !SAFE_ID.test(r.id) || r._id !== unitDocId(r.id)) return null;
  if (!isString(r.sourceLang, 100) || !isString(r.targetLang, 100) || !isString(r.source, MAX_TEXT) || !isString(r.target, MAX_TEXT)) return null;
  if (!isString(r.origin, 1_000) || typeof r.at !== 'number' || !isStamp(r.hlc)) return null;
  // The id names the texts: a document whose texts are not the ones its id says is not taken.
  if (unitId(r.sourceLang, r.targetLang, r.source, r.target) !== r.id) return null;
  if (r._rev !== undefined && !isString(r._rev, 200)) return null;
  const doc: UnitDoc = { _id: r._id, type: 'unit', id: r.id, sourceLang: r.sourceLang, targetLang: r.targetLang, source: r.source, target: r.target, origin: r.origin, at: r.at, hlc: r.hlc };
  if (isString(r._rev, 200)) doc._rev = r._rev;
  if (isString(r.device, 200)) doc.device = r.device;
  if (isString(r.user, 200)) doc.user = r.user;
  if (r.deleted === true) doc.deleted = true;
  return doc;
}
