// Inline markup as placeholders and each segment's layout, as the segment walk records them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openFixture, openPage, fixtures } from '../support/pages';
import { detectPage, findArticle } from '../../utils/detect';
import { normaliseText, segmentArticle } from '../../utils/segment';
import { stripTokens } from '../../utils/segment/placeholders';
import { normaliseTagged } from '../../utils/segment/tagged-run';
import type { Segment } from '../../utils/model';

const DIFF = new URL('diff-central-asia-wikimania-2024.html', fixtures);
const DIFF_EXPECTED = new URL('diff-central-asia-wikimania-2024.expected.json', fixtures);

function segmentsOfFixture(file: URL): Segment[] {
  const { doc, address } = openFixture(file);
  return detectPage(doc, address).segments;
}

/** Segments of an .entry-content holding `body`, on a page at `url`. */
function segmentBody(body: string, url?: string): Segment[] {
  const doc = openPage(`<article><div class="entry-content">${body}</div></article>`, url);
  return segmentArticle({ content: findArticle(doc).content }).map((a) => a.segment);
}

describe('placeholders on the project’s inline-markup page', () => {
  const segments = segmentsOfFixture(new URL('inline-markup-post.html', fixtures));

  it('tags links, code, emphasis and footnote references, nested as in the page', () => {
    expect(segments[0]).toMatchObject({ text: 'Markup inside text', tagged: 'Markup ⟨1⟩inside⟨/1⟩ text', inline: [{ tag: 'em' }] });
    expect(segments[1]!.tagged).toBe(
      'Read the ⟨1⟩guide⟨/1⟩, then run ⟨2⟩npm install⟨/2⟩ with ⟨3⟩care⟨/3⟩ and ⟨4⟩patience⟨/4⟩.⟨5⟩⟨6⟩1⟨/6⟩⟨/5⟩',
    );
    expect(segments[1]!.inline).toEqual([
      { tag: 'a', attrs: { href: 'https://example.org/guide' } },
      { tag: 'code' },
      { tag: 'strong' },
      { tag: 'em' },
      { tag: 'sup' },
      { tag: 'a', attrs: { href: '#fn1' } },
    ]);
  });

  it('leaves plain spans, hidden text and scripts out, and a line break as an empty placeholder', () => {
    expect(segments[2]).toMatchObject({
      tagged: 'A span, a ⟨1⟩mark⟨/1⟩, ⟨2⟩b⟨/2⟩/⟨3⟩i⟨/3⟩, and a ⟨4/⟩line break.',
      inline: [{ tag: 'mark' }, { tag: 'b' }, { tag: 'i' }, { tag: 'br', empty: true }],
    });
    expect(segments[3]!.tagged).toBeUndefined();
    expect(segments[3]!.inline).toBeUndefined();
    expect(segments[4]!.tagged).toBe('⟨1⟩Bold⟨/1⟩ heading');
  });

  it('keeps text and ids as they were', () => {
    expect(segments.map((s) => s.text)).toEqual([
      'Markup inside text',
      'Read the guide, then run npm install with care and patience.1',
      'A span, a mark, b/i, and a line break.',
      'Hidden bits and scripts are left out.',
      'Bold heading',
      'In a group.',
    ]);
    for (const segment of segments) if (segment.tagged) expect(stripTokens(segment.tagged)).toBe(segment.text);
  });
});

