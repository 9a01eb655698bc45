// @vitest-environment node
// The memory index answers the same whether its entries were added one by one, packed, or stored
// and read back (packed part and delta): checked against a plain model of what it holds, over a
// few thousand random changes. And the words it is looked up by, in scripts other than Latin.
import { describe, expect, it } from 'vitest';
import { plainSource } from '../../utils/memory/match-text';
import { mayBeCandidate } from '../../utils/memory/candidate-rule';
import { exactHash, MemoryIndex } from '../../utils/memory/memory-index';
import { wordHashes } from '../../utils/memory/word-hashes';
import { seededRandom } from '../bench/memory-corpus';

const WORDS = 'wikimania central asia volunteers translate licence commons photo caption session community grant language article'.split(' ');

function sentence(random: () => number): string {
  const length = 3 + Math.floor(random() * 8);
  return Array.from({ length }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' ');
}

interface Held {
  pair: string;
  tagged: string;
}

/** What the index should hold: entries by id. */
class Model {
  entries = new Map<string, Held>();

  exact(pair: string, tagged: string): string[] {
    const plain = plainSource(tagged);
    return [...this.entries].filter(([, e]) => e.pair === pair && plainSource(e.tagged) === plain).map(([id]) => id).sort();
  }
}

/** Candidates as a comparable value: ids and overlaps, ties in any order. */
function answers(index: MemoryIndex, pair: string, tagged: string) {
  return {
    exact: index.exactCandidates(pair, tagged, 1_000).sort(),
    fuzzy: index.candidates(pair, tagged, { limit: 1_000 }).map((c) => `${c.id} ${c.overlap.toFixed(6)}`).sort(),
  };
}

/** The index after the stored form's round trip: what a worker start reads back. */
function reread(index: MemoryIndex): MemoryIndex {
  const packed = structuredClone(index.packed);
  const delta = structuredClone(index.delta());
  return new MemoryIndex(packed, delta);
}

describe('memory index', () => {
  it('answers as its model does, added one by one, packed now and then, and read back', () => {
    const random = seededRandom(7);
    const model = new Model();
    const live = new MemoryIndex();
    const packedOften = new MemoryIndex();
    const ids = Array.from({ length: 400 }, (_, i) => (i % 5 === 4 ? `u\u0001unit-${i}` : `d\u0001https://diff.wikimedia.org/${i % 37}/\u0001${i % 2 ? 'ru' : 'fa'}\u0001p-${i}`));
    for (let step = 0; step < 3_000; step++) {
      const id = ids[Math.floor(random() * ids.length)]!;
      if (random() < 0.25) {
        const had = model.entries.delete(id);
        expect(live.remove(id)).toBe(had);
        packedOften.remove(id);
      } else {
        const held = { pair: random() < 0.7 ? 'en>ru' : 'en>fa', tagged: sentence(random) };
        const before = model.entries.get(id);
        const changed = !before || before.pair !== held.pair || exactHash(plainSource(before.tagged)) !== exactHash(plainSource(held.tagged));
        model.entries.set(id, held);
        expect(live.put(id, held.pair, held.tagged, 1_700_000_000_000 + step * 1000)).toBe(changed);
        packedOften.put(id, held.pair, held.tagged, 1_700_000_000_000 + step * 1000);
      }
      if (step % 97 === 0) packedOften.pack();
      if (step % 500 !== 499) continue;
      const read = reread(packedOften);
      expect(live.size).toBe(model.entries.size);
      expect(read.size).toBe(model.entries.size);
      for (let q = 0; q < 20; q++) {
        const pair = q % 3 ? 'en>ru' : 'en>fa';
        const tagged = q % 2 ? sentence(random) : [...model.entries.values()][q]?.tagged ?? sentence(random);
        const expected = answers(live, pair, tagged);
        expect(expected.exact).toEqual(model.exact(pair, tagged));
        expect(answers(packedOften, pair, tagged)).toEqual(expected);
        expect(answers(read, pair, tagged)).toEqual(expected);
      }
    }
  });

  it('reads the latest written exact candidates first, as many as asked, leaving out the one asked to', () => {
    const index = new MemoryIndex();
    for (let i = 0; i < 10; i++) index.put(`d\u0001post-${i}\u0001ru\u0001p-1`, 'en>ru', 'CC BY-SA 4.0, via Wikimedia Commons', 1_000_000 * (i % 2 ? 10 - i : i));
    index.pack();
    index.put('d\u0001post-new\u0001ru\u0001p-1', 'en>ru', 'CC BY-SA 4.0, via Wikimedia Commons', 99_000_000);
    // Written at 0, 9, 2, 7, 4, 5, 6, 3, 8 and 1 thousand seconds; the new one last of all.
    const id = (post: string) => `d\u0001post-${post}\u0001ru\u0001p-1`;
    expect(index.exactCandidates('en>ru', 'CC BY-SA 4.0, via ⟨1⟩Wikimedia Commons⟨/1⟩', 3)).toEqual([id('new'), id('1'), id('8')]);
    expect(index.exactCandidates('en>ru', 'CC BY-SA 4.0, via Wikimedia Commons', 2, id('new'))).toEqual([id('1'), id('8')]);
  });
});

