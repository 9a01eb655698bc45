// What each placeholder stands for, in words, for chips' tooltips and screen readers.
import { languageName } from '@/utils/languages';
import type { InlineElement } from '@/utils/model';
import { t, uiLanguage, type MessageKey } from '@/utils/i18n';

const NAMES: Record<string, MessageKey> = {
  strong: 'editorInlineBold',
  b: 'editorInlineBold',
  em: 'editorInlineItalic',
  i: 'editorInlineItalic',
  code: 'editorInlineCode',
  kbd: 'editorInlineKeyboard',
  sup: 'editorInlineSuperscript',
  sub: 'editorInlineSubscript',
  mark: 'editorInlineHighlight',
  s: 'editorInlineStruck',
  del: 'editorInlineDeleted',
  ins: 'editorInlineInserted',
  u: 'editorInlineUnderline',
  small: 'editorInlineSmall',
  q: 'editorInlineQuotation',
  cite: 'editorInlineCite',
  bdi: 'editorInlineIsolated',
  br: 'editorInlineLineBreak',
};

/** The element's name in words; an element without one is named by its HTML tag. */
function nameOf(tag: string): string {
  const key = NAMES[tag];
  return key ? t(key) : tag;
}

/** A short name for the chip itself: "link", "bold", "image"… */
export function shortName(element: InlineElement): string {
  if (element.tag === 'a') return t('editorInlineLink');
  if (element.tag === 'img') return t('editorInlineImage');
  if (element.tag === 'abbr') return t('editorInlineAbbreviation');
  if (element.tag === 'span') return t(element.attrs?.lang ? 'editorInlineLanguage' : 'editorInlineDirection');
  return nameOf(element.tag);
}

/** What the element is, in full: "link to https://…", "image “A view”", "text in Kazakh". */
export function describeInline(element: InlineElement): string {
  const attrs = element.attrs ?? {};
  switch (element.tag) {
    case 'a':
      return t(attrs.href?.startsWith('#') ? 'editorLinkInPost' : 'editorLinkTo', attrs.href ?? '');
    case 'img':
      return attrs.alt ? t('editorImageAlt', attrs.alt) : t('editorImageSrc', attrs.src ?? '');
    case 'abbr':
      return t('editorAbbreviationOf', attrs.title ?? '');
    case 'span':
      return attrs.lang ? t('editorTextIn', languageName(attrs.lang, uiLanguage())) : t('editorInlineIsolated');
    default:
      return nameOf(element.tag);
  }
}
