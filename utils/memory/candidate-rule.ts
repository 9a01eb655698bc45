// Which memory entries a segment's lookup can find, told from their words alone: the rule the
// background uses to keep matches through changes that cannot reach them (match-cache.ts), and a
// view to keep the answers it holds through a draft written in its own post.
import type { Segment } from '../model';
import { plainSource } from './match-text';
import { wordHashes } from './word-hashes';

/** The share of a source's looked-up words a candidate must hold, and how alike in length it must be. */
export const MIN_OVERLAP = 0.5;

/**
 * Whether an entry of these words could be among the candidates of a source of those words
 * (sorted distinct hashes, as `wordHashes` gives them), whatever the index holds: `candidates`
 * looks up at least half of the source's words, and an entry must hold `MIN_OVERLAP` of those.
 */
export function mayBeCandidate(source: Uint32Array, entry: Uint32Array): boolean {
  const total = source.length;
  if (total === 0 || entry.length < total * MIN_OVERLAP || entry.length * MIN_OVERLAP > total) return false;
  let shared = 0;
  for (let i = 0, j = 0; i < total && j < entry.length; ) {
    if (source[i]! < entry[j]!) i++;
    else if (source[i]! > entry[j]!) j++;
    else (shared++, i++, j++);
  }
  return shared >= MIN_OVERLAP * Math.ceil(total / 2);
}

/** A post's segments as lookups see them, read once each when first asked. */
export class SegmentLookups {
  private readonly looked = new Map<string, { plain: string; words: Uint32Array }>();
  private readonly byId: Map<string, Segment>;

  constructor(segments: readonly Segment[]) {
    this.byId = new Map(segments.map((segment) => [segment.id, segment]));
  }

  /**
   * The segments whose matches an entry of this source may be in, or come into: those of the same
   * exact source, or of enough words in common. A draft of this post is an entry of its segment's
   * source (or of the source it was written for, `oldSource`).
   */
  reachedBy(source: string): string[] {
    const entry = lookupOf(source);
    const reached: string[] = [];
    for (const id of this.byId.keys()) {
      const segment = this.of(id)!;
      if (segment.plain === entry.plain || mayBeCandidate(segment.words, entry.words)) reached.push(id);
    }
    return reached;
  }

  /** A segment's source as its entry holds it; undefined for a segment not of this post. */
  sourceOf(segmentId: string): string | undefined {
    const segment = this.byId.get(segmentId);
    return segment && (segment.tagged ?? segment.text);
  }

  private of(segmentId: string): { plain: string; words: Uint32Array } | undefined {
    let looked = this.looked.get(segmentId);
    const source = this.sourceOf(segmentId);
    if (!looked && source !== undefined) this.looked.set(segmentId, (looked = lookupOf(source)));
    return looked;
  }
}

function lookupOf(source: string): { plain: string; words: Uint32Array } {
  const plain = plainSource(source);
  return { plain, words: wordHashes(plain) };
}
