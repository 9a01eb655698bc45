// What a post record keeps of WordPress on this device: the post's id on its site (from its page)
// and, per target language, the WordPress post its drafts went to. Neither is synced: both say
// where this reader's browser found and left things.
import type { PostRecord, PostSnapshot, WordPressDraft } from '../model';
import type { DraftStore } from '../store/draft-store';

/** The WordPress fields a record being rewritten keeps: the page's newer id, else the known one. */
export function keptWordPressFields(
  known: PostRecord | undefined,
  seen?: Pick<PostSnapshot, 'wordpressPostId'>,
): Pick<PostRecord, 'wordpressPostId' | 'wordpressDrafts'> {
  const kept: Pick<PostRecord, 'wordpressPostId' | 'wordpressDrafts'> = {};
  const postId = seen?.wordpressPostId ?? known?.wordpressPostId;
  if (postId !== undefined) kept.wordpressPostId = postId;
  if (known?.wordpressDrafts) kept.wordpressDrafts = known.wordpressDrafts;
  return kept;
}

/** Records that the post's drafts in `lang` were saved in WordPress as `draft`. */
export async function recordWordPressDraft(store: DraftStore, postKey: string, lang: string, draft: WordPressDraft): Promise<void> {
  const tx = store.db.transaction('posts', 'readwrite');
  const post = await tx.store.get(postKey);
  if (post) await tx.store.put({ ...post, wordpressDrafts: { ...post.wordpressDrafts, [lang]: draft } });
  await tx.done;
}

/** The posts this site's WordPress post `postId` is: the source itself, or a translation saved there. */
export function postsOfWordPressId(posts: readonly PostRecord[], origin: string, postId: number): Array<{ post: PostRecord; lang: string | null }> {
  const found: Array<{ post: PostRecord; lang: string | null }> = [];
  for (const post of posts) {
    if (originOf(post.url) !== origin) continue;
    for (const [lang, draft] of Object.entries(post.wordpressDrafts ?? {})) {
      if (draft.site === origin && draft.postId === postId) found.push({ post, lang });
    }
    if (post.wordpressPostId === postId) found.push({ post, lang: null });
  }
  return found;
}

export function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}
