// WordPress block markup, serialised as the block editor serialises it (`<!-- wp:name {attrs} -->`,
// a newline, the block's saved HTML, a newline, `<!-- /wp:name -->`; blocks apart by a blank line;
// inner blocks joined the same way inside their wrapper), so pasting into the code editor gives
// valid blocks. Text is HTML-escaped, so no `-->` of a draft can close a block comment; the only
// comment attributes are ours, JSON-encoded with `<`, `>`, `&` and `--` escaped as the editor does.
import type { ExportBlock, ExportItem, ExportPost } from './blocks';
import { htmlAttributes, toHtml, type MarkupNode } from './markup';

/** The class an untranslated segment kept as source carries (the block's "Additional CSS class"). */
export const UNTRANSLATED_CLASS = 'interlinear-untranslated';

export function blockMarkupOfPost(prepared: ExportPost): string {
  return prepared.blocks.map(blockOf).filter(Boolean).join('\n\n') + '\n';
}

/** The separator block written between posts when several are exported together. */
export const POST_SEPARATOR_BLOCK =
  '<!-- wp:separator -->\n<hr class="wp-block-separator has-alpha-channel-opacity"/>\n<!-- /wp:separator -->';

function blockOf(block: ExportBlock): string {
  switch (block.kind) {
    case 'title':
    case 'heading': {
      const level = block.kind === 'title' ? 1 : block.level;
      const untranslated = block.item.showsSource;
      const attrs: Record<string, unknown> = {};
      if (level !== 2) attrs.level = level;
      if (untranslated) attrs.className = UNTRANSLATED_CLASS;
      const cls = untranslated ? `wp-block-heading ${UNTRANSLATED_CLASS}` : 'wp-block-heading';
      return serialise('heading', attrs, `<h${level} class="${cls}">${richTextHtml(block.item.output)}</h${level}>`);
    }
    case 'paragraph':
      return paragraph(block.item);
    case 'list': {
      const tag = block.ordered ? 'ol' : 'ul';
      const items = block.items.map((item) => serialise('list-item', {}, `<li>${marked(item)}</li>`));
      return serialise('list', block.ordered ? { ordered: true } : {}, `<${tag} class="wp-block-list">${items.join('\n\n')}</${tag}>`);
    }
    case 'quote': {
      const inner = block.items.map(paragraph).join('\n\n');
      // The editor writes no <cite> for an empty attribution: an empty one would make the block invalid.
      const cite = block.cite?.output.length ? `<cite>${marked(block.cite)}</cite>` : '';
      return serialise('quote', {}, `<blockquote class="wp-block-quote">${inner}${cite}</blockquote>`);
    }
    case 'image': {
      const caption = block.caption.output.length
        ? `<figcaption class="wp-element-caption">${marked(block.caption)}</figcaption>`
        : '';
      // A caption whose image is unknown is written as a paragraph: an image block needs its image.
      if (!block.image) return caption ? paragraph(block.caption) : '';
      const img = `<img${htmlAttributes({ src: block.image.src, alt: block.image.alt })}/>`;
      return serialise('image', {}, `<figure class="wp-block-image">${img}${caption}</figure>`);
    }
    case 'table': {
      const [first, ...rest] = block.rows;
      const headerRow = first!.cells.every((c) => c.header) && rest.length > 0;
      const row = (r: (typeof block.rows)[number]) =>
        `<tr>${r.cells.map((c) => `<${c.header ? 'th' : 'td'}>${marked(c.item)}</${c.header ? 'th' : 'td'}>`).join('')}</tr>`;
      const head = headerRow ? `<thead>${row(first!)}</thead>` : '';
      const body = `<tbody>${(headerRow ? rest : block.rows).map(row).join('')}</tbody>`;
      return serialise('table', { hasFixedLayout: false }, `<figure class="wp-block-table"><table>${head}${body}</table></figure>`);
    }
  }
}

function paragraph(item: ExportItem): string {
  if (item.showsSource) {
    return serialise('paragraph', { className: UNTRANSLATED_CLASS }, `<p class="${UNTRANSLATED_CLASS}">${richTextHtml(item.output)}</p>`);
  }
  return serialise('paragraph', {}, `<p>${richTextHtml(item.output)}</p>`);
}

/**
 * Rich text of a part that has no class of its own in its block (a list item, a quote's
 * attribution, a table cell, a caption): an untranslated one is marked by a span around its text.
 */
function marked(item: ExportItem): string {
  const content = richTextHtml(item.output);
  return item.showsSource && content ? `<span class="${UNTRANSLATED_CLASS}">${content}</span>` : content;
}

/** Rich text as the editor saves it: images self-closed as in its serialiser. */
export function richTextHtml(nodes: MarkupNode[]): string {
  return toHtml(nodes).replace(/<img([^>]*)>/g, '<img$1/>');
}

function serialise(name: string, attrs: Record<string, unknown>, inner: string): string {
  const json = Object.keys(attrs).length ? ` ${blockAttributes(attrs)}` : '';
  return `<!-- wp:${name}${json} -->\n${inner}\n<!-- /wp:${name} -->`;
}

/** Block comment attributes as the editor writes them: JSON that can never close the comment. */
export function blockAttributes(attrs: Record<string, unknown>): string {
  return JSON.stringify(attrs)
    .replace(/--/g, '\\u002d\\u002d')
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\\"/g, '\\u0022');
}
