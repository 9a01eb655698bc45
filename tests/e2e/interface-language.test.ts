// The interface follows the browser's language, in real Chromium with the built extension: with
// Chromium in Persian the side panel and the options page speak Persian, right to left, with
// Persian digits; in Russian, Russian, left to right; in English, English. The expected texts are
// read from the shipped messages (public/_locales), so they change with the translations.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  DIFF_POST_FIXTURE,
  DIFF_POST_PATH,
  REPO_ROOT,
  launchExtension,
  openExtensionPage,
  openTab,
  pollUntil,
  startFixtureServer,
  storedDrafts,
  type ExtensionBrowser,
  type FixtureServer,
} from './harness';
import { TYPED } from './journey-shared';

type Messages = Record<string, { message: string }>;
const messagesOf = (locale: string): Messages =>
  JSON.parse(readFileSync(path.join(REPO_ROOT, 'public/_locales', locale, 'messages.json'), 'utf8'));
const ENGLISH = messagesOf('en');

/** The Diff post's segments. */
const SEGMENTS = 13;

/** A locale's messages, filled as chrome.i18n fills them ($1…$9; numbers in the locale's digits). */
function localeTexts(locale: string) {
  const messages = messagesOf(locale);
  const number = new Intl.NumberFormat(locale);
  const plural = new Intl.PluralRules(locale);
  const fill = (key: string, ...substitutions: Array<string | number>): string => {
    const text = messages[key]?.message;
    if (text === undefined) throw new Error(`public/_locales/${locale}/messages.json has no "${key}"`);
    return text.replace(/\$(\d)/g, (_, n: string) => {
      const value = substitutions[Number(n) - 1] ?? '';
      return typeof value === 'number' ? number.format(value) : value;
    });
  };
  return {
    fill,
    /** A counted message (`base_one`, `base_few`…) as utils/i18n.ts's tCount picks it. */
    count: (base: string, count: number, ...more: Array<string | number>) =>
      fill(`${base}_${plural.select(count)}`, count, ...more),
    /**
     * The locale's text of the interface text that reads `english` in English, whichever key it
     * went under (several keys may share an English text; any of their translations will do).
     */
    ofEnglish(english: string): string[] {
      const keys = Object.keys(ENGLISH).filter((key) => ENGLISH[key]!.message === english);
      if (!keys.length) throw new Error(`no message reads "${english}" in public/_locales/en/messages.json yet`);
      return keys.map((key) => fill(key));
    },
  };
}

const LOCALES = [
  { name: 'Persian', locale: 'fa', lang: /^fa$/, dir: 'rtl', otherDigits: /[0-9]/ },
  { name: 'Russian', locale: 'ru', lang: /^ru$/, dir: 'ltr', otherDigits: /[۰-۹]/ },
  { name: 'English', locale: 'en', lang: /^en(-|$)/, dir: 'ltr', otherDigits: /[۰-۹]/ },
] as const;

describe.each(LOCALES)('the interface with Chromium in $name', ({ name, locale, lang, dir, otherDigits }) => {
  const texts = localeTexts(locale);
  let server: FixtureServer;
  let browser: ExtensionBrowser;
  let tabId: number;

  const editors = (page: Page) => page.locator('textarea[data-segment-id]');
  const progress = (page: Page) => page.getByTestId('progress').locator('span').first().innerText();
  const expectLanguageOf = async (page: Page) => {
    const html = page.locator('html');
    await pollUntil(async () => (await html.getAttribute('dir')) === dir, { message: `<html dir="${dir}">` });
    expect(await html.getAttribute('lang')).toMatch(lang);
  };

  beforeAll(async () => {
    server = await startFixtureServer({ [DIFF_POST_PATH]: DIFF_POST_FIXTURE });
    browser = await launchExtension({ uiLanguage: locale });
    const url = server.origin() + DIFF_POST_PATH;
    ({ tabId } = await openTab(browser, url));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it(`the side panel speaks ${name}, ${dir}, with its progress in the language's digits`, async () => {
    const panel = await openExtensionPage(browser.context, browser.extensionId, `sidepanel.html?tab=${tabId}`);
    await editors(panel).first().waitFor();
    await expectLanguageOf(panel);
    expect(await progress(panel)).toBe(texts.fill('progressDone', 0, SEGMENTS));
    expect(await panel.getByTestId('sync-status').innerText()).toBe(texts.fill('syncOffLink'));

    await panel.getByTestId('target-language').selectOption('ru');
    await pollUntil(() => editors(panel).nth(2).isEnabled(), { message: 'editors enabled' });
    await editors(panel).nth(2).fill(TYPED);
    const withOneDraft = texts.count('progressDrafts', 1, 0, SEGMENTS);
    // Waited for, then compared, so that a failure shows the line as it was.
    await pollUntil(async () => (await progress(panel)) === withOneDraft, { timeout: 30_000 }).catch(() => undefined);
    const line = await progress(panel);
    expect(line).toBe(withOneDraft);
    expect(line).not.toMatch(otherDigits);
    if (locale === 'fa') expect(line).toContain(new Intl.NumberFormat('fa').format(SEGMENTS)); // ۱۳
    await pollUntil(async () => (await storedDrafts(panel)).some((d) => d.text === TYPED), { message: 'the draft saved' });
    await panel.close({ runBeforeUnload: true });
  });

  it(`the options page speaks ${name}, ${dir}`, async () => {
    const options = await openExtensionPage(browser.context, browser.extensionId, 'options.html');
    await options.getByTestId('dashboard-row').first().waitFor();
    await expectLanguageOf(options);
    expect(texts.ofEnglish('Interlinear — your drafts')).toContain(await options.title());
    const syncHeading = await options.locator('#sync-heading').innerText();
    expect(texts.ofEnglish('Sync')).toContain(syncHeading);
    if (locale !== 'en') expect(syncHeading).not.toBe('Sync');
    expect(texts.ofEnglish('Your drafts')).toContain(await options.locator('#dashboard-heading').innerText());
    const rowProgress = await options.getByTestId('row-progress').first().innerText();
    expect(rowProgress).toContain(texts.count('progressDrafts', 1, 0, SEGMENTS));
    expect(rowProgress).not.toMatch(otherDigits);
    await options.close();
  });
});
