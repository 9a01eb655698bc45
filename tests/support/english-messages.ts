// The English interface messages as browser.i18n would answer them (public/_locales/en), with
// $1…$9 substitution, for code that runs outside an extension: unit tests, end-to-end tests that
// build exports in Node, and the bench.
import { readFileSync } from 'node:fs';
import path from 'node:path';

const messages: Record<string, { message: string }> = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, '../../public/_locales/en/messages.json'), 'utf8'),
);

export function englishGetMessage(name: string, substitutions?: string | string[]): string {
  if (name === '@@ui_locale') return 'en';
  if (name === '@@bidi_dir') return 'ltr';
  const entry = messages[name];
  if (!entry) return '';
  const values = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  return entry.message.replace(/\$(\d)/g, (_, n: string) => values[Number(n) - 1] ?? '').replace(/\$\$/g, '$');
}
