// The index of translation memory: for each language pair, which entries hold each word of their
// source, and which hold each exact source. It keeps no text — only word hashes — and answers
// candidates; the background reads the few candidates' texts and scores them (match-text.ts).
// Most entries are in a packed part (packed-index.ts), stored and read back as it is; entries
// written since are added beside it and packed in later. Entries are named by id strings.
import { hashText } from '../segment/ids';
import { plainSource } from './match-text';
import { packIndex, type AddedEntry } from './pack-index';
import {
  emptyPackedIndex,
  findSlot,
  idOf,
  lowerBound,
  packedBytes,
  slotCount,
  splitId,
  wordPosition,
  type PackedIndex,
} from './packed-index';
import { wordHashes } from './word-hashes';
import { MIN_OVERLAP } from './candidate-rule';

export interface Candidate {
  id: string;
  /** The share of words the two sources have in common (of the words looked up). */
  overlap: number;
}

/** What changed since the index was last packed: stored beside the packed index, small. */
export interface IndexDelta {
  entries: AddedEntry[];
  /** Packed slots removed or replaced since. */
  removed: Uint32Array;
}

/** Growable list of slot numbers. */
class Postings {
  items = new Uint32Array(4);
  length = 0;
  push(slot: number): void {
    if (this.length === this.items.length) {
      const grown = new Uint32Array(this.items.length * 2);
      grown.set(this.items);
      this.items = grown;
    }
    this.items[this.length++] = slot;
  }
}

/** 32 bits of the plain source's hash: equal ones are exact-match candidates (the caller compares texts). */
export function exactHash(plain: string): number {
  return hashText(plain) % 4294967296;
}

/** When an entry was written, in whole seconds (what the packed index keeps). */
function seconds(ms: number): number {
  return Math.max(0, Math.min(0xffffffff, Math.floor(ms / 1000)));
}

export class MemoryIndex {
  private packedPart!: PackedIndex;
  private groupNumber!: Map<string, number>;
  private pairNumber!: Map<string, number>;
  private removed!: Uint8Array;
  private removedCount = 0;
  /** Entries added since packing; slot numbers go on after the packed ones. */
  private added: Array<AddedEntry | undefined> = [];
  private addedOf = new Map<string, number>();
  private addedPostings = new Map<string, Map<number, Postings>>();
  private addedExact = new Map<string, Map<number, number[]>>();
  private counts = new Uint16Array(0);

  constructor(packed: PackedIndex = emptyPackedIndex(), delta?: IndexDelta) {
    this.usePacked(packed);
    if (!delta) return;
    for (const slot of delta.removed) this.removePacked(slot);
    for (const entry of delta.entries) this.add(entry);
  }

  /** An index of these entries, packed (a first build: no entry is added one by one). */
  static of(entries: Iterable<{ id: string; pair: string; tagged: string; atMs: number }>): MemoryIndex {
    const added: AddedEntry[] = [];
    for (const { id, pair, tagged, atMs } of entries) {
      const plain = plainSource(tagged);
      added.push({ id, pair, exact: exactHash(plain), at: seconds(atMs), words: wordHashes(plain) });
    }
    return new MemoryIndex(packIndex(emptyPackedIndex(), new Uint8Array(0), added));
  }

  /** The packed part, as the index uses it. */
  get packed(): PackedIndex {
    return this.packedPart;
  }

  get size(): number {
    return slotCount(this.packedPart) - this.removedCount + this.addedOf.size;
  }

  /** Entries added or removed since the index was packed. */
  get changes(): number {
    return this.removedCount + this.addedOf.size;
  }

  has(id: string): boolean {
    return this.addedOf.has(id) || this.packedSlot(id) >= 0;
  }

  /**
   * Adds or replaces an entry. The same source in the same pair again only updates when it was
   * written, and answers false: the index did not change.
   */
  put(id: string, pair: string, tagged: string, atMs: number): boolean {
    const plain = plainSource(tagged);
    const exact = exactHash(plain);
    const at = seconds(atMs);
    const added = this.addedOf.get(id);
    if (added !== undefined) {
      const entry = this.added[added]!;
      if (entry.pair === pair && entry.exact === exact) {
        entry.at = at;
        return false;
      }
    } else {
      const slot = this.packedSlot(id);
      if (slot >= 0 && this.packedPart.pairs[this.packedPart.pairOf[slot]!] === pair && this.packedPart.exact[slot] === exact) {
        this.packedPart.at[slot] = at;
        return false;
      }
    }
    this.remove(id);
    this.add({ id, pair, exact, at, words: wordHashes(plain) });
    return true;
  }

