// XLIFF for CAT tools. 2.0 (OASIS core): one <file> per post (original = the post's address),
// one <unit> per segment (id and name = the segment id), the draft's status as the segment state
// (untranslated → initial, draft → translated, done → final), inline markup as <pc>/<ph> whose
// <originalData> holds the source's HTML tags. 1.2 (OmegaT, Okapi): <trans-unit> with the state on
// <target>, inline markup as <g>/<x/>. A code's id is its placeholder number, as import reads it.
// An untranslated segment kept as source has the source copied into its target with the state
// saying it is untranslated (initial, new); 'empty' writes an empty target; 'skip' leaves it out.
import type { ExportItem, ExportPost } from './blocks';
import { itemsOf } from './blocks';
import { openingTagOf, type MarkupNode } from './markup';

const XLIFF_2_NS = 'urn:oasis:names:tc:xliff:document:2.0';
const XLIFF_1_2_NS = 'urn:oasis:names:tc:xliff:document:1.2';

/** Characters XML 1.0 cannot hold at all (controls, lone surrogates, U+FFFE/U+FFFF): dropped. */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Cheap first check: most texts hold none of those characters, and no surrogate at all. */
const MAYBE_NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/;

export function xmlText(text: string): string {
  const clean = MAYBE_NOT_XML.test(text) ? text.replace(NOT_XML, '') : text;
  return clean.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

export function xmlAttr(text: string): string {
  return xmlText(text).replace(/["\t\n\r]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The items a file carries: every segment the options keep, in order. */
function unitsOf(prepared: ExportPost): ExportItem[] {
  return prepared.blocks.flatMap(itemsOf);
}

/** XLIFF 2.0 of one or more posts in one target language; srcLang is the posts' most common source language. */
export function xliff2OfPosts(posts: ExportPost[]): string {
  const lang = posts[0]?.lang ?? 'und';
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<xliff xmlns="${XLIFF_2_NS}" version="2.0" srcLang="${xmlAttr(commonSourceLang(posts))}" trgLang="${xmlAttr(lang)}">`,
  ];
  posts.forEach((prepared, index) => {
    lines.push(`  <file id="f${index + 1}" original="${xmlAttr(prepared.post.url)}">`);
    const units = unitsOf(prepared);
    // A file needs at least one unit or group: a post with every segment skipped gets an empty group.
    if (units.length === 0) lines.push('    <group id="empty"/>');
    units.forEach((item, i) => lines.push(unit2(item, i)));
    lines.push('  </file>');
  });
  lines.push('</xliff>', '');
  return lines.join('\n');
}

function commonSourceLang(posts: ExportPost[]): string {
  const counts = new Map<string, number>();
  for (const p of posts) counts.set(p.sourceLang, (counts.get(p.sourceLang) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'und';
}

const STATE_2 = { untranslated: 'initial', draft: 'translated', done: 'final' } as const;

function unit2(item: ExportItem, index: number): string {
  // A unit id is an NMTOKEN; segment ids are, but one from an old or imported record might not be.
  const name = xmlAttr(item.segment.id);
  const id = /^[A-Za-z0-9._:-]+$/.test(item.segment.id) ? name : `u${index + 1}`;
  const data = new Map<string, string>();
  const source = inline2(item.source, data);
  const target = item.state === 'untranslated' && !item.showsSource ? '' : inline2(item.output, data);
  const originalData = data.size
    ? `      <originalData>\n${[...data].map(([ref, html]) => `        <data id="${ref}">${xmlText(html)}</data>`).join('\n')}\n      </originalData>\n`
    : '';
  return (
    `    <unit id="${id}" name="${name}">\n${originalData}` +
    `      <segment state="${STATE_2[item.state]}">\n` +
    `        <source>${source}</source>\n` +
    `        <target>${target}</target>\n` +
    '      </segment>\n' +
    '    </unit>'
  );
}

function inline2(nodes: MarkupNode[], data: Map<string, string>): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text') {
      out += xmlText(node.text);
    } else if (node.type === 'void') {
      data.set(`d${node.n}`, node.tag === 'br' ? '<br/>' : openingTagOf(node));
      out += `<ph id="${node.n}" dataRef="d${node.n}"${codeType(node.tag)}/>`;
    } else {
      data.set(`d${node.n}s`, openingTagOf(node));
      data.set(`d${node.n}e`, `</${node.tag}>`);
      out += `<pc id="${node.n}" dataRefStart="d${node.n}s" dataRefEnd="d${node.n}e"${codeType(node.tag)}>${inline2(node.children, data)}</pc>`;
    }
  }
  return out;
}

/** The XLIFF 2.0 type of a code, which tools use to show it. */
function codeType(tag: string): string {
  if (tag === 'a') return ' type="link"';
  if (tag === 'img') return ' type="image"';
  if (tag === 'br') return ' type="fmt" subType="xlf:lb"'; // the core's own name for a line break
  if (['strong', 'b', 'em', 'i', 'u', 's', 'sup', 'sub', 'small', 'mark', 'code'].includes(tag)) return ' type="fmt"';
  return '';
}

/** XLIFF 1.2: one <file> per post, each with its own source language. */
export function xliff12OfPosts(posts: ExportPost[]): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', `<xliff version="1.2" xmlns="${XLIFF_1_2_NS}">`];
  for (const prepared of posts) {
    lines.push(
      `  <file original="${xmlAttr(prepared.post.url)}" source-language="${xmlAttr(prepared.sourceLang)}" ` +
        `target-language="${xmlAttr(prepared.lang)}" datatype="html">`,
      '    <body>',
    );
    for (const item of unitsOf(prepared)) lines.push(unit12(item));
    lines.push('    </body>', '  </file>');
  }
  lines.push('</xliff>', '');
  return lines.join('\n');
}

function unit12(item: ExportItem): string {
  const id = xmlAttr(item.segment.id);
  const approved = item.state === 'done' ? ' approved="yes"' : '';
  const state =
    item.state === 'done' ? 'final' : item.state === 'draft' ? 'translated' : item.showsSource ? 'new' : 'needs-translation';
  const target = item.state === 'untranslated' && !item.showsSource ? '' : inline12(item.output);
  return (
    `      <trans-unit id="${id}" resname="${id}"${approved}>\n` +
    `        <source>${inline12(item.source)}</source>\n` +
    `        <target state="${state}">${target}</target>\n` +
    '      </trans-unit>'
  );
}

function inline12(nodes: MarkupNode[]): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text') out += xmlText(node.text);
    else if (node.type === 'void') out += `<x id="${node.n}" ctype="${ctype12(node.tag)}"/>`;
    else out += `<g id="${node.n}" ctype="${ctype12(node.tag)}">${inline12(node.children)}</g>`;
  }
  return out;
}

function ctype12(tag: string): string {
  const known: Record<string, string> = { a: 'link', img: 'image', b: 'bold', strong: 'bold', i: 'italic', em: 'italic', u: 'underlined', br: 'lb' };
  return known[tag] ?? `x-html-${tag.replace(/[^a-z0-9]/g, '')}`;
}
