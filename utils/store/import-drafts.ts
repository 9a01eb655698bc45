// Merges an import plan into the store, in one transaction: each imported text becomes a new
// revision of its segment (an identical text is skipped; the text it replaces stays in history),
// a backup's history is added where this browser lacks it, and anything that fails leaves the
// store as it was.
import type { IDBPTransaction } from 'idb';
import type { ImportPlan, ImportTarget, ImportUnit } from '../export/import-plan';
import { t, tCount } from '../i18n';
import type { DraftRecord, PostRecord, RevisionRecord } from '../model';
import { normaliseText } from '../segment/ids';
import { stripTokens } from '../segment/placeholders';
import { openDeviceClock, type DeviceClock } from '../sync/device-clock';
import { draftDocId, postDocId } from '../sync/doc-ids';
import type { DraftStore } from './draft-store';
import type { InterlinearDB } from './schema';

export interface ImportReportItem {
  postKey: string;
  title: string | null;
  lang: string;
  segmentId: string;
  imported: boolean;
  /** What happened, or why not, in the UI language. */
  reason: string;
}

export interface ImportReport {
  imported: number;
  skipped: number;
  items: ImportReportItem[];
  /** The drafts written, so views and badges can follow. */
  changed: DraftRecord[];
}

const STORES = ['posts', 'drafts', 'revisions', 'outbox', 'syncMeta'] as const;
type ImportTx = IDBPTransaction<InterlinearDB, typeof STORES extends readonly (infer S)[] ? S[] : never, 'readwrite'>;

/** Applies a validated plan. Throws (having written nothing) if any write fails. */
export async function importDrafts(store: DraftStore, plan: ImportPlan): Promise<ImportReport> {
  const tx = store.db.transaction([...STORES], 'readwrite') as ImportTx;
  const report: ImportReport = { imported: 0, skipped: 0, items: [], changed: [] };
  try {
    const clock = await openDeviceClock(tx.objectStore('syncMeta'), store.now);
    for (const target of plan.targets) await importTarget(tx, clock, store.now(), target, report);
    await clock.save();
    await tx.done;
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // already finished by the failure itself
    }
    await tx.done.catch(() => undefined);
    throw error;
  }
  if (report.changed.length) store.onLocalChange?.();
  return report;
}

async function importTarget(tx: ImportTx, clock: DeviceClock, now: number, target: ImportTarget, report: ImportReport) {
  const { lang } = target;
  let post = await findPost(tx, target.postKey);
  if (!post && target.post) post = await createPost(tx, clock, now, target);
  const postKey = post?.key ?? target.postKey;
  const note = (unit: ImportUnit, imported: boolean, reason: string) => {
    report.items.push({ postKey, title: post?.title ?? null, lang, segmentId: unit.segmentId, imported, reason });
    if (imported) report.imported++;
    else report.skipped++;
  };
  if (!post) {
    for (const unit of target.units) note(unit, false, t('importReasonPostNotHere'));
    return;
  }
  const sources = new Map(post.segments.map((s) => [s.id, s.text]));
  // One read of the drafts and one of the history for the whole post; the writes are queued
  // without waiting on each, and awaited together.
  const drafts = new Map(
    (await tx.objectStore('drafts').index('byPostLang').getAll([postKey, lang])).map((d) => [d.segmentId, d]),
  );
  const history = new Map<string, RevisionRecord[]>();
  const range = IDBKeyRange.bound([postKey, lang], [postKey, lang, []]);
  for (const revision of await tx.objectStore('revisions').index('bySegment').getAll(range)) {
    const list = history.get(revision.segmentId);
    if (list) list.push(revision);
    else history.set(revision.segmentId, [revision]);
  }
  const writes: Promise<unknown>[] = [];
  try {
    const seen = new Set<string>();
    for (const unit of target.units) {
      if (seen.has(unit.segmentId)) {
        note(unit, false, t('importReasonDuplicate'));
        continue;
      }
      seen.add(unit.segmentId);
      const storedSource = sources.get(unit.segmentId);
      // A draft of a removed paragraph is still kept, with the paragraph it translated, as an orphan.
      if (storedSource === undefined && !unit.source) {
        note(unit, false, t('importReasonParagraphGone'));
        continue;
      }
      const ids = { postKey, lang, segmentId: unit.segmentId };
      const known = { draft: drafts.get(unit.segmentId), history: history.get(unit.segmentId) ?? [] };
      const outcome = importUnit(tx, clock, now, ids, unit, storedSource, known, writes);
      if (outcome.draft) report.changed.push(outcome.draft);
      note(unit, outcome.imported, outcome.reason);
    }
  } catch (error) {
    // The transaction aborts: the writes already queued fail with it, and are no news.
    void Promise.allSettled(writes);
    throw error;
  }
  await Promise.all(writes);
}

