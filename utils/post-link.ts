// The address of a post's drafts shown without its page: `sidepanel.html?post=<key>&lang=<tag>`.
import { canonicalTag } from './languages';

export interface PostRef {
  postKey: string;
  lang: string;
}

/** The query that names a post's drafts in one language, for the side panel page opened as a tab. */
export function postDraftsQuery({ postKey, lang }: PostRef): string {
  return `?${new URLSearchParams({ post: postKey, lang })}`;
}

/**
 * The post a view's address names (`?post=…&lang=…`), or null. Without a language the post's own
 * target language is meant (''); a malformed one is kept as it is, for the background to refuse.
 */
export function pinnedPost(search: string): PostRef | null {
  const params = new URLSearchParams(search);
  const postKey = params.get('post');
  if (!postKey) return null;
  const lang = params.get('lang')?.trim() ?? '';
  return { postKey, lang: canonicalTag(lang) ?? lang };
}
