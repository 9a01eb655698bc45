// Drafts as server documents: one per (post, language, segment). Pushing builds the document from
// the draft as it is now; merging folds the server's conflict branches, then merges the result
// into the local draft (merge.ts), keeping every losing text in history and flagged for review.
import type { DraftRecord, RevisionRecord } from '../model';
import type { OutboxEntry } from '../store/schema';
import { draftDocId, DRAFT_PREFIX } from './doc-ids';
import { draftDoc, draftDocWithin, parseDraftDoc, segmentStateOf, segmentStateOfDoc, type DraftDoc } from './documents';
import { hlcAt, hlcTime } from './hlc';
import type { ApplyContext, SyncKind } from './kinds';
import { foldBranches, mergeSegment, newToHistory, sameSegmentState } from './merge';

export const draftKind: SyncKind = {
  name: 'draft',
  stores: ['drafts', 'revisions'],

  ownsId: (docId) => docId.startsWith(DRAFT_PREFIX),

  async build(tx, entry, { known, identity }) {
    if (entry.target[0] !== 'draft') return null;
    const [, postKey, lang, segmentId] = entry.target;
    const draft = await tx.objectStore('drafts').get([postKey, lang, segmentId]);
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
  const local = await drafts.get(key);
  const localState = local ? segmentStateOf({ ...local, hlc: local.hlc ?? hlcAt(local.updatedAt, clock.deviceId) }) : null;
  const merged = mergeSegment(localState, folded.state, known?.hlc ?? null, clock.deviceId);
  if (merged.conflict) changes.conflicts++;
  // Branch texts not flagged (stamped before the last review) still go to history, once.
  const flagged = new Set([merged.state.hlc, ...merged.newHistory.map((e) => e.hlc), ...(localState?.concurrentEdits ?? []).map((e) => e.hlc)]);
  const unflagged = newToHistory(folded.lost, flagged, clock.deviceId);
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
    await drafts.put(draft);
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
    for (const revision of kept) await tx.objectStore('revisions').add(withoutUndefined(revision));
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
