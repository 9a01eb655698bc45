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

/** Post title classes of known platforms, on an <h1>. */
const TITLE_CLASS = /(?:^|\s)(?:entry-title|wp-block-post-title|gh-article-title|article-title|post-title|p-name)(?:\s|$)/;

/** Containers never holding the post, even when they hold much prose. */
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

/** The post's <h1>: one with a platform's title class, else in the body, in an article or main, or beside the body. */
function postTitle(doc: Document, content: Element | null): Element | null {
  const headings = Array.from(doc.getElementsByTagName('h1'));
  return (
    headings.find((h) => TITLE_CLASS.test(h.getAttribute('class') ?? '')) ??
    headings.find((h) => content?.contains(h)) ??
    headings.find((h) => h.closest('article, main')) ??
    // A heading beside the body, in the block that holds both (a hand-made site's story).
    (content ? headings.find((h) => h.parentElement?.contains(content)) : undefined) ??
    null
  );
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
