// Page chrome that themes and plugins put inside a post's body: sharing buttons, related posts,
// comments, author boxes, cookie banners, embeds, "edit this page" links, and the call to action.
// The segmenter skips the Diff theme's own; these are the rest of the platforms'.
import type { AnchoredSegment } from '../segment';
import { normaliseText, segmentId } from '../segment/ids';

export const CHROME_SELECTOR = [
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
].join(', ');

/**
 * The anchored segments minus those inside chrome or the call to action, with ids counted again
 * over what is kept (so a repeat of a left-out text does not shift a kept segment's id).
 */
export function withoutChrome(anchors: AnchoredSegment[], content: Element | null, extra: Element[]): AnchoredSegment[] {
  const excluded = content ? Array.from(content.querySelectorAll(CHROME_SELECTOR)) : [];
  // Chrome around the body does not matter: only the parts of it inside the body could be read.
  for (const element of extra) if (!excluded.includes(element)) excluded.push(element);
  if (excluded.length === 0) return anchors;
  // Inline chrome (an "Edit" link loose in the body) is read into its container's run: drop a
  // segment that is exactly such an element's text.
  const chromeTexts = new Set(excluded.map((element) => normaliseText(element.textContent ?? '')));
  const kept = anchors.filter(
    (anchor) =>
      !excluded.some((element) => element.contains(anchor.element)) &&
      !(chromeTexts.has(anchor.segment.text) && excluded.some((element) => anchor.element.contains(element))),
  );
  if (kept.length === anchors.length) return anchors;
  const seen = new Map<string, number>();
  return kept.map((anchor) => {
    const { kind, text } = anchor.segment;
    const base = segmentId(kind, text);
    const occurrence = seen.get(base) ?? 0;
    seen.set(base, occurrence + 1);
    const id = segmentId(kind, text, occurrence);
    return id === anchor.segment.id ? anchor : { ...anchor, segment: { ...anchor.segment, id } };
  });
}
