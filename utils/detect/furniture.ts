// Page furniture inside a post's body that no theme list names: author boxes, editor's notes and
// the house's announcements. Recognised by what they are (an avatar beside an author link, a box
// labelled as the editors' or the site's notice), not by a plugin's class alone.
import { BOX_TEXT, isBox } from './boxes';


const AUTHOR_CLASS = /(?:^|[\s_-])(?:author|authors|bio|biography|byline|about-the-author|author-info|profile|contributor)(?:[\s_-]|$)/i;
const HOUSE_CLASS = /(?:^|[\s_-])(?:announcements?|site-notice|sitewide|promo|promotion|editors?-note|editorial|sponsor\w*|newsletter|subscribe|donate|donation)(?:[\s_-]|$)/i;
const AVATAR = 'img.avatar, img[class*="avatar"], img[src*="gravatar.com"], [class*="avatar"] img';
const AUTHOR_LINK = 'a[rel~="author"], a[href*="/author/"], [itemprop="author"]';

/** How an editors' or a site's notice opens, in the languages most posts are written in. */
// A regular-expression literal: the bundler's minifier folds a literal array's join() wrongly.
const HOUSE_LABEL =
  /^\s*(?:editor['’]?s['’]? note|note from the editors?|editorial note|a note from (?:the|our) editors?|announcement|nota (?:del|de la) (?:editor|redacci[oó]n)|nota editorial|anuncio|note de la r[ée]daction|annonce|anmerkung der redaktion|hinweis der redaktion|ankündigung|nota (?:do|da) (?:editor|reda[cç][aã]o)|nota della redazione|annuncio|noot van de redactie|aankondiging|od redakcji|ogłoszenie|от редакции|примечание редакции|объявление|від редакції|оголошення|yazı işlerinden|duyuru)(?![\p{L}])/iu;

/**
 * Author boxes and house notices inside `content`, outermost first: its blocks and the blocks
 * of those (a theme's group around a box), not deeper, so a long post costs a few checks a block.
 */
export function furnitureIn(content: Element | null): Element[] {
  if (!content) return [];
  const found: Element[] = [];
  let half: number | undefined;
  const check = (element: Element) => {
    half ??= content.childElementCount > 12 ? Infinity : (content.textContent ?? '').length / 2;
    if (isFurniture(element, half)) found.push(element);
    else for (let inner = element.firstElementChild; inner; inner = inner.nextElementSibling) {
      if (isFurniture(inner, half)) found.push(inner);
    }
  };
  for (let block = content.firstElementChild; block; block = block.nextElementSibling) check(block);
  // An avatar beside an author's link: the author box is the smallest block holding both.
  for (const avatar of Array.from(content.querySelectorAll(AVATAR))) {
    const box = authorBoxAround(avatar, content);
    if (box && !found.some((outer) => outer.contains(box))) found.push(box);
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

function isFurniture(element: Element, halfOfContent: number): boolean {
  const classes = element.getAttribute('class') ?? '';
  // What it is first (cheap), then how long it is.
  if (!AUTHOR_CLASS.test(classes) && !HOUSE_CLASS.test(classes) && !isBox(element)) return false;
  const length = (element.textContent ?? '').length;
  if (length > BOX_TEXT * 1.5 || length > halfOfContent) return false;
  if (AUTHOR_CLASS.test(classes) && (element.querySelector(AVATAR) || element.querySelector(AUTHOR_LINK) || isBox(element))) return true;
  if (element.querySelector(AVATAR) && element.querySelector(AUTHOR_LINK)) return true;
  if (!isBox(element)) return false;
  if (HOUSE_CLASS.test(classes)) return true;
  return HOUSE_LABEL.test(element.textContent ?? '');
}
