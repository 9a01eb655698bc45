import { describe, expect, it } from 'vitest';
import { openFixture, openPage, fixtures } from '../support/pages';
import { detectPage, findArticle, readPage } from '../../utils/detect';
import { normaliseText, segmentArticle, segmentId } from '../../utils/segment';
import type { SegmentKind } from '../../utils/model';

/** kind + text of each segment, the way the fixtures' expectations are written. */
function segmentsOf(file: URL): [SegmentKind, string][] {
  const { doc, address } = openFixture(file);
  return detectPage(doc, address).segments.map((s) => [s.kind, s.text]);
}

/** Segments of an .entry-content holding `body`. */
function segmentBody(body: string) {
  const doc = openPage(`<article><h1 class="entry-title">T</h1><div class="entry-content">${body}</div></article>`);
  return segmentArticle({ content: findArticle(doc).content });
}

describe('segmentId', () => {
  it('is derived from kind and text only, in [a-z0-9-]', () => {
    const id = segmentId('paragraph', 'Hello, world.');
    expect(id).toMatch(/^p-[a-z0-9]{11}$/);
    expect(segmentId('paragraph', 'Hello, world.')).toBe(id);
    expect(segmentId('quote', 'Hello, world.')).toMatch(/^q-/);
    expect(segmentId('paragraph', 'Hello, world!')).not.toBe(id);
  });

  it('numbers repeats of the same text', () => {
    expect(segmentId('list-item', 'Yes', 0)).toBe(segmentId('list-item', 'Yes'));
    expect(segmentId('list-item', 'Yes', 2)).toBe(`${segmentId('list-item', 'Yes')}-2`);
  });

  it('has a distinct prefix for every kind', () => {
    const kinds: SegmentKind[] = ['heading', 'paragraph', 'list-item', 'quote', 'caption', 'table-cell'];
    const prefixes = kinds.map((k) => segmentId(k, 'x').split('-')[0]);
    expect(new Set(prefixes).size).toBe(kinds.length);
  });

  it('spreads many texts without a collision', () => {
    const ids = new Set(Array.from({ length: 20_000 }, (_, i) => segmentId('paragraph', `Paragraph ${i}.`)));
    expect(ids.size).toBe(20_000);
  });
});

describe('normaliseText', () => {
  it('collapses whitespace runs of every kind and trims', () => {
    expect(normaliseText('  a \n\t b\u00a0\u2003c  ')).toBe('a b c');
  });
});

describe('quotes', () => {
  it('makes each paragraph and the citation of a quote a quote segment', () => {
    expect(segmentsOf(new URL('quotes-post.html', fixtures))).toEqual([
      ['heading', 'Voices from the community'],
      ['paragraph', 'Three volunteers told us why they edit.'],
      ['quote', 'Knowledge belongs to everyone.'],
      ['quote', 'That is why I write.'],
      ['quote', 'Amina, editor since 2012'],
      ['quote', 'A plain quote with no paragraph inside it.'],
      ['quote', 'Every edit counts.'],
      ['quote', 'Bakyt'],
      ['paragraph', 'We thank them all.'],
    ]);
  });
});

describe('nested lists', () => {
  it('makes every item a segment, and an item\'s own words beside its sub-list too', () => {
    expect(segmentsOf(new URL('nested-lists-post.html', fixtures))).toEqual([
      ['heading', 'How to join'],
      ['heading', 'Steps'],
      ['list-item', 'Create an account'],
      ['list-item', 'Pick a project:'],
      ['list-item', 'Wikipedia'],
      ['list-item', 'Wikidata, for structured data'],
      ['list-item', 'Say hello on the village pump.'],
      ['list-item', 'Before the list'],
      ['list-item', 'Inside'],
      ['list-item', 'after the list'],
      ['list-item', 'Edit-a-thon'],
      ['list-item', 'A day of editing together.'],
      ['paragraph', 'Start'],
      ['list-item', 'Start'],
      ['list-item', 'Start'],
    ]);
  });

  it('numbers repeated items and keeps kinds apart', () => {
    const { doc, address } = openFixture(new URL('nested-lists-post.html', fixtures));
    const ids = detectPage(doc, address).segments.filter((s) => s.text === 'Start').map((s) => s.id);
    expect(ids).toEqual([segmentId('paragraph', 'Start'), segmentId('list-item', 'Start'), segmentId('list-item', 'Start', 1)]);
  });
});

