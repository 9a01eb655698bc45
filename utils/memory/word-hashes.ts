// The words a memory entry is indexed and looked up by: the lower-cased runs of letters, marks,
// digits and "_" of its plain source (the words match-text scores on), each as a 30-bit hash made
// while scanning. No substring is made: indexing 100,000 paragraphs is one pass over their
// characters. The hashes are stored in the index's snapshot: changing them changes its format.

const WORD_CHAR = /^[\p{L}\p{M}\p{N}_]$/u;
/** Per UTF-16 code unit: 0 not looked at yet, 1 part of a word, 2 not. */
const classes = new Uint8Array(65536);
for (let c = 0; c < 128; c++) classes[c] = WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 2;

function isWordUnit(code: number): boolean {
  let known = classes[code]!;
  if (known === 0) classes[code] = known = WORD_CHAR.test(String.fromCharCode(code)) ? 1 : 2;
  return known === 1;
}

let scratch: Uint32Array<ArrayBuffer> = new Uint32Array(512);

/** FNV-1a over the word's code units, mixed at the end; 30 bits keep them small integers in V8. */
const START = 0x811c9dc5;
const step = (hash: number, code: number) => Math.imul(hash ^ code, 0x01000193);
function finish(hash: number): number {
  hash ^= hash >>> 15;
  hash = Math.imul(hash, 0x2c1b3c6d);
  hash ^= hash >>> 12;
  return (hash >>> 0) & 0x3fffffff;
}

/** The sorted distinct hashes of a plain text's lower-cased words. */
export function wordHashes(plain: string): Uint32Array {
  const text = plain.toLowerCase();
  let count = 0;
  let hash = START;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let word: boolean;
    let pair = 0;
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      // A letter outside the first plane (a surrogate pair): classified whole, hashed as its two units.
      const point = text.codePointAt(i)!;
      word = WORD_CHAR.test(String.fromCodePoint(point));
      if (point > 0xffff) pair = text.charCodeAt(++i);
    } else {
      word = isWordUnit(code);
    }
    if (word) {
      hash = step(inWord ? hash : START, code);
      if (pair) hash = step(hash, pair);
      inWord = true;
    } else if (inWord) {
      if (count === scratch.length) scratch = grow(scratch);
      scratch[count++] = finish(hash);
      inWord = false;
    }
  }
  if (inWord) {
    if (count === scratch.length) scratch = grow(scratch);
    scratch[count++] = finish(hash);
  }
  const sorted = scratch.subarray(0, count).sort();
  let distinct = 0;
  for (let i = 0; i < count; i++) if (i === 0 || sorted[i] !== sorted[distinct - 1]) sorted[distinct++] = sorted[i]!;
  return sorted.slice(0, distinct);
}

function grow(array: Uint32Array): Uint32Array<ArrayBuffer> {
  const grown = new Uint32Array(array.length * 2);
  grown.set(array);
  return grown;
}
