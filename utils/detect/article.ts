// Where a post's title and body are, on Diff and on sites Interlinear has never seen: the markup
// of the common platforms first (one querySelector each), else the element holding the most prose.
// The result is the live element, so every segment can still be highlighted in the page.

/**
 * Body containers of known platforms, most specific first, by class (getElementsByClassName is
 * the cheapest lookup there is), with what the element must also be or sit in.
 */
const CONTENT_CLASSES: [className: string, within?: string][] = [
  ['entry-content', 'article'], // WordPress classic themes (Diff's Interconnection)
  ['entry-content'],
  ['wp-block-post-content'], // WordPress block themes
  ['gh-content'], // Ghost (Casper, Source, Headline)
  ['post-full-content'],
  ['theme-doc-markdown'], // Docusaurus
  ['md-content__inner'], // MkDocs Material
  ['body', '[role="main"]'], // Sphinx: div.body[role=main]
  ['mw-parser-output'], // MediaWiki
  ['post-content'], // Jekyll minima, Hugo PaperMod and many more
  ['article-content'],
  ['post-body'],
  ['markdown-body'],
];

/** Post title classes of known platforms (Blogger's is on an <h3>, Drupal's on a span inside the <h1>). */
const TITLE_CLASS = /(?:^|\s)(?:entry-title|wp-block-post-title|gh-article-title|article-title|post-title|page-title|p-name|node__title|article-header__title|field--name-title)(?:\s|$)/;

const NOT_CONTENT = /comment|sidebar|footer|related|widget|disqus|wpdiscuz|cookie|newsletter|share|author/i;

export interface ArticleElements {
  title: Element | null;
  content: Element | null;
}

/**
 * The post's title and body elements. A known platform's body is taken as the first match in
 * document order; otherwise the block with the most paragraph text of its own.
 */
export function locateArticle(doc: Document): ArticleElements {
  const content = knownContent(doc) ?? proseContainer(doc);
  return { title: postTitle(doc, content), content };
}

function knownContent(doc: Document): Element | null {
  for (const [className, within] of CONTENT_CLASSES) {
    for (const element of Array.from(doc.getElementsByClassName(className))) {
      if (!within || element.matches(within) || element.closest(within)) return element;
    }
  }
  return doc.querySelector('[itemprop="articleBody"]');
}

/** Where a heading with a title's class is some other post's title, not this one's. */
const NOT_THIS_TITLE = 'aside, nav, footer, [class*="related"], [class*="widget"]';

/**
 * The article's own heading, whatever its level: the first h1–h3 with a platform's title class or
 * headline markup, or whose words the head's og:title (or its <title>) names, looked for up to the
 * body's first heading; else an <h1> in the body, in an article or main, or beside the body.
 */
function postTitle(doc: Document, content: Element | null): Element | null {
  const candidates = titleCandidates(doc, content);
  const marked = candidates.find((heading) => hasTitleMarkup(heading) && !heading.closest(NOT_THIS_TITLE));
  if (marked) return marked;
  const names = headNames(doc);
  const named = candidates.find((heading) => names.includes(normalisedLower(heading.textContent ?? '')));
  if (named) return named;
  const headings = Array.from(doc.getElementsByTagName('h1'));
  return (
    headings.find((h) => content?.contains(h)) ??
    headings.find((h) => h.closest('article, main')) ??
    // A heading beside the body, in the block that holds both (a hand-made site's story).
    (content ? headings.find((h) => h.parentElement?.contains(content)) : undefined) ??
    null
  );
}

/**
 * The h1–h3 outside the body, and the body's first, in document order: the body's own headings
 * (hundreds in a long post) are not looked through.
 */
function titleCandidates(doc: Document, content: Element | null): Element[] {
  const candidates: Element[] = [];
  for (const tag of ['h1', 'h2', 'h3']) {
    for (const heading of Array.from(doc.getElementsByTagName(tag))) if (!content?.contains(heading)) candidates.push(heading);
  }
  const first = content ? headingAtTop(content) : null;
  if (first) candidates.push(first);
  // 4 = DOCUMENT_POSITION_FOLLOWING: a before b.
  return candidates.sort((a, b) => (a === b ? 0 : a.compareDocumentPosition(b) & 4 ? -1 : 1));
}

/** The body's first h1–h3 among its first few dozen elements (a title stands at the top). */
function headingAtTop(content: Element): Element | null {
  let seen = 0;
  for (let node = content.firstElementChild; node && seen < 40; seen++) {
    if (/^h[1-3]$/.test(node.localName)) return node;
    // Depth first: the first child, else the next sibling, else an ancestor's next sibling.
    let next: Element | null = node.firstElementChild;
    for (let up: Element | null = node; !next && up && up !== content; up = up.parentElement) next = up.nextElementSibling;
    node = next;
  }
  return null;
}

/** A title's class or headline markup on the heading, or on its one child (Drupal's title field). */
function hasTitleMarkup(heading: Element): boolean {
  for (const element of [heading, heading.firstElementChild]) {
    if (!element) continue;
    if (TITLE_CLASS.test(element.getAttribute('class') ?? '')) return true;
    if (/(?:^|\s)(?:headline|name)(?:\s|$)/.test(element.getAttribute('itemprop') ?? '')) return true;
  }
  return false;
}

function normalisedLower(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** What the head calls the page: og:title, twitter:title, and <title> cut at each separator. */
function headNames(doc: Document): string[] {
  const names: string[] = [];
  for (const meta of Array.from(doc.querySelectorAll('meta[property="og:title"], meta[name="twitter:title"]'))) {
    names.push(meta.getAttribute('content') ?? '');
  }
  const title = doc.title ?? '';
  names.push(title, ...title.split(/\s+[|–—·:»-]\s+/));
  return names.map(normalisedLower).filter((name) => name.length > 2);
}

/** Readability's core idea in one pass: credit each paragraph's text to its parent. */
function proseContainer(doc: Document): Element | null {
  const credit = new Map<Element, number>();
  for (const p of Array.from(doc.querySelectorAll('p, pre, li'))) {
    const parent = p.parentElement;
    if (!parent) continue;
    const length = (p.textContent ?? '').trim().length;
    if (length < 25) continue;
    const weight = p.localName === 'p' ? length : length / 2;
    credit.set(parent, (credit.get(parent) ?? 0) + weight);
  }
  let best: Element | null = null;
  let bestScore = 0;
  for (const [element, score] of credit) {
    // A list's items belong to the container holding the list.
    const candidate = element.localName === 'ul' || element.localName === 'ol' ? element.parentElement : element;
    if (!candidate || isChrome(candidate)) continue;
    const total = candidate === element ? score : score + (credit.get(candidate) ?? 0);
    if (total > bestScore) {
      best = candidate;
      bestScore = total;
    }
  }
  return best;
}

function isChrome(element: Element): boolean {
  for (let node: Element | null = element; node !== null; node = node.parentElement) {
    const tag = node.localName;
    if (tag === 'nav' || tag === 'footer' || tag === 'aside' || tag === 'form') return true;
    const marks = `${node.getAttribute('id') ?? ''} ${node.getAttribute('class') ?? ''}`;
    if (marks.length > 1 && NOT_CONTENT.test(marks)) return true;
  }
  return false;
}
