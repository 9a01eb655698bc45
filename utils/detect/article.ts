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
const TITLE_MARKUP = '[itemprop="headline"], [itemprop="name"], .entry-title, .post-title, .page-title, .p-name, .field--name-title';

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

/**
 * The article's own heading, whatever its level: a heading with a platform's title class or
 * headline markup, or whose words are the page's og:title (or its <title> less the site's name);
 * else an <h1> in the body, in an article or main, or beside the body.
 */
function postTitle(doc: Document, content: Element | null): Element | null {
  const headings = Array.from(doc.getElementsByTagName('h1'));
  for (const element of Array.from(doc.querySelectorAll(TITLE_MARKUP))) {
    const heading = /^h[1-3]$/.test(element.localName) ? element : element.closest('h1, h2, h3');
    if (heading && !heading.closest('aside, nav, footer, [class*="related"], [class*="widget"]')) return heading;
  }
  const named = headingNamed(doc, content);
  if (named) return named;
  return (
    headings.find((h) => TITLE_CLASS.test(h.getAttribute('class') ?? '')) ??
    headings.find((h) => content?.contains(h)) ??
    headings.find((h) => h.closest('article, main')) ??
    // A heading beside the body, in the block that holds both (a hand-made site's story).
    (content ? headings.find((h) => h.parentElement?.contains(content)) : undefined) ??
    null
  );
}

/** The h1–h3 before the body (or its first) whose words the page's head names as its title. */
function headingNamed(doc: Document, content: Element | null): Element | null {
  const names = headNames(doc);
  if (names.length === 0) return null;
  for (const heading of Array.from(doc.querySelectorAll('h1, h2, h3'))) {
    if (content?.contains(heading) && heading !== firstHeading(content)) break;
    const text = (heading.textContent ?? '').replace(/\s+/g, ' ').trim().toLowerCase();
    if (text !== '' && names.includes(text)) return heading;
  }
  return null;
}

function firstHeading(content: Element): Element | null {
  return content.querySelector('h1, h2, h3');
}

/** What the head calls the page: og:title, twitter:title, and <title> cut at each separator. */
function headNames(doc: Document): string[] {
  const names: string[] = [];
  for (const meta of Array.from(doc.querySelectorAll('meta[property="og:title"], meta[name="twitter:title"]'))) {
    names.push(meta.getAttribute('content') ?? '');
  }
  const title = doc.title ?? '';
  names.push(title, ...title.split(/\s+[|–—·:»-]\s+/));
  return names.map((name) => name.replace(/\s+/g, ' ').trim().toLowerCase()).filter((name) => name.length > 2);
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
