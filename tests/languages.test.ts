import { describe, expect, it } from 'vitest';
import { canonicalTag, defaultTargetLanguage, languageName, primaryLanguage, textDirection } from '../utils/languages';

describe('languages', () => {
  it('reads primary subtags from html lang and og:locale forms', () => {
    expect(primaryLanguage('en-US')).toBe('en');
    expect(primaryLanguage('en_US')).toBe('en');
    expect(primaryLanguage('not a tag!')).toBeNull();
    expect(canonicalTag('pt-br')).toBe('pt-BR');
  });

  it('names languages with Intl.DisplayNames and knows their direction', () => {
    expect(languageName('ru', 'en')).toBe('Russian');
    expect(textDirection('fa')).toBe('rtl');
    expect(textDirection('ar')).toBe('rtl');
    expect(textDirection('he')).toBe('rtl');
    expect(textDirection('kk')).toBe('ltr');
  });

  it('proposes the recent language, else a browser language that is not the source', () => {
    const base = { chosen: null, recent: [], sourceLanguage: 'en' };
    expect(defaultTargetLanguage({ ...base, browserLanguages: ['en-US', 'de'] })).toBe('de');
    expect(defaultTargetLanguage({ ...base, recent: ['uk'], browserLanguages: ['de'] })).toBe('uk');
    expect(defaultTargetLanguage({ ...base, browserLanguages: ['en-US'] })).toBeNull();
    expect(defaultTargetLanguage({ ...base, chosen: 'fa', browserLanguages: [] })).toBe('fa');
  });
});
