// Hostile pages for the safety tests: the real Diff post with its title, paragraphs, link targets,
// language names and call-to-action addresses replaced by XSS payloads (tests/fixtures/hostile).
// Payloads sit in the page as text and attribute values, as a hostile author would publish them:
// the page shows them literally, and Interlinear must do the same everywhere it shows or exports them.
import { readFileSync } from 'node:fs';

const LANGUAGE_CODES = ['de', 'es', 'fr', 'ru', 'uk', 'kk', 'ky', 'uz', 'tg', 'fa', 'ar', 'he'];
// Through a variable: vitest rewrites `new URL('…', import.meta.url)` in unit tests (see pages.ts).
const supportDir = import.meta.url;
const PAYLOADS_FILE = new URL('../fixtures/hostile/payloads.txt', supportDir);

/** Every payload string kept as test data, one per line of payloads.txt. */
export function hostilePayloads(): string[] {
  return readFileSync(PAYLOADS_FILE, 'utf8')
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('# '));
}

/** Text as HTML source: the payload arrives in the page as text, never as markup. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * A Diff post whose every translatable part carries a payload: the title takes the first, each
 * paragraph one more, each paragraph also links with a hostile href and language attribute, and the
 * Polylang box offers languages named and coded with payloads and posts its form to one.
 */
export function hostileDiffPost(payloads: string[], postPath: string): string {
  const [title = 'x', ...rest] = payloads;
  const paragraphs = rest.map(
    (payload, i) =>
      `<p>${escapeHtml(payload)} <a href="${escapeHtml(rest[(i + 1) % rest.length]!)}" ` +
      `lang="${escapeHtml(payload)}">link ${i}</a></p>`,
  );
  // Real codes with hostile names, then hostile codes: a name is shown as text, a code that is no
  // language tag is not offered at all.
  const options = [
    ...LANGUAGE_CODES.map((code, i) => `<option value="${code}">${escapeHtml(rest[i] ?? code)}</option>`),
    ...rest.slice(0, 4).map((payload) => `<option value="${escapeHtml(payload)}">${escapeHtml(payload)}</option>`),
  ];
  return `<!DOCTYPE html>
<html lang="en-US" dir="ltr"><head><meta charset="utf-8">
<title>${escapeHtml(title)} – Diff</title>
<link rel="canonical" href="https://diff.wikimedia.org${postPath}">
<meta property="og:locale" content="${escapeHtml(rest[0] ?? 'en_US')}">
</head><body class="post-template-default single single-post">
<main id="main"><article class="post type-post">
<header class="entry-header"><h1 class="entry-title">${escapeHtml(title)}</h1></header>
<div class="entry-content wrapper-small">
${paragraphs.join('\n')}
<div id="translate-post" class="translate-post">
<div class="translate-post-content">
<h2>Can you help us translate this article?</h2>
<p>In order for this article to reach as many people as possible we would like your help. Can you translate this article to get the message out?</p>
<fieldset><form method="get" action="${escapeHtml(rest[1] ?? '')}">
<label for="new_lang">Select Language</label>
<input type="hidden" name="post_type" value="post">
<input type="hidden" name="from_post" value="${escapeHtml(rest[2] ?? '')}">
<select name="new_lang" id="new_lang" class="pll-translation-select">${options.join('')}</select>
<input type="submit" value="Submit">
</form></fieldset>
</div></div>
</div></article></main></body></html>`;
}
