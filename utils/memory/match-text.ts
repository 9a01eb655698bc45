// How two sources compare for translation memory: the words a match is scored on (placeholders
// left out, so inline markup never counts against a match), the kinds CAT tools name (context 101%,
// exact 100%, fuzzy), matches ranked, and a match's placeholders renumbered as the segment it goes into.
import { normaliseText } from '../segment/ids';
import { parseTagged, stripTokens, type TaggedPart } from '../segment/placeholders';
import { wordDiff, wordSimilarity } from '../segment/word-diff';
import type { EntryTexts } from './entry-reads';
import type { MatchKind, MemoryMatch } from './memory-types';

/** The fuzzy threshold CAT tools default to, in percent; the translator may change it. */
export const DEFAULT_FUZZY_THRESHOLD = 70;

/** The text a source is scored on: its words and marks without placeholders, whitespace collapsed. */
export function plainSource(tagged: string): string {
  return normaliseText(tagged.includes('\u27e8') ? stripTokens(tagged) : tagged);
}

const WORD = /[\p{L}\p{M}\p{N}_]+/gu;

/** The distinct words of a text, lower-cased: what candidates are looked up by. */
export function distinctWords(plain: string): string[] {
  return [...new Set(plain.toLowerCase().match(WORD) ?? [])];
}

/** The placeholders of a tagged text in order, numbers replaced by their order of first appearance. */
function placeholderShape(tagged: string): string {
  const order = new Map<number, number>();
  return parseTagged(tagged)
    .filter((part): part is Exclude<TaggedPart, { type: 'text' }> => part.type !== 'text')
    .map((part) => {
      if (!order.has(part.n)) order.set(part.n, order.size + 1);
      return `${part.type}${order.get(part.n)}`;
    })
    .join(' ');
}

export interface ScoredSource {
  kind: MatchKind;
  percent: number;
}

export interface SourceSide {
  /** The source with its placeholders. */
  tagged: string;
  /** The plain texts of the segments before and after it ('' at either end), for context matches. */
  before?: string;
  after?: string;
}

/**
 * How a memory entry's source matches a segment's, or null below the threshold. Same words and
 * placeholders: exact (100), and with the same neighbours a context match (101). Same words with
 * other placeholders: 99. Otherwise the word-level similarity, never 100.
 */
export function scoreMatch(segment: SourceSide, entry: SourceSide, threshold = DEFAULT_FUZZY_THRESHOLD): ScoredSource | null {
  const a = plainSource(segment.tagged);
  const b = plainSource(entry.tagged);
  if (a === b) {
    if (placeholderShape(segment.tagged) !== placeholderShape(entry.tagged)) return { kind: 'fuzzy', percent: 99 };
    const sameContext = entry.before !== undefined && entry.before === segment.before && entry.after === segment.after;
    return sameContext ? { kind: 'context', percent: 101 } : { kind: 'exact', percent: 100 };
  }
  const percent = Math.min(99, Math.floor(wordSimilarity(a, b) * 100));
  return percent >= threshold ? { kind: 'fuzzy', percent } : null;
}

/**
 * A match's translation with its placeholders renumbered as this segment's: the n-th placeholder
 * of the match's source becomes the n-th of the segment's. Placeholders the segment does not have
 * are left out (their words stay).
 */
export function renumberPlaceholders(target: string, matchSource: string, segmentTagged: string): string {
  const numbersOf = (tagged: string) => {
    const seen: number[] = [];
    for (const part of parseTagged(tagged)) if (part.type !== 'text' && !seen.includes(part.n)) seen.push(part.n);
    return seen;
  };
  const from = numbersOf(matchSource);
  const to = numbersOf(segmentTagged);
  const mapping = new Map(from.map((n, i) => [n, to[i]]));
  return parseTagged(target)
    .map((part) => {
      if (part.type === 'text') return part.text;
      const n = mapping.get(part.n);
      if (n === undefined) return '';
      return part.type === 'open' ? `\u27e8${n}\u27e9` : part.type === 'close' ? `\u27e8/${n}\u27e9` : `\u27e8${n}/\u27e9`;
    })
    .join('');
}

/** How many matches a segment shows. */
export const MATCHES_SHOWN = 3;

/**
 * Scores entries against a segment: best first (context, exact, then fuzzy by percent; newer
 * first), one per distinct translation, at most `limit`. Only those kept get their placeholders
 * renumbered and their differences worked out.
 */
export function rankMatches(segment: SourceSide, entries: EntryTexts[], threshold: number, limit = MATCHES_SHOWN): MemoryMatch[] {
  const scored = entries
    .map((entry) => ({ entry, score: scoreMatch(segment, entry.side, threshold) }))
    .filter((s): s is { entry: EntryTexts; score: ScoredSource } => s.score !== null)
    .sort((a, b) => b.score.percent - a.score.percent || b.entry.at - a.entry.at);
  const seen = new Set<string>();
  const kept: MemoryMatch[] = [];
  for (const { entry, score } of scored) {
    const key = `${score.percent}\u0000${entry.target}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const match: MemoryMatch = {
      ...score,
      source: entry.side.tagged,
      target: renumberPlaceholders(entry.target, entry.side.tagged, segment.tagged),
      diff: wordDiff(plainSource(entry.side.tagged), plainSource(segment.tagged)),
      from: entry.from,
      at: entry.at,
    };
    if (entry.device) match.device = entry.device;
    kept.push(match);
    if (kept.length >= limit) break;
  }
  return kept;
}
