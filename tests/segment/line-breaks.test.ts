// Line breaks (<br>) inside a block: an empty placeholder in the tagged text, a space in the plain
// text (ids come from it), nothing at a block's start or end.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openPage } from '../support/pages';
import { findArticle } from '../../utils/detect';
import { segmentArticle, segmentId } from '../../utils/segment';
import { parseTagged, stripTokens } from '../../utils/segment/placeholders';
import type { Segment } from '../../utils/model';

function segmentBody(body: string): Segment[] {
  const doc = openPage(`<article><div class="entry-content">${body}</div></article>`);
  return segmentArticle({ content: findArticle(doc).content }).map((a) => a.segment);
}

const BREAK = { tag: 'br', empty: true };

describe('line breaks in a paragraph', () => {
  it('keeps each line of a poem apart in the tagged text, and the plain text and id as before', () => {
    const [poem] = segmentBody('<p>The woods are lovely,<br>dark and deep,<br>\n But I have promises<br/>to keep.</p>');
    const text = 'The woods are lovely, dark and deep, But I have promises to keep.';
    expect(poem).toMatchObject({
      text,
      id: segmentId('paragraph', text),
      tagged: 'The woods are lovely, ⟨1/⟩dark and deep, ⟨2/⟩But I have promises ⟨3/⟩to keep.',
      inline: [BREAK, BREAK, BREAK],
    });
    expect(stripTokens(poem!.tagged!)).toBe(poem!.text);
  });

  it('numbers breaks among other placeholders in reading order', () => {
    const [address] = segmentBody('<p><strong>Wikimedia</strong><br>1 Montgomery St<br><em>San Francisco</em></p>');
    expect(address).toMatchObject({
      text: 'Wikimedia 1 Montgomery St San Francisco',
      tagged: '⟨1⟩Wikimedia⟨/1⟩ ⟨2/⟩1 Montgomery St ⟨3/⟩⟨4⟩San Francisco⟨/4⟩',
      inline: [{ tag: 'strong' }, BREAK, BREAK, { tag: 'em' }],
    });
  });

  it('keeps two breaks in a row (an empty line)', () => {
    const [verse] = segmentBody('<p>One<br><br>Two</p>');
    expect(verse).toMatchObject({ text: 'One Two', tagged: 'One ⟨1/⟩⟨2/⟩Two', inline: [BREAK, BREAK] });
  });

  it('adds nothing for a break at the start or end of a block', () => {
    const segments = segmentBody(
      '<p><br>Leading break</p><p>Trailing break<br></p><p>\n<br> Both <br>\n</p><p><em>Inside<br></em></p><li><br>Item<br><br></li>',
    );
    expect(segments.map((s) => s.text)).toEqual(['Leading break', 'Trailing break', 'Both', 'Inside', 'Item']);
    expect(segments[0]!.tagged).toBeUndefined();
    expect(segments[1]!.tagged).toBeUndefined();
    expect(segments[2]!.tagged).toBeUndefined();
    expect(segments[3]).toMatchObject({ tagged: '⟨1⟩Inside⟨/1⟩', inline: [{ tag: 'em' }] });
    expect(segments[4]!.tagged).toBeUndefined();
  });

  it('drops a break before a nested block, where the run ends', () => {
    const segments = segmentBody('<ul><li>Fruit:<br><ul><li>apples<br>pears</li></ul></li></ul>');
    expect(segments.map((s) => [s.text, s.tagged])).toEqual([
      ['Fruit:', undefined],
      ['apples pears', 'apples ⟨1/⟩pears'],
    ]);
  });
});

describe('line breaks anywhere', () => {
  const piece = fc.constantFrom('<br>', ' ', 'word', ' two words ', '<strong>', '</strong>', '<em>x<br></em>', '<img src="https://x.org/a.png">');
  it('keep the plain text, number every placeholder once, and never start or end a tagged text', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        for (const segment of segmentBody(`<p>${pieces.join('')}</p>`)) {
          if (segment.tagged === undefined) continue;
          expect(stripTokens(segment.tagged)).toBe(segment.text);
          const parts = parseTagged(segment.tagged).filter((part) => part.type !== 'close');
          expect(parts.flatMap((part) => (part.type === 'text' ? [] : [part.n]))).toEqual(
            segment.inline!.map((_, i) => i + 1),
          );
          const isBreak = (part: (typeof parts)[number] | undefined) => part?.type === 'empty' && segment.inline![part.n - 1]!.tag === 'br';
          expect(isBreak(parts[0])).toBe(false);
          expect(isBreak(parts[parts.length - 1])).toBe(false);
        }
      }),
      { numRuns: 100 },
    );
  }, 60_000);
});