  /** Removes an entry; false when the index did not hold it. */
  remove(id: string): boolean {
    const added = this.addedOf.get(id);
    if (added !== undefined) {
      const entry = this.added[added]!;
      this.added[added] = undefined;
      this.addedOf.delete(id);
      // Postings keep the number (skipped when met) until the next packing.
      const same = this.addedExact.get(entry.pair)?.get(entry.exact);
      same?.splice(same.indexOf(slotCount(this.packedPart) + added), 1);
      return true;
    }
    const slot = this.packedSlot(id);
    if (slot < 0) return false;
    this.removePacked(slot);
    return true;
  }

  /** Up to `limit` entries whose plain source hashes as this one's, the latest written first. */
  exactCandidates(pair: string, tagged: string, limit: number, except?: string): string[] {
    const exact = exactHash(plainSource(tagged));
    const found: Array<{ slot: number; at: number }> = [];
    const packed = this.packedPart;
    const pairNo = this.pairNumber.get(pair);
    if (pairNo !== undefined) {
      const order = packed.byExact;
      for (let i = lowerBound(order.length, (k) => packed.exact[order[k]!]!, exact); i < order.length; i++) {
        const slot = order[i]!;
        if (packed.exact[slot] !== exact) break;
        if (!this.removed[slot] && packed.pairOf[slot] === pairNo) found.push({ slot, at: packed.at[slot]! });
      }
    }
    const base = slotCount(packed);
    for (const slot of this.addedExact.get(pair)?.get(exact) ?? []) found.push({ slot, at: this.added[slot - base]!.at });
    found.sort((a, b) => b.at - a.at || b.slot - a.slot);
    const ids: string[] = [];
    for (const { slot } of found) {
      const id = this.idOfSlot(slot);
      if (id !== except) ids.push(id);
      if (ids.length >= limit) break;
    }
    return ids;
  }

  /**
   * The entries sharing the most words with this source, best first, at most `limit`. Common words
   * cost most (each is one list walk) and tell least: the rarest words of the source are walked
   * until `budget` list items, but at least half of the words; an entry's share is the part of
   * those words it holds, and must reach `minOverlap`.
   */
  candidates(pair: string, tagged: string, { limit = 12, minOverlap = MIN_OVERLAP, budget = 30_000 } = {}): Candidate[] {
    const words = wordHashes(plainSource(tagged));
    const total = words.length;
    if (total === 0) return [];
    const pairNo = this.pairNumber.get(pair);
    const packedPostings = pairNo === undefined ? undefined : this.packedPart.postings[pairNo];
    const addedByWord = this.addedPostings.get(pair);
    const lists: Array<{ count: number; position: number; extra: Postings | undefined }> = [];
    for (const word of words) {
      const position = wordPosition(packedPostings, word);
      const extra = addedByWord?.get(word);
      const count = (position >= 0 ? packedPostings!.counts[position]! : 0) + (extra?.length ?? 0);
      if (count > 0) lists.push({ count, position, extra });
    }
    lists.sort((a, b) => a.count - b.count);
    const base = slotCount(this.packedPart);
    const slots = base + this.added.length;
    if (this.counts.length < slots) this.counts = new Uint16Array(Math.max(slots, this.counts.length * 2, 1024));
    const counts = this.counts;
    const touched: number[] = [];
    let walked = 0;
    let used = 0;
    for (const list of lists) {
      if (used >= Math.ceil(total / 2) && walked + list.count > budget) break;
      walked += list.count;
      used++;
      if (list.position >= 0) {
        // The gaps of packed-index.ts, decoded here: this loop is most of a match's time.
        const { data, offsets } = packedPostings!;
        let at = offsets[list.position]!;
        const end = offsets[list.position + 1]!;
        let slot = -1;
        while (at < end) {
          let byte = data[at++]!;
          let gap = byte & 0x7f;
          for (let shift = 7; byte & 0x80; shift += 7) {
            byte = data[at++]!;
            gap |= (byte & 0x7f) << shift;
          }
          slot += gap;
          if (counts[slot]++ === 0) touched.push(slot);
        }
      }
      if (list.extra) {
        const { items, length } = list.extra;
        for (let i = 0; i < length; i++) {
          const slot = items[i]!;
          if (counts[slot]++ === 0) touched.push(slot);
        }
      }
    }
    // Words the index has never seen count as walked and missed: no entry holds them.
    const asked = used + (total - lists.length);
    const found: Array<{ slot: number; overlap: number }> = [];
    for (const slot of touched) {
      const shared = counts[slot]!;
      counts[slot] = 0;
      const length = slot < base ? (this.removed[slot] ? -1 : this.packedPart.wordCount[slot]!) : (this.added[slot - base]?.words.length ?? -1);
      // Gone, or far longer or shorter: not alike enough, whatever they share.
      if (length < 0 || length < total * minOverlap || length * minOverlap > total) continue;
      const overlap = shared / asked;
      if (overlap >= minOverlap) found.push({ slot, overlap });
    }
    found.sort((a, b) => b.overlap - a.overlap);
    return found.slice(0, limit).map(({ slot, overlap }) => ({ id: this.idOfSlot(slot), overlap }));
  }

