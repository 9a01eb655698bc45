// Page chrome that themes and plugins put inside a post's body: sharing buttons, related posts,
// comments, author boxes, cookie banners, embeds, "edit this page" links, and the call to action.
// The segmenter skips the Diff theme's own; these are the rest of the platforms'.
import type { AnchoredSegment } from '../segment';
import { normaliseText } from '../segment/ids';

const CHROME_PARTS = [
  'nav', 'aside', 'footer', '[role="navigation"]', '[role="complementary"]', '[aria-hidden="true"]',
  // sharing
  '.share', '.shares', '.sharing', '.social-share', '.share-buttons', '.addtoany_share_save_container',
  '.a2a_kit', '.ssba', '.heateor_sss_sharing_container', '.gh-share', '.post-share', '.share-links',
  // related posts, post navigation, tags
  '.related', '.related-posts', '.yarpp-related', '.crp_related', '.post-navigation', '.nav-links',
  '.pagination', '.pagination-nav', '.post-tags', '.tags-links', '.cat-links', '.read-next',
  // comments: native WordPress, wpDiscuz, Disqus, Ghost
  '#comments', '.comments-area', '#respond', '#wpdcom', '.wpdiscuz_top_clearing', '#disqus_thread',
  '.gh-comments', '.comments',
  // author boxes, newsletters, cookie banners
  '.author-box', '.about-author', '.author-bio', '.saboxplugin-wrap', '.post-author-box',
  '.newsletter', '.subscribe-box', '.gh-post-upgrade-cta', '.cookie-notice', '#cookie-notice',
  '.cookie-banner', '#cookie-law-info-bar', '.cmplz-cookiebanner',
  // embeds and documentation-site chrome
  '.wp-block-embed', 'iframe', '.theme-doc-footer', '.md-source-file', '.headerlink',
  '.theme-edit-this-page', '.md-content__button', '.edit-this-page', '.breadcrumbs',
  '.theme-doc-breadcrumbs', '.theme-doc-toc-mobile', '.admonition-translate', '.mw-pt-languages',
  '.mw-editsection', '.noprint',
];
export const CHROME_SELECTOR = CHROME_PARTS.join(', ');

// In a long post, matching the seventy-odd selectors against every element took longer than the
// rest of finding chrome: there, the class and id names are looked up in sets, on the elements that
// have a class or an id, and only the rest stays a selector. In a short one (a Diff post's body) the
// whole selector at once is quicker: the lookup's own start costs more than it saves.
const MATCHED_WHOLE_UP_TO = 500;
const BY_NAME = /^([.#])([\w-]+)$/;
const namesOf = (sign: string) => CHROME_PARTS.filter((part) => BY_NAME.exec(part)?.[1] === sign).map((part) => part.slice(1));
const CHROME_CLASSES = new Set(namesOf('.'));
const CHROME_IDS = new Set(namesOf('#'));
// In quirks mode class and id selectors ignore case: names are compared in lower case there.
const LOWER_CLASSES = new Set(namesOf('.').map((name) => name.toLowerCase()));
const LOWER_IDS = new Set(namesOf('#').map((name) => name.toLowerCase()));
const CHROME_BY_SELECTOR = CHROME_PARTS.filter((part) => !BY_NAME.test(part)).join(', ');

/** The elements inside `content` that CHROME_SELECTOR matches, in no particular order. */
export function chromeIn(content: Element): Set<Element> {
  if (content.getElementsByTagName('*').length <= MATCHED_WHOLE_UP_TO) {
    return new Set(Array.from(content.querySelectorAll(CHROME_SELECTOR)));
  }
  const found = new Set(Array.from(content.querySelectorAll(CHROME_BY_SELECTOR)));
  const quirks = content.ownerDocument.compatMode === 'BackCompat';
  const classes = quirks ? LOWER_CLASSES : CHROME_CLASSES;
  const ids = quirks ? LOWER_IDS : CHROME_IDS;
  const named = (name: string, names: ReadonlySet<string>) => names.has(quirks ? name.toLowerCase() : name);
  for (const element of Array.from(content.querySelectorAll('[class], [id]'))) {
    if (element.id && named(element.id, ids)) {
      found.add(element);
      continue;
    }
    const list = element.classList;
    for (let i = 0; i < list.length; i++) {
      if (named(list[i]!, classes)) {
        found.add(element);
        break;
      }
    }
  }
  return found;
}

/**
 * The anchored segments minus those inside chrome or the call to action, with ids counted again
 * over what is kept (so a repeat of a left-out text does not shift a kept segment's id).
 */
export function withoutChrome(anchors: AnchoredSegment[], content: Element | null, extra: Element[]): AnchoredSegment[] {
  const excluded = content ? chromeIn(content) : new Set<Element>();
  // Chrome around the body does not matter: only the parts of it inside the body could be read.
  for (const element of extra) excluded.add(element);
  if (excluded.size === 0) return anchors;
  // Inline chrome (an "Edit" link loose in the body) is read into its container's run: drop a
  // segment that is exactly such an element's text.
  let chromeTexts: Set<string> | undefined;
  const isChromeText = (anchor: AnchoredSegment) => {
    chromeTexts ??= new Set(Array.from(excluded, (element) => normaliseText(element.textContent ?? '')));
    if (!chromeTexts.has(anchor.segment.text)) return false;
    for (const element of excluded) if (anchor.element.contains(element)) return true;
    return false;
  };
  const removed = new Set<string>();
  const kept = anchors.filter((anchor) => {
    const out = insideAny(anchor.element, excluded) || isChromeText(anchor);
    if (out) removed.add(baseId(anchor.segment.id));
    return !out;
  });
  if (kept.length === anchors.length) return anchors;
  // Only a repeat of a left-out text is numbered again; every other id stays as it is, unhashed.
  const seen = new Map<string, number>();
  return kept.map((anchor) => {
    const base = baseId(anchor.segment.id);
    if (!removed.has(base)) return anchor;
    const occurrence = seen.get(base) ?? 0;
    seen.set(base, occurrence + 1);
    const id = occurrence > 0 ? `${base}-${occurrence}` : base;
    return id === anchor.segment.id ? anchor : { ...anchor, segment: { ...anchor.segment, id } };
  });
}

/** True when `element` or one of its ancestors is in `set`. */
function insideAny(element: Element, set: ReadonlySet<Element>): boolean {
  for (let node: Element | null = element; node !== null; node = node.parentElement) if (set.has(node)) return true;
  return false;
}

/** A segment id without its repeat number: `p-0abc…-2` → `p-0abc…`. */
function baseId(id: string): string {
  const dash = id.indexOf('-', id.indexOf('-') + 1);
  return dash < 0 ? id : id.slice(0, dash);
}