describe('which entries may be candidates', () => {
  it('never rules out an entry the index finds among a source’s candidates, whatever else it holds', () => {
    const random = seededRandom(16);
    let found = 0;
    for (let round = 0; round < 20; round++) {
      const index = new MemoryIndex();
      const texts = new Map<string, string>();
      for (let i = 0; i < 300; i++) texts.set(`e-${i}`, sentence(random));
      for (const [id, text] of texts) index.put(id, 'en>ru', text, writtenAt(id));
      // A small budget: fewer of the source's words looked up, as with a large memory.
      const source = sentence(random);
      for (const options of [{}, { budget: 1 }]) {
        for (const { id } of index.candidates('en>ru', source, { limit: 1_000, ...options })) {
          found++;
          expect(mayBeCandidate(wordHashes(plainSource(source)), wordHashes(texts.get(id)!))).toBe(true);
        }
      }
    }
    expect(found).toBeGreaterThan(100);
  });

  it('rules out entries of few words in common or of unlike length', () => {
    const words = (text: string) => wordHashes(plainSource(text));
    const source = words('volunteers translate the caption of every commons photo');
    expect(mayBeCandidate(source, words('volunteers translate the caption of a commons photo'))).toBe(true);
    expect(mayBeCandidate(source, words('grant language article session community central asia wikimania'))).toBe(false);
    expect(mayBeCandidate(source, words('photo caption'))).toBe(false);
  });
});

/** Entries written a second apart, in the order of their numbers. */
const writtenAt = (id: string) => Number(id.slice(2)) * 1_000;

describe('words an entry is looked up by', () => {
  it('are the distinct lower-cased words of any script, placeholders and punctuation aside', () => {
    const same = (a: string, b: string) => expect([...wordHashes(plainSource(a))]).toEqual([...wordHashes(plainSource(b))]);
    same('Wikimania 2024 in Katowice', 'katowice, IN wikimania (2024)!');
    same('Участники сообщества Центральной Азии', 'центральной азии участники СООБЩЕСТВА');
    same('ویکی‌مانیا در کاتوویتسه', 'کاتوویتسه در ویکی‌مانیا');
    same('⟨1⟩Photo⟨/1⟩ by 𝒜lice', 'photo BY 𝒜lice');
    expect(wordHashes('Участники, участники и ещё раз УЧАСТНИКИ')).toHaveLength(4);
    expect(wordHashes('ёлка елка')).toHaveLength(2);
    expect(wordHashes('𝒜lice 𝒜lice')).toHaveLength(1);
    expect(wordHashes('— … !')).toHaveLength(0);
  });
});
