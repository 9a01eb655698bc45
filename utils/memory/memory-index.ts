// The in-memory index of translation memory: for each language pair, which entries hold each
// word of their source, and which hold each exact source. It keeps no text — only 32-bit word
// hashes — and answers candidates; the background reads the few candidates' texts and scores them
// (utils/memory/match-text.ts). Entries are drafts and imported units, named by an id string.
import { hashText } from '../segment/ids';
import { plainSource } from './match-text';

interface Slot {
  id: string;
  pair: string;
  /** Hash of the plain source: entries with equal hashes are exact-match candidates. */
  exact: number;
  words: Uint32Array;
}

export interface Candidate {
  id: string;
  /** The share of words the two sources have in common (Dice coefficient of their word sets). */
  overlap: number;
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

const NOT_WORD = /[^\p{L}\p{M}\p{N}_]+/u;
/** Word → hash, kept across entries: a memory has far fewer distinct words than words. */
const hashes = new Map<string, number>();
const scratch = { words: new Uint32Array(512) };

/** The sorted distinct hashes of a plain text's lower-cased words. */
export function wordHashes(plain: string): Uint32Array {
  const parts = plain.toLowerCase().split(NOT_WORD);
  if (scratch.words.length < parts.length) scratch.words = new Uint32Array(parts.length * 2);
  const out = scratch.words;
  let k = 0;
  for (const word of parts) {
    if (!word) continue;
    let hash = hashes.get(word);
    if (hash === undefined) {
      // 30 bits: small integers, which V8 keeps unboxed as Map keys (far faster than larger ones).
      hash = hashText(word) % 1073741824;
      if (hashes.size < 500_000) hashes.set(word, hash);
    }
    out[k++] = hash;
  }
  const sorted = out.slice(0, k).sort();
  let distinct = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[distinct++] = sorted[i]!;
  return sorted.slice(0, distinct);
}

export class MemoryIndex {
  private slots: Array<Slot | undefined> = [];
  private slotOf = new Map<string, number>();
  /** pair → word hash → slots holding that word (removed slots stay until compaction). */
  private postings = new Map<string, Map<number, Postings>>();
  private exacts = new Map<string, Map<number, number[]>>();
  private removed = 0;
  private counts = new Uint16Array(0);

  get size(): number {
    return this.slotOf.size;
  }

  has(id: string): boolean {
    return this.slotOf.has(id);
  }

  /** Adds or replaces an entry; the same source again changes nothing. */
  put(id: string, pair: string, tagged: string): void {
    const plain = plainSource(tagged);
    const exact = hashText(plain);
    const known = this.slotOf.get(id);
    if (known !== undefined) {
      const slot = this.slots[known]!;
      if (slot.pair === pair && slot.exact === exact) return;
      this.remove(id);
    }
    this.place({ id, pair, exact, words: wordHashes(plain) });
  }

  remove(id: string): void {
    const number = this.slotOf.get(id);
    if (number === undefined) return;
    this.slotOf.delete(id);
    this.slots[number] = undefined;
    // Postings keep the number until enough are stale to rebuild them.
    if (++this.removed > 1_000 && this.removed > this.slotOf.size / 2) this.compact();
  }

  /** Entries whose plain source is the same as this one (their exact hash; the caller compares texts). */
  exactCandidates(pair: string, tagged: string): string[] {
    const numbers = this.exacts.get(pair)?.get(hashText(plainSource(tagged))) ?? [];
    return numbers.flatMap((n) => (this.slots[n] ? [this.slots[n].id] : []));
  }

  /**
   * The entries sharing the most words with this source, best first, at most `limit`. Common words
   * cost most (each is one list walk) and tell least: the rarest words of the source are walked
   * until `budget` list items, but at least half of the words; an entry's share is the part of
   * those words it holds, and must reach `minOverlap`.
   */
  candidates(pair: string, tagged: string, { limit = 12, minOverlap = 0.5, budget = 30_000 } = {}): Candidate[] {
    const byWord = this.postings.get(pair);
    if (!byWord) return [];
    const lists = Array.from(wordHashes(plainSource(tagged)), (word) => byWord.get(word));
    const total = lists.length;
    if (total === 0) return [];
    const present = lists.filter((list): list is Postings => list !== undefined).sort((a, b) => a.length - b.length);
    if (this.counts.length < this.slots.length) this.counts = new Uint16Array(Math.max(this.slots.length, this.counts.length * 2, 1024));
    const counts = this.counts;
    const touched: number[] = [];
    let walked = 0;
    let used = 0;
    for (const list of present) {
      if (used >= Math.ceil(total / 2) && walked + list.length > budget) break;
      walked += list.length;
      used++;
      const items = list.items;
      for (let i = 0; i < list.length; i++) {
        const n = items[i]!;
        if (counts[n]++ === 0) touched.push(n);
      }
    }
    // Words the index has never seen count as walked and missed: no entry holds them.
    const asked = used + (total - present.length);
    const found: Candidate[] = [];
    for (const n of touched) {
      const shared = counts[n]!;
      counts[n] = 0;
      const slot = this.slots[n];
      if (!slot) continue;
      // Far longer or shorter sources cannot be alike enough, whatever they share.
      if (slot.words.length < total * minOverlap || slot.words.length * minOverlap > total) continue;
      const overlap = shared / asked;
      if (overlap >= minOverlap) found.push({ id: slot.id, overlap });
    }
    found.sort((a, b) => b.overlap - a.overlap);
    return found.slice(0, limit);
  }

  /** Gives back the room lists grew into: after a build, the index holds what it needs. */
  trim(): void {
    for (const byWord of this.postings.values()) {
      for (const list of byWord.values()) if (list.items.length > list.length) list.items = list.items.slice(0, Math.max(list.length, 1));
    }
  }

  /** Bytes the index holds in typed arrays and slot records, roughly: what the bench reports. */
  approximateBytes(): number {
    let bytes = 0;
    for (const slot of this.slots) if (slot) bytes += slot.words.byteLength + slot.id.length * 2 + 64;
    for (const byWord of this.postings.values()) for (const list of byWord.values()) bytes += list.items.byteLength + 48;
    for (const byExact of this.exacts.values()) bytes += byExact.size * 56;
    return bytes;
  }

  private compact(): void {
    const live = this.slots.filter((slot): slot is Slot => slot !== undefined);
    this.slots = [];
    this.slotOf.clear();
    this.postings.clear();
    this.exacts.clear();
    this.removed = 0;
    for (const slot of live) this.place(slot);
  }

  private place(slot: Slot): void {
    const number = this.slots.length;
    this.slots.push(slot);
    this.slotOf.set(slot.id, number);
    let byWord = this.postings.get(slot.pair);
    if (!byWord) this.postings.set(slot.pair, (byWord = new Map()));
    for (const word of slot.words) {
      let list = byWord.get(word);
      if (!list) byWord.set(word, (list = new Postings()));
      list.push(number);
    }
    let byExact = this.exacts.get(slot.pair);
    if (!byExact) this.exacts.set(slot.pair, (byExact = new Map()));
    const same = byExact.get(slot.exact);
    if (same) same.push(number);
    else byExact.set(slot.exact, [number]);
  }
}
