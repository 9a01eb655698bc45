// What the core journey serves and expects, the same in every browser it runs in
// (tests/e2e/journey.test.ts in Chromium, tests/e2e/journey.firefox.test.ts in Firefox).
import { DIFF_POST_FIXTURE, DIFF_POST_PATH, PROJECT_FIXTURES, type Route } from './harness';

export const TITLE = 'Central Asian Community Members Share Their Thoughts on Wikimania 2024';
/** A page on the same site that does not ask for translation. */
export const NO_CTA_PATH = '/about/';
/** Typed into the third segment. */
export const TYPED = 'Вы можете прочитать больше о сообществах Центральной Азии в предыдущем блоге.';
/** Typed into the title in one view, to be seen in another. */
export const TYPED_TITLE = 'Участники сообщества';
export const THIRD_SOURCE = 'You can read more about the Central Asia communities in the previous blog.';
export const LAST_SOURCE = /^One major takeaway/;
export const NOT_ASKING = 'This page is not asking for translation.';
/** The label of the post's own in-page link to its call to action (#translate-post). */
export const IN_PAGE_CTA_LINK = 'Translate this post';

/** The fixture server's routes for the journey. */
export function journeyRoutes(): Record<string, Route> {
  return {
    [DIFF_POST_PATH]: DIFF_POST_FIXTURE,
    [NO_CTA_PATH]: `${PROJECT_FIXTURES}/no-cta-post.html`,
  };
}

/** Runs in the post's page: is its DOM exactly the served HTML's, so the extension added nothing? */
export function pageIsUntouched(servedHtml: string): boolean {
  const pristine = new DOMParser().parseFromString(servedHtml, 'text/html');
  return pristine.documentElement.outerHTML === document.documentElement.outerHTML;
}
