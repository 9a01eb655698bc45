// Reads the rich text of a block attribute (inline HTML, as the block editor holds it) without a
// DOM: the background worker has none. Two things are needed of it: the words, to find which
// segment a text is, and the inline elements in the order the segmenter numbers them, so that a
// draft's placeholders become the very tags the editor held (classes, styles, rel and all).

/** An inline element of a rich text that a segment's placeholder stands for. */
export interface InlineTag {
  /** Lower-case tag name. */
  tag: string;
  /** The opening tag exactly as the text holds it (`<a href="…" target="_blank">`). */
  raw: string;
  /** An element without content (img, br). */
  empty: boolean;
}

export interface RichTextReading {
  /** The words, entities decoded, a line break read as a space, whitespace collapsed. */
  text: string;
  /** The inline elements a segmenter reading this text would make placeholders of, in order. */
  tags: InlineTag[];
}

/** Elements the segmenter always makes placeholders of (utils/segment/inline.ts). */
const MARKUP_TAGS: ReadonlySet<string> = new Set([
  'strong', 'b', 'em', 'i', 'code', 'kbd', 'sup', 'sub', 'mark', 's', 'del', 'ins', 'u', 'small', 'q',
  'cite', 'bdi',
]);
const VOID_TAGS: ReadonlySet<string> = new Set(['br', 'img', 'wbr', 'hr', 'input', 'source', 'embed']);

const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|<!--[\s\S]*?-->/g;
const ATTRIBUTE = /([^\s=/"'>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;

/** The words and placeholder elements of a rich text. */
export function readRichText(html: string): RichTextReading {
  let text = '';
  const tags: InlineTag[] = [];
  let last = 0;
  for (const match of html.matchAll(TAG)) {
    text += decodeEntities(html.slice(last, match.index));
    last = match.index + match[0].length;
    const [raw, closing, rawName, rawAttributes] = match;
    if (rawName === undefined || closing) continue; // a comment or a closing tag
    const tag = rawName.toLowerCase();
    if (tag === 'br') {
      // As the segmenter: a break before any words adds nothing.
      if (/\S/.test(text)) tags.push({ tag, raw, empty: true });
      text += ' ';
      continue;
    }
    if (isPlaceholder(tag, attributesOf(rawAttributes ?? ''))) tags.push({ tag, raw, empty: VOID_TAGS.has(tag) });
  }
  text += decodeEntities(html.slice(last));
  return { text: collapse(text), tags: withoutTrailingBreaks(tags, html) };
}

/** The words of a rich text only. */
export function richTextWords(html: string): string {
  if (!html.includes('<') && !html.includes('&')) return collapse(html);
  return readRichText(html).text;
}

function isPlaceholder(tag: string, attrs: Map<string, string>): boolean {
  if (MARKUP_TAGS.has(tag)) return true;
  switch (tag) {
    case 'a': {
      const href = attrs.get('href')?.trim();
      return href !== undefined && href !== '' && href !== '#' && !/^(?:javascript|data|vbscript):/i.test(href);
    }
    case 'abbr':
      return Boolean(attrs.get('title'));
    case 'span':
      return Boolean(attrs.get('lang') || attrs.get('dir'));
    case 'img':
      return Boolean(attrs.get('src')?.trim());
    default:
      return false;
  }
}

/** A break at the very end adds nothing either (the segmenter drops it). */
function withoutTrailingBreaks(tags: InlineTag[], html: string): InlineTag[] {
  if (tags[tags.length - 1]?.tag !== 'br') return tags;
  const afterLastBreak = html.slice(html.toLowerCase().lastIndexOf('<br'));
  const wordsAfter = /\S/.test(decodeEntities(afterLastBreak.replace(TAG, '')));
  return wordsAfter ? tags : tags.slice(0, -1);
}

export function attributesOf(source: string): Map<string, string> {
  const attrs = new Map<string, string>();
  for (const match of source.matchAll(ATTRIBUTE)) {
    const name = match[1]!.toLowerCase();
    if (!attrs.has(name)) attrs.set(name, decodeEntities(match[2] ?? match[3] ?? match[4] ?? ''));
  }
  return attrs;
}

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ndash: '–', mdash: '—', hellip: '…',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»', shy: '\u00ad', copy: '©',
  reg: '®', trade: '™', times: '×', middot: '·', bull: '•', deg: '°', euro: '€', pound: '£',
};

/** Numeric and the common named character references; an unknown one stays as written. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(?:#(\d{1,7})|#x([0-9a-fA-F]{1,6})|([a-zA-Z][a-zA-Z0-9]{1,31}));?/g, (whole, dec, hex, name) => {
    if (name !== undefined) return NAMED[name] ?? whole;
    const code = dec !== undefined ? Number(dec) : parseInt(hex, 16);
    return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '\ufffd';
  });
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * What two texts must share to be the same paragraph: their letters and digits, case folded.
 * WordPress shows a post through wptexturize (’ for ', – for --, … for ..., × in 2x4) and its
 * own fixes ("WordPress"), so the page and the editor differ exactly in what this leaves out.
 */
export function matchKey(text: string): string {
  const key = text.normalize('NFKC').toLowerCase().replace(/×/g, 'x').replace(/[^\p{L}\p{N}]+/gu, '');
  // Text without letters or digits (a row of emoji) is compared as it is.
  return key || collapse(text);
}
