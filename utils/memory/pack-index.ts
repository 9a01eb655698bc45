// Packing the memory index: the entries of a packed index still live, and those added since,
// merged into a new packed index (utils/memory/packed-index.ts). Slots stay sorted by id, so the
// old slots keep their order and only the added ones (few, but all of them on a first build) are
// sorted; every word's slots are decoded, renumbered and encoded once.
import { GapWriter, idOf, slotCount, splitId, tailOf, type PackedIndex, type PairPostings } from './packed-index';

/** An entry added since the index was last packed, with its words: what packing and the stored delta need. */
export interface AddedEntry {
  id: string;
  pair: string;
  exact: number;
  at: number;
  /** Sorted distinct word hashes. */
  words: Uint32Array;
}

interface Merged {
  /** New slot of each old slot (-1: gone), and of each added entry. */
  oldTo: Int32Array;
  addedTo: Int32Array;
  groups: string[];
  groupOf: Uint32Array;
  tails: string[];
}

/** Old slots still live and added entries, in id order (group, then tail). */
function mergeSlots(old: PackedIndex, removed: Uint8Array, added: AddedEntry[]): Merged {
  const split = added.map((entry) => splitId(entry.id));
  // Groups ranked once: a first build sorts every entry, most of them of a long post address.
  const rank = new Map([...new Set(split.map((p) => p.group))].sort().map((group, r) => [group, r]));
  const parts = split.map(({ group, tail }, i) => ({ group, tail, rank: rank.get(group)!, i }));
  parts.sort((a, b) => a.rank - b.rank || (a.tail < b.tail ? -1 : a.tail > b.tail ? 1 : 0));
  const total = slotCount(old);
  const oldTo = new Int32Array(total).fill(-1);
  const addedTo = new Int32Array(added.length).fill(-1);
  const groups: string[] = [];
  const groupOf: number[] = [];
  const tails: string[] = [];
  const emit = (group: string, tail: string) => {
    if (groups.length === 0 || groups[groups.length - 1] !== group) groups.push(group);
    groupOf.push(groups.length - 1);
    tails.push(tail);
    return tails.length - 1;
  };
  let s = 0;
  let a = 0;
  while (s < total || a < parts.length) {
    if (s < total && removed[s]) {
      s++;
      continue;
    }
    const oldGroup = s < total ? old.groups[old.groupOf[s]!]! : null;
    const oldTail = s < total ? tailOf(old, s) : '';
    const next = parts[a];
    const takeOld =
      oldGroup !== null && (!next || oldGroup < next.group || (oldGroup === next.group && oldTail < next.tail));
    if (takeOld) {
      oldTo[s++] = emit(oldGroup, oldTail);
    } else {
      addedTo[next!.i] = emit(next!.group, next!.tail);
      a++;
    }
  }
  return { oldTo, addedTo, groups, groupOf: Uint32Array.from(groupOf), tails };
}

/** A new packed index of the old one's live slots (`removed` marks the others) and the added entries. */
export function packIndex(old: PackedIndex, removed: Uint8Array, added: AddedEntry[]): PackedIndex {
  const { oldTo, addedTo, groups, groupOf, tails } = mergeSlots(old, removed, added);
  const size = tails.length;
  const tailEnds = new Uint32Array(size);
  let end = 0;
  tails.forEach((tail, i) => (tailEnds[i] = end += tail.length));
  const pairs: string[] = [];
  const pairNumber = new Map<string, number>();
  const numberOf = (pair: string) => {
    let n = pairNumber.get(pair);
    if (n === undefined) pairNumber.set(pair, (n = pairs.push(pair) - 1));
    return n;
  };
  const pairOf = new Uint16Array(size);
  const exact = new Uint32Array(size);
  const at = new Uint32Array(size);
  const wordCount = new Uint16Array(size);
  for (let s = 0; s < oldTo.length; s++) {
    const to = oldTo[s]!;
    if (to < 0) continue;
    pairOf[to] = numberOf(old.pairs[old.pairOf[s]!]!);
    exact[to] = old.exact[s]!;
    at[to] = old.at[s]!;
    wordCount[to] = old.wordCount[s]!;
  }
  added.forEach((entry, i) => {
    const to = addedTo[i]!;
    pairOf[to] = numberOf(entry.pair);
    exact[to] = entry.exact;
    at[to] = entry.at;
    wordCount[to] = Math.min(entry.words.length, 0xffff);
  });
  const byExact = slotsByExact(exact);
  const order = Array.from(added.keys()).sort((x, y) => addedTo[x]! - addedTo[y]!);
  const postings = pairs.map((pair) => packPair(old, oldTo, old.pairs.indexOf(pair), order.map((i) => ({ entry: added[i]!, slot: addedTo[i]! })), pair));
  return { groups, groupOf, tails: tails.join(''), tailEnds, pairs, pairOf, exact, at, wordCount, byExact, postings };
}

