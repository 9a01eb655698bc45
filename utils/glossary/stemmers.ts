// Stemmers for finding glossary terms in their inflected forms: Snowball's (multilingual-stemmer,
// Snowball 3 compiled to WebAssembly), loaded only when a glossary has terms to find. A language
// Snowball has no stemmer for is matched by its lower-cased words.
import { primaryLanguage } from '../languages';

export type Stem = (word: string) => string;

/** Snowball's languages, by primary language subtag. */
const SNOWBALL: Record<string, string> = {
  ar: 'Arabic', hy: 'Armenian', eu: 'Basque', ca: 'Catalan', cs: 'Czech', da: 'Danish', nl: 'Dutch', en: 'English',
  eo: 'Esperanto', et: 'Estonian', fi: 'Finnish', fr: 'French', de: 'German', el: 'Greek', hi: 'Hindi', hu: 'Hungarian',
  id: 'Indonesian', ga: 'Irish', it: 'Italian', lt: 'Lithuanian', ne: 'Nepali', no: 'Norwegian', nb: 'Norwegian',
  nn: 'Norwegian', fa: 'Persian', pl: 'Polish', pt: 'Portuguese', ro: 'Romanian', ru: 'Russian', sr: 'Serbian',
  st: 'Sesotho', es: 'Spanish', sv: 'Swedish', ta: 'Tamil', tr: 'Turkish', yi: 'Yiddish',
};

/** Lower case, Russian ё as е, and in Persian the Arabic ي/ك as ی/ک and no zero-width non-joiner. */
export function foldWord(word: string, primary = ''): string {
  const lower = word.toLowerCase().replace(/ё/g, 'е');
  return primary === 'fa' ? lower.replace(/\u064a/g, '\u06cc').replace(/\u0643/g, '\u06a9').replace(/\u200c/g, '') : lower;
}

const loaded = new Map<string, Promise<Stem>>();

/** The stemmer of a language (folded words), loaded once; a language without one keeps words whole. */
export function loadStemmer(lang: string | null): Promise<Stem> {
  const primary = primaryLanguage(lang) ?? 'und';
  let stemmer = loaded.get(primary);
  if (!stemmer) {
    stemmer = makeStemmer(primary).catch((): Stem => (word) => foldWord(word, primary));
    loaded.set(primary, stemmer);
  }
  return stemmer;
}

async function makeStemmer(primary: string): Promise<Stem> {
  const name = SNOWBALL[primary];
  if (!name) return (word) => foldWord(word, primary);
  const { createStemmer, Languages } = await import('multilingual-stemmer');
  const stem = createStemmer(Languages[name as keyof typeof Languages]);
  const cache = new Map<string, string>();
  return (word) => {
    const folded = foldWord(word, primary);
    let stemmed = cache.get(folded);
    if (stemmed === undefined) {
      stemmed = stem(folded);
      if (cache.size < 50_000) cache.set(folded, stemmed);
    }
    return stemmed;
  };
}
