// The packed part of the memory index: typed arrays, stored in IndexedDB as they are and used as
// they are read back, so a worker start costs one read and no tokenising. Entries are slots sorted
// by id; each language pair has its words' sorted hashes and, per word, the slots holding it
// (ascending, as gaps in variable-length bytes: most gaps fit one or two bytes).
import { ENTRY_SEPARATOR } from './memory-entries';

export interface PairPostings {
  /** The pair's word hashes, ascending. */
  words: Uint32Array;
  /** Per word: how many slots hold it, and where its gaps start in `data` (one more offset at the end). */
  counts: Uint32Array;
  offsets: Uint32Array;
  data: Uint8Array;
}

export interface PackedIndex {
  /**
   * An entry's id is its group (up to and including its last separator: post and language, or the
   * unit kind) and its tail (segment or unit id). Groups sorted; slots sorted by group, then tail.
   */
  groups: string[];
  groupOf: Uint32Array;
  /** Every slot's tail, one after the other; slot s's ends at tailEnds[s]. */
  tails: string;
  tailEnds: Uint32Array;
  pairs: string[];
  pairOf: Uint16Array;
  /** 32 bits of the hash of the plain source: equal ones are exact-match candidates. */
  exact: Uint32Array;
  /** When the entry was written, in seconds: the latest exact candidates are read first. */
  at: Uint32Array;
  /** How many distinct words the source has (at most 65,535). */
  wordCount: Uint16Array;
  /** The slots in order of `exact`. */
  byExact: Uint32Array;
  /** By pair number. */
  postings: PairPostings[];
}

export function emptyPackedIndex(): PackedIndex {
  return {
    groups: [],
    groupOf: new Uint32Array(0),
    tails: '',
    tailEnds: new Uint32Array(0),
    pairs: [],
    pairOf: new Uint16Array(0),
    exact: new Uint32Array(0),
    at: new Uint32Array(0),
    wordCount: new Uint16Array(0),
    byExact: new Uint32Array(0),
    postings: [],
  };
}

export function slotCount(packed: PackedIndex): number {
  return packed.groupOf.length;
}

export function tailOf(packed: PackedIndex, slot: number): string {
  return packed.tails.slice(slot === 0 ? 0 : packed.tailEnds[slot - 1], packed.tailEnds[slot]);
}

export function idOf(packed: PackedIndex, slot: number): string {
  return packed.groups[packed.groupOf[slot]!] + tailOf(packed, slot);
}

/** An entry id as its group and tail. */
export function splitId(id: string): { group: string; tail: string } {
  const cut = id.lastIndexOf(ENTRY_SEPARATOR) + 1;
  return { group: id.slice(0, cut), tail: id.slice(cut) };
}

/** The slot of an entry (its group's number given), or -1. */
export function findSlot(packed: PackedIndex, group: number, tail: string): number {
  let low = 0;
  let high = slotCount(packed);
  while (low < high) {
    const mid = (low + high) >>> 1;
    const g = packed.groupOf[mid]!;
    if (g < group || (g === group && tailOf(packed, mid) < tail)) low = mid + 1;
    else high = mid;
  }
  return low < slotCount(packed) && packed.groupOf[low] === group && tailOf(packed, low) === tail ? low : -1;
}

/** The first index of a sorted array whose value is ≥ `value` (values read through `at`). */
export function lowerBound(length: number, at: (i: number) => number, value: number): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (at(mid) < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Where a word's slots are in a pair's postings: its position among the words, or -1. */
export function wordPosition(postings: PairPostings | undefined, word: number): number {
  if (!postings) return -1;
  const i = lowerBound(postings.words.length, (k) => postings.words[k]!, word);
  return i < postings.words.length && postings.words[i] === word ? i : -1;
}

/** Calls `visit` with each slot of the word at `position`, ascending. */
export function forEachSlot(postings: PairPostings, position: number, visit: (slot: number) => void): void {
  const { data } = postings;
  let at = postings.offsets[position]!;
  const end = postings.offsets[position + 1]!;
  let slot = -1;
  while (at < end) {
    let gap = 0;
    let shift = 0;
    let byte: number;
    do {
      byte = data[at++]!;
      gap |= (byte & 0x7f) << shift;
      shift += 7;
    } while (byte & 0x80);
    slot += gap;
    visit(slot);
  }
}

/** Grows as gaps are written: the bytes of one pair's postings while they are packed. */
export class GapWriter {
  bytes = new Uint8Array(1 << 16);
  length = 0;
  private last = -1;

  /** Starts a new list of ascending slots. */
  startList(): void {
    this.last = -1;
  }

  /** Slots stay below 2^28, so a gap is at most four bytes and decodes with 32-bit shifts. */
  push(slot: number): void {
    let gap = slot - this.last;
    this.last = slot;
    if (this.length + 5 > this.bytes.length) {
      const grown = new Uint8Array(this.bytes.length * 2);
      grown.set(this.bytes);
      this.bytes = grown;
    }
    while (gap >= 0x80) {
      this.bytes[this.length++] = (gap & 0x7f) | 0x80;
      gap >>>= 7;
    }
    this.bytes[this.length++] = gap;
  }

  result(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }
}

/** Bytes the packed index holds (strings at two bytes a character): what the bench reports. */
export function packedBytes(packed: PackedIndex): number {
  let bytes = packed.tails.length * 2;
  for (const group of packed.groups) bytes += group.length * 2;
  for (const array of [packed.groupOf, packed.tailEnds, packed.pairOf, packed.exact, packed.at, packed.wordCount, packed.byExact]) bytes += array.byteLength;
  for (const p of packed.postings) bytes += p.words.byteLength + p.counts.byteLength + p.offsets.byteLength + p.data.byteLength;
  return bytes;
}
