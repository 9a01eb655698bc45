// The interface's messages: every locale has every key, the same placeholders, and no empty text;
// every English message is described for translators; Persian and Russian keep their own letters and quotes.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const LOCALES = path.resolve(import.meta.dirname, '../public/_locales');
type Messages = Record<string, { message: string; description?: string }>;
const read = (locale: string): Messages => JSON.parse(readFileSync(path.join(LOCALES, locale, 'messages.json'), 'utf8'));
const placeholders = (text: string) => [...text.matchAll(/\$\d/g)].map((m) => m[0]).sort();

describe('interface messages', () => {
  const english = read('en');
  const locales = readdirSync(LOCALES);

  it('ship in English, Russian and Persian', () => {
    expect(locales.sort()).toEqual(['en', 'fa', 'ru']);
  });

  it.each(['ru', 'fa'])('%s has exactly the English keys, with the same placeholders', (locale) => {
    const messages = read(locale);
    expect(Object.keys(messages).sort()).toEqual(Object.keys(english).sort());
    for (const [key, { message }] of Object.entries(messages)) {
      expect(placeholders(message), `${locale}: ${key}`).toEqual(placeholders(english[key]!.message));
    }
  });

  it.each(['en', 'ru', 'fa'])('%s has no empty message, and every counted message has all four plural forms', (locale) => {
    const messages = read(locale);
    for (const [key, { message }] of Object.entries(messages)) expect(message.trim(), key).not.toBe('');
    const counted = new Set(Object.keys(messages).filter((k) => /_(one|few|many|other)$/.test(k)).map((k) => k.replace(/_\w+$/, '')));
    for (const base of counted) {
      for (const form of ['one', 'few', 'many', 'other']) expect(messages, `${base}_${form}`).toHaveProperty(`${base}_${form}`);
    }
  });

  // translatewiki's "qqq": translators see where a text shows and what each $N holds.
  it('every English message tells translators where it shows', () => {
    const undescribed = Object.entries(english).filter(([, { description }]) => !description?.trim());
    expect(undescribed.map(([key]) => key)).toEqual([]);
  });

  it('Persian uses Persian yeh and kaf, never the Arabic ي and ك', () => {
    const arabic = Object.entries(read('fa')).filter(([, { message }]) => /[يك]/.test(message));
    expect(arabic.map(([key]) => key)).toEqual([]);
  });

  it('Russian quotes with «», never a straight "', () => {
    const straight = Object.entries(read('ru')).filter(([, { message }]) => message.includes('"'));
    expect(straight.map(([key]) => key)).toEqual([]);
  });
});
