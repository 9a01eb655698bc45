// The always-on script's first look (utils/detect/first-look.ts) decides whether the page reader is
// loaded at all: it must never miss a page the detector detects. It may let a look-alike through
// (the page reader then says no), but not a page that only mentions translating in its prose.
import { describe, expect, it } from 'vitest';
import { everyFixturePage, openFixture, openPage } from '../support/pages';
import { detectPage } from '../../utils/detect';
import { mayAskForTranslation } from '../../utils/detect/first-look';

const pages = everyFixturePage().map((file) => {
  const { doc, address } = openFixture(file);
  return { name: file.pathname.split('/').slice(-2).join('/'), detected: detectPage(doc, address).detected, looked: mayAskForTranslation(doc) };
});

describe('the first look', () => {
  it('lets through every page the detector detects (the corpus, its held-out third, the other fixtures)', () => {
    const missed = pages.filter((page) => page.detected && !page.looked).map((page) => page.name);
    expect(pages.filter((page) => page.detected).length).toBeGreaterThan(50);
    expect(missed).toEqual([]);
  });

  it('passes over a post that only mentions translating in its prose', () => {
    // Look-alikes that word translating in a heading, box or link are let through: the reader turns them down.
    expect(pages.find((page) => page.name === 'fixtures/no-cta-post.html')?.looked).toBe(false);
  });

  it('looks where the detector looks: a worded box, a platform link, a translate route, Polylang, the Diff link', () => {
    const look = (body: string) => mayAskForTranslation(openPage(`<!doctype html><html><body>${body}</body></html>`));
    expect(look('<article><p>This post tells how our volunteers work on translation projects in many languages.</p></article>')).toBe(false);
    expect(look('<aside class="notice"><h3>Help us translate this article!</h3></aside>')).toBe(true);
    expect(look('<p>Translate it on <a href="https://translatewiki.net/wiki/Special:Translate?group=page-News">translatewiki.net</a>: help translate this page.</p>')).toBe(true);
    expect(look('<div class="x"><p>Taimaka mana: <a href="https://crowdin.com/project/x">Crowdin</a></p></div>')).toBe(true);
    expect(look('<p><a href="/es/translate/docs/intro">Ayuda</a></p>')).toBe(true);
    expect(look('<a href="/wp-admin/post-new.php?post_type=post&from_post=12&new_lang=fr">+</a>')).toBe(true);
    expect(look('<a href="#translate-post">Translate this post</a>')).toBe(true);
    expect(look('<p>Can you help us translate this post?</p>')).toBe(true);
    expect(look('<p>Nothing here.</p>')).toBe(false);
    expect(look('<p>This post does not ask anyone to translate it.</p><p>It has <a href="/x">a link</a>.</p>')).toBe(false);
    expect(look('<p>Help us translate it.</p><p><a class="button" href="https://forms.gle/x">Sign up</a></p>')).toBe(true);
  });
});
