// Glossary terms found in their inflected forms (Snowball stemmers for en, ru, fa), and drafts
// checked against them: a missing translation, a form to avoid.
import { describe, expect, it } from 'vitest';
import type { GlossaryEntry } from '../../utils/memory/memory-types';
import { loadStemmer } from '../../utils/glossary/stemmers';
import { TermMatcher } from '../../utils/glossary/term-matcher';

function entry(source: string, targets: string[], avoid: string[] = [], sourceLang = 'en', targetLang = 'ru'): GlossaryEntry {
  return { id: source.toLowerCase().replace(/\W+/g, '-'), sourceLang, targetLang, source, targets, note: '', avoid, updatedAt: 1, hlc: '' };
}

async function matcher(entries: GlossaryEntry[], sourceLang: string, targetLang: string) {
  return new TermMatcher(entries, sourceLang, await loadStemmer(sourceLang), targetLang, await loadStemmer(targetLang));
}

const found = (m: TermMatcher, text: string) => m.findTerms(text).map((s) => text.slice(s.start, s.end));

describe('stemming', () => {
  it('finds English terms in other forms and cases, several words long', async () => {
    const m = await matcher([entry('volunteer', ['волонтёр']), entry('Wikimedia Foundation', ['Фонд Викимедиа'])], 'en', 'ru');
    expect(found(m, 'Volunteers of the Wikimedia Foundation and one volunteer.')).toEqual(['Volunteers', 'Wikimedia Foundation', 'volunteer']);
    expect(found(m, 'Voluntary work')).toEqual([]);
  });

  it('finds Russian terms in every case', async () => {
    const m = await matcher([entry('Викимания', ['Wikimania'], [], 'ru', 'en'), entry('лицензия', ['licence'], [], 'ru', 'en')], 'ru', 'en');
    expect(found(m, 'На Викимании говорили о лицензиях; Викиманию ждут.')).toEqual(['Викимании', 'лицензиях', 'Викиманию']);
  });

  it('finds Persian terms with their plural and ezafe endings, with or without the zero-width non-joiner', async () => {
    const m = await matcher([entry('ترجمه', ['translation'], [], 'fa', 'en'), entry('کتاب', ['book'], [], 'fa', 'en')], 'fa', 'en');
    expect(found(m, 'ترجمه‌ها و کتاب‌های او، و کتابها')).toEqual(['ترجمه‌ها', 'کتاب‌های', 'کتابها']);
  });
});

describe('glossary checks of a draft', () => {
  it('flags a source term whose translation is missing, and passes any inflected form of it', async () => {
    const m = await matcher([entry('Wikimania', ['Викимания'], ['Викимэния'])], 'en', 'ru');
    const source = 'Wikimania 2024 was in Katowice.';
    expect(m.check(source, 'Конференция прошла в Катовице.')).toEqual([{ kind: 'glossary-missing', source: 'Wikimania', targets: ['Викимания'] }]);
    expect(m.check(source, 'На Викимании 2024 в Катовице.')).toEqual([]);
    expect(m.check(source, 'Викимэния и Викимания.')).toEqual([{ kind: 'glossary-avoid', used: 'Викимэния', targets: ['Викимания'] }]);
    expect(m.check('Nothing here.', 'Ничего.')).toEqual([]);
  });

  it('checks Persian drafts by their stems', async () => {
    const m = await matcher([entry('translation', ['ترجمه'])], 'en', 'fa');
    expect(m.check('Translations matter.', 'ترجمه‌ها مهم‌اند.')).toEqual([]);
    expect(m.check('Translations matter.', 'برگردان مهم است.')).toHaveLength(1);
  });
});