  /** Packs every entry into a new packed index, which the index uses from now on; answers it. */
  pack(): PackedIndex {
    const packed = packIndex(this.packedPart, this.removed, this.added.filter((e): e is AddedEntry => e !== undefined));
    this.usePacked(packed);
    return packed;
  }

  /** The changes since packing, to store beside the packed index. */
  delta(): IndexDelta {
    const removed: number[] = [];
    for (let slot = 0; slot < this.removed.length; slot++) if (this.removed[slot]) removed.push(slot);
    return { entries: this.added.filter((e): e is AddedEntry => e !== undefined), removed: Uint32Array.from(removed) };
  }

  /** Bytes the index holds in typed arrays, strings and maps, roughly: what the bench reports. */
  approximateBytes(): number {
    let bytes = packedBytes(this.packedPart) + this.removed.byteLength + this.counts.byteLength;
    for (const entry of this.added) if (entry) bytes += entry.words.byteLength + entry.id.length * 2 + 96;
    for (const byWord of this.addedPostings.values()) for (const list of byWord.values()) bytes += list.items.byteLength + 64;
    return bytes;
  }

  private usePacked(packed: PackedIndex): void {
    this.packedPart = packed;
    this.groupNumber = new Map(packed.groups.map((group, i) => [group, i]));
    this.pairNumber = new Map(packed.pairs.map((pair, i) => [pair, i]));
    this.removed = new Uint8Array(slotCount(packed));
    this.removedCount = 0;
    this.added = [];
    this.addedOf.clear();
    this.addedPostings.clear();
    this.addedExact.clear();
  }

  private packedSlot(id: string): number {
    const { group, tail } = splitId(id);
    const number = this.groupNumber.get(group);
    if (number === undefined) return -1;
    const slot = findSlot(this.packedPart, number, tail);
    return slot >= 0 && !this.removed[slot] ? slot : -1;
  }

  private removePacked(slot: number): void {
    if (this.removed[slot]) return;
    this.removed[slot] = 1;
    this.removedCount++;
  }

  private idOfSlot(slot: number): string {
    const base = slotCount(this.packedPart);
    return slot < base ? idOf(this.packedPart, slot) : this.added[slot - base]!.id;
  }

  private add(entry: AddedEntry): void {
    const slot = slotCount(this.packedPart) + this.added.length;
    this.addedOf.set(entry.id, this.added.length);
    this.added.push(entry);
    let byWord = this.addedPostings.get(entry.pair);
    if (!byWord) this.addedPostings.set(entry.pair, (byWord = new Map()));
    for (const word of entry.words) {
      let list = byWord.get(word);
      if (!list) byWord.set(word, (list = new Postings()));
      list.push(slot);
    }
    let byExact = this.addedExact.get(entry.pair);
    if (!byExact) this.addedExact.set(entry.pair, (byExact = new Map()));
    const same = byExact.get(entry.exact);
    if (same) same.push(slot);
    else byExact.set(entry.exact, [slot]);
  }
}