describe('placeholders and layout on the Diff post', () => {
  const segments = segmentsOfFixture(DIFF);

  it('keeps the expected segments, and every tagged text strips to the text', () => {
    const expected = JSON.parse(readFileSync(DIFF_EXPECTED, 'utf8')) as { segments: { kind: string; text: string }[] };
    expect(segments.map(({ kind, text }) => ({ kind, text }))).toEqual(expected.segments);
    const tagged = segments.filter((s) => s.tagged !== undefined);
    expect(tagged).toHaveLength(4);
    for (const segment of tagged) expect(stripTokens(segment.tagged!)).toBe(segment.text);
  });

  it('tags the link to the previous blog and the bold user links', () => {
    expect(segments[2]).toMatchObject({
      tagged: 'You can read more about the Central Asia communities in the ⟨1⟩previous blog⟨/1⟩.',
      inline: [{ tag: 'a', attrs: { href: 'https://diff.wikimedia.org/2024/08/20/wikimedians-of-central-asia/' } }],
    });
    expect(segments[3]!.tagged).toMatch(/^⟨1⟩⟨2⟩User: Batyrbek⟨\/2⟩:⟨\/1⟩ My first Wikimania/);
    expect(segments[3]!.inline).toEqual([{ tag: 'strong' }, { tag: 'a', attrs: { href: 'https://meta.wikimedia.org/wiki/User:Batyrbek' } }]);
  });

  it('gives every segment its tag, and each caption its figure and image', () => {
    expect(segments.map((s) => s.layout?.tag)).toEqual(['h1', 'p', 'p', 'p', 'p', 'figcaption', 'p', 'p', 'p', 'figcaption', 'p', 'p', 'p']);
    expect(segments[5]!.layout).toEqual({
      tag: 'figcaption',
      group: 1,
      image: { src: 'https://diff.wikimedia.org/wp-content/uploads/2024/09/Central_Asian_community_members-1024x683.jpg', alt: '' },
    });
    expect(segments[9]!.layout?.group).toBe(2);
    expect(segments[2]!.layout).toEqual({ tag: 'p' });
  });
});

describe('layout', () => {
  it('numbers lists in post order, nests sub-lists, and says which kind of list', () => {
    const layouts = segmentsOfFixture(new URL('nested-lists-post.html', fixtures)).map((s) => [s.text, s.layout]);
    expect(layouts.slice(2, 6)).toEqual([
      ['Create an account', { tag: 'li', group: 1, list: 'ol' }],
      ['Pick a project:', { tag: 'li', group: 1, list: 'ol' }],
      ['Wikipedia', { tag: 'li', group: 2, parentGroup: 1, list: 'ul' }],
      ['Wikidata, for structured data', { tag: 'li', group: 2, parentGroup: 1, list: 'ul' }],
    ]);
  });

  it('gives table cells their row and the table’s caption its group', () => {
    const segments = segmentBody(
      '<table><caption>Edits</caption><thead><tr><th>Project</th><th>Edits</th></tr></thead>' +
        '<tbody><tr><td>Wikipedia</td><td>1,200</td></tr><tr><td></td><td>300</td></tr></tbody></table><p>After.</p>',
    );
    expect(segments.map((s) => [s.text, s.layout])).toEqual([
      ['Edits', { tag: 'caption', group: 1 }],
      ['Project', { tag: 'th', group: 1, row: 1 }],
      ['Edits', { tag: 'th', group: 1, row: 1 }],
      ['Wikipedia', { tag: 'td', group: 1, row: 2 }],
      ['1,200', { tag: 'td', group: 1, row: 2 }],
      ['300', { tag: 'td', group: 1, row: 3 }],
      ['After.', { tag: 'p' }],
    ]);
  });

  it('groups a quote’s paragraphs', () => {
    const segments = segmentBody('<blockquote><p>One.</p><p>Two.</p></blockquote><blockquote><p>Three.</p></blockquote>');
    expect(segments.map((s) => s.layout?.group)).toEqual([1, 1, 2]);
  });
});

