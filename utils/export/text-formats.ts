// Markdown (CommonMark) and plain text. In Markdown every character that could start markup is
// escaped, so a draft holding `<script>` or `[x](javascript:…)` stays text; links, emphasis and
// code come back from the placeholders. An untranslated segment kept as source ends with an
// invisible `<!-- untranslated -->` comment in Markdown and ` [untranslated]` in plain text.
import type { ExportBlock, ExportItem, ExportPost } from './blocks';
import { htmlAttributes, plainText, type MarkupNode } from './markup';

const UNTRANSLATED_MD = ' <!-- untranslated -->';
const UNTRANSLATED_TEXT = ' [untranslated]';
/** A line break (<br>) in Markdown: a backslash at the end of the line (CommonMark's hard break). */
const HARD_BREAK = '\\\n';
/** Where no line may end (a heading, a table cell), a line break stays HTML. */
const HTML_BREAK = '<br>';

export function markdownOfPost(prepared: ExportPost): string {
  return prepared.blocks.map(markdownBlock).filter(Boolean).join('\n\n') + '\n';
}

function markdownBlock(block: ExportBlock): string {
  switch (block.kind) {
    case 'title':
      return `# ${mdItem(block.item, undefined, HTML_BREAK)}`;
    case 'heading':
      return `${'#'.repeat(block.level)} ${mdItem(block.item, undefined, HTML_BREAK)}`;
    case 'paragraph':
      return mdItem(block.item) || '';
    case 'list':
      return block.items
        .map((item, i) => {
          const marker = block.ordered ? `${i + 1}.` : '-';
          // A continuation line is indented past the marker, so it stays in its item.
          return `${marker} ${mdItem(item, undefined, HARD_BREAK + ' '.repeat(marker.length + 1))}`;
        })
        .join('\n');
    case 'quote': {
      const lines = block.items.map((item) => `> ${mdItem(item, undefined, `${HARD_BREAK}> `)}`);
      if (block.cite) lines.push(`> — ${mdItem(block.cite, undefined, `${HARD_BREAK}> `)}`);
      return lines.join('\n>\n');
    }
    case 'image': {
      const caption = mdItem(block.caption, (text) => `*${text}*`);
      if (!block.image) return caption;
      const image = `![${mdText(block.image.alt)}](${mdUrl(block.image.src)})`;
      return caption ? `${image}\n${caption}` : image;
    }
    case 'table':
      return markdownTable(block);
  }
}

/** A GitHub-flavoured table: the first row is the header, as Markdown requires one. */
function markdownTable(block: Extract<ExportBlock, { kind: 'table' }>): string {
  const width = Math.max(...block.rows.map((r) => r.cells.length));
  const row = (cells: string[]) => `| ${[...cells, ...Array(width - cells.length).fill('')].join(' | ')} |`;
  const [head, ...body] = block.rows.map((r) => r.cells.map((c) => mdItem(c.item, undefined, HTML_BREAK)));
  return [row(head!), row(Array(width).fill('---')), ...body.map(row)].join('\n');
}

/**
 * An item's Markdown, `wrap`ped (a caption in emphasis) before the untranslated mark; its line
 * breaks joined by `lineBreak`. A break before or after all the words would show as a backslash.
 */
function mdItem(item: ExportItem, wrap = (text: string) => text, lineBreak = HARD_BREAK): string {
  const markdown = mdNodes(item.output);
  const text = markdown.includes('\n') ? mdLines(markdown, lineBreak) : mdLineStart(markdown.trim());
  if (!text) return '';
  return item.showsSource ? wrap(text) + UNTRANSLATED_MD : wrap(text);
}

/** A hard break with the spaces around it, which would only pad the lines. */
const BREAK_WITH_SPACES = /\s*\\\n\s*/;