interface UnitOutcome {
  imported: boolean;
  reason: string;
  draft?: DraftRecord;
}

function importUnit(
  tx: ImportTx,
  clock: DeviceClock,
  now: number,
  ids: { postKey: string; lang: string; segmentId: string },
  unit: ImportUnit,
  storedSource: string | undefined,
  stored: { draft: DraftRecord | undefined; history: RevisionRecord[] },
  writes: Promise<unknown>[],
): UnitOutcome {
  const known = stored.history;
  const { added, lastRev } = mergeHistory(tx, ids, unit, known, writes);
  // Whole sentences: a note wraps the reason it adds to.
  const withHistory = (reason: string) => (added ? tCount('importReasonHistoryAdded', added, reason) : reason);
  const skip = (reason: string): UnitOutcome => ({ imported: false, reason: withHistory(reason) });

  if (unit.skipReason) return skip(unit.skipReason);
  if (unit.text === '') return skip(t('importReasonDeletedInBackup'));
  const translated = unit.source === undefined ? undefined : normaliseText(stripTokens(unit.source));
  const sourceChange = translated !== undefined && translated !== normaliseText(storedSource ?? '') ? { oldText: translated } : undefined;
  const current = stored.draft;
  const status = unit.status ?? 'draft';
  const live = current && !current.deleted ? current : undefined;
  if (live && live.text === unit.text && (live.status ?? 'draft') === status) return skip(t('importReasonSameText'));

  // A first restore of a backup takes the backup's last revision as it is, rather than repeating it.
  const last = unit.history?.at(-1);
  const restoring = known.length === 0 && added > 0 && last?.text === unit.text;
  const at = restoring ? last!.at : Math.max(now, current?.updatedAt ?? 0);
  const rev = restoring ? lastRev : Math.max(current?.rev ?? 0, lastRev) + 1;
  const hlc = clock.stamp(current?.hlc);
  const draft: DraftRecord = { ...ids, text: unit.text, status, rev, updatedAt: at, hlc, ...authorOf(clock) };
  if (current?.concurrentEdits?.length) draft.concurrentEdits = current.concurrentEdits;
  if (current?.reviewedAt) draft.reviewedAt = current.reviewedAt;
  if (sourceChange) draft.sourceChange = sourceChange;
  writes.push(
    tx.objectStore('drafts').put(draft),
    tx.objectStore('outbox').put({ docId: draftDocId(ids.postKey, ids.lang, ids.segmentId), target: ['draft', ids.postKey, ids.lang, ids.segmentId], stamp: hlc }),
  );
  if (!restoring) {
    const revision: RevisionRecord = { ...ids, rev, text: unit.text, at, hlc, ...authorOf(clock), origin: 'imported', status };
    writes.push(tx.objectStore('revisions').add(revision));
  }
  const flagged = (reason: string) =>
    storedSource === undefined
      ? t('importReasonOrphaned', reason)
      : sourceChange
        ? t('importReasonSourceChanged', reason)
        : reason;
  if (restoring) return { imported: true, reason: flagged(t('importReasonRestored')), draft };
  const reason =
    live && live.text === unit.text
      ? t(status === 'done' ? 'importReasonMarkedDone' : 'importReasonMarkedDraft')
      : live
        ? t('importReasonNewRevision')
        : t('importReasonNewDraft');
  return { imported: true, reason: withHistory(flagged(reason)), draft };
}

