// When a post is seen again with other text, its drafts follow their paragraphs (matched by
// utils/segment/reanchor.ts). Nothing is dropped: a draft whose source changed moves to its new
// segment flagged with the old source; a draft whose paragraph was removed stays under its old id,
// flagged with the removed text, and shows in the post's orphaned drafts.
import type { DraftRecord, PostRecord, PostSnapshot, Segment } from '../model';
import { reanchorSegments, type SegmentFate } from '../segment/reanchor';
import type { DraftStore } from './draft-store';

/** A draft with text: the only kind worth following (empty ones and tombstones have nothing to lose). */
export function hasText(draft: DraftRecord): boolean {
  return !draft.deleted && draft.text.trim() !== '';
}

/**
 * Records a post as seen, first moving its drafts (every language) to where their paragraphs went
 * when its segments changed. Answers the post and the drafts that changed.
 */
export async function savePostFollowingDrafts(
  store: DraftStore,
  snapshot: PostSnapshot,
): Promise<{ post: PostRecord; changed: DraftRecord[] }> {
  const known = await store.getPost(snapshot.key);
  // Drafts move before the post is saved: stopped in between, the next sighting moves them again
  // (and a move already made is found made).
  const changed = known ? await followParagraphs(store, known.key, known.segments, snapshot.segments) : [];
  return { post: await store.savePost(snapshot), changed };
}

/** Moves and flags the drafts of a post whose segments went from `before` to `after`. */
export async function followParagraphs(
  store: DraftStore,
  postKey: string,
  before: readonly Segment[],
  after: readonly Segment[],
): Promise<DraftRecord[]> {
  if (sameSegments(before, after)) return [];
  const fates = reanchorSegments(before, after);
  if (fates.length === 0) return [];
  const drafts = await draftsOfPost(store, postKey);
  const byKey = new Map(drafts.map((d) => [`${d.lang}\n${d.segmentId}`, d]));
  const changed: DraftRecord[] = [];
  for (const fate of fates) {
    for (const draft of drafts) {
      if (draft.segmentId !== fate.from || !hasText(draft)) continue;
      changed.push(...(await applyFate(store, draft, fate, byKey.get(`${draft.lang}\n${fateTarget(fate)}`))));
    }
  }
  return changed;
}

/** Every draft of a post, in every language: keys [postKey, lang, …] sort between these two. */
function draftsOfPost(store: DraftStore, postKey: string): Promise<DraftRecord[]> {
  return store.db.getAllFromIndex('drafts', 'byPostLang', IDBKeyRange.bound([postKey], [postKey, []]));
}

function fateTarget(fate: SegmentFate): string {
  return fate.kind === 'moved' ? fate.to : fate.from;
}

function sameSegments(a: readonly Segment[], b: readonly Segment[]): boolean {
  return a.length === b.length && a.every((s, i) => s.id === b[i]!.id && s.text === b[i]!.text);
}

async function applyFate(
  store: DraftStore,
  draft: DraftRecord,
  fate: SegmentFate,
  target: DraftRecord | undefined,
): Promise<DraftRecord[]> {
  const key = { postKey: draft.postKey, lang: draft.lang, segmentId: draft.segmentId };
  // A draft flagged already and not yet confirmed translates the oldest text: keep that one.
  const sourceChange = { oldText: draft.sourceChange?.oldText ?? fate.oldText };
  const flag = () => store.changeDraft(key, (current) => (current && !current.sourceChange ? { sourceChange } : null));
  if (fate.kind === 'removed') return written(await flag());
  if (fate.to === fate.from) return fate.sourceChanged ? written(await flag()) : [];
  if (target && hasText(target) && target.text !== draft.text) {
    // The new segment has a draft of its own (written since, here or elsewhere): both are kept,
    // this one as an orphan with the source it translated.
    return written(await flag());
  }
  const out: DraftRecord[] = [];
  if (!target || target.text !== draft.text) {
    const moved = await store.changeDraft({ ...key, segmentId: fate.to }, () => ({
      text: draft.text,
      origin: 'moved',
      ...(draft.status === 'done' && !fate.sourceChanged ? { status: 'done' as const } : {}),
      sourceChange: fate.sourceChanged || draft.sourceChange ? sourceChange : null,
    }));
    out.push(...written(moved));
  }
  // The old segment gets a tombstone, so every synced device agrees the draft moved.
  out.push(...written(await store.deleteDraft(key)));
  return out;
}

function written(draft: DraftRecord | undefined): DraftRecord[] {
  return draft ? [draft] : [];
}
