// What the page says about itself in <head>: its canonical address, its language, its title.
import { normaliseText } from '../segment/ids';
import { primaryLanguage } from '../languages';

/** The page's canonical address (`<link rel=canonical>` resolved against `fallbackUrl`), else `fallbackUrl`. */
export function pageAddress(doc: Document, fallbackUrl: string): string {
  const href = doc.querySelector('link[rel~="canonical"][href]')?.getAttribute('href')?.trim();
  if (!href) return fallbackUrl;
  return resolveUrl(href, fallbackUrl) ?? fallbackUrl;
}

/** A post's identity: its address without query or fragment. */
export function postKey(address: string): string {
  try {
    const url = new URL(address);
    url.search = '';
    url.hash = '';
    return url.href;
  } catch {
    const end = address.search(/[?#]/);
    return end < 0 ? address : address.slice(0, end);
  }
}

/** The base relative links resolve against: `<base href>` if the page has one, else its URL. */
export function documentBase(doc: Document, pageUrl: string): string {
  const href = doc.querySelector('base[href]')?.getAttribute('href')?.trim();
  return (href && resolveUrl(href, pageUrl)) || pageUrl;
}

/** `href` made absolute against `base`; null when it cannot be. */
export function resolveUrl(href: string, base: string): string | null {
  try {
    return new URL(href, base).href;
  } catch {
    try {
      return new URL(href).href; // an absolute href still works when the base is unusable
    } catch {
      return null;
    }
  }
}

/** Like resolveUrl, but only web addresses: a page must not hand the extension a javascript: link. */
export function resolveWebUrl(href: string, base: string): string | null {
  const url = resolveUrl(href, base);
  return url !== null && /^https?:/i.test(url) ? url : null;
}

export interface HeadMeta {
  ogTitle: string | null;
  ogLocale: string | null;
  contentLanguage: string | null;
}

/** The few <meta> values detection uses, read in one pass. */
export function readHeadMeta(doc: Document): HeadMeta {
  const meta: HeadMeta = { ogTitle: null, ogLocale: null, contentLanguage: null };
  for (const element of Array.from(doc.querySelectorAll('meta[content]'))) {
    const content = element.getAttribute('content') ?? '';
    const property = element.getAttribute('property') ?? element.getAttribute('name');
    if (property === 'og:title') meta.ogTitle ??= content;
    else if (property === 'og:locale') meta.ogLocale ??= content;
    else if (element.getAttribute('http-equiv')?.toLowerCase() === 'content-language') {
      meta.contentLanguage ??= content;
    }
  }
  return meta;
}

/** The language the post is written in: html[lang], else og:locale, else Content-Language. */
export function sourceLanguageOf(doc: Document, meta: HeadMeta): string | null {
  return (
    primaryLanguage(doc.documentElement?.getAttribute('lang')) ??
    primaryLanguage(meta.ogLocale) ??
    primaryLanguage(meta.contentLanguage)
  );
}

/** A title from the head, for pages whose body has no post title: og:title, else <title>. */
export function headTitle(doc: Document, meta: HeadMeta): string | null {
  const title = normaliseText(meta.ogTitle ?? '') || withoutSiteName(doc, normaliseText(doc.title ?? ''));
  return title || null;
}

/** Where a document title joins the article's title and the site's name. */
const TITLE_SEPARATOR = /\s+[|–—·:»-]\s+/;

/** A <title> less the site's name (og:site_name, or the site title the header shows), when it ends in it. */
function withoutSiteName(doc: Document, title: string): string {
  const parts = title.split(TITLE_SEPARATOR);
  if (parts.length < 2) return title;
  const site = [
    doc.querySelector('meta[property="og:site_name"], meta[name="application-name"]')?.getAttribute('content'),
    doc.querySelector('.site-title, .site-name, .site-branding, [rel="home"], .navbar__title, .gh-head-logo')?.textContent,
  ].map((name) => normaliseText(name ?? '').toLowerCase());
  const last = parts[parts.length - 1]!.toLowerCase();
  if (site.some((name) => name !== '' && (name === last || name.includes(last) || last.includes(name)))) {
    return normaliseText(title.slice(0, title.length - parts[parts.length - 1]!.length).replace(/\s+[|–—·:»-]\s*$/, ''));
  }
  return title;
}