/** Markdown with line breaks, joined by `lineBreak`; every line is a line start, escaped as such. */
function mdLines(markdown: string, lineBreak: string): string {
  const lines = markdown.split(BREAK_WITH_SPACES);
  while (lines.length > 0 && lines[0]!.trim() === '') lines.shift();
  while (lines.length > 0 && lines[lines.length - 1]!.trim() === '') lines.pop();
  return lines.map((line) => mdLineStart(line.trim())).join(lineBreak);
}

function mdNodes(nodes: MarkupNode[]): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text') {
      out += mdText(node.text);
      continue;
    }
    if (node.type === 'void') {
      if (node.tag === 'br') out += HARD_BREAK; // text never holds a newline: mdText flattens it
      else if (node.tag === 'img') out += `![${mdText(node.attrs.alt ?? '')}](${mdUrl(node.attrs.src!)})`;
      continue;
    }
    const inner = mdNodes(node.children);
    switch (node.tag) {
      case 'a':
        out += node.attrs.href ? `[${inner}](${mdUrl(node.attrs.href)}${mdTitle(node.attrs.title)})` : inner;
        break;
      case 'strong':
      case 'b':
        out += inner.trim() ? `**${inner}**` : inner;
        break;
      case 'em':
      case 'i':
        out += inner.trim() ? `*${inner}*` : inner;
        break;
      case 's':
      case 'del':
        out += inner.trim() ? `~~${inner}~~` : inner;
        break;
      case 'code':
      case 'kbd':
        out += mdCode(plainText(node.children));
        break;
      default: // sup, sub, abbr, mark…: Markdown has no syntax for them, HTML does.
        out += `<${node.tag}${htmlAttributes(node.attrs)}>${inner}</${node.tag}>`;
    }
  }
  return out;
}

/** Text with every character that could open Markdown or HTML escaped, and no line breaks. */
export function mdText(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/[\\`*_\[\]<>|~&]/g, (c) => `\\${c}`);
}

/** A block's text must not start a heading, list or quote of its own. */
function mdLineStart(text: string): string {
  return text.replace(/^(#|[-+>=]|\d+(?=[.)]))/, (m) => (/^\d/.test(m) ? `${m}\\` : `\\${m}`));
}

/** A code span: its text is literal, so the fence is longer than any run of backticks in it. */
function mdCode(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || flat.startsWith(' ') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** An address in a link: in angle brackets, so spaces and parentheses cannot end it. */
function mdUrl(url: string): string {
  return `<${url.replace(/[<>\\\s|]/g, (c) => encodeURIComponent(c))}>`;
}

function mdTitle(title: string | undefined): string {
  return title ? ` "${title.replace(/\s+/g, ' ').replace(/["\\]/g, (c) => `\\${c}`)}"` : '';
}

export function plainTextOfPost(prepared: ExportPost): string {
  const lines: string[] = [];
  for (const block of prepared.blocks) {
    switch (block.kind) {
      case 'list':
        lines.push(block.items.map((item, i) => `${block.ordered ? `${i + 1}.` : '•'} ${textItem(item)}`).join('\n'));
        break;
      case 'quote':
        lines.push([...block.items.map((item) => textItem(item)), ...(block.cite ? [`— ${textItem(block.cite)}`] : [])].join('\n'));
        break;
      case 'table': // a cell's line breaks would break its row
        lines.push(block.rows.map((r) => r.cells.map((c) => textItem(c.item, ' ')).join('\t')).join('\n'));
        break;
      default:
        lines.push(textItem(block.kind === 'image' ? block.caption : block.item));
    }
  }
  return lines.filter((l) => l.trim() !== '').join('\n\n') + '\n';
}

/** An item's text; its line breaks (a newline each, from <br>) as `lineBreak`, without spaces around them. */
function textItem(item: ExportItem, lineBreak = '\n'): string {
  const plain = plainText(item.output).trim();
  const text = plain.includes('\n') ? plain.replace(/[^\S\n]*\n[^\S\n]*/g, lineBreak) : plain;
  return item.showsSource && text ? text + UNTRANSLATED_TEXT : text;
}
