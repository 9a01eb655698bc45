// What a box is, and where the article's edges are: detection's general signals. A box is an
// element set apart from the prose (by its role, its tag, or a class that names a notice, callout,
// banner, card or panel, whatever the theme calls it); the article's edges are its first and last
// blocks, and what sits right before or after its body. A short box at an edge whose content is an
// invitation, or whose link leads to a translation platform or route, is a call to action.

// Not <section> nor <figure>: themes wrap whole articles and their parts in them.
const BOX_TAGS = new Set(['aside', 'details', 'dialog']);
const BOX_ROLES = /^(?:note|alert|status|banner|complementary|region|dialog)$/;
/** Class words themes give boxes: notice, callout, admonition, alert, banner, card, panel… */
const BOX_CLASS =
  /(?:^|[\s_-])(?:notices?|callouts?|admonitions?|alerts?|banners?|box|boxes|cards?|messages?|notes?|info|information|warning|caution|danger|tip|hint|important|cta|panel|announcement|highlight|infobox|translat\w*|has-background|wp-block-group|kg-card|bordered|block-?quote--callout)(?:[\s_-]|$)/i;

/** The most text a call to action's box holds: a heading, a few sentences, a few buttons. */
export const BOX_TEXT = 600;

export function isBox(element: Element): boolean {
  if (BOX_TAGS.has(element.localName)) return true;
  const role = element.getAttribute('role');
  if (role && BOX_ROLES.test(role)) return true;
  const classes = element.getAttribute('class');
  return classes !== null && BOX_CLASS.test(classes);
}

/**
 * The outermost short box holding `element` (itself included) that is not the article's body nor
 * holds it; null if none.
 */
export function boxAround(element: Element, content: Element | null): Element | null {
  let found: Element | null = null;
  for (let node: Element | null = element; node && node.localName !== 'body'; node = node.parentElement) {
    if (content && node.contains(content)) break;
    if ((node.textContent ?? '').length > BOX_TEXT) break;
    if (isBox(node)) found = node;
  }
  return found;
}

export interface ArticleEdges {
  content: Element | null;
  /** The body's first two and last three blocks (empty ones skipped). */
  first: Element[];
  last: Element[];
  /** The body's text length: what "short relative to the article" is measured against. */
  readonly length: number;
}

/** More blocks than this, and the body is long beside any box. */
const LONG_BODY_BLOCKS = 12;

/** The body's edge blocks, found from both ends: a long post costs no more than a short one. */
export function articleEdges(content: Element | null): ArticleEdges {
  if (!content) return { content, first: [], last: [], length: 0 };
  const first: Element[] = [];
  for (let child = content.firstElementChild; child && first.length < 2; child = child.nextElementSibling) {
    if (isBlock(child)) first.push(child);
  }
  const last: Element[] = [];
  for (let child = content.lastElementChild; child && last.length < 3 && !first.includes(child); child = child.previousElementSibling) {
    if (isBlock(child)) last.unshift(child);
  }
  let length: number | undefined;
  return {
    content,
    first,
    last,
    // A body of many blocks is long beside any box: its text is read (a large string) only when short.
    get length() {
      return (length ??= content.childElementCount > LONG_BODY_BLOCKS ? Infinity : (content.textContent ?? '').length);
    },
  };
}

/** A block of the body that shows something: words, a link, a button, a form or an image. */
function isBlock(child: Element): boolean {
  const tag = child.localName;
  if (tag === 'script' || tag === 'style' || tag === 'template' || tag === 'link' || tag === 'meta') return false;
  return (child.textContent ?? '').trim() !== '' || child.querySelector('a[href], button, form, img') !== null;
}

/** The edge block of the body holding `element`, with which edge; null when it is in the body's middle. */
export function edgeBlockOf(element: Element, edges: ArticleEdges): { block: Element; where: 'first' | 'last' } | null {
  for (const block of edges.first) if (block.contains(element)) return { block, where: 'first' };
  for (const block of edges.last) if (block.contains(element)) return { block, where: 'last' };
  return null;
}

/** Short enough, against the box limit and the article's own length, to be a box and not prose. */
export function isShortBeside(element: Element, edges: ArticleEdges): boolean {
  const length = (element.textContent ?? '').length;
  return length <= BOX_TEXT && (edges.length === 0 || length <= Math.max(200, edges.length / 2));
}

/** A button, a button-styled link, a form: what a call to action asks the reader to press. */
const ACTION_CLASS = /(?:^|[\s_-])(?:button|buttons|btn|cta|kg-btn|wp-block-button|wp-element-button)(?:[\s_-]|$)/i;

/**
 * A block that is only an action: a button card, a row of buttons, a form; its text a label or
 * two. The block after (or before) a call to action's box that is such a thing belongs to it.
 */
export function isActionBlock(block: Element): boolean {
  if ((block.textContent ?? '').trim().length > 120) return false;
  if (block.localName === 'form' || block.localName === 'button') return true;
  if (ACTION_CLASS.test(block.getAttribute('class') ?? '') && block.querySelector('a[href], button, form')) return true;
  const action = block.querySelector('a[href], button, form, [role="button"]');
  return action !== null && isActionLink(action) && (action.textContent ?? '').trim().length >= (block.textContent ?? '').trim().length - 2;
}

/** A link or button styled to be pressed. */
export function isActionLink(element: Element): boolean {
  if (element.localName === 'button' || element.getAttribute('role') === 'button') return true;
  for (let node: Element | null = element, depth = 0; node && depth < 3; node = node.parentElement, depth++) {
    if (ACTION_CLASS.test(node.getAttribute('class') ?? '')) return true;
  }
  return false;
}
