// Scoring a memory entry against a segment: context (101), exact (100), fuzzy by words with
// placeholders left out, and a match's placeholders renumbered as the segment's.
import { describe, expect, it } from 'vitest';
import { renumberPlaceholders, scoreMatch } from '../../utils/memory/match-text';

const LINK = 'You can read more in the ⟨1⟩previous blog⟨/1⟩.';

describe('scoring', () => {
  it('calls the same text and placeholders exact, and with the same neighbours a context match', () => {
    const segment = { tagged: LINK, before: 'Intro.', after: 'Next.' };
    expect(scoreMatch(segment, { tagged: LINK })).toEqual({ kind: 'exact', percent: 100 });
    expect(scoreMatch(segment, { tagged: LINK, before: 'Other.', after: 'Next.' })).toEqual({ kind: 'exact', percent: 100 });
    expect(scoreMatch(segment, { tagged: LINK, before: 'Intro.', after: 'Next.' })).toEqual({ kind: 'context', percent: 101 });
  });

  it('keeps placeholders from counting against the words, but not from being exact', () => {
    // The same words, numbered otherwise: still exact.
    expect(scoreMatch({ tagged: LINK }, { tagged: 'You can read more in the ⟨3⟩previous blog⟨/3⟩.' })).toEqual({ kind: 'exact', percent: 100 });
    // The same words without the link: 99, never 100.
    expect(scoreMatch({ tagged: LINK }, { tagged: 'You can read more in the previous blog.' })).toEqual({ kind: 'fuzzy', percent: 99 });
    // Different words, same link: fuzzy, scored on the words alone.
    const fuzzy = scoreMatch({ tagged: LINK }, { tagged: 'You can read much more in the ⟨1⟩previous blog⟨/1⟩.' });
    expect(fuzzy?.kind).toBe('fuzzy');
    expect(fuzzy!.percent).toBeGreaterThanOrEqual(80);
    expect(fuzzy!.percent).toBeLessThan(100);
    expect(scoreMatch({ tagged: LINK.replace(/⟨\/?1⟩/g, '') }, { tagged: 'You can read much more in the previous blog.' })!.percent).toBe(fuzzy!.percent);
  });

  it('drops what is under the threshold, which the translator sets', () => {
    const a = { tagged: 'The conference was held in Katowice in August.' };
    const b = { tagged: 'The meetup took place in Almaty last spring.' };
    expect(scoreMatch(a, b)).toBeNull();
    const near = { tagged: 'The conference was held in Gdańsk in August.' };
    const score = scoreMatch(a, near)!.percent;
    expect(scoreMatch(a, near, score)).not.toBeNull();
    expect(scoreMatch(a, near, score + 1)).toBeNull();
  });
});

describe('placeholders of an inserted match', () => {
  it('takes this segment’s numbers, in order', () => {
    expect(renumberPlaceholders('Подробнее в ⟨1⟩прошлом блоге⟨/1⟩ ⟨2/⟩', 'More in the ⟨1⟩last blog⟨/1⟩ ⟨2/⟩', 'See the ⟨4⟩last blog⟨/4⟩ ⟨5/⟩')).toBe(
      'Подробнее в ⟨4⟩прошлом блоге⟨/4⟩ ⟨5/⟩',
    );
  });

  it('leaves out placeholders this segment does not have, keeping their words', () => {
    expect(renumberPlaceholders('В ⟨1⟩блоге⟨/1⟩.', 'In the ⟨1⟩blog⟨/1⟩.', 'In the blog.')).toBe('В блоге.');
  });
});