describe('placeholders are safe and exact', () => {
  it('keeps only safe addresses, made absolute against the document’s base', () => {
    const [segment] = segmentBody(
      '<p><a href="/wiki/A">a</a> <a href="javascript:alert(1)">b</a> <a href="data:text/html,x">c</a> ' +
        '<a href="mailto:x@example.org">d</a> <a href="#cite_note-1">e</a> <a href=" JavaScript:alert(1)">f</a> ' +
        '<img src="/i.png" alt="pic" onerror="alert(1)"> <img src="data:image/png;base64,AAAA" alt="no"></p>',
      'https://diff.wikimedia.org/2024/01/01/post/',
    );
    expect(segment!.tagged).toBe('⟨1⟩a⟨/1⟩ b c ⟨2⟩d⟨/2⟩ ⟨3⟩e⟨/3⟩ f⟨4/⟩');
    expect(segment!.inline).toEqual([
      { tag: 'a', attrs: { href: 'https://diff.wikimedia.org/wiki/A' } },
      { tag: 'a', attrs: { href: 'mailto:x@example.org' } },
      { tag: 'a', attrs: { href: '#cite_note-1' } },
      { tag: 'img', attrs: { src: 'https://diff.wikimedia.org/i.png', alt: 'pic' }, empty: true },
    ]);
  });

  it('honours <base href>', () => {
    const doc = openPage('<html><head><base href="https://other.example/dir/"></head><body><div class="entry-content"><p><a href="x">link</a></p></div></body></html>');
    const [anchor] = segmentArticle({ content: doc.querySelector('.entry-content') });
    expect(anchor!.segment.inline).toEqual([{ tag: 'a', attrs: { href: 'https://other.example/dir/x' } }]);
  });

  it('keeps abbr titles and span languages, and drops other attributes', () => {
    const [segment] = segmentBody(
      '<p><abbr title="Wikimedia Foundation" style="x">WMF</abbr> <abbr>NA</abbr> <span lang="kk" dir="ltr" onclick="x">Қазақ</span> <span class="x">plain</span> <sub>2</sub></p>',
    );
    expect(segment!.tagged).toBe('⟨1⟩WMF⟨/1⟩ NA ⟨2⟩Қазақ⟨/2⟩ plain ⟨3⟩2⟨/3⟩');
    expect(segment!.inline).toEqual([
      { tag: 'abbr', attrs: { title: 'Wikimedia Foundation' } },
      { tag: 'span', attrs: { lang: 'kk', dir: 'ltr' } },
      { tag: 'sub' },
    ]);
  });

  it('strips to exactly the text whatever the whitespace around the markup', () => {
    const [segment] = segmentBody('<p>\n  Go <strong> to </strong>the<em>\n</em> <a href="/x"> page </a>\u00a0 now <img src="/i.png" alt=""> </p>');
    expect(segment!.text).toBe('Go to the page now');
    expect(segment!.tagged).toBe('Go ⟨1⟩to⟨/1⟩ the ⟨2⟩page⟨/2⟩ now⟨3/⟩');
    expect(stripTokens(segment!.tagged!)).toBe(segment!.text);
  });

  it('closes and reopens an element that a block splits, so each segment is balanced', () => {
    const segments = segmentBody('<div><a href="/x">before<p>inside</p>after</a></div>');
    expect(segments.map((s) => s.tagged)).toEqual(['⟨1⟩before⟨/1⟩', '⟨1⟩inside⟨/1⟩', '⟨1⟩after⟨/1⟩']);
  });

  it('leaves page text that looks like a token plain', () => {
    const [segment] = segmentBody('<p>Write ⟨1⟩ in <em>your</em> draft.</p>');
    expect(segment!.text).toBe('Write ⟨1⟩ in your draft.');
    expect(segment!.tagged).toBeUndefined();
  });

  it('normaliseTagged agrees with normaliseText on random whitespace and tokens', () => {
    const pieces = [' ', '  ', '\n', '\u00a0', 'a', 'bc', '⟨1⟩', '⟨/1⟩', '⟨2/⟩', '.'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % pieces.length;
    for (let round = 0; round < 2000; round++) {
      const raw = Array.from({ length: 12 }, () => pieces[next()]).join('');
      expect(stripTokens(normaliseTagged(raw))).toBe(normaliseText(stripTokens(raw)));
    }
  });
});

describe('addresses', () => {
  it('resolves every shape of address as the URL parser does, and only web ones', () => {
    const base = 'https://diff.wikimedia.org/2024/01/01/post/';
    const hrefs = ['/wp-content/a.jpg', '/a/../b.png', '/a/./b', '//cdn.example/x.png', '/x y.png', '/%2e%2e/z', 'rel/p.png', '?q=1', 'https://x.org/a', 'HTTPS://X.org/a', '/.hidden', '/a.b.c/'];
    for (const href of hrefs) {
      const [segment] = segmentBody(`<p>x<a href="${href}">l</a><img src="${href}" alt=""></p>`, base);
      const expected = new URL(href, base).href;
      const [link, image] = segment!.inline!;
      expect(link!.attrs!.href, href).toBe(href.startsWith('https://') ? href : expected);
      expect(image!.attrs!.src, href).toBe(href.startsWith('https://') ? href : expected);
    }
  });
});
