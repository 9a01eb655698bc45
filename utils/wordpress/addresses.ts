// The WordPress addresses the hand-off reads and makes: Polylang's "new translation" form, the
// block editor's two pages, and which post a public page shows.
import { canonicalTag } from '../languages';
import type { CallToAction } from '../model';
import { safeHttpUrl } from '../safe-url';

/** What the call to action offers for drafting into `lang`. */
export type TranslationStart =
  /** Polylang's form, filled in for that language: it opens the block editor on a new translation. */
  | { kind: 'polylang'; url: string }
  /** The site's own link (a login link when logged out), as it is. */
  | { kind: 'link'; url: string }
  /** Polylang's form offers other languages only. */
  | { kind: 'not-offered' }
  | null;

/**
 * Where "start translation" leads for `lang`. Polylang's form (post-new.php with from_post) gets
 * `new_lang`: the language as the site's picker names it.
 */
export function translationStart(cta: CallToAction | null, lang: string): TranslationStart {
  const start = safeHttpUrl(cta?.startUrl);
  if (!start) return null;
  const url = new URL(start);
  if (!isPolylangForm(url)) return { kind: 'link', url: start };
  const wanted = canonicalTag(lang);
  if (!wanted) return { kind: 'link', url: start }; // no language chosen yet: the form picks one
  const offered = (cta?.targetLanguages ?? []).find((language) => canonicalTag(language.code) === wanted);
  if (!offered) return { kind: 'not-offered' };
  url.searchParams.set('new_lang', offered.code);
  return { kind: 'polylang', url: url.href };
}

function isPolylangForm(url: URL): boolean {
  return url.pathname.endsWith('/wp-admin/post-new.php') && /^\d+$/.test(url.searchParams.get('from_post') ?? '');
}

/** The block editor's page: a new post (a new translation with from_post), or an existing post's. */
export interface EditorAddress {
  /** The site's address: where its posts live and its wp-admin is. */
  origin: string;
  /** The post a new translation starts from (Polylang's from_post). */
  fromPost: number | null;
  /** The language a new translation is in (Polylang's new_lang), as the site names it. */
  newLang: string | null;
  /** The post being edited, on post.php?post=N&action=edit. */
  postId: number | null;
}

/** The editor page `url` is, or null when it is none. */
export function editorAddress(url: string | null | undefined): EditorAddress | null {
  const safe = safeHttpUrl(url);
  if (!safe) return null;
  const parsed = new URL(safe);
  const query = parsed.searchParams;
  if (parsed.pathname.endsWith('/wp-admin/post-new.php')) {
    return { origin: parsed.origin, fromPost: positiveId(query.get('from_post')), newLang: query.get('new_lang')?.trim() || null, postId: null };
  }
  if (parsed.pathname.endsWith('/wp-admin/post.php') && (query.get('action') ?? 'edit') === 'edit') {
    const postId = positiveId(query.get('post'));
    return postId === null ? null : { origin: parsed.origin, fromPost: null, newLang: null, postId };
  }
  return null;
}

/** The address of a post's page in the block editor. */
export function editPostUrl(origin: string, postId: number): string {
  return `${origin}/wp-admin/post.php?post=${postId}&action=edit`;
}

function positiveId(value: string | null | undefined): number | null {
  if (!value || !/^\d{1,15}$/.test(value.trim())) return null;
  const id = Number(value.trim());
  return id > 0 ? id : null;
}
