// The matches of the posts a view has open, worked out when it opened them, so that focusing a
// segment shows them at once. A segment's matches stay while nothing they were made of changes:
// an entry removed, or given another source, drops those of the segments that read it; an entry
// added (or its new source) drops those of the segments it could be a candidate of (the same exact
// source, or enough words in common); a text changed in place drops those of the segments that read
// that entry, or that could have read it among their exact candidates. So a translator's new
// draft keeps the matches of the paragraphs ahead, unless it is like them. (In a large memory the
// lookup walks only a segment's rarer words, and which ones shifts as entries come: a fresh lookup
// may then pick other candidates. What is kept is still a match at its percent.)
import { mayBeCandidate } from './candidate-rule';
import type { MemoryMatch } from './memory-types';

/** How many post views' matches are kept (a side panel, a popup, a post open from the options). */
const POSTS_KEPT = 4;

export interface ComputedMatches {
  /** Best first, down to the lowest threshold a view may ask for. */
  matches: MemoryMatch[];
  /** The entries read to make them. */
  read: Set<string>;
  /** The pair and exact hash its exact candidates were looked up by. */
  exactKey: string;
  /** The pair, and the words (sorted distinct hashes) its candidates were looked up by. */
  pair: string;
  words: Uint32Array;
}

/** An entry the index took in, new or with another source. */
export interface AddedSource {
  pair: string;
  words: Uint32Array;
}

/** Every post's kept matches, as stored: by post and language, then by segment. */
export type KeptMatches = Array<[string, Array<[string, ComputedMatches]>]>;

export function exactKeyOf(pair: string, exact: number): string {
  return `${pair}\u0001${exact}`;
}

export class MatchCache {
  private posts = new Map<string, Map<string, ComputedMatches>>();
  /** Changes on every drop: matches worked out across a drop are not kept. */
  generation = 0;

  get(postKey: string, lang: string, segmentId: string): ComputedMatches | undefined {
    return this.posts.get(`${postKey}\u0001${lang}`)?.get(segmentId);
  }

  set(postKey: string, lang: string, segmentId: string, computed: ComputedMatches): void {
    const key = `${postKey}\u0001${lang}`;
    let segments = this.posts.get(key);
    if (!segments) {
      if (this.posts.size >= POSTS_KEPT) this.posts.delete(this.posts.keys().next().value!);
      this.posts.set(key, (segments = new Map()));
    }
    segments.set(segmentId, computed);
  }

  /** What is kept now of these posts' segments (keyed as the cache keys posts), to store. */
  snapshot(of: ReadonlyMap<string, { segmentIds: readonly string[] }>): KeptMatches {
    const kept: KeptMatches = [];
    for (const [key, { segmentIds }] of of) {
      const segments = this.posts.get(key);
      const found = segmentIds.flatMap((id): Array<[string, ComputedMatches]> => {
        const computed = segments?.get(id);
        return computed ? [[id, computed]] : [];
      });
      if (found.length) kept.push([key, found]);
    }
    return kept;
  }

  /** Takes back matches stored at the position the index is at. */
  seed(kept: KeptMatches): void {
    for (const [key, segments] of kept.slice(-POSTS_KEPT)) this.posts.set(key, new Map(segments));
  }

  clear(): void {
    this.generation++;
    this.posts.clear();
  }

  /**
   * Drops the matches made of these entries, or that could have been: the same exact source, or
   * an added entry that could be among their candidates.
   */
  forget(ids: ReadonlySet<string>, exactKeys: ReadonlySet<string>, added: readonly AddedSource[] = []): void {
    if (ids.size === 0 && exactKeys.size === 0 && added.length === 0) return;
    this.generation++;
    for (const segments of this.posts.values()) {
      for (const [segmentId, computed] of segments) {
        if (
          exactKeys.has(computed.exactKey) ||
          [...ids].some((id) => computed.read.has(id)) ||
          added.some((entry) => entry.pair === computed.pair && mayBeCandidate(computed.words, entry.words))
        ) {
          segments.delete(segmentId);
        }
      }
    }
  }
}

/** The matches a view asked for: those at or above its threshold (they come first: best first). */
export function atThreshold(matches: MemoryMatch[], threshold: number): MemoryMatch[] {
  return matches.filter((match) => match.percent >= threshold);
}
