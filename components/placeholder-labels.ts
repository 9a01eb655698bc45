// What each placeholder stands for, in words, for chips' tooltips and screen readers.
import { languageName } from '@/utils/languages';
import type { InlineElement } from '@/utils/model';

const NAMES: Record<string, string> = {
  strong: 'bold',
  b: 'bold',
  em: 'italic',
  i: 'italic',
  code: 'code',
  kbd: 'keyboard input',
  sup: 'superscript',
  sub: 'subscript',
  mark: 'highlight',
  s: 'struck-out text',
  del: 'deleted text',
  ins: 'inserted text',
  u: 'underline',
  small: 'small print',
  q: 'quotation',
  cite: 'title of a work',
  bdi: 'text with its own direction',
};

/** A short name for the chip itself: "link", "bold", "image"… */
export function shortName(element: InlineElement): string {
  if (element.tag === 'a') return 'link';
  if (element.tag === 'img') return 'image';
  if (element.tag === 'abbr') return 'abbreviation';
  if (element.tag === 'span') return element.attrs?.lang ? 'language' : 'direction';
  return NAMES[element.tag] ?? element.tag;
}

/** What the element is, in full: "link to https://…", "image “A view”", "text in Kazakh". */
export function describeInline(element: InlineElement): string {
  const attrs = element.attrs ?? {};
  switch (element.tag) {
    case 'a':
      return attrs.href?.startsWith('#') ? `link to ${attrs.href} in this post` : `link to ${attrs.href ?? ''}`;
    case 'img':
      return attrs.alt ? `image “${attrs.alt}”` : `image ${attrs.src ?? ''}`;
    case 'abbr':
      return `abbreviation of “${attrs.title ?? ''}”`;
    case 'span':
      return attrs.lang ? `text in ${languageName(attrs.lang, 'en')}` : 'text with its own direction';
    default:
      return NAMES[element.tag] ?? element.tag;
  }
}
