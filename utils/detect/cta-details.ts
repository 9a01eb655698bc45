// Where the call to action leads and which languages it offers: Polylang's form (the Diff box for
// a logged-in reader), the theme's login link, a platform or "translate" link, a language bar.
import type { TargetLanguage } from '../model';
import { normaliseText } from '../segment/ids';
import { resolveUrl, resolveWebUrl } from './page-meta';

const LANGUAGE_PICKER = 'select#new_lang, select[name="new_lang"]';

/** The address the site's own "start translation" leads to, or null. */
export function ctaStartUrl(doc: Document, diffBox: Element | null, links: Element[], baseUrl: string): string | null {
  const picker = (diffBox ?? doc).querySelector(LANGUAGE_PICKER);
  const form = picker?.closest('form') ?? diffBox?.querySelector('form') ?? null;
  if (form) return formStartUrl(form, baseUrl);
  if (diffBox || doc.querySelector('a.translate-post-login[href]')) return loginStartUrl(doc, diffBox, baseUrl);
  for (const link of links) {
    const href = link.getAttribute('href')?.trim();
    const url = href && !href.startsWith('#') ? resolveWebUrl(href, baseUrl) : null;
    if (url) return url;
  }
  return null;
}

/**
 * The languages the call to action offers: Polylang's picker (the languages still lacking a
 * translation), else a language bar inside the call to action (links with hreflang or lang).
 */
export function ctaTargetLanguages(doc: Document, box: Element | null): TargetLanguage[] {
  const picker = (box ?? doc).querySelector(LANGUAGE_PICKER) ?? box?.querySelector('select') ?? null;
  if (picker) return pickerLanguages(picker);
  if (!box) return [];
  const languages: TargetLanguage[] = [];
  for (const link of Array.from(box.querySelectorAll('a[hreflang], a[lang], [data-lang] > a'))) {
    const code = (link.getAttribute('hreflang') ?? link.getAttribute('lang') ?? link.parentElement?.getAttribute('data-lang') ?? '').trim();
    const name = normaliseText(link.textContent ?? '');
    if (code !== '' && !languages.some((l) => l.code === code)) languages.push({ code, name: name || code });
  }
  return languages;
}

/**
 * Polylang's form as the GET address it submits to, minus the language the translator picks:
 * the action resolved against the page, with the hidden inputs as the query in document order.
 */
function formStartUrl(form: Element, baseUrl: string): string | null {
  const action = resolveUrl(form.getAttribute('action')?.trim() ?? '', baseUrl);
  if (action === null) return null;
  const url = new URL(action);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const query = new URLSearchParams();
  for (const input of Array.from(form.querySelectorAll('input'))) {
    const name = input.getAttribute('name');
    if (!name || name === 'new_lang' || input.hasAttribute('disabled')) continue;
    if (input.getAttribute('type')?.trim().toLowerCase() !== 'hidden') continue;
    query.append(name, input.getAttribute('value') ?? '');
  }
  url.search = query.toString();
  return url.href;
}

/** The languages a picker offers, in the page's order (an empty placeholder option left out). */
function pickerLanguages(picker: Element): TargetLanguage[] {
  const languages: TargetLanguage[] = [];
  for (const option of Array.from(picker.querySelectorAll('option'))) {
    const name = normaliseText(option.textContent ?? '');
    const code = (option.getAttribute('value') ?? name).trim();
    if (code !== '') languages.push({ code, name });
  }
  return languages;
}

/** The logged-out "Start translation" link: the theme's login link, else any link in the box. */
function loginStartUrl(doc: Document, box: Element | null, baseUrl: string): string | null {
  const link =
    (box ?? doc).querySelector('a.translate-post-login[href]') ??
    box?.querySelector('a[href]:not([href^="#"])') ??
    null;
  const href = link?.getAttribute('href')?.trim();
  return href ? resolveWebUrl(href, baseUrl) : null;
}
