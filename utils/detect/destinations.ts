// Where a link leads, as detection weighs it: a translation platform, the site's own translate
// route (any language's word for it in the address, MediaWiki's action=translate, Polylang's
// new-translation form), a form service (a sign-up form for volunteers), or a machine-translation
// service that translates the page for its reader. One precompiled test per address.

export type Destination =
  | { kind: 'platform'; name: string }
  | { kind: 'route' }
  | { kind: 'form' }
  | { kind: 'machine' }
  | null;

const PLATFORMS: [part: string, name: string][] = [
  ['translatewiki.net', 'translatewiki.net'],
  ['crowdin.com', 'Crowdin'],
  ['crwd.in', 'Crowdin'],
  ['transifex.com', 'Transifex'],
  ['weblate', 'Weblate'],
  ['pontoon.', 'Pontoon'],
  ['poeditor.com', 'POEditor'],
  ['lokalise.', 'Lokalise'],
  ['localazy.com', 'Localazy'],
  ['gitlocalize.com', 'GitLocalize'],
  ['tolgee.', 'Tolgee'],
  ['translations.launchpad.net', 'Launchpad'],
  ['Special:Translate', 'MediaWiki Special:Translate'],
  ['Special%3ATranslate', 'MediaWiki Special:Translate'],
];
const escape = (part: string) => part.replace(/[.%]/g, (c) => `\\${c}`);
const PLATFORM = new RegExp(PLATFORMS.map(([part]) => escape(part)).join('|'), 'i');

/** Services that translate a page for its reader: never an invitation to translate it. */
export const MACHINE_TRANSLATION = /(?:^|\/\/|\.)(?:translate\.google\.|translate\.goog|[a-z-]+\.translate\.goog|bing\.com\/translator|microsofttranslator\.com|gtranslate\.(?:io|net|com)|weglot\.com|conveythis\.com|translatepress\.com|deepl\.com\/translator|yandex\.[a-z]+\/translate|translate\.yandex\.)/i;

/** Form services a call to action may send volunteers to. */
const FORM = /(?:docs\.google\.com\/forms|forms\.gle\/|typeform\.com\/|tally\.so\/|jotform\.com\/|form\.jotform|airtable\.com\/(?:shr|app[^/]*\/shr)|forms\.office\.com|forms\.microsoft\.com|framaforms\.org|cognitoforms\.com|surveymonkey\.com|formstack\.com|wufoo\.com)/i;

/**
 * The site's own translate route: the word "translate" as a part of the address's path or query
 * (in the languages sites name routes in), MediaWiki's action=translate, Polylang's form.
 */
const ROUTE =
  /[/?&=_.#-](?:translat(?!ors?\b)[a-z]*|tradu(?!ct(?:or|eur|ora))[cizç][a-zçã]*|traduction|[uü]e?bersetz(?!er)[a-z]*|vertal[a-z]*|vertaal|t[lł]umacz[a-z]*|prelo[zž][a-z]*|p[rř]elo[zž][a-z]*|perevod[a-z]*|pereklad[a-z]*|oversa?e?tt?[a-z]*|overs[aæ]t[a-z]*|k[aä][aä]nn[a-z]*|terjemah[a-z]*|ceviri|[cç]evir[a-z]*|fanyi|honyaku|beonyeok)(?=[/?&=_.#-]|$)|[?&]action=translate|post-new\.php\?[^#]*from_post=|[?&]new_lang=/i;

export function destinationOf(href: string): Destination {
  if (href === '' || href.startsWith('#') || /^(?:javascript|mailto|tel):/i.test(href)) return null;
  if (MACHINE_TRANSLATION.test(href)) return { kind: 'machine' };
  if (PLATFORM.test(href)) {
    return { kind: 'platform', name: PLATFORMS.find(([part]) => href.toLowerCase().includes(part.toLowerCase()))?.[1] ?? 'a translation platform' };
  }
  if (ROUTE.test(href)) return { kind: 'route' };
  if (FORM.test(href)) return { kind: 'form' };
  return null;
}

/** MediaWiki's "Translate this page" of a translatable page: Special:Translate for the page's group. */
export function isPageTranslateLink(href: string): boolean {
  return /Special(?::|%3A)Translate/i.test(href) && /[?&]group=page-/.test(href);
}

/** One cheap test: could this address be any destination detection weighs? */
export const ANY_DESTINATION = new RegExp(`${PLATFORM.source}|${MACHINE_TRANSLATION.source}|${ROUTE.source}|${FORM.source}`, 'i');
