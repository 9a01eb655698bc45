// The always-on script's first look (utils/detect/first-look.ts) decides whether the page reader is
// loaded at all: it must never miss a page the detector detects, nor load it for a page the
// detector passes over.
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { openFixture, openPage, fixtures } from '../support/pages';
import { detectPage } from '../../utils/detect';
import { mayAskForTranslation } from '../../utils/detect/first-look';

const htmlFiles = (dir: URL) =>
  readdirSync(dir)
    .filter((file) => file.endsWith('.html'))
    .map((file) => new URL(file, dir));

const pages = [...htmlFiles(new URL('corpus/', fixtures)), ...htmlFiles(fixtures)].map(
  (file) => {
    const { doc, address } = openFixture(file);
    return { name: file.pathname.split('/').slice(-2).join('/'), detected: detectPage(doc, address).detected, looked: mayAskForTranslation(doc) };
  },
);

describe('the first look', () => {
  it('lets through every page the detector detects (the corpus and the other fixtures)', () => {
    const missed = pages.filter((page) => page.detected && !page.looked).map((page) => page.name);
    expect(pages.filter((page) => page.detected).length).toBeGreaterThan(20);
    expect(missed).toEqual([]);
  });

  it('passes over every page the detector does not detect: look-alikes, indexes, the no-call-to-action post', () => {
    const loadedForNothing = pages.filter((page) => !page.detected && page.looked).map((page) => page.name);
    expect(pages.filter((page) => !page.detected).map((page) => page.name)).toContain('fixtures/no-cta-post.html');
    expect(loadedForNothing).toEqual([]);
  });

  it('looks at the same places as the detector: a worded box, a platform link, Polylang, the Diff link', () => {
    const look = (body: string) => mayAskForTranslation(openPage(`<!doctype html><html><body>${body}</body></html>`));
    expect(look('<article><p>This post tells how our volunteers work on translation projects in many languages.</p></article>')).toBe(false);
    expect(look('<aside class="notice"><h3>Help us translate this article!</h3></aside>')).toBe(true);
    expect(look('<p>Translate it on <a href="https://translatewiki.net/wiki/Special:Translate?group=page-News">translatewiki.net</a>: help translate this page.</p>')).toBe(true);
    expect(look('<a href="/wp-admin/post-new.php?post_type=post&from_post=12&new_lang=fr">+</a>')).toBe(true);
    expect(look('<a href="#translate-post">Translate this post</a>')).toBe(true);
    expect(look('<p>Nothing here.</p>')).toBe(false);
  });
});
