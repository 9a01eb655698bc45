// The interface messages of one locale as browser.i18n answers them (public/_locales/<locale>),
// $1…$9 filled in and $$ a literal dollar sign, for code that runs outside an extension: unit
// tests (English by default, or a test's own language), end-to-end tests that build exports in
// Node, and the bench.
import { readFileSync } from 'node:fs';
import path from 'node:path';

type GetMessage = (name: string, substitutions?: string | string[]) => string;

export function getMessageIn(locale: 'en' | 'ru' | 'fa'): GetMessage {
  const messages: Record<string, { message: string }> = JSON.parse(
    readFileSync(path.resolve(import.meta.dirname, `../../public/_locales/${locale}/messages.json`), 'utf8'),
  );
  return (name, substitutions) => {
    if (name === '@@ui_locale') return locale;
    if (name === '@@bidi_dir') return locale === 'fa' ? 'rtl' : 'ltr';
    const values = substitutions === undefined ? [] : [substitutions].flat();
    const message = messages[name]?.message ?? '';
    return message.replace(/\$(\d)/g, (_, n: string) => values[Number(n) - 1] ?? '').replace(/\$\$/g, '$');
  };
}

export const englishGetMessage = getMessageIn('en');
