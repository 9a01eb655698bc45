// The Diff blog's "Can you help us translate this article?" box (Interconnection theme + Polylang):
// logged out it links to the login page, logged in it is Polylang's new-translation form.
import type { CallToAction, TargetLanguage } from '../model';
import { normaliseText } from '../segment/ids';
import { resolveUrl, resolveWebUrl } from './page-meta';

const LANGUAGE_PICKER = 'select#new_lang, select[name="new_lang"]';

/** The page's call to action, or null when it asks nobody to translate it. */
export function findCallToAction(doc: Document, baseUrl: string): CallToAction | null {
  const box = doc.getElementById('translate-post');
  // The header's "Translate this post" link points at the box, by fragment or full address.
  const anchor = box ? null : doc.querySelector('a[href$="#translate-post"]');
  if (!box && !anchor) return null;

  const scope: ParentNode = box ?? doc;
  const picker = scope.querySelector(LANGUAGE_PICKER);
  const form = picker?.closest('form') ?? box?.querySelector('form') ?? null;
  if (form) {
    return {
      startUrl: formStartUrl(form, baseUrl),
      targetLanguages: picker ? pickerLanguages(picker) : [],
    };
  }
  return { startUrl: loginStartUrl(doc, box, baseUrl), targetLanguages: [] };
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

/** The languages the picker offers (those still lacking a translation), in the page's order. */
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
