import { describe, expect, it } from 'vitest';
import { openFixture, fixtures } from '../support/pages';
import { detectPage } from '../../utils/detect';
import { reanchorSegments, type SegmentFate } from '../../utils/segment/reanchor';
import { wordDiff, wordSimilarity } from '../../utils/segment/word-diff';

const POST = 'diff-central-asia-wikimania-2024';
const detect = (variant: string) => {
  const { doc, address } = openFixture(new URL(`${POST}${variant}.html`, fixtures));
  return detectPage(doc, address).segments;
};

describe('reanchorSegments on the Diff post and its edited version', () => {
  const original = detect('');
  const edited = detect('.edited');
  const fates = reanchorSegments(original, edited);
  const fateOf = (startsWith: string) => {
    const segment = original.find((s) => s.text.startsWith(startsWith))!;
    return fates.find((f) => f.from === segment.id);
  };

  it('leaves the paragraphs that did not change where they are', () => {
    expect(original).toHaveLength(13);
    expect(edited).toHaveLength(13);
    // 13 old segments: 11 unchanged, one reworded, one removed.
    expect(fates).toHaveLength(2);
    expect(fateOf('You can read more')).toBeUndefined();
  });

  it('moves the reworded paragraph to its new segment and says its source changed', () => {
    const fate = fateOf('I’ve attended many different sessions');
    const target = edited.find((s) => s.text.startsWith('I’ve attended many different sessions'))!;
    expect(fate).toEqual({
      kind: 'moved',
      from: original.find((s) => s.text.startsWith('I’ve attended'))!.id,
      to: target.id,
      oldText: expect.stringContaining('sessions, but there are'),
      newText: target.text,
      sourceChanged: true,
    } satisfies SegmentFate);
  });

  it('finds the removed last paragraph removed, with its text', () => {
    expect(fateOf('One major takeaway')).toEqual({
      kind: 'removed',
      from: original[12]!.id,
      oldText: original[12]!.text,
    });
  });

  it('never pairs the added paragraph with an old one', () => {
    const added = edited.find((s) => s.text.startsWith('This post was updated'))!;
    expect(fates.some((f) => f.kind === 'moved' && f.to === added.id)).toBe(false);
  });
});

describe('reanchorSegments', () => {
  const seg = (id: string, text: string) => ({ id, text });

  it('answers nothing when the post is the same', () => {
    const segments = [seg('a', 'One two three.'), seg('b', 'Four five six.')];
    expect(reanchorSegments(segments, segments)).toEqual([]);
  });

  it('follows a paragraph whose id changed but not its text, without calling it changed', () => {
    const fates = reanchorSegments([seg('p-1', 'Same words here.')], [seg('p-9', 'Same words here.')]);
    expect(fates).toEqual([{ kind: 'moved', from: 'p-1', to: 'p-9', oldText: 'Same words here.', newText: 'Same words here.', sourceChanged: false }]);
  });

  it('pairs repeated paragraphs by position', () => {
    const before = [seg('a', 'Thanks to all volunteers who came.'), seg('x', 'Middle.'), seg('b', 'Thanks to all volunteers who came!')];
    const after = [seg('a2', 'Thanks to all the volunteers who came.'), seg('x', 'Middle.'), seg('b2', 'Thanks to all the volunteers who came!')];
    const fates = reanchorSegments(before, after);
    expect(fates.map((f) => f.kind === 'moved' && [f.from, f.to])).toEqual([
      ['a', 'a2'],
      ['b', 'b2'],
    ]);
  });

  it('follows every paragraph of a long post reworded throughout, with one added and some removed', () => {
    let seed = 7;
    const word = () => `w${(seed = (seed * 16807) % 2147483647) % 400}`;
    const text = (i: number) => Array.from({ length: 24 }, word).join(' ') + ` ${i}.`;
    const before = Array.from({ length: 200 }, (_, i) => seg(`p-${i}`, text(i)));
    const after = [seg('new', 'A paragraph added at the top, unlike any other.')];
    before.forEach((s, i) => i % 40 !== 5 && after.push(seg(`${s.id}-v2`, s.text.replace(/ (\d+)\.$/, ' (updated) $1.'))));
    const fates = reanchorSegments(before, after);
    expect(fates.filter((f) => f.kind === 'removed').map((f) => f.from)).toEqual(['p-5', 'p-45', 'p-85', 'p-125', 'p-165']);
    for (const fate of fates) if (fate.kind === 'moved') expect(fate.to).toBe(`${fate.from}-v2`);
    expect(fates).toHaveLength(200);
  });

  it('calls a paragraph rewritten beyond recognition removed', () => {
    const fates = reanchorSegments([seg('a', 'The conference was held in Katowice.')], [seg('b', 'Photos by the community, licensed CC BY.')]);
    expect(fates).toEqual([{ kind: 'removed', from: 'a', oldText: 'The conference was held in Katowice.' }]);
  });
});

describe('word diffs', () => {
  it('tells the words removed and added, and gives both texts back', () => {
    const parts = wordDiff('I went there, but it rained.', 'I went there; it rained a lot.');
    expect(parts.filter((p) => p.change !== 'added').map((p) => p.text).join('')).toBe('I went there, but it rained.');
    expect(parts.filter((p) => p.change !== 'removed').map((p) => p.text).join('')).toBe('I went there; it rained a lot.');
    expect(parts.find((p) => p.change === 'removed')?.text).toContain('but');
  });

  it('changes whole words, never pieces of them', () => {
    expect(wordDiff('the cat sat', 'the cap sat')).toEqual([
      { change: 'same', text: 'the ' },
      { change: 'removed', text: 'cat' },
      { change: 'added', text: 'cap' },
      { change: 'same', text: ' sat' },
    ]);
  });

  it('measures similarity in words', () => {
    expect(wordSimilarity('a b c d', 'a b c d')).toBe(1);
    expect(wordSimilarity('one two three four', 'five six seven eight')).toBeLessThan(0.5);
    expect(wordSimilarity('one two three four', 'one two three five')).toBeGreaterThan(0.8);
  });
});
