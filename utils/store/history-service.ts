// The background's answers about one segment's draft beyond typing: its history (every saved
// change), restoring an earlier text, deleting the draft (undone with `drafts:restore`), and
// confirming a draft whose source changed. Every change is a new revision: nothing is lost.
import { t } from '../i18n';
import type { Handlers, Message } from '../messaging';
import { progressOf, type DeletedDrafts, type DraftRecord, type HistoryEntry, type SegmentHistory } from '../model';
import type { DraftKey, DraftStore } from './draft-store';
import { hasText } from './source-moves';

export interface HistoryPorts {
  store: DraftStore;
  /** Sets the badge of every tab showing the post, after its drafts changed. */
  refreshBadgesOf(postKey: string): Promise<void>;
  broadcast(message: Message): void;
}

/** One saved change of a segment's draft, as the history lists it. */
/** Typing keeps a revision about every second; the newest few hundred are plenty to pick from. */
export const HISTORY_LIMIT = 300;

export function historyHandlers(ports: HistoryPorts): Handlers {
  return {
    'draft:history': (key) => segmentHistory(ports.store, key),
    'draft:restore-revision': async ({ postKey, lang, segmentId, revisionId }) => {
      const draft = await restoreRevision(ports.store, { postKey, lang, segmentId }, revisionId);
      await announce(ports, draft);
      return draft;
    },
    'draft:delete': async ({ postKey, lang, segmentId }) => {
      const current = await ports.store.db.get('drafts', [postKey, lang, segmentId]);
      // Nothing to delete (or undo) when there is no text.
      if (!current || !hasText(current)) return { postKey, lang, segmentIds: [] } satisfies DeletedDrafts;
      const tombstone = await ports.store.deleteDraft({ postKey, lang, segmentId });
      if (tombstone) await announce(ports, tombstone);
      return { postKey, lang, segmentIds: [segmentId] } satisfies DeletedDrafts;
    },
    'draft:confirm-source': async ({ postKey, lang, segmentId }) => {
      const draft = await ports.store.changeDraft({ postKey, lang, segmentId }, (current) =>
        current?.sourceChange ? { sourceChange: null } : null,
      );
      if (draft) await announce(ports, draft);
      return draft ?? null;
    },
  };
}

export async function segmentHistory(store: DraftStore, key: DraftKey): Promise<SegmentHistory> {
  const tx = store.db.transaction('revisions');
  const index = tx.store.index('bySegment');
  const range = IDBKeyRange.only([key.postKey, key.lang, key.segmentId]);
  const [ids, revisions] = await Promise.all([index.getAllKeys(range), index.getAll(range)]);
  await tx.done;
  const entries: HistoryEntry[] = revisions.map(({ postKey: _p, lang: _l, segmentId: _s, ...revision }, i) => ({
    ...revision,
    id: ids[i]!,
  }));
  // Oldest first by key; newest first for reading.
  entries.reverse();
  return { entries: entries.slice(0, HISTORY_LIMIT), total: entries.length };
}

/**
 * Makes an earlier text of the segment its current text again, as a new revision; restoring the
 * text it has already changes nothing.
 */
export async function restoreRevision(store: DraftStore, key: DraftKey, revisionId: number): Promise<DraftRecord> {
  const revision = await store.db.get('revisions', revisionId);
  if (!revision || revision.postKey !== key.postKey || revision.lang !== key.lang || revision.segmentId !== key.segmentId) {
    throw new Error(t('historyRevisionGone'));
  }
  const { text } = revision;
  const restored = await store.changeDraft(key, (current) =>
    current && !current.deleted && current.text === text ? null : text === '' ? { text: '', deleted: true } : { text, origin: 'restored' },
  );
  return restored!; // written, or already this text
}

/** Tells every view about the changed draft and updates the badges of tabs showing the post. */
async function announce(ports: HistoryPorts, draft: DraftRecord): Promise<void> {
  const post = await ports.store.getPost(draft.postKey);
  const progress = post ? progressOf(post.segments, await ports.store.getDrafts(draft.postKey, draft.lang)) : null;
  ports.broadcast({ type: 'draft:changed', draft, progress });
  await ports.refreshBadgesOf(draft.postKey);
}