/** The slots in order of their exact hash (then slot): sorted as numbers, with no comparator to call. */
function slotsByExact(exact: Uint32Array): Uint32Array {
  const size = exact.length;
  if (size >= 1 << 21) return Uint32Array.from({ length: size }, (_, i) => i).sort((x, y) => exact[x]! - exact[y]! || x - y);
  const keys = new Float64Array(size);
  for (let i = 0; i < size; i++) keys[i] = exact[i]! * (1 << 21) + i;
  keys.sort();
  return Uint32Array.from(keys, (key) => key % (1 << 21));
}

/** Word hash → number, open addressing over typed arrays: a first build meets millions of words. */
class WordTable {
  keys = new Uint32Array(1 << 12);
  numbers = new Int32Array(1 << 12).fill(-1);
  size = 0;

  numberOf(word: number): number {
    if (this.size * 2 >= this.keys.length) this.grow();
    const mask = this.keys.length - 1;
    let at = Math.imul(word, 0x9e3779b1) >>> 0;
    for (;;) {
      at &= mask;
      const n = this.numbers[at]!;
      if (n < 0) {
        this.keys[at] = word;
        return (this.numbers[at] = this.size++);
      }
      if (this.keys[at] === word) return n;
      at++;
    }
  }

  get(word: number): number {
    const mask = this.keys.length - 1;
    for (let at = Math.imul(word, 0x9e3779b1) >>> 0; ; at++) {
      const n = this.numbers[at & mask]!;
      if (n < 0 || this.keys[at & mask] === word) return n;
    }
  }

  private grow(): void {
    const { keys, numbers } = this;
    this.keys = new Uint32Array(keys.length * 2);
    this.numbers = new Int32Array(keys.length * 2).fill(-1);
    const mask = this.keys.length - 1;
    for (let i = 0; i < keys.length; i++) {
      if (numbers[i]! < 0) continue;
      let at = Math.imul(keys[i]!, 0x9e3779b1) >>> 0;
      while (this.numbers[at & mask]! >= 0) at++;
      this.keys[at & mask] = keys[i]!;
      this.numbers[at & mask] = numbers[i]!;
    }
  }
}

/** The added entries' postings of one pair: for each distinct word, its slots, ascending, in one flat array. */
function addedPostings(added: Array<{ entry: AddedEntry; slot: number }>, pair: string) {
  const table = new WordTable();
  let counts = new Uint32Array(1024);
  let total = 0;
  for (const { entry } of added) {
    if (entry.pair !== pair) continue;
    for (const word of entry.words) {
      const n = table.numberOf(word);
      if (n >= counts.length) {
        const grown = new Uint32Array(counts.length * 2);
        grown.set(counts);
        counts = grown;
      }
      counts[n]!++;
      total++;
    }
  }
  const starts = new Uint32Array(table.size + 1);
  for (let n = 0; n < table.size; n++) starts[n + 1] = starts[n]! + counts[n]!;
  const filled = starts.slice(0, table.size);
  const slots = new Uint32Array(total);
  // Walked in slot order, each word's slots come out ascending.
  for (const { entry, slot } of added) {
    if (entry.pair !== pair) continue;
    for (const word of entry.words) slots[filled[table.get(word)]!++] = slot;
  }
  const words = new Uint32Array(table.size);
  for (let i = 0; i < table.keys.length; i++) if (table.numbers[i]! >= 0) words[table.numbers[i]!] = table.keys[i]!;
  return { table, words, starts, slots };
}

