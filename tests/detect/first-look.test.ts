// @vitest-environment jsdom
// The always-on script's first look (utils/detect/first-look.ts) decides whether the page reader is
// loaded at all: it must never miss a page the detector detects. It may let a look-alike through
// (the page reader then says no), but not a page that only mentions translating in its prose.
// It has two ways to find the elements around the word "translate": XPath (short), and a walk over
// every place where the word runs across elements. Both must answer alike. The first look reads
// pages in jsdom here: it asks the DOM for XPath, as browsers have it, and happy-dom has none.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { everyFixturePage, openFixture } from '../support/pages';
import { detectPage } from '../../utils/detect';
import { mayAskForTranslation } from '../../utils/detect/first-look';

/** The page in a DOM with XPath, as a browser has it (its scripts do not run). */
function withXPath(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

/** The page with its texts hidden from XPath, so the first look walks every place instead. */
function walkingEveryPlace(html: string): Document {
  const doc = withXPath(html);
  const evaluate = doc.evaluate.bind(doc);
  doc.evaluate = ((expression, ...rest) => evaluate(expression.includes('text()') ? '/..' : expression, ...rest)) as Document['evaluate'];
  return doc;
}

const pages = everyFixturePage().map((file) => {
  const { doc, address } = openFixture(file);
  const html = readFileSync(file, 'utf8');
  return {
    name: file.pathname.split('/').slice(-2).join('/'),
    detected: detectPage(doc, address).detected,
    looked: mayAskForTranslation(withXPath(html)),
    walked: mayAskForTranslation(walkingEveryPlace(html)),
  };
});

/** The first look at a body, both ways; they must agree. */
function look(body: string): boolean {
  const html = `<!doctype html><html><body>${body}</body></html>`;
  const looked = mayAskForTranslation(withXPath(html));
  expect(mayAskForTranslation(walkingEveryPlace(html)), `the two ways differ on ${body.slice(0, 80)}`).toBe(looked);
  return looked;
}

describe('the first look', () => {
  it('lets through every page the detector detects (the corpus, its held-out third, the other fixtures)', () => {
    const missed = pages.filter((page) => page.detected && !page.looked).map((page) => page.name);
    expect(pages.filter((page) => page.detected).length).toBeGreaterThan(50);
    expect(missed).toEqual([]);
  });

  it('answers alike by XPath and by walking every place, on every fixture page', () => {
    const differ = pages.filter((page) => page.looked !== page.walked).map((page) => page.name);
    expect(pages.filter((page) => page.looked).length).toBeGreaterThan(50);
    expect(differ).toEqual([]);
  });

  it('passes over a post that only mentions translating in its prose', () => {
    // Look-alikes that word translating in a heading, box or link are let through: the reader turns them down.
    expect(pages.find((page) => page.name === 'fixtures/no-cta-post.html')?.looked).toBe(false);
  });

  it('looks where the detector looks: a worded box, a platform link, a translate route, Polylang, the Diff link', () => {
    expect(look('<article><p>This post tells how our volunteers work on translation projects in many languages.</p></article>')).toBe(false);
    expect(look('<aside class="notice"><h3>Help us translate this article!</h3></aside>')).toBe(true);
    expect(look('<p>Translate it on <a href="https://translatewiki.net/wiki/Special:Translate?group=page-News">translatewiki.net</a>: help translate this page.</p>')).toBe(true);
    expect(look('<div class="x"><p>Taimaka mana: <a href="https://crowdin.com/project/x">Crowdin</a></p></div>')).toBe(true);
    expect(look('<p><a href="/es/translate/docs/intro">Ayuda</a></p>')).toBe(true);
    // Addresses in any case: a host written in capitals, a route in title case.
    expect(look('<p><a href="https://CROWDIN.COM/project/x">Crowdin</a></p>')).toBe(true);
    expect(look('<p><a href="/Tradurre/Articolo">Aiuta</a></p>')).toBe(true);
    expect(look(`<ul>${'<li><a href="/2024/page/">Page</a></li>'.repeat(300)}<li><a href="https://poeditor.com/join/x">Join</a></li></ul>`)).toBe(true);
    expect(look('<a href="/wp-admin/post-new.php?post_type=post&from_post=12&new_lang=fr">+</a>')).toBe(true);
    expect(look('<a href="#translate-post">Translate this post</a>')).toBe(true);
    expect(look('<p>Can you help us translate this post?</p>')).toBe(true);
    expect(look('<p>Nothing here.</p>')).toBe(false);
    expect(look('<p>This post does not ask anyone to translate it.</p><p>It has <a href="/x">a link</a>.</p>')).toBe(false);
    expect(look('<p>Help us translate it.</p><p><a class="button" href="https://forms.gle/x">Sign up</a></p>')).toBe(true);
  });

  it('weighs only the elements around the word, in any case and any language it knows', () => {
    const menu = `<nav><ul>${'<li><a href="/topic/">Topic</a></li>'.repeat(200)}</ul></nav>`;
    const prose = `<article>${'<p>Volunteers met, edited and wrote about their week together.</p>'.repeat(200)}`;
    expect(look(`${menu}${prose}<p>We spoke of translation tools at length.</p></article>`)).toBe(false);
    expect(look(`${menu}${prose}<div class="callout"><h2>CAN YOU HELP US TRANSLATE THIS ARTICLE?</h2></div></article>`)).toBe(true);
    expect(look(`${menu}${prose}<aside><p>ПОМОГИТЕ ПЕРЕВЕСТИ ЭТУ СТАТЬЮ</p></aside></article>`)).toBe(true);
    expect(look(`${menu}${prose}<p>¿Puedes ayudarnos a <a href="/ayuda">traducir</a> este artículo?</p></article>`)).toBe(true);
    // A mention long enough to be prose, in a block that asks nothing.
    expect(look(`${prose}<p>${'We translate. '.repeat(60)}Why?</p></article>`)).toBe(false);
  });

  // jsdom's XPath names an XHTML page's elements anyway: tests/e2e/first-look.test.ts checks Chromium's.
  it('reads the links of an XHTML page', () => {
    const xhtml = (body: string) =>
      new DOMParser().parseFromString(`<html xmlns="http://www.w3.org/1999/xhtml"><body>${body}</body></html>`, 'application/xhtml+xml');
    expect(mayAskForTranslation(xhtml('<p><a href="https://crowdin.com/project/x">Crowdin</a></p>'))).toBe(true);
    expect(mayAskForTranslation(xhtml('<p><a href="/about/">About</a></p>'))).toBe(false);
  });

  it('finds the word where markup splits it, in any case, and in several places at once', () => {
    expect(look('<article><p>Long prose.</p><h2>Help us TrAnSlAtE this article</h2></article>')).toBe(true);
    expect(look('<article><p>Long prose.</p><h2>Help us <em>Trans</em>late this article</h2></article>')).toBe(true);
    expect(look('<p>Trans<b>lation</b> is fun.</p><p>We translate too.</p><aside><span>Help us TRANSLATE this</span></aside>')).toBe(true);
    expect(look('<p>Trans<b>lation</b> is fun.</p><p>We translate too.</p>')).toBe(false);
  });
});
