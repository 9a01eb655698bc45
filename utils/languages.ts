// Language tags and names. Names come from Intl.DisplayNames, never from a hand-kept list.

/** "en-US" → "en"; "en_US" → "en"; anything unparsable → null. */
export function primaryLanguage(tag: string | null | undefined): string | null {
  const canonical = canonicalTag(tag?.replace(/_/g, '-'));
  return canonical ? canonical.split('-')[0]!.toLowerCase() : null;
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
export function languageName(tag: string, uiLanguage: string): string {
  try {
    return new Intl.DisplayNames([uiLanguage], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** A language's own name for itself, e.g. "ru" → "русский". */
export function nativeLanguageName(tag: string): string {
  return languageName(tag, tag);
}

type LocaleWithTextInfo = Intl.Locale & {
  textInfo?: { direction?: string };
  getTextInfo?: () => { direction?: string };
};

/** The direction a language is written in, from the engine's own locale data. */
export function textDirection(tag: string): 'ltr' | 'rtl' {
  try {
    const locale = new Intl.Locale(tag) as LocaleWithTextInfo;
    // Firefox names it getTextInfo(); V8 has a textInfo getter.
    const info = locale.getTextInfo?.() ?? locale.textInfo;
    return info?.direction === 'rtl' ? 'rtl' : 'ltr';
  } catch {
    return 'ltr';
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
