// Language tags and names. Names come from Intl.DisplayNames, never from a hand-kept list.

const PRIMARY_SUBTAG = /^[a-z]{2,8}$/;

/** "en-US", "en_US", "EN" → "en"; null for anything that is not a language tag. */
export function primaryLanguage(tag: string | null | undefined): string | null {
  if (!tag) return null;
  // Content-Language may list several languages; the first is the main one.
  const primary = tag.split(',')[0]!.trim().split(/[-_]/)[0]!.toLowerCase();
  return PRIMARY_SUBTAG.test(primary) && primary !== 'und' ? primary : null;
}

/** The canonical form of a BCP-47 tag, or null when it is not one. */
export function canonicalTag(tag: string | null | undefined): string | null {
  if (!tag || !tag.trim()) return null;
  try {
    return Intl.getCanonicalLocales(tag.trim())[0] ?? null;
  } catch {
    return null;
  }
}

/** A language's name in the reader's UI language, e.g. ("ru", "en") → "Russian". */
const displayNames = new Map<string, Intl.DisplayNames>();

export function languageName(tag: string, uiLanguage: string): string {
  try {
    let names = displayNames.get(uiLanguage);
    if (!names) displayNames.set(uiLanguage, (names = new Intl.DisplayNames([uiLanguage], { type: 'language' })));
    return names.of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** A language's name when the browser knows the tag (null for unknown ones such as "xx"). */
export function knownLanguageName(tag: string, uiLanguage: string): string | null {
  try {
    return new Intl.DisplayNames([uiLanguage], { type: 'language', fallback: 'none' }).of(tag) ?? null;
  } catch {
    return null;
  }
}

type LocaleWithTextInfo = Intl.Locale & {
  textInfo?: { direction?: string };
  getTextInfo?: () => { direction?: string };
};

export type TextDirection = 'ltr' | 'rtl' | 'auto';

const directions = new Map<string, TextDirection>();

/**
 * The direction a language is written in, from the engine's own locale data (cached per tag).
 * An engine without that data says 'auto': the browser then takes the direction from the text.
 */
export function textDirection(tag: string): TextDirection {
  let direction = directions.get(tag);
  if (!direction) directions.set(tag, (direction = readTextDirection(tag)));
  return direction;
}

function readTextDirection(tag: string): TextDirection {
  try {
    const locale = new Intl.Locale(tag) as LocaleWithTextInfo;
    // Firefox (153+) names it getTextInfo(); V8 has a textInfo getter.
    const direction = (locale.getTextInfo?.() ?? locale.textInfo)?.direction;
    return direction === 'rtl' || direction === 'ltr' ? direction : 'auto';
  } catch {
    return 'auto';
  }
}

/**
 * The language a translator most likely drafts into: the post's last choice, else their most
 * recent language, else their browser language when it is not the post's own, else none.
 */
export function defaultTargetLanguage(options: {
  chosen: string | null;
  recent: string[];
  browserLanguages: readonly string[];
  sourceLanguage: string | null;
}): string | null {
  if (options.chosen) return options.chosen;
  const source = primaryLanguage(options.sourceLanguage);
  const candidates = [...options.recent, ...options.browserLanguages.map(primaryLanguage)];
  return candidates.find((tag): tag is string => !!tag && primaryLanguage(tag) !== source) ?? null;
}

/**
 * Languages offered in every picker besides the page's own and the translator's recent ones:
 * the languages of the larger Wikipedias. Only codes are kept here; names come from Intl.
 */
export const COMMON_LANGUAGES = (
  'af am ar az be bg bn bs ca cs cy da de el en eo es et eu fa fi fr ga gl gu ha he hi hr hu hy id ig ' +
  'is it ja jv ka kk km kn ko ku ky lo lt lv mk ml mn mr ms my ne nl no pa pl ps pt pt-BR ro ru si sk sl ' +
  'so sq sr sv sw ta te tg th tl tr tt uk ur uz vi xh yo zh-Hans zh-Hant zu'
).split(' ');
