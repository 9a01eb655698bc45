// Drafts as server documents: one per (post, language, segment). Pushing builds the document from
// the draft as it is now; merging folds the server's conflict branches, then merges the result
// into the local draft (merge.ts), keeping every losing text in history and flagged for review.
import type { DraftRecord, RevisionRecord } from '../model';
import type { OutboxEntry } from '../store/schema';
import { draftDocId, DRAFT_PREFIX } from './doc-ids';
import { draftDoc, draftDocWithin, parseDraftDoc, segmentStateOf, segmentStateOfDoc, type DraftDoc } from './documents';
import { hlcAt, hlcTime } from './hlc';
import { queued, type ApplyContext, type ReadTx, type SyncKind } from './kinds';
import { foldBranches, mergeSegment, newToHistory, sameSegmentState } from './merge';

/**
 * A post's drafts in one language are read in one request when at least this share of them is
 * wanted (a first sync wants them all); else one request each, which costs less for a few. A
 * push keeps what it read for its later batches.
 */
const READ_TOGETHER_SHARE = 1 / 8;
const READ_TOGETHER_MIN = 32;

const cacheKey = (key: readonly [string, string, string]) => JSON.stringify(['draft', ...key]);

/**
 * A draft as prefetched into the cache, or read now. With `stamp` (building a push), a cached
 * record counts only if it is the version the outbox entry was queued for.
 */
async function draftOf(tx: ReadTx, key: [string, string, string], cache: Map<string, unknown>, stamp?: string): Promise<DraftRecord | undefined> {
  const cached = cache.get(cacheKey(key)) as DraftRecord | null | undefined;
  if (cached === null && stamp === undefined) return undefined;
  if (cached && (stamp === undefined || cached.hlc === stamp)) return cached;
  return tx.objectStore('drafts').get(key);
}

export const draftKind: SyncKind = {
  name: 'draft',
  stores: ['drafts', 'revisions'],

  ownsId: (docId) => docId.startsWith(DRAFT_PREFIX),

  targetOf: (doc) => {
    const { post, lang, segment } = doc as DraftDoc;
    return ['draft', post, lang, segment];
  },

  async prefetch(tx, targets, cache) {
    const groups = new Map<string, Array<[string, string, string]>>();
    for (const target of targets) {
      if (target[0] !== 'draft' || cache.has(cacheKey([target[1], target[2], target[3]]))) continue;
      const group = JSON.stringify([target[1], target[2]]);
      const keys = groups.get(group) ?? [];
      keys.push([target[1], target[2], target[3]]);
      groups.set(group, keys);
    }
    const drafts = tx.objectStore('drafts');
    await Promise.all(
      [...groups.values()].map(async (keys) => {
        const [postKey, lang] = keys[0]!;
        const all = IDBKeyRange.bound([postKey, lang, ''], [postKey, lang, []]); // arrays sort after every string
        if (keys.length < READ_TOGETHER_MIN || keys.length < READ_TOGETHER_SHARE * (await drafts.count(all))) {
          const found = await Promise.all(keys.map((key) => drafts.get(key)));
          keys.forEach((key, i) => cache.set(cacheKey(key), found[i] ?? null));
          return;
        }
        for (const key of keys) cache.set(cacheKey(key), null);
        for (const draft of await drafts.getAll(all)) cache.set(cacheKey([draft.postKey, draft.lang, draft.segmentId]), draft);
      }),
    );
  },

  async build(tx, entry, { known, identity, cache }) {
    if (entry.target[0] !== 'draft') return null;
    const [, postKey, lang, segmentId] = entry.target;
    const draft = await draftOf(tx, [postKey, lang, segmentId], cache, entry.stamp);
    if (!draft?.hlc) return null;
    // Drafts from before sync carry no author: they were written on this device.
    const authored = draft.device ? draft : { ...draft, device: identity?.deviceName, user: identity?.user };
    const doc = draftDoc(authored, known?.rev, known?.hlc);
    // Still too large without its older flags: the push sets it aside, saying so.
    return { doc: draftDocWithin(doc) ?? doc };
  },

  parse: (raw) => parseDraftDoc(raw),

  async apply(context, doc, branches) {
    await applyDraft(context, doc as DraftDoc, branches as DraftDoc[]);
  },

  async everyEntry(tx, skip) {
    const store = tx.objectStore('drafts');
    // Keys first, records only for what is missing: reading every draft would cost more than the push.
    const missing = (await store.getAllKeys()).filter((key) => !skip.has(draftDocId(...key)));
    const drafts = await Promise.all(missing.map((key) => store.get(key)));
    return drafts.flatMap((d): OutboxEntry[] =>
      d?.hlc ? [{ docId: draftDocId(d.postKey, d.lang, d.segmentId), target: ['draft', d.postKey, d.lang, d.segmentId], stamp: d.hlc }] : [],
    );
  },
};