describe('tables', () => {
  it('makes every non-empty cell a segment, with the table\'s captions', () => {
    expect(segmentsOf(new URL('tables-post.html', fixtures))).toEqual([
      ['heading', 'Numbers of the year'],
      ['paragraph', 'Here are the numbers.'],
      ['caption', 'Edits by project'],
      ['table-cell', 'Project'],
      ['table-cell', 'Edits'],
      ['table-cell', 'Wikipedia'],
      ['table-cell', '1,200'],
      ['table-cell', 'Wikidata (items)'],
      ['table-cell', '300'],
      ['table-cell', 'estimated'],
      ['caption', 'Source: Wikistats'],
    ]);
  });
});

describe('inline markup', () => {
  it('stays inside its segment, and hidden text, widgets and embeds are left out', () => {
    expect(segmentsOf(new URL('inline-markup-post.html', fixtures))).toEqual([
      ['heading', 'Markup inside text'],
      ['paragraph', 'Read the guide, then run npm install with care and patience.1'],
      ['paragraph', 'A span, a mark, b/i, and a line break.'],
      ['paragraph', 'Hidden bits and scripts are left out.'],
      ['heading', 'Bold heading'],
      ['paragraph', 'In a group.'],
    ]);
  });
});

describe('segment elements', () => {
  it('are the live blocks each segment came from', () => {
    const { doc, address } = openFixture(new URL('diff-central-asia-wikimania-2024.html', fixtures));
    const { detection, anchors } = readPage(doc, address);
    expect(anchors.map((a) => a.segment)).toEqual(detection.segments);
    expect(anchors[0].element).toBe(doc.querySelector('h1.entry-title'));
    expect(anchors.map((a) => a.element.localName)).toEqual(['h1', ...detection.segments.slice(1).map((s) => (s.kind === 'caption' ? 'figcaption' : 'p'))]);
    for (const { segment, element } of anchors) {
      expect(element.isConnected).toBe(true);
      expect(normaliseText(element.textContent ?? '')).toBe(segment.text);
    }
  });

  it('are the enclosing item for words beside a sub-list', () => {
    const [outer, inner] = segmentBody('<ul><li>Fruit: <ul><li>Apple</li></ul></li></ul>');
    expect(outer.segment.text).toBe('Fruit:');
    expect(outer.element.localName).toBe('li');
    expect(inner.element.parentElement?.parentElement).toBe(outer.element);
  });
});

describe('segments of a changing post', () => {
  const idsOf = (body: string) => new Map(segmentBody(body).map(({ segment }) => [segment.text, segment.id]));

  it('keep their ids when other blocks are inserted or removed', () => {
    const before = idsOf('<p>One.</p><p>Two.</p><ul><li>Three.</li></ul><p>Four.</p>');
    const after = idsOf('<p>New.</p><p>One.</p><ul><li>Three.</li></ul><h2>Section</h2><p>Four.</p>');
    for (const text of ['One.', 'Three.', 'Four.']) expect(after.get(text)).toBe(before.get(text));
  });

  it('keep their ids whatever the markup and whitespace around their words', () => {
    const [plain] = segmentBody('<p>Go to the <a href="/x">page</a> now.</p>');
    const [marked] = segmentBody('<p>\n  Go to the <strong><a href="/y">page</a></strong>\n now.  </p>');
    // Same words, same id; only the placeholders (tagged, inline) say which markup they had.
    const { id, kind, text } = plain.segment;
    expect(marked.segment).toMatchObject({ id, kind, text });
  });
});

describe('what is never a segment', () => {
  it('skips empty blocks, sharing, related posts, comments and the call to action', () => {
    const segments = segmentBody(`
      <p> </p><p>&nbsp;</p><div><p></p></div>
      <div class="sharedaddy"><h3 class="sd-title">Share this:</h3></div>
      <div id="jp-relatedposts"><h3>Related</h3></div>
      <div id="comments" class="comments-area"><p>A comment</p></div>
      <div id="translate-post"><h2>Can you help us translate this article?</h2></div>
      <p hidden>Hidden</p><p>Kept.</p>`);
    expect(segments.map((s) => s.segment.text)).toEqual(['Kept.']);
  });

  // Its speed is measured by `npm run bench` (detect + segment, 400 and 5,000 segments), not here.
  it('segments a long post, every paragraph with its link as a placeholder', () => {
    const body = Array.from({ length: 5_000 }, (_, i) => `<p>Paragraph <a href="#${i}">${i}</a> of a <em>long</em> post.</p>`).join('\n');
    const doc = openPage(`<article><div class="entry-content">${body}</div></article>`);
    const segments = segmentArticle(findArticle(doc));
    expect(segments).toHaveLength(5_000);
    expect(segments[4_999]!.segment.tagged).toBe('Paragraph ⟨1⟩4999⟨/1⟩ of a ⟨2⟩long⟨/2⟩ post.');
  });
});
