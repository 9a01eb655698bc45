// Which memory entries a segment's lookup can find, told from their words alone: the rule the
// background uses to keep matches through changes that cannot reach them (match-cache.ts), and a
// view to keep the answers it holds through a draft written in its own post (DraftReach).
import type { DraftRecord, Segment } from '../model';
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

/**
 * The segments of a view's post whose held answers a draft written may change: in its post and
 * language, those its entry may reach (the background drops the same); a draft elsewhere in the
 * language, any (undefined: its source is not known here); in another language, none (another pair
 * of memory). A draft flagged as written for an older source is an entry of that source; once
 * confirmed for the new one its message no longer names the old one, so every old source seen
 * while the view is open is remembered.
 */
export class DraftReach {
  private lookups = new SegmentLookups([]);
  private readonly oldSources = new Map<string, Set<string>>();

  constructor(
    private readonly postKey: string,
    private readonly lang: string,
  ) {}

  /** The post's segments now. */
  useSegments(segments: readonly Segment[]): void {
    this.lookups = new SegmentLookups(segments);
  }

  /** Segment id → the source its draft was written for (the view's flags). */
  noteOldSources(changed: Readonly<Record<string, string>>): void {
    for (const [segmentId, oldText] of Object.entries(changed)) this.noteOldSource(segmentId, oldText);
  }

  of(draft: DraftRecord): string[] | undefined {
    if (draft.lang !== this.lang) return [];
    const source = draft.postKey === this.postKey ? this.lookups.sourceOf(draft.segmentId) : undefined;
    if (source === undefined) return undefined;
    if (draft.sourceChange) this.noteOldSource(draft.segmentId, draft.sourceChange.oldText);
    const sources = [source, ...(this.oldSources.get(draft.segmentId) ?? [])];
    return [...new Set(sources.flatMap((s) => this.lookups.reachedBy(s)))];
  }

  private noteOldSource(segmentId: string, oldText: string): void {
    const known = this.oldSources.get(segmentId) ?? new Set();
    this.oldSources.set(segmentId, known.add(oldText));
  }
}

function lookupOf(source: string): { plain: string; words: Uint32Array } {
  const plain = plainSource(source);
  return { plain, words: wordHashes(plain) };
}
