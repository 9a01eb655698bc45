// The WordPress addresses of the hand-off: Polylang's form for the language being drafted, the
// block editor's pages, and the WordPress id of the post a page shows.
import { describe, expect, it } from 'vitest';
import { snapshotPage } from '../../utils/detect';
import type { CallToAction } from '../../utils/model';
import { editorAddress, editPostUrl, translationStart } from '../../utils/wordpress/addresses';
import { wordpressPostIdOf } from '../../utils/wordpress/post-id';
import { fixtures, openFixture, openPage } from '../support/pages';

const POLYLANG: CallToAction = {
  startUrl: 'https://diff.wikimedia.org/wp-admin/post-new.php?post_type=post&from_post=139270&_wpnonce=3f2a9c1b7e',
  targetLanguages: [
    { code: 'ru', name: 'Русский' },
    { code: 'pt-br', name: 'Português do Brasil' },
  ],
};

describe('where “start translation” leads for the language being drafted', () => {
  it('fills in Polylang’s form with the language as the site names it', () => {
    const start = translationStart(POLYLANG, 'pt-BR');
    expect(start?.kind).toBe('polylang');
    const url = new URL((start as { url: string }).url);
    expect(Object.fromEntries(url.searchParams)).toEqual({ post_type: 'post', from_post: '139270', _wpnonce: '3f2a9c1b7e', new_lang: 'pt-br' });
  });

  it('says so when the site does not offer the language', () => {
    expect(translationStart(POLYLANG, 'fa')).toEqual({ kind: 'not-offered' });
  });

  it('keeps the site’s link as it is when logged out, or before a language is chosen', () => {
    const login = { startUrl: 'https://diff.wikimedia.org/wp-login.php?redirect_to=x', targetLanguages: [] };
    expect(translationStart(login, 'ru')).toEqual({ kind: 'link', url: login.startUrl });
    expect(translationStart(POLYLANG, '')).toEqual({ kind: 'link', url: POLYLANG.startUrl });
  });

  it('offers nothing for an address that is not the web', () => {
    expect(translationStart({ startUrl: 'javascript:alert(1)', targetLanguages: [] }, 'ru')).toBeNull();
    expect(translationStart(null, 'ru')).toBeNull();
  });
});

describe('the block editor’s pages', () => {
  it('reads a new translation’s source post and language', () => {
    expect(editorAddress('https://diff.wikimedia.org/wp-admin/post-new.php?post_type=post&from_post=139270&new_lang=ru&_wpnonce=x')).toEqual({
      origin: 'https://diff.wikimedia.org',
      fromPost: 139270,
      newLang: 'ru',
      postId: null,
    });
    expect(editorAddress('https://blog.example.org/wp/wp-admin/post-new.php')).toMatchObject({ origin: 'https://blog.example.org', fromPost: null, newLang: null });
  });

  it('reads the post being edited', () => {
    expect(editorAddress('https://diff.wikimedia.org/wp-admin/post.php?post=42&action=edit')).toMatchObject({ postId: 42, fromPost: null });
    expect(editPostUrl('https://diff.wikimedia.org', 42)).toBe('https://diff.wikimedia.org/wp-admin/post.php?post=42&action=edit');
  });

  it('is none elsewhere', () => {
    for (const url of [
      'https://diff.wikimedia.org/2024/09/05/post/',
      'https://diff.wikimedia.org/wp-admin/post.php?post=42&action=trash',
      'https://diff.wikimedia.org/wp-admin/post.php?post=x&action=edit',
      'chrome://extensions/',
      null,
    ]) {
      expect(editorAddress(url)).toBeNull();
    }
  });
});

describe('the WordPress id of the post a page shows', () => {
  it('comes from the call to action’s from_post on the logged-in Diff post, and from postid-N logged out', () => {
    for (const name of ['diff-central-asia-wikimania-2024.logged-in.html', 'diff-central-asia-wikimania-2024.html']) {
      const { doc, address } = openFixture(new URL(name, fixtures));
      expect(wordpressPostIdOf(doc)).toBe(139270);
      expect(snapshotPage(doc, address)?.wordpressPostId).toBe(139270);
    }
  });

  it('comes from the shortlink, and is undefined on a page that names none', () => {
    expect(wordpressPostIdOf(openPage('<head><link rel="shortlink" href="https://blog.example.org/?p=88"></head><body class="home"></body>'))).toBe(88);
    expect(wordpressPostIdOf(openPage('<body class="postid-abc"><input name="from_post" value="0"></body>'))).toBeUndefined();
  });
});
