// Page furniture inside a post's body that no theme list names: author boxes, editor's notes and
// the house's announcements. Recognised by what they are (an avatar beside an author link, a box
// labelled as the editors' or the site's notice), not by a plugin's class alone.
import { BOX_TEXT, isBox } from './boxes';

/** Elements worth a look: boxes and anything a theme calls an author or a notice. */
const CANDIDATES = [
  'aside', 'section', '[role="note"]', '[role="status"]', '[role="alert"]', '[class*="author"]', '[class*="bio"]',
  '[class*="notice"]', '[class*="announce"]', '[class*="editor"]', '[class*="callout"]', '[class*="box"]',
  '[class*="alert"]', '[class*="message"]', '[class*="promo"]', '[class*="card"]', 'div[class*="note"]',
].join(', ');

const AUTHOR_CLASS = /(?:^|[\s_-])(?:author|authors|bio|biography|byline|about-the-author|author-info|profile|contributor)(?:[\s_-]|$)/i;
const HOUSE_CLASS = /(?:^|[\s_-])(?:announcements?|site-notice|sitewide|promo|promotion|editors?-note|editorial|sponsor\w*|newsletter|subscribe|donate|donation)(?:[\s_-]|$)/i;
const AVATAR = 'img.avatar, img[class*="avatar"], img[src*="gravatar.com"], [class*="avatar"] img';
const AUTHOR_LINK = 'a[rel~="author"], a[href*="/author/"], [itemprop="author"]';

/** How an editors' or a site's notice opens, in the languages most posts are written in. */
// A regular-expression literal: the bundler's minifier folds a literal array's join() wrongly.
const HOUSE_LABEL =
  /^\s*(?:editor['’]?s['’]? note|note from the editors?|editorial note|a note from (?:the|our) editors?|announcement|nota (?:del|de la) (?:editor|redacci[oó]n)|nota editorial|anuncio|note de la r[ée]daction|annonce|anmerkung der redaktion|hinweis der redaktion|ankündigung|nota (?:do|da) (?:editor|reda[cç][aã]o)|nota della redazione|annuncio|noot van de redactie|aankondiging|od redakcji|ogłoszenie|от редакции|примечание редакции|объявление|від редакції|оголошення|yazı işlerinden|duyuru)(?![\p{L}])/iu;

/** Author boxes and house notices inside `content`, outermost first. */
export function furnitureIn(content: Element | null): Element[] {
  if (!content) return [];
  const found: Element[] = [];
  // An avatar beside an author's link: the author box is the smallest block holding both.
  for (const avatar of Array.from(content.querySelectorAll(AVATAR))) {
    const box = authorBoxAround(avatar, content);
    if (box && !found.some((outer) => outer.contains(box))) found.push(box);
  }
  const boxes = Array.from(content.children).filter(isBox);
  for (const element of [...boxes, ...Array.from(content.querySelectorAll(CANDIDATES))]) {
    if (found.some((outer) => outer.contains(element))) continue;
    if (isFurniture(element, content)) found.push(element);
  }
  return found;
}

function authorBoxAround(avatar: Element, content: Element): Element | null {
  let node = avatar.parentElement;
  for (let depth = 0; node && node !== content && depth < 5; node = node.parentElement, depth++) {
    if ((node.textContent ?? '').length > BOX_TEXT * 1.5) return null;
    if (node.querySelector(AUTHOR_LINK)) return node;
  }
  return null;
}

function isFurniture(element: Element, content: Element): boolean {
  const length = (element.textContent ?? '').length;
  if (length > BOX_TEXT * 1.5 || length > (content.textContent ?? '').length / 2) return false;
  const classes = element.getAttribute('class') ?? '';
  if (AUTHOR_CLASS.test(classes) && (element.querySelector(AVATAR) || element.querySelector(AUTHOR_LINK) || isBox(element))) return true;
  if (element.querySelector(AVATAR) && element.querySelector(AUTHOR_LINK)) return true;
  if (!isBox(element)) return false;
  if (HOUSE_CLASS.test(classes)) return true;
  return HOUSE_LABEL.test(element.textContent ?? '');
}
