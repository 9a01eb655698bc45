// The background's answers for the dashboard: a post's drafts shown by its key (without its page),
// and deleting all of a post's drafts in one language, undoably.
import { t } from '../i18n';
import { canonicalTag } from '../languages';
import type { Handlers, Message, TabPost } from '../messaging';
import { progressOf, type DeletedDrafts, type DraftRecord } from '../model';
import type { DraftStore } from '../store/draft-store';

export interface DashboardPorts {
  store: DraftStore;
  recentLanguages(): Promise<string[]>;
  /** Sets the badge of every tab showing the post, after its drafts changed. */
  refreshBadgesOf(postKey: string): Promise<void>;
  broadcast(message: Message): void;
}

/** What a delete removed, so that it can be undone: the segments whose drafts became tombstones. */
export function dashboardHandlers(ports: DashboardPorts): Handlers {
  return {
    'post:get-drafts': ({ postKey, lang }) => postDrafts(ports, postKey, lang),
    'drafts:delete-post': ({ postKey, lang }) => deletePostDrafts(ports, postKey, lang),
    'drafts:restore': ({ postKey, lang, segmentIds }) => restoreDrafts(ports, { postKey, lang, segmentIds }),
  };
}

/**
 * A post's drafts in one language ('': the post's own target language, if it has one), as a view
 * shows them; null when the store has no such post.
 */
export async function postDrafts(ports: DashboardPorts, postKey: string, lang: string): Promise<TabPost | null> {
  const asked = lang ? canonicalTag(lang) : '';
  if (asked === null) throw new Error(t('dashboardNotALanguageTag', lang));
  const post = await ports.store.getPost(postKey);
  if (!post) return null;
  const tag = asked || post.targetLanguage || '';
  const drafts = tag ? await ports.store.getDrafts(postKey, tag) : [];
  return {
    tabId: null,
    post,
    lang: tag,
    drafts,
    progress: progressOf(post.segments, drafts),
    recentLanguages: await ports.recentLanguages(),
  };
}

/**
 * Deletes every non-empty draft of the post in that language. Each becomes a tombstone that syncs;
 * its text stays in the segment's history, which is where an undo takes it back from.
 */
export async function deletePostDrafts(ports: DashboardPorts, postKey: string, lang: string): Promise<DeletedDrafts> {
  const deleted: DraftRecord[] = [];
  for (const draft of await ports.store.getDrafts(postKey, lang)) {
    if (draft.deleted || draft.text.trim() === '') continue;
    const tombstone = await ports.store.deleteDraft(draft);
    if (tombstone) deleted.push(tombstone);
  }
  await announce(ports, postKey, lang, deleted);
  return { postKey, lang, segmentIds: deleted.map((d) => d.segmentId) };
}

/**
 * Brings back the drafts a delete removed, each with its last text and status before the delete. A draft
 * written again since (here or on another device) is newer than the undo and stays as it is.
 */
export async function restoreDrafts(ports: DashboardPorts, { postKey, lang, segmentIds }: DeletedDrafts): Promise<{ restored: number }> {
  const { store } = ports;
  const current = new Map((await store.getDrafts(postKey, lang)).map((d) => [d.segmentId, d]));
  const restored: DraftRecord[] = [];
  for (const segmentId of segmentIds) {
    if (!current.get(segmentId)?.deleted) continue;
    const revisions = await store.getRevisions(postKey, lang, segmentId);
    const last = revisions.findLast((r) => r.text.trim() !== '');
    if (last) restored.push(await store.saveDraft({ postKey, lang, segmentId, text: last.text, status: last.status ?? 'draft' }));
  }
  await announce(ports, postKey, lang, restored);
  return { restored: restored.length };
}

/** Tells every view about the changed drafts and updates the badges of tabs showing the post. */
async function announce(ports: DashboardPorts, postKey: string, lang: string, changed: DraftRecord[]): Promise<void> {
  if (changed.length === 0) return;
  const post = await ports.store.getPost(postKey);
  const progress = post ? progressOf(post.segments, await ports.store.getDrafts(postKey, lang)) : null;
  for (const draft of changed) ports.broadcast({ type: 'draft:changed', draft, progress });
  await ports.refreshBadgesOf(postKey);
}
