// Memory read whole from the store — every drafted segment with its source, and every imported
// unit — for TMX export, the concordance search and the list of language pairs; and imported units
// written, each queued for sync like a draft.
import type { IDBPDatabase } from 'idb';
import { canonicalTag, primaryLanguage } from '../languages';
import { noteChanges } from '../store/change-feed';
import type { DraftStore } from '../store/draft-store';
import type { InterlinearDB } from '../store/schema';
import { openDeviceClock } from '../sync/device-clock';
import { draftSource, isLiveUnit, isMemoryDraft, pairKey } from './memory-entries';
import { plainSource } from './match-text';
import type { ConcordanceHit, MemoryUnit } from './memory-types';
import type { TmxUnit } from './tmx';
import { unitDocId, unitId } from './unit-docs';

/** Every memory entry with both its texts, drafts first (newest first), then imported units. */
export async function allEntries(db: IDBPDatabase<InterlinearDB>): Promise<ConcordanceHit[]> {
  const tx = db.transaction(['drafts', 'posts', 'memoryUnits']);
  const [drafts, posts, units] = await Promise.all([
    tx.objectStore('drafts').getAll(),
    tx.objectStore('posts').getAll(),
    tx.objectStore('memoryUnits').getAll(),
  ]);
  await tx.done;
  const byKey = new Map(posts.map((p) => [p.key, { post: p, segments: new Map(p.segments.map((s) => [s.id, s])) }]));
  const hits: ConcordanceHit[] = [];
  for (const draft of drafts.sort((a, b) => b.updatedAt - a.updatedAt)) {
    const known = byKey.get(draft.postKey);
    if (!known || !isMemoryDraft(draft)) continue;
    const source = draftSource(draft, known.segments.get(draft.segmentId));
    if (!source) continue;
    hits.push({
      sourceLang: primaryLanguage(known.post.sourceLanguage) ?? 'und',
      targetLang: draft.lang,
      source,
      target: draft.text,
      title: known.post.title,
      url: known.post.url,
      at: draft.updatedAt,
    });
  }
  for (const unit of units) {
    if (!isLiveUnit(unit)) continue;
    hits.push({ sourceLang: unit.sourceLang, targetLang: unit.targetLang, source: unit.source, target: unit.target, title: null, url: null, file: unit.origin, at: unit.at });
  }
  return hits;
}

/** Entries whose source or translation holds the phrase (case and placeholders aside), at most `limit`. */
export async function searchMemory(db: IDBPDatabase<InterlinearDB>, phrase: string, limit = 50): Promise<ConcordanceHit[]> {
  const wanted = phrase.trim().toLocaleLowerCase();
  if (!wanted) return [];
  const hits: ConcordanceHit[] = [];
  for (const entry of await allEntries(db)) {
    if (plainSource(entry.source).toLocaleLowerCase().includes(wanted) || plainSource(entry.target).toLocaleLowerCase().includes(wanted)) {
      hits.push(entry);
      if (hits.length >= limit) break;
    }
  }
  return hits;
}

export interface MemoryPair {
  sourceLang: string;
  targetLang: string;
  entries: number;
}

/** The language pairs memory holds, the largest first. */
export function pairsOf(entries: ConcordanceHit[]): MemoryPair[] {
  const counts = new Map<string, MemoryPair>();
  for (const e of entries) {
    const key = pairKey(e.sourceLang, e.targetLang);
    const pair = counts.get(key) ?? { sourceLang: e.sourceLang, targetLang: e.targetLang, entries: 0 };
    pair.entries++;
    counts.set(key, pair);
  }
  return [...counts.values()].sort((a, b) => b.entries - a.entries);
}

/** The entries of one pair (or all), as TMX units. */
export function tmxUnitsOf(entries: ConcordanceHit[], pair: { sourceLang: string; targetLang: string } | null): TmxUnit[] {
  const key = pair && pairKey(pair.sourceLang, pair.targetLang);
  return entries
    .filter((e) => !key || pairKey(e.sourceLang, e.targetLang) === key)
    .map((e) => ({ sourceLang: e.sourceLang, targetLang: e.targetLang, source: e.source, target: e.target, at: e.at, ...(e.url ? { note: e.url } : {}) }));
}

export interface UnitImportReport {
  added: number;
  skipped: number;
}

/**
 * Adds imported units, skipping those memory has already (the same unit, or a draft with the same
 * source and translation), in one transaction: a failure writes nothing.
 */
export async function importUnits(store: DraftStore, units: TmxUnit[], origin: string): Promise<UnitImportReport> {
  const known = new Set((await allEntries(store.db)).map((e) => unitId(primaryLanguage(e.sourceLang) ?? 'und', e.targetLang, plainSource(e.source), e.target)));
  const tx = store.db.transaction(['memoryUnits', 'outbox', 'syncMeta', 'changeFeed'], 'readwrite');
  const clock = await openDeviceClock(tx.objectStore('syncMeta'), store.now);
  const report: UnitImportReport = { added: 0, skipped: 0 };
  const added: string[] = [];
  const writes: Promise<unknown>[] = [];
  for (const unit of units) {
    const sourceLang = primaryLanguage(unit.sourceLang) ?? 'und';
    const targetLang = canonicalTag(unit.targetLang) ?? unit.targetLang;
    const id = unitId(sourceLang, targetLang, unit.source, unit.target);
    const same = unitId(sourceLang, targetLang, plainSource(unit.source), unit.target);
    const stored = await tx.objectStore('memoryUnits').get(id);
    if ((stored && !stored.deleted) || known.has(same)) {
      report.skipped++;
      continue;
    }
    known.add(same);
    const hlc = clock.stamp(stored?.hlc);
    const record: MemoryUnit = { id, sourceLang, targetLang, source: unit.source, target: unit.target, origin, at: unit.at ?? store.now(), hlc };
    if (clock.identity) {
      record.device = clock.identity.deviceName;
      if (clock.identity.user) record.user = clock.identity.user;
    }
    writes.push(tx.objectStore('memoryUnits').put(record), tx.objectStore('outbox').put({ docId: unitDocId(id), target: ['unit', id], stamp: hlc }));
    added.push(id);
    report.added++;
  }
  writes.push(clock.save(), noteChanges(tx.objectStore('changeFeed'), { units: added }));
  await Promise.all(writes);
  await tx.done;
  if (report.added) store.onLocalChange?.();
  return report;
}
