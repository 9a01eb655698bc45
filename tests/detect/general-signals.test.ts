// Detection by what an element is and where it sits, not by a theme's selectors: a notice of any
// class at the article's edge, a platform link in a box with no words a table knows, a rendered
// reader-translation widget, a call to action's button beside its box, furniture in the body, and
// the article's own heading as its title.
import { describe, expect, it } from 'vitest';
import { detectPage } from '../../utils/detect';
import { openPage } from '../support/pages';

const URL_ = 'https://blog.example.org/2025/01/01/post/';
const detect = (body: string, head = '') =>
  detectPage(openPage(`<!doctype html><html lang="en"><head>${head}</head><body>${body}</body></html>`, URL_), URL_);
const post = (content: string, title = '<h1 class="entry-title">A post</h1>') =>
  `<article>${title}<div class="entry-content"><p>The first paragraph of the post, long enough to be prose.</p>${content}<p>The last paragraph of the post, also prose.</p></div></article>`;

describe('general signals', () => {
  it('reads an invitation in a notice box of any class at the article’s edge (class 1)', () => {
    const found = detect(post('<div class="x-warning-panel"><p>This page has not been translated yet. You can help translate it.</p></div>'));
    expect(found.detected).toBe(true);
    expect(found.segments.map((s) => s.text)).not.toContain('This page has not been translated yet. You can help translate it.');
  });

  it('never takes a rendered machine-translation widget for an invitation, nor its languages (class 2)', () => {
    const found = detect(post(`<div class="tools"><span>Translate this page</span> <select><option value="de">German</option></select>
      Powered by <a href="https://translate.google.com/">Google Translate</a></div>`));
    expect(found.detected).toBe(false);
    expect(found.evidence?.join(' ')).toMatch(/machine-translation widget/);
  });

  it('leaves an author box and an editor’s note in the body out of the segments (class 3)', () => {
    const found = detect(post(`<div class="wp-block-group has-background"><p>Editor’s note: part of our series on schools.</p></div>
      <aside class="cta"><h3>Help us translate this article</h3></aside>
      <div class="bio-card"><img class="avatar" src="https://example.org/a.png" alt=""><a href="/author/kim/">Kim</a><p>Kim writes about schools.</p></div>`));
    expect(found.detected).toBe(true);
    const texts = found.segments.map((s) => s.text).join(' | ');
    expect(texts).not.toMatch(/Editor’s note|Kim writes/);
  });

  it('takes a button beside the invitation’s box as its start address, never as a segment (class 4)', () => {
    const found = detect(post(`<div class="kg-card kg-callout-card"><div class="kg-callout-text">Can you help us translate this article?</div></div>
      <div class="kg-card kg-button-card"><a class="kg-btn" href="https://forms.gle/abc">I can help</a></div>`));
    expect(found.cta?.startUrl).toBe('https://forms.gle/abc');
    expect(found.segments.map((s) => s.text)).not.toContain('I can help');
  });

  it('reads a box linking to a translation platform as an invitation in a language with no wording (class 5)', () => {
    const found = detect(post('<div class="callout"><p>Taimaka mana mu fassara wannan labarin a <a href="https://crowdin.com/project/x">Crowdin</a>.</p></div>'));
    expect(found.detected).toBe(true);
    expect(found.cta?.startUrl).toBe('https://crowdin.com/project/x');
  });

  it('names the article’s own heading as the title and its first segment, whatever its level (class 7)', () => {
    const blogger = detect(
      `<header><h1><a href="/">My blog</a></h1></header>${post('<aside><h3>Help us translate this article</h3></aside>', '<h3 class="post-title entry-title">The real title</h3>')}`,
    );
    expect(blogger.title).toBe('The real title');
    expect(blogger.segments[0]).toMatchObject({ kind: 'heading', text: 'The real title' });
    // No heading at all: the document's title less the site's name.
    const drupal = detect(
      `<div class="site-branding"><a href="/" rel="home">Our Site</a></div>${post('<aside><h3>Help us translate this article</h3></aside>', '')}`,
      '<title>The story | Our Site</title>',
    );
    expect(drupal.title).toBe('The story');
  });

  it('takes the link of an end notice that is evidence as the start address (class 8)', () => {
    const found = detect(post('<div class="notice"><p>Open for translation.</p><p><a class="button" href="https://crowdin.com/project/y">Translate on Crowdin</a></p></div>'));
    expect(found.cta?.startUrl).toBe('https://crowdin.com/project/y');
    expect(found.segments.map((s) => s.text).join(' ')).not.toMatch(/Open for translation|Translate on Crowdin/);
  });
});
