// Unit tests run under WXT's fake browser, which has no i18n: give it the English messages, read
// from public/_locales/en/messages.json as the browser would, with $1…$9 substitution.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

const messages: Record<string, { message: string }> = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, '../../public/_locales/en/messages.json'), 'utf8'),
);

function getMessage(name: string, substitutions?: string | string[]): string {
  if (name === '@@ui_locale') return 'en';
  if (name === '@@bidi_dir') return 'ltr';
  const entry = messages[name];
  if (!entry) return '';
  const values = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  return entry.message.replace(/\$(\d)/g, (_, n: string) => values[Number(n) - 1] ?? '').replace(/\$\$/g, '$');
}

const install = () => Object.assign(fakeBrowser.i18n, { getMessage, getUILanguage: () => 'en' });
install();
beforeEach(install);
