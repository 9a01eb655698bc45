// A translation memory of any size for the bench: paragraphs of 20–80 words drawn from a
// vocabulary with Zipf-like frequencies (a few words in most paragraphs, most words rare), as in
// real prose, so that common words cost the index what they cost with real drafts.
const BASE = (
  'the of and to in a is that for on with as was by it at from this be are an or which their have has ' +
  'wikimedia wikipedia community volunteers project conference wikimania central asia kazakhstan uzbekistan ' +
  'kyrgyzstan tajikistan participants scholarship session language languages translation editors article ' +
  'articles content knowledge free open movement foundation grant program event meetup workshop photo licence ' +
  'commons image caption author team organizers speakers talk presented shared experience year years local ' +
  'chapter affiliate user group contributors growth support learning campaign contest education library'
).split(' ');

/** A deterministic pseudo-random source (mulberry32), so every run builds the same memory. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface CorpusEntry {
  source: string;
  target: string;
}

/** `count` source paragraphs (and stand-in translations), the same for the same seed. */
export function memoryCorpus(count: number, seed = 1): CorpusEntry[] {
  const random = seededRandom(seed);
  // 40,000 words in all: the base words first (most frequent), then made-up rare ones.
  const vocabulary = [...BASE];
  for (let i = 0; vocabulary.length < 40_000; i++) vocabulary.push(`w${i.toString(36)}x`);
  const pick = () => vocabulary[Math.min(vocabulary.length - 1, Math.floor(Math.pow(random(), 3) * vocabulary.length))]!;
  const entries: CorpusEntry[] = [];
  for (let i = 0; i < count; i++) {
    const length = 20 + Math.floor(random() * 60);
    const words: string[] = [];
    for (let w = 0; w < length; w++) words.push(pick());
    const source = `${words.join(' ')}.`;
    entries.push({ source: source[0]!.toUpperCase() + source.slice(1), target: `перевод ${i}: ${words.slice(0, 8).join(' ')}` });
  }
  return entries;
}