/** One pair's postings: the old lists renumbered, merged with the added entries' words (given in slot order). */
function packPair(old: PackedIndex, oldTo: Int32Array, oldPair: number, added: Array<{ entry: AddedEntry; slot: number }>, pair: string): PairPostings {
  const fresh = addedPostings(added, pair);
  const before = oldPair >= 0 ? old.postings[oldPair] : undefined;
  const oldWords = before?.words ?? new Uint32Array(0);
  const words = mergeWords(oldWords, fresh.words.slice().sort());
  const counts = new Uint32Array(words.length);
  const offsets = new Uint32Array(words.length + 1);
  const writer = new GapWriter();
  let renumbered = new Int32Array(1024);
  let o = 0;
  for (let w = 0; w < words.length; w++) {
    const word = words[w]!;
    let kept = 0;
    while (o < oldWords.length && oldWords[o]! < word) o++;
    if (before && oldWords[o] === word) {
      if (renumbered.length < before.counts[o]!) renumbered = new Int32Array(before.counts[o]! * 2);
      // The gaps of packed-index.ts, decoded in place: packing walks every list once.
      const { data } = before;
      let at = before.offsets[o]!;
      const end = before.offsets[o + 1]!;
      let slot = -1;
      while (at < end) {
        let byte = data[at++]!;
        let gap = byte & 0x7f;
        for (let shift = 7; byte & 0x80; shift += 7) {
          byte = data[at++]!;
          gap |= (byte & 0x7f) << shift;
        }
        slot += gap;
        const to = oldTo[slot]!;
        if (to >= 0) renumbered[kept++] = to;
      }
    }
    const n = fresh.table.get(word);
    let j = n < 0 ? 0 : fresh.starts[n]!;
    const extraEnd = n < 0 ? 0 : fresh.starts[n + 1]!;
    counts[w] = kept + extraEnd - j;
    writer.startList();
    // Both ascending: merged in order.
    let i = 0;
    while (i < kept || j < extraEnd) {
      if (j >= extraEnd || (i < kept && renumbered[i]! < fresh.slots[j]!)) writer.push(renumbered[i++]!);
      else writer.push(fresh.slots[j++]!);
    }
    offsets[w + 1] = writer.length;
  }
  // Words no live slot holds any more are dropped.
  return dropEmptyWords({ words, counts, offsets, data: writer.result() });
}

/** Two ascending word lists as one, without repeats. */
function mergeWords(a: Uint32Array, b: Uint32Array): Uint32Array {
  const out = new Uint32Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length || j < b.length) {
    const next = j >= b.length || (i < a.length && a[i]! <= b[j]!) ? a[i++]! : b[j++]!;
    if (k === 0 || out[k - 1] !== next) out[k++] = next;
  }
  return out.slice(0, k);
}

function dropEmptyWords(postings: PairPostings): PairPostings {
  if (postings.counts.every((count) => count > 0)) return postings;
  const keep = Array.from(postings.words.keys()).filter((w) => postings.counts[w]! > 0);
  const offsets = new Uint32Array(keep.length + 1);
  const parts: Uint8Array[] = [];
  let length = 0;
  keep.forEach((w, k) => {
    const part = postings.data.subarray(postings.offsets[w]!, postings.offsets[w + 1]!);
    parts.push(part);
    offsets[k + 1] = length += part.length;
  });
  const data = new Uint8Array(length);
  let at = 0;
  for (const part of parts) data.set(part, (at += part.length) - part.length);
  return { words: Uint32Array.from(keep, (w) => postings.words[w]!), counts: Uint32Array.from(keep, (w) => postings.counts[w]!), offsets, data };
}

/** Every id the packed index holds, in slot order (for tests and checks). */
export function packedIds(packed: PackedIndex): string[] {
  return Array.from({ length: slotCount(packed) }, (_, s) => idOf(packed, s));
}
