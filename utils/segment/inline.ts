// Which inline elements of a segment become placeholders, and which of their attributes are kept.
// Pages are untrusted: only attributes an export rebuilds pass, and only addresses that cannot run
// code (no javascript:, no data:).
import type { InlineElement } from '../model';

/** Inline elements that always carry meaning an export should rebuild. */
const MARKUP_TAGS: ReadonlySet<string> = new Set([
  'strong', 'b', 'em', 'i', 'code', 'kbd', 'sup', 'sub', 'mark', 's', 'del', 'ins', 'u', 'small', 'q',
  'cite', 'bdi',
]);

/**
 * The placeholder an inline element becomes, or null when it becomes none (the walk then reads its
 * text as plain text): a link without a safe address, an abbr without a title, a span without
 * lang or dir, an image without a web address, or any element not listed here.
 */
export function inlineElementOf(element: Element, tag: string, base: string): InlineElement | null {
  if (MARKUP_TAGS.has(tag)) return { tag };
  switch (tag) {
    case 'a': {
      const href = safeHref(element.getAttribute('href'), base);
      return href === null ? null : { tag, attrs: { href } };
    }
    case 'abbr': {
      const title = element.getAttribute('title');
      return title ? { tag, attrs: { title } } : null;
    }
    case 'span': {
      const marked = withLanguage(element, { tag });
      return marked.attrs ? marked : null;
    }
    case 'img': {
      const src = imageSource(element, base);
      if (src === null) return null;
      return { tag, attrs: { src, alt: element.getAttribute('alt') ?? '' }, empty: true };
    }
    default:
      return null;
  }
}

/** A <br>: an empty placeholder, so a poem or an address keeps its lines in every export. */
export function lineBreak(): InlineElement {
  return { tag: 'br', empty: true };
}

/** Adds the element's lang and dir, which say how its words are read (spans only: elsewhere rare). */
function withLanguage(element: Element, inline: InlineElement): InlineElement {
  if (!element.hasAttributes()) return inline;
  const lang = element.getAttribute('lang');
  const dir = element.getAttribute('dir');
  if (!lang && !dir) return inline;
  const attrs: Record<string, string> = { ...inline.attrs };
  if (lang) attrs.lang = lang;
  if (dir === 'ltr' || dir === 'rtl' || dir === 'auto') attrs.dir = dir;
  return { ...inline, attrs };
}

/**
 * A link's address as an export may write it: a #fragment as it is (a footnote reference must
 * still point into the translated post), anything else absolute and only http(s) or mailto.
 */
export function safeHref(raw: string | null, base: string): string | null {
  if (raw === null) return null;
  const href = raw.trim();
  if (href.startsWith('#')) return href.length > 1 ? href : null;
  const url = absoluteUrl(href, base);
  return url !== null && /^(?:https?|mailto):/.test(url) ? url : null;
}

const ABSOLUTE_WEB_ADDRESS = /^https?:\/\/[^\s\\]+$/;

function webOrigin(base: string): string | null {
  try {
    const url = new URL(base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : null;
  } catch {
    return null;
  }
}

/** An image's address, absolute and http(s) only; lazy-loading themes keep it in data-src. */
export function imageSource(image: Element, base: string): string | null {
  for (const name of ['src', 'data-src', 'data-lazy-src']) {
    const raw = image.getAttribute(name)?.trim();
    if (!raw) continue;
    const url = absoluteUrl(raw, base);
    if (url !== null && /^https?:/.test(url)) return url;
  }
  return null;
}

/** A path from the site's root with nothing a URL parser would rewrite (no dot segments, query, spaces). */
const PLAIN_ROOT_PATH = /^\/(?![/\\])(?:[A-Za-z0-9\-_~!$&'()*+,;=:@]|\.(?![./]|$)|\/(?!\.))*$/;
let lastBase = '';
let lastOrigin: string | null = null;

/** `href` made absolute against `base`. Parsing each address is the walk's largest cost: common shapes skip it. */
function absoluteUrl(href: string, base: string): string | null {
  if (ABSOLUTE_WEB_ADDRESS.test(href)) return href;
  // Images are mostly /wp-content/… paths: joined to the base's origin without parsing each one.
  if (PLAIN_ROOT_PATH.test(href)) {
    if (base !== lastBase) {
      lastBase = base;
      lastOrigin = webOrigin(base);
    }
    if (lastOrigin !== null) return lastOrigin + href;
  }
  try {
    return new URL(href, base || undefined).href;
  } catch {
    return null;
  }
}
