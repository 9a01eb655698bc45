// Every interface string, through browser.i18n: messages live in public/_locales/<locale>/
// messages.json (English, Russian, Persian), and the views follow the browser's UI language.
// Plurals: chrome.i18n has none, so a counted message has one key per CLDR plural category
// (`name_one`, `name_few`, `name_many`, `name_other`), chosen with Intl.PluralRules.
import { browser } from 'wxt/browser';
import type English from '../public/_locales/en/messages.json';

export type MessageKey = keyof typeof English;
type PluralBase<K> = K extends `${infer Base}_other` ? Base : never;
export type PluralKey = PluralBase<MessageKey>;

type GetMessage = (name: string, substitutions?: string | string[]) => string;
const getMessage = (): GetMessage => browser.i18n.getMessage as unknown as GetMessage;

/**
 * Messages without substitutions, as read: every row of a view asks for the same few labels, and
 * each call into the browser's i18n costs more than the row's own work. Kept per `getMessage`
 * (the UI language is the page's for its life; a test that swaps it starts afresh).
 */
let plain: { from: GetMessage; messages: Map<string, string> } | undefined;

/** The message in the UI language, with its $1…$9 (or named) placeholders filled. */
export function t(key: MessageKey, ...substitutions: Array<string | number>): string {
  const read = getMessage();
  if (substitutions.length > 0) return read(key, substitutions.map(String));
  if (plain?.from !== read) plain = { from: read, messages: new Map() };
  let message = plain.messages.get(key);
  if (message === undefined) plain.messages.set(key, (message = read(key, [])));
  return message;
}

/** A counted message: `count` is also the first substitution. */
export function tCount(key: PluralKey, count: number, ...more: Array<string | number>): string {
  const { plural, number } = formats();
  const substitutions = [number.format(count), ...more.map(String)];
  return getMessage()(`${key}_${plural.select(count)}`, substitutions) || getMessage()(`${key}_other`, substitutions);
}

/** A number in the UI language's digits and separators ("۱۲" in Persian). */
export function formatNumber(value: number): string {
  return formats().number.format(value);
}

/** A moment as the UI language writes it, date and time ("27 нояб. 2026 г., 02:21"). */
export function formatDateTime(at: number | Date): string {
  return formats().dateTime.format(at);
}

let cached: { plural: Intl.PluralRules; number: Intl.NumberFormat; dateTime: Intl.DateTimeFormat } | undefined;
function formats() {
  if (cached) return cached;
  const ui = uiLanguage();
  cached = {
    plural: new Intl.PluralRules(ui),
    number: new Intl.NumberFormat(ui),
    dateTime: new Intl.DateTimeFormat(ui, { dateStyle: 'medium', timeStyle: 'short' }),
  };
  return cached;
}

/** The browser's UI language as a BCP-47 tag ("fa", "pt-BR"). */
export function uiLanguage(): string {
  return (getMessage()('@@ui_locale') || 'en').replace(/_/g, '-');
}

/** Gives a view's page the UI language and its direction, so Persian reads right to left. */
export function applyUiLanguage(doc: Document): void {
  doc.documentElement.lang = uiLanguage();
  doc.documentElement.dir = getMessage()('@@bidi_dir') === 'rtl' ? 'rtl' : 'ltr';
}
