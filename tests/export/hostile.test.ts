// Hostile strings through every format: in sources, drafts, link targets, image addresses, titles.
// HTML outputs are parsed and searched for anything that runs; block markup must keep every
// comment a block delimiter; Markdown must leave no markup or script address of the text's own.
import { afterAll, describe, expect, it } from 'vitest';
import { Window } from 'happy-dom';
import { DOMParser as XmlParser } from 'linkedom';
import { EXPORT_FORMATS, exportPost, type ExportFormat } from '../../utils/export/formats';
import { HOSTILE_PAYLOADS, hostilePost } from '../support/hostile-export';

const { post, drafts } = hostilePost();
const windows: Window[] = [];
afterAll(async () => {
  await Promise.all(windows.map((w) => w.happyDOM.close()));
});

function parseHtml(html: string): Document {
  const window = new Window();
  windows.push(window);
  window.document.write(html);
  return window.document as unknown as Document;
}

/** Whitespace collapsed, as a reader sees text. */
const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

const SCRIPT_ADDRESS = /^\s*(javascript|vbscript|data)\s*:/i;

/** What in a parsed document could run: script-like elements, handlers, script addresses. */
function runnable(doc: Document): string[] {
  const found: string[] = [];
  for (const el of [...doc.querySelectorAll('*')]) {
    const tag = el.localName;
    if (['script', 'iframe', 'object', 'embed', 'svg', 'math', 'base', 'form', 'link', 'template', 'noscript'].includes(tag)) found.push(`<${tag}>`);
    if (tag === 'meta' && el.getAttribute('http-equiv')?.toLowerCase() === 'refresh') found.push('meta refresh');
    if (tag === 'style' && el.parentElement?.localName !== 'head') found.push('<style> in body');
    for (const attr of [...el.attributes]) {
      if (attr.name.startsWith('on')) found.push(`${tag}[${attr.name}]`);
      if (attr.name === 'style' || attr.name === 'srcdoc' || attr.name === 'formaction') found.push(`${tag}[${attr.name}]`);
      if (['href', 'src', 'action', 'data'].includes(attr.name) && SCRIPT_ADDRESS.test(attr.value.replace(/[\t\n\r]/g, ''))) {
        found.push(`${tag}[${attr.name}=${attr.value}]`);
      }
    }
  }
  return found;
}

const out = (format: ExportFormat, untranslated: 'source' | 'empty' = 'source') =>
  exportPost(format, post, 'ru', drafts, { untranslated }).content;

describe.each(['html', 'review', 'wordpress'] as const)('%s with hostile text', (format) => {
  it('parses to nothing that runs, with every payload still readable as text', () => {
    const doc = parseHtml(out(format));
    expect(runnable(doc)).toEqual([]);
    const text = flat(doc.body.textContent ?? '');
    for (const payload of HOSTILE_PAYLOADS) expect(text).toContain(flat(payload));
  });

  it('keeps the only links and images those with web addresses', () => {
    const doc = parseHtml(out(format));
    for (const a of [...doc.querySelectorAll('a[href]')]) expect(a.getAttribute('href')).toMatch(/^https?:/);
    for (const img of [...doc.querySelectorAll('img')]) expect(img.getAttribute('src') ?? '').toMatch(/^https?:/);
  });
});

describe('WordPress block markup with hostile text', () => {
  it('has only block delimiters as comments: no text closes or opens one', () => {
    const content = out('wordpress');
    const comments = content.match(/<!--[\s\S]*?-->/g) ?? [];
    const delimiter = /^<!-- \/?wp:[a-z][a-z0-9-]*(?: \{[^<>&]*?\})? \/?-->$/;
    for (const comment of comments) expect(comment).toMatch(delimiter);
    // Every opening comment is closed: the count of each is the same, and nothing is left over.
    expect(comments.filter((c) => c.startsWith('<!-- wp:')).length).toBe(comments.filter((c) => c.startsWith('<!-- /wp:')).length);
    expect(content.replace(/<!--[\s\S]*?-->/g, '')).not.toMatch(/<!--|-->/);
  });
});

describe('Markdown with hostile text', () => {
  const markdown = out('markdown');

  it('escapes every < of the text, so no HTML of its own survives', () => {
    // Ours: the untranslated marks, <br>, and link addresses in angle brackets. Anything else is the text's.
    const rest = markdown
      .replace(/ <!-- untranslated -->/g, '')
      .replace(/\]\(<https?:[^<>\s]*>(?: "(?:[^"\\]|\\.)*")?\)/g, '](…)')
      .replace(/\\</g, '');
    expect(rest).not.toContain('<');
  });

  it('makes no link or image of a script address', () => {
    expect(markdown).not.toMatch(/(?<!\\)\]\(\s*<?\s*(javascript|vbscript|data):/i);
    for (const payload of ['[click](javascript:window.__pwned=1)', '](javascript:window.__pwned=1)']) {
      expect(markdown).not.toContain(payload);
    }
  });
});

describe('plain text with hostile text', () => {
  it('is served as text and holds the payloads as they were', () => {
    const file = exportPost('text', post, 'ru', drafts);
    expect(file.mimeType).toBe('text/plain;charset=utf-8');
    expect(file.content).toContain('<script>window.__pwned=1</script>');
  });
});

describe.each(['xliff2', 'xliff12'] as const)('%s with hostile text', (format) => {
  it('holds the payloads as text, and nothing that runs in its original data', () => {
    const content = out(format);
    const doc = new XmlParser().parseFromString(content, 'text/xml') as unknown as Document;
    expect(doc.querySelectorAll('script').length).toBe(0);
    const sources = flat([...doc.querySelectorAll('source')].map((s) => s.textContent ?? '').join('\n'));
    for (const payload of HOSTILE_PAYLOADS) expect(sources).toContain(flat(payload));
    // Each <data> holds a source tag as HTML: parsed, it must be as harmless as the HTML exports.
    const data = [...doc.querySelectorAll('data')].map((d) => d.textContent ?? '').join('');
    if (format === 'xliff2') expect(data).toContain('<a');
    expect(runnable(parseHtml(`<!doctype html><body>${data}`))).toEqual([]);
  });
});

it('covers every format', () => {
  const tested = ['html', 'review', 'wordpress', 'markdown', 'text', 'xliff2', 'xliff12'];
  expect(Object.keys(EXPORT_FORMATS).sort()).toEqual(tested.sort());
});
