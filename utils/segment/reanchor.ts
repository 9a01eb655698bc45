// When a post's text changed since it was last seen: which new segment each old one became, so
// that drafts follow their paragraphs. Pure: the store applies the answer (utils/store/source-moves.ts).
//
// Segments keep their id while their text stays the same (ids come from the text), so the same id
// is the same paragraph. The others are paired by how alike their words are (diff-match-patch)
// and how near their places in the post are; an old segment with no new one close enough in
// words was removed.
import type { Segment } from '../model';
import { wordCount, wordSimilarity } from './word-diff';

type SourceSegment = Pick<Segment, 'id' | 'text'>;

/** What became of one old segment that is not in the new post under its id and text. */
export type SegmentFate =
  | { kind: 'moved'; from: string; to: string; oldText: string; newText: string; sourceChanged: boolean }
  | { kind: 'removed'; from: string; oldText: string };

/** Below this share of words in common, two paragraphs are different paragraphs. */
export const MIN_SIMILARITY = 0.5;
/** How much a move across the whole post weighs against likeness of words. */
const POSITION_WEIGHT = 0.25;
/** Only new segments within this many places of where an old one would land are compared… */
const WINDOW = 40;
/** …and only these nearest ones when one of them is clearly the same paragraph reworded. */
const NEAR = 3;
const CLEARLY_SAME = 0.8;

interface Candidate {
  from: number;
  to: number;
  similarity: number;
  score: number;
}

/**
 * The fate of every old segment whose id is not in the new post, or whose text changed under the
 * same id. Old segments that are still there, word for word, under their id are left out.
 */
export function reanchorSegments(before: readonly SourceSegment[], after: readonly SourceSegment[]): SegmentFate[] {
  const afterById = new Map(after.map((s, index) => [s.id, { segment: s, index }]));
  const fates: SegmentFate[] = [];
  const openBefore: number[] = [];
  /** Where each open old segment would land: just after the last segment found under its id. */
  const expected = new Map<number, number>();
  const takenAfter = new Set<number>();
  let shift = 0;
  before.forEach((segment, index) => {
    const same = afterById.get(segment.id);
    if (!same || takenAfter.has(same.index)) {
      openBefore.push(index);
      expected.set(index, index + shift);
      return;
    }
    takenAfter.add(same.index);
    shift = same.index - index;
    if (same.segment.text !== segment.text) fates.push(moved(segment, same.segment));
  });
  const openAfter = after.map((_, index) => index).filter((index) => !takenAfter.has(index));
  if (openBefore.length === 0) return fates;

  const afterWords = new Map(openAfter.map((to) => [to, wordCount(after[to]!.text)]));
  const candidates: Candidate[] = [];
  for (const from of openBefore) {
    const fromWords = wordCount(before[from]!.text);
    const compare = (to: number) => {
      // The edit distance is at least the difference in length: skip pairs that cannot be alike.
      const toWords = afterWords.get(to)!;
      if (Math.min(fromWords, toWords) < MIN_SIMILARITY * Math.max(fromWords, toWords)) return 0;
      const similarity = wordSimilarity(before[from]!.text, after[to]!.text);
      if (similarity < MIN_SIMILARITY) return similarity;
      const drift = Math.abs(to / Math.max(after.length, 1) - from / Math.max(before.length, 1));
      candidates.push({ from, to, similarity, score: similarity - POSITION_WEIGHT * drift });
      return similarity;
    };
    const at = expected.get(from)!;
    // Near where it should be first; farther only when nothing near is clearly the same paragraph.
    let best = 0;
    for (const to of openAfter) if (Math.abs(to - at) <= NEAR) best = Math.max(best, compare(to));
    if (best >= CLEARLY_SAME) continue;
    for (const to of openAfter) if (Math.abs(to - at) > NEAR && Math.abs(to - at) <= WINDOW) compare(to);
  }
  // Best pairs first; on a tie, the earlier paragraph, so the answer does not depend on anything else.
  candidates.sort((x, y) => y.score - x.score || x.from - y.from || x.to - y.to);
  const matched = new Map<number, number>();
  for (const { from, to } of candidates) {
    if (matched.has(from) || takenAfter.has(to)) continue;
    matched.set(from, to);
    takenAfter.add(to);
  }
  for (const from of openBefore) {
    const segment = before[from]!;
    const to = matched.get(from);
    fates.push(to === undefined ? { kind: 'removed', from: segment.id, oldText: segment.text } : moved(segment, after[to]!));
  }
  return fates;
}

/** A segment found again, under another id or with other words; the very same text is no change. */
function moved(before: SourceSegment, after: SourceSegment): SegmentFate {
  const sourceChanged = before.text !== after.text;
  return { kind: 'moved', from: before.id, to: after.id, oldText: before.text, newText: after.text, sourceChanged };
}
