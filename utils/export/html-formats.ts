// Semantic HTML and the bilingual review page: complete standalone documents, every text escaped,
// no scripts, and a Content-Security-Policy that forbids them anyway. An untranslated segment kept
// as source carries class="untranslated" and the source's lang; the review page shows it greyed.
import { formatNumber, t, tCount, uiLanguage, type MessageKey } from '../i18n';
import { textDirection } from '../languages';
import type { SegmentKind } from '../model';
import { safeHttpUrl } from '../safe-url';
import type { ExportBlock, ExportItem, ExportPost } from './blocks';
import { itemsOf } from './blocks';
import { escapeHtml, htmlAttributes, plainText, toHtml } from './markup';

/** Nothing runs, nothing loads but the page's own styles (and, in HTML, the post's images). */
const REVIEW_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";
const HTML_CSP = "default-src 'none'; img-src https: http:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

/** A standalone HTML document: `head` is trusted markup, `bodyHtml` already escaped. */
export function htmlDocument(options: { lang: string; title: string; csp: string; style: string; bodyHtml: string }): string {
  const { lang, title, csp, style, bodyHtml } = options;
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(lang)}" dir="${direction(lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">`,
    '<meta name="referrer" content="no-referrer">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${style}</style>`,
    '</head>',
    '<body>',
    bodyHtml,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

export const HTML_STYLE = 'body{max-width:42rem;margin:2rem auto;padding:0 1rem;font:1.05rem/1.6 system-ui,sans-serif}' +
  '.untranslated{color:#666}img{max-width:100%}article+article{border-top:1px solid #ccc;margin-top:3rem}';

/** The post's translation as an <article> of semantic HTML. */
export function htmlArticleOfPost(prepared: ExportPost): string {
  const parts = prepared.blocks.map((block) => htmlBlock(block, prepared.sourceLang)).filter(Boolean);
  return `<article lang="${escapeHtml(prepared.lang)}" dir="${direction(prepared.lang)}">\n${parts.join('\n')}\n</article>`;
}

export function htmlDocumentOfPosts(posts: ExportPost[]): string {
  const lang = posts[0]?.lang ?? 'und';
  return htmlDocument({
    lang,
    title: posts.length === 1 ? titleOf(posts[0]!) : `${posts.length} posts`,
    csp: HTML_CSP,
    style: HTML_STYLE,
    bodyHtml: posts.map(htmlArticleOfPost).join('\n'),
  });
}

function htmlBlock(block: ExportBlock, sourceLang: string): string {
  const text = (item: ExportItem) => toHtml(item.output);
  const attrs = (item: ExportItem, extra: Record<string, string> = {}) =>
    htmlAttributes(item.showsSource ? { ...extra, class: 'untranslated', lang: sourceLang, dir: direction(sourceLang) } : extra);
  switch (block.kind) {
    case 'title':
      return `<h1${attrs(block.item)}>${text(block.item)}</h1>`;
    case 'heading':
      return `<h${block.level}${attrs(block.item)}>${text(block.item)}</h${block.level}>`;
    case 'paragraph':
      return `<p${attrs(block.item)}>${text(block.item)}</p>`;
    case 'list': {
      const tag = block.ordered ? 'ol' : 'ul';
      return `<${tag}>\n${block.items.map((i) => `<li${attrs(i)}>${text(i)}</li>`).join('\n')}\n</${tag}>`;
    }
    case 'quote': {
      const cite = block.cite ? `\n<footer><cite${attrs(block.cite)}>${text(block.cite)}</cite></footer>` : '';
      return `<blockquote>\n${block.items.map((i) => `<p${attrs(i)}>${text(i)}</p>`).join('\n')}${cite}\n</blockquote>`;
    }
    case 'image': {
      const img = block.image ? `<img${htmlAttributes({ src: block.image.src, alt: block.image.alt })}>` : '';
      const caption = `<figcaption${attrs(block.caption)}>${text(block.caption)}</figcaption>`;
      return `<figure>${img}${caption}</figure>`;
    }
    case 'table': {
      const rows = block.rows.map(
        (r) => `<tr>${r.cells.map((c) => `<${c.header ? 'th' : 'td'}${attrs(c.item)}>${text(c.item)}</${c.header ? 'th' : 'td'}>`).join('')}</tr>`,
      );
      return `<table>\n${rows.join('\n')}\n</table>`;
    }
  }
}

const REVIEW_STYLE =
  'body{margin:1.5rem;font:1rem/1.5 system-ui,sans-serif}h1{font-size:1.4rem}' +
  'table{border-collapse:collapse;width:100%;table-layout:fixed}th,td{border:1px solid #ccc;padding:.5rem;vertical-align:top;text-align:start}' +
  'thead th{background:#f3f3f3}.kind{width:7rem;color:#555;font-size:.85rem}' +
  '.untranslated{color:#888;font-style:italic}.state-done .state{color:#186a3b}.state-draft .state{color:#8a5300}' +
  '.state{display:block;font-size:.8rem;font-style:normal}';

/**
 * Source and translation side by side, one row per segment, with each segment's state. The page's
 * own labels are in the UI language of whoever exported it; the texts keep their languages.
 */
export function reviewDocumentOfPosts(posts: ExportPost[]): string {
  const lang = posts[0]?.lang ?? 'und';
  const sections = posts.map(reviewSection);
  return htmlDocument({
    lang: uiLanguage(),
    title: t('exportReviewTitle', posts.length === 1 ? titleOf(posts[0]!) : tCount('exportReviewPosts', posts.length), lang),
    csp: REVIEW_CSP,
    style: REVIEW_STYLE,
    bodyHtml: sections.join('\n'),
  });
}

function reviewSection(prepared: ExportPost): string {
  const { post, lang, sourceLang } = prepared;
  const src = `lang="${escapeHtml(sourceLang)}" dir="${direction(sourceLang)}"`;
  const trg = `lang="${escapeHtml(lang)}" dir="${direction(lang)}"`;
  const ui = uiLanguage();
  // Looked up once per label, not once per row: a post may have thousands of rows.
  const labels = new Map<MessageKey, string>();
  const label = (key: MessageKey) => {
    let text = labels.get(key);
    if (text === undefined) labels.set(key, (text = escapeHtml(t(key))));
    return text;
  };
  const rows = prepared.blocks.flatMap(itemsOf).map((item) => {
    const state = item.state === 'untranslated' ? 'exportReviewStateUntranslated' : item.state === 'done' ? 'exportReviewStateDone' : 'exportReviewStateDraft';
    const target = item.showsSource
      ? `<td ${src} class="untranslated">${toHtml(item.output)}<span class="state">${label('exportReviewSourceShown')}</span></td>`
      : `<td ${trg}>${toHtml(item.output)}<span class="state" lang="${escapeHtml(ui)}" dir="${direction(ui)}">${label(state)}</span></td>`;
    // A kind from a newer version, should one ever reach here, shows as it is named.
    const kind = KIND_LABELS[item.segment.kind] as MessageKey | undefined;
    return `<tr class="state-${item.state}"><td class="kind">${kind ? label(kind) : escapeHtml(item.segment.kind)}</td><td ${src}>${toHtml(item.source)}</td>${target}</tr>`;
  });
  const translated = prepared.items.filter((i) => i.state !== 'untranslated').length;
  const safeUrl = safeHttpUrl(post.url);
  const address = safeUrl ? `<a href="${escapeHtml(safeUrl)}" rel="noreferrer">${escapeHtml(safeUrl)}</a>` : escapeHtml(post.url);
  return [
    '<section>',
    `<h1 ${src}>${escapeHtml(titleOf(prepared))}</h1>`,
    `<p>${label('exportReviewSourceLabel')} ${address} · ${escapeHtml(sourceLang)} → ${escapeHtml(lang)} · ` +
      `${escapeHtml(tCount('exportReviewProgress', prepared.items.length, formatNumber(translated)))}</p>`,
    '<table>',
    `<thead><tr><th class="kind">${label('exportReviewKindHeader')}</th>` +
      `<th>${escapeHtml(t('exportReviewSourceHeader', sourceLang))}</th><th>${escapeHtml(t('exportReviewTranslationHeader', lang))}</th></tr></thead>`,
    `<tbody>\n${rows.join('\n')}\n</tbody>`,
    '</table>',
    '</section>',
  ].join('\n');
}

const KIND_LABELS: Record<SegmentKind, MessageKey> = {
  heading: 'exportKindHeading',
  paragraph: 'exportKindParagraph',
  'list-item': 'exportKindListItem',
  quote: 'exportKindQuote',
  caption: 'exportKindCaption',
  'table-cell': 'exportKindTableCell',
};

function titleOf(prepared: ExportPost): string {
  const first = prepared.items[0];
  if (prepared.post.title) return prepared.post.title;
  return first ? plainText(first.source) : prepared.post.url;
}

function direction(lang: string): 'ltr' | 'rtl' | 'auto' {
  return lang === 'und' ? 'auto' : textDirection(lang);
}
