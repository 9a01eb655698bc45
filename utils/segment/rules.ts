// What counts as a block, which blocks name their own kind, and what is never translatable.
// Plain lookup tables and one precompiled pattern, so the walk decides each element in O(1).
import type { SegmentKind } from '../model';

/** Elements whose kind the segment takes; their descendants inherit it (a <p> in a quote is a quote). */
export const KIND_OF_TAG: ReadonlyMap<string, SegmentKind> = new Map<string, SegmentKind>([
  ['h1', 'heading'],
  ['h2', 'heading'],
  ['h3', 'heading'],
  ['h4', 'heading'],
  ['h5', 'heading'],
  ['h6', 'heading'],
  ['li', 'list-item'],
  ['dt', 'list-item'],
  ['dd', 'list-item'],
  ['blockquote', 'quote'],
  ['figcaption', 'caption'],
  ['caption', 'caption'],
  ['td', 'table-cell'],
  ['th', 'table-cell'],
]);

/**
 * Elements that start a new line of text: a block inside a segment candidate splits it, so the
 * candidate itself is not one segment. Everything else (a, strong, em, code, sup, span…) is inline
 * and stays inside its segment's text.
 */
export const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'address', 'article', 'aside', 'blockquote', 'caption', 'center', 'dd', 'details', 'dialog', 'div',
  'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5',
  'h6', 'header', 'hgroup', 'hr', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section',
  'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);

/** Elements whose text is never translatable post content: code, chrome, widgets, media, forms. */
export const SKIPPED_TAGS: ReadonlySet<string> = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'video', 'audio',
  'canvas', 'svg', 'math', 'form', 'button', 'input', 'select', 'textarea', 'nav', 'footer',
]);

/** WordPress/Jetpack/Polylang boxes that sit inside post content but are not part of the post. */
export const SKIPPED_IDS: ReadonlySet<string> = new Set([
  'translate-post', 'jp-relatedposts', 'jp-post-flair', 'comments', 'respond', 'like-post-wrapper',
]);

// One pattern over the class attribute instead of many classList checks per element.
export const SKIPPED_CLASSES =
  /(?:^|\s)(?:sharedaddy|headerlink|sd-sharing|sd-block|sd-like|screen-reader-text|jp-relatedposts|translate-post|comments-area|comment-respond|comments-wrapper|jetpack-likes-widget-wrapper|wp-block-post-comments|wp-block-comments|wp-block-comments-query-loop|post-navigation)(?:\s|$)/;

/** A preformatted block that holds code (a code element, or a highlighter's or language class). */
const CODE_CLASS = /(?:^|[\s-])(?:code|highlight|language|lang|shell|console|terminal|sourceCode|hljs|prettyprint|chroma)(?:[\s-]|$)/i;

/**
 * A code block: a <pre> with code inside, or a code or highlighter class on it or its wrapper. Code is not prose to translate; a <pre>
 * of words alone (a poem, WordPress's preformatted and verse blocks) stays.
 */
export function isCodeBlock(element: Element): boolean {
  const classes = element.getAttribute('class');
  if (classes && CODE_CLASS.test(classes)) return true;
  // Highlighters (Pygments, Chroma, Rouge) wrap a bare <pre> in a div of their class.
  const wrapper = element.parentElement?.getAttribute('class');
  if (wrapper && CODE_CLASS.test(wrapper)) return true;
  for (let child = element.firstElementChild; child !== null; child = child.nextElementSibling) {
    if (CODE_TAGS.has(child.localName)) return true;
  }
  return false;
}

/** Inline elements whose words are code: a segment of nothing else is no prose. */
export const CODE_TAGS: ReadonlySet<string> = new Set(['code', 'kbd', 'samp', 'var']);

/** True when the element and everything inside it are left out of the segments. */
export function isSkipped(element: Element, tag: string): boolean {
  if (SKIPPED_TAGS.has(tag)) return true;
  if (tag === 'pre') return isCodeBlock(element);
  if (!element.hasAttributes()) return false; // most <p>, <em>, <li>: one call instead of three
  if (element.hasAttribute('hidden')) return true;
  const id = element.getAttribute('id');
  if (id !== null && SKIPPED_IDS.has(id)) return true;
  const classes = element.getAttribute('class');
  return classes !== null && classes !== '' && SKIPPED_CLASSES.test(classes);
}