/**
 * Adds the backup's revisions this browser does not have (same time and text), oldest first.
 * Answers how many it added and the highest revision number the segment has now.
 */
function mergeHistory(
  tx: ImportTx,
  ids: { postKey: string; lang: string; segmentId: string },
  unit: ImportUnit,
  known: RevisionRecord[],
  writes: Promise<unknown>[],
) {
  let rev = known.reduce((max, r) => Math.max(max, r.rev), 0);
  if (!unit.history?.length) return { added: 0, lastRev: rev };
  const have = new Set(known.map((r) => `${r.at}\u0000${r.text}`));
  let added = 0;
  for (const entry of unit.history) {
    const id = `${entry.at}\u0000${entry.text}`;
    if (have.has(id)) continue;
    have.add(id);
    // Into an empty history the backup's numbers go as they were; after others, they follow on.
    rev = known.length === 0 && entry.rev !== undefined && entry.rev > rev ? entry.rev : rev + 1;
    const revision: RevisionRecord = { ...ids, rev, text: entry.text, at: entry.at };
    if (entry.status) revision.status = entry.status;
    if (entry.device !== undefined) revision.device = entry.device;
    if (entry.user !== undefined) revision.user = entry.user;
    if (entry.hlc !== undefined) revision.hlc = entry.hlc;
    revision.origin = isOrigin(entry.origin) ? entry.origin : 'imported';
    writes.push(tx.objectStore('revisions').add(revision));
    added++;
  }
  return { added, lastRev: rev };
}

/**
 * The post a file names: by its key, else by the address without query and fragment, else by the
 * address the translator opened it at (XLIFF names a post by that address).
 */
async function findPost(tx: ImportTx, address: string): Promise<PostRecord | undefined> {
  const posts = tx.objectStore('posts');
  const known = await posts.get(address);
  if (known) return known;
  const bare = address.replace(/[?#].*$/s, '');
  const byBare = bare !== address ? await posts.get(bare) : undefined;
  if (byBare) return byBare;
  for (let cursor = await posts.openCursor(); cursor; cursor = await cursor.continue()) {
    if (cursor.value.url === address) return cursor.value;
  }
  return undefined;
}

/** A post this browser has not seen, as the backup describes it; queued for sync like a seen post. */
async function createPost(tx: ImportTx, clock: DeviceClock, now: number, target: ImportTarget): Promise<PostRecord> {
  const described = target.post!;
  const record: PostRecord = {
    key: target.postKey,
    url: described.url,
    title: described.title,
    sourceLanguage: described.sourceLanguage,
    cta: null,
    segments: described.segments,
    targetLanguage: target.lang,
    firstSeen: described.firstSeen ?? now,
    lastSeen: described.lastSeen ?? now,
    hlc: clock.stamp(),
  };
  await tx.objectStore('posts').add(record);
  await tx.objectStore('outbox').put({ docId: postDocId(record.key), target: ['post', record.key], stamp: record.hlc! });
  return record;
}

function isOrigin(origin: string | undefined): origin is NonNullable<RevisionRecord['origin']> {
  return ['local', 'pulled', 'concurrent', 'imported', 'restored', 'moved', 'memory'].includes(origin as string);
}

function authorOf(clock: DeviceClock): { device?: string; user?: string } {
  const identity = clock.identity;
  if (!identity) return {};
  return identity.user ? { device: identity.deviceName, user: identity.user } : { device: identity.deviceName };
}