/** Merges one server draft (and its branches) into the local one. */
async function applyDraft(context: ApplyContext, doc: DraftDoc, branches: DraftDoc[]): Promise<void> {
  const { clock, changes, known, tx } = context;
  for (const version of [doc, ...branches]) {
    clock.observe(version.hlc);
    if (version.reviewedAt) clock.observe(version.reviewedAt);
  }
  const served = segmentStateOfDoc(doc);
  const folded = foldBranches([served, ...branches.map(segmentStateOfDoc)]);
  if (folded.conflict) changes.conflicts++;
  const key: [string, string, string] = [doc.post, doc.lang, doc.segment];
  const drafts = tx.objectStore('drafts');
  const local = await draftOf(tx, key, context.cache);
  const localState = local ? segmentStateOf({ ...local, hlc: local.hlc ?? hlcAt(local.updatedAt, clock.deviceId) }) : null;
  const merged = mergeSegment(localState, folded.state, known?.hlc ?? null, clock.deviceId);
  if (merged.conflict) changes.conflicts++;
  // Branch texts not flagged (stamped before the last review), and a text overwritten by one that
  // never saw it, still go to history, once.
  const flagged = new Set([merged.state.hlc, ...merged.newHistory.map((e) => e.hlc), ...(localState?.concurrentEdits ?? []).map((e) => e.hlc)]);
  const unflagged = newToHistory([...folded.lost, ...merged.overwritten], flagged, clock.deviceId);
  const inHistory = unflagged.length ? new Set((await tx.objectStore('revisions').index('bySegment').getAll(key)).map((r) => r.hlc)) : new Set();
  const historyOnly = unflagged.filter((e) => !inHistory.has(e.hlc));
  if (merged.localChanged || historyOnly.length) {
    const { state } = merged;
    const rev = (local?.rev ?? 0) + (merged.textChanged || merged.statusChanged || !local ? 1 : 0);
    const draft: DraftRecord = {
      postKey: doc.post,
      lang: doc.lang,
      segmentId: doc.segment,
      text: state.text,
      rev,
      updatedAt: merged.textChanged || merged.statusChanged ? Math.max(local?.updatedAt ?? 0, hlcTime(state.hlc)) : local!.updatedAt,
      hlc: state.hlc,
    };
    if (state.device) draft.device = state.device;
    if (state.user) draft.user = state.user;
    if (state.deleted) draft.deleted = true;
    if (state.concurrentEdits.length) draft.concurrentEdits = state.concurrentEdits;
    if (state.reviewedAt) draft.reviewedAt = state.reviewedAt;
    if (state.sourceChange) draft.sourceChange = state.sourceChange;
    if (state.status) draft.status = state.status;
    queued(drafts.put(draft));
    context.cache.set(cacheKey(key), draft); // a document met twice in one call sees its first merge
    // History: the other devices' texts kept for review, then the text that is current now.
    const ids = { postKey: doc.post, lang: doc.lang, segmentId: doc.segment, rev };
    const kept: RevisionRecord[] = [...historyOnly, ...merged.newHistory].map((e) => ({
      ...ids, text: e.text, at: hlcTime(e.hlc), hlc: e.hlc, device: e.device, user: e.user, origin: 'concurrent',
    }));
    if (merged.textChanged || merged.statusChanged) {
      kept.push({
        ...ids, text: state.text, at: hlcTime(state.hlc), hlc: state.hlc, device: state.device, user: state.user, origin: 'pulled', status: state.status,
      });
    }
    for (const revision of kept) queued(tx.objectStore('revisions').add(withoutUndefined(revision)));
    // A flag changed without a new text (a source confirmed elsewhere): no revision tells memory.
    if (!merged.textChanged && !merged.statusChanged) context.feed.drafts.push(key);
    changes.drafts.push(draft);
  }
  await context.remember({ docId: doc._id, rev: doc._rev!, hlc: doc.hlc });
  // With branches, the server needs the merged version on its winning revision before they go.
  const needsPush = branches.length > 0 ? !sameSegmentState(merged.state, served) : merged.needsPush;
  await context.settleOutbox(doc._id, ['draft', ...key], needsPush);
  if (branches.length) context.pruneBranches(doc._id, branches.map((b) => b._rev!));
}

function withoutUndefined<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as T;
}
