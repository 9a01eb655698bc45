// Pages that carry the words of an invitation without being a post that makes one: home and
// archive pages listing many posts (each may have its own "Translate this post"), login forms
// and error pages. Only read once some evidence was found, so other pages never pay for it.

const INDEX_BODY = /(?:^|\s)(?:home|blog|archive|category|tag|search|search-results|paged)(?:\s|$)/;
const LOGIN_BODY = /(?:^|\s)login(?:\s|$)/;
const ERROR_BODY = /(?:^|\s)error404(?:\s|$)/;
const ERROR_TITLE = /\b404\b|\bnot found\b|introuvable|nicht gefunden|no encontrad|не найден|не знайден/i;

/** Reasons the page is no post at all (an index, a login form, an error), or none. */
export function pageKindPenalty(doc: Document): string[] {
  const penalties: string[] = [];
  const bodyClass = doc.body?.getAttribute('class') ?? '';
  // Teasers of other posts at the foot of a post (Ghost's "Read more", related posts) do not count.
  const posts = Array.from(doc.querySelectorAll('article, .hentry, .post-card, .type-post')).filter(
    (post) => !post.parentElement?.closest('aside, footer, [class*="related"], [class*="read-next"], [class*="read-more"]'),
  ).length;
  if (posts > 2) penalties.push(`lists ${posts} posts: a home or archive page`);
  else if (INDEX_BODY.test(bodyClass) && !/(?:^|\s)single(?:\s|$)/.test(bodyClass)) {
    penalties.push('a home or archive page (body class)');
  }
  if (LOGIN_BODY.test(bodyClass) || doc.querySelector('input[type="password"], form#loginform')) {
    penalties.push('a login page');
  }
  const title = doc.querySelector('h1')?.textContent ?? doc.title ?? '';
  if (ERROR_BODY.test(bodyClass) || ERROR_TITLE.test(title)) penalties.push('an error page');
  return penalties;
}
