// Rebuilds a segment's inline markup from its placeholders: a draft's `⟨1⟩…⟨/1⟩` becomes the
// source's link again. A token that names no known element, closes out of order, repeats or is
// left open degrades to plain text, so no draft can produce broken or foreign markup.
import type { InlineElement, Segment } from '../model';
import { parseTagged } from '../segment/placeholders';
import { safeHttpUrl } from '../safe-url';

export type MarkupNode =
  | { type: 'text'; text: string }
  | { type: 'element'; n: number; tag: string; attrs: Record<string, string>; children: MarkupNode[] }
  | { type: 'void'; n: number; tag: string; attrs: Record<string, string> };

/** Inline elements an export may write; any other tag keeps only its text. */
const SAFE_TAGS = new Set([
  'a', 'strong', 'b', 'em', 'i', 'code', 'sup', 'sub', 'abbr', 'mark', 's', 'u', 'small', 'span',
  'q', 'cite', 'del', 'ins', 'kbd', 'bdi', 'dfn', 'var', 'samp', 'time', 'img', 'br',
]);
const VOID_TAGS = new Set(['img', 'br']);
/** Attributes kept on any safe element; `href` and `src` are checked as addresses. */
const SAFE_ATTRS = new Set(['title', 'lang', 'dir', 'alt', 'datetime']);
/** Addresses a link may keep: the web and mail, nothing that runs or reads local files. */
const LINK_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

/** The nodes of a source segment: its tagged text if it has one, else its text. */
export function sourceMarkup(segment: Segment, baseUrl?: string): MarkupNode[] {
  return parseMarkup(segment.tagged ?? segment.text, segment.inline ?? [], baseUrl);
}

/**
 * The nodes of a tagged text (a source or a draft). `inline[n - 1]` is placeholder n's element;
 * `baseUrl` resolves relative links and images.
 */
export function parseMarkup(tagged: string, inline: InlineElement[], baseUrl?: string): MarkupNode[] {
  if (!tagged.includes('\u27e8')) return tagged ? [{ type: 'text', text: tagged }] : []; // most segments: no tokens
  const root: MarkupNode[] = [];
  type Open = { node: Extract<MarkupNode, { type: 'element' }>; token: string; parent: MarkupNode[] };
  const stack: Open[] = [];
  const used = new Set<number>();
  let sawUnsafe = false;
  const current = (): MarkupNode[] => stack[stack.length - 1]?.node.children ?? root;
  const addText = (text: string) => {
    const into = current();
    const last = into[into.length - 1];
    if (last?.type === 'text') last.text += text;
    else into.push({ type: 'text', text });
  };

  for (const part of parseTagged(tagged)) {
    if (part.type === 'text') {
      addText(part.text);
      continue;
    }
    const element = inline[part.n - 1];
    if (part.type === 'close') {
      const top = stack[stack.length - 1];
      if (top && top.node.n === part.n) stack.pop();
      else addText(part.token);
      continue;
    }
    const usable = element !== undefined && !used.has(part.n) && (part.type === 'empty') === isEmpty(element);
    if (!usable) {
      addText(part.token);
      continue;
    }
    used.add(part.n);
    const tag = element.tag.toLowerCase();
    const attrs = safeAttributes(element, baseUrl);
    if (part.type === 'empty') {
      // An image whose address is unsafe is left out; its alt text stays readable.
      if (!SAFE_TAGS.has(tag) || (tag === 'img' && !attrs.src)) {
        if (attrs.alt) addText(attrs.alt);
        continue;
      }
      current().push({ type: 'void', n: part.n, tag, attrs });
      continue;
    }
    if (!SAFE_TAGS.has(tag)) sawUnsafe = true;
    const node: Extract<MarkupNode, { type: 'element' }> = { type: 'element', n: part.n, tag, attrs, children: [] };
    const parent = current();
    parent.push(node);
    stack.push({ node, token: part.token, parent });
  }

  // Left open: the token becomes text and its content moves up to where the element stood.
  const leftOpen = stack.length > 0;
  while (stack.length > 0) {
    const { node, token, parent } = stack.pop()!;
    const at = parent.indexOf(node);
    parent.splice(at, 1, { type: 'text', text: token }, ...node.children);
  }
  // Rebuilt only when needed: most texts have neither open tokens nor unsafe tags.
  if (sawUnsafe) return unwrapUnsafe(mergeText(root));
  return leftOpen ? mergeText(root) : root;
}

