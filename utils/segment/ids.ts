// Segment text normalisation and stable ids: the id comes from what a segment says, never from
// where it sits, so drafts stay attached when other paragraphs are added or removed.
import type { SegmentKind } from '../model';

// Whitespace that is not already a lone space: a run of two or more, or one tab, newline, no-break
// or other Unicode space. Lone spaces, by far the most common, are left alone, which is much faster
// than replacing every /\s+/ and gives the same result.
const WHITESPACE_TO_COLLAPSE = /\s{2,}|[^\S ]/g;

/** Collapses every whitespace run to one space and trims: the form segment texts and ids use. */
export function normaliseText(raw: string): string {
  return raw.replace(WHITESPACE_TO_COLLAPSE, ' ').trim();
}

/** Short id prefixes, so an id says what kind of block it names. */
const KIND_PREFIX: Record<SegmentKind, string> = {
  heading: 'h',
  paragraph: 'p',
  'list-item': 'li',
  quote: 'q',
  caption: 'cap',
  'table-cell': 'td',
};

/**
 * cyrb53 (public domain, bryc): a fast 53-bit string hash with good spread. Not cryptographic;
 * it only has to keep different texts of one page apart.
 */
export function hashText(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz';

/**
 * `n.toString(36).padStart(11, '0')` for 0 ≤ n < 2^53, several times faster: V8's radix
 * conversion of numbers above 2^31 is slow, and a long post needs thousands.
 */
function base36(n: number): string {
  let digits = '';
  for (let i = 0; i < 11; i++) {
    const quotient = Math.floor(n / 36);
    digits = DIGITS[n - quotient * 36] + digits;
    n = quotient;
  }
  return digits;
}

/**
 * The stable id of a segment: kind prefix, the hash of its (already normalised) text in base36
 * padded to 11 characters, and `-n` for the n-th repeat of the same kind and text on the page.
 * Only [a-z0-9-], so it is safe in URL paths and CouchDB document ids.
 */
export function segmentId(kind: SegmentKind, text: string, occurrence = 0): string {
  const base = `${KIND_PREFIX[kind]}-${base36(hashText(text))}`;
  return occurrence > 0 ? `${base}-${occurrence}` : base;
}