function isEmpty(element: InlineElement): boolean {
  return element.empty === true || VOID_TAGS.has(element.tag.toLowerCase());
}

/** Only the attributes an export writes: never handlers or styles, never a script address. */
function safeAttributes(element: InlineElement, baseUrl?: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  const tag = element.tag.toLowerCase();
  for (const [rawName, value] of Object.entries(element.attrs ?? {})) {
    const name = rawName.toLowerCase();
    if (name === 'href' && tag === 'a') {
      const href = safeAddress(value, baseUrl, LINK_SCHEMES);
      if (href) attrs.href = href;
    } else if (name === 'src' && tag === 'img') {
      const src = safeHttpUrl(resolve(value, baseUrl));
      if (src) attrs.src = src;
    } else if (SAFE_ATTRS.has(name)) {
      attrs[name] = value;
    }
  }
  return attrs;
}

function safeAddress(value: string, baseUrl: string | undefined, schemes: Set<string>): string | null {
  try {
    const url = new URL(value.trim(), baseUrl);
    return schemes.has(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

function resolve(value: string, baseUrl?: string): string {
  try {
    return new URL(value.trim(), baseUrl).href;
  } catch {
    return value;
  }
}

function mergeText(nodes: MarkupNode[]): MarkupNode[] {
  const out: MarkupNode[] = [];
  for (const node of nodes) {
    const last = out[out.length - 1];
    if (node.type === 'text' && last?.type === 'text') last.text += node.text;
    else if (node.type !== 'text' || node.text !== '') out.push(node);
  }
  return out;
}

/** Elements of tags an export never writes (script, iframe, style…) keep only their content. */
function unwrapUnsafe(nodes: MarkupNode[]): MarkupNode[] {
  const out: MarkupNode[] = [];
  for (const node of nodes) {
    if (node.type !== 'element') out.push(node);
    else if (SAFE_TAGS.has(node.tag)) out.push({ ...node, children: unwrapUnsafe(node.children) });
    else out.push(...unwrapUnsafe(node.children));
  }
  return mergeText(out);
}

/** The nodes' text, as a reader sees it (an image counts as its alt text, a break as a space). */
export function plainText(nodes: MarkupNode[]): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text') out += node.text;
    else if (node.type === 'element') out += plainText(node.children);
    else if (node.tag === 'br') out += '\n';
    else out += node.attrs.alt ?? '';
  }
  return out;
}

/** Escapes text for HTML content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** The nodes as HTML: every text escaped, every element one of the safe ones with safe attributes. */
export function toHtml(nodes: MarkupNode[]): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text') out += escapeHtml(node.text);
    else if (node.type === 'void') out += `<${node.tag}${htmlAttributes(node.attrs)}>`;
    else out += `<${node.tag}${htmlAttributes(node.attrs)}>${toHtml(node.children)}</${node.tag}>`;
  }
  return out;
}

export function htmlAttributes(attrs: Record<string, string>): string {
  return Object.entries(attrs)
    .map(([name, value]) => ` ${name}="${escapeHtml(value)}"`)
    .join('');
}

/** The source tag of each placeholder, as HTML, for formats that carry the original codes. */
export function openingTagOf(node: Extract<MarkupNode, { type: 'element' | 'void' }>): string {
  return `<${node.tag}${htmlAttributes(node.attrs)}>`;
}
