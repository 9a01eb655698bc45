// Invitations worded in a heading, link, button, box or banner, or as a short sentence of the
// article's first or last block, in any language wording.ts reads. An invitation inside a box or
// an edge block is a call to action whatever the box's class; one inside a sentence of prose, a
// quote or a reader-translation widget is a look-alike, named in the evidence.
import { boxAround, edgeBlockOf, isActionBlock, isBox, isShortBeside, type ArticleEdges } from './boxes';
import type { Evidence, PageParts } from './call-to-action';
import { CHROME_SELECTOR } from './page-chrome';
import { inWidget } from './reader-widgets';
import { readWording } from './wording';

/** Where an invitation is worded: headings, links, buttons, boxes and banners. */
const WORDED = [
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'a[href]', 'button', 'summary', 'legend', '[role="button"]',
  '[role="alert"]', '[role="note"]', '[role="status"]', '[role="banner"]', '[class*="announcement"]', 'aside p', '.notice',
  '[class*="callout"]', '.admonition', '.alert', '.banner', '[class*="translat"]', '[id*="translat"]',
  '[class*="notice"]', '[class*="alert"]', '[class*="warning"]', '[class*="admonition"]', '[class*="message"]',
].join(', ');

const LOOK_ALIKE: Record<'interface' | 'personal' | 'quoted', string> = {
  interface: 'an invitation to translate an app or interface, not this article (ignored)',
  personal: 'someone asking for a translation for themselves (ignored)',
  quoted: 'an invitation quoted, not made (ignored)',
};
export const LOOK_ALIKE_OF = LOOK_ALIKE;

export function readWordedInvitations(parts: PageParts, evidence: Evidence): void {
  const { doc, edges, widgets } = parts;
  // Each candidate's text is short and tested against the stems first (readWording): no read of
  // the whole page's text, which on a long post is a large string.
  let counted = 0;
  for (const element of Array.from(doc.querySelectorAll(WORDED))) {
    const text = (element.textContent ?? '').trim();
    if (text.length < 8 || text.length > 400) continue;
    const wording = readWording(text);
    if (wording === null) continue;
    if (inWidget(element, widgets)) {
      evidence.note('a machine-translation widget that translates for the reader (ignored)');
      continue;
    }
    if (wording !== 'invitation') {
      evidence.note(LOOK_ALIKE[wording]);
      continue;
    }
    if (element.closest('blockquote, q')) {
      evidence.note(LOOK_ALIKE.quoted);
      continue;
    }
    if (evidence.inBox(element)) continue;
    // In a box, an invitation is made whatever the box's class; loose in a sentence of prose, told of.
    const box = boxAround(element, edges.content);
    if (!box && inRunningText(element)) {
      evidence.note('an invitation mentioned inside running text (ignored)');
      continue;
    }
    const place = box ?? placeOf(element, edges);
    const held = place ?? element.closest('p, li, h1, h2, h3, h4, h5, h6, div') ?? element;
    evidence.addBox(held);
    if (element.localName === 'a' || element.localName === 'button') evidence.addLink(element, 2.5);
    else {
      const link = held.querySelector('a[href]:not([href^="#"])');
      if (link) evidence.addLink(link, 2);
    }
    // A box's evidence quotes the line in it that invites (its heading, link or sentence).
    const shown = kindOf(element) === 'a box' ? (invitingLine(element) ?? element) : element;
    const weight = counted === 0 ? 2.5 : counted < 3 ? 0.5 : 0;
    evidence.add(weight, `${kindOf(shown)}${place ? ' in a box' : ''} invites readers to translate it: “${shorten(shown.textContent ?? '')}”`);
    counted++;
  }
  if (counted === 0) readEdgeBlocks(parts, evidence);
}

/**
 * The box an element stands in, or the short edge block of the article holding it: a place where
 * an invitation is made, not told of.
 */
export function placeOf(element: Element, edges: ArticleEdges): Element | null {
  const box = boxAround(element, edges.content);
  if (box) return box;
  const edge = edgeBlockOf(element, edges);
  return edge && isShortBeside(edge.block, edges) ? edge.block : null;
}

/**
 * An invitation written as a sentence of the article's first or last blocks (a notice of any
 * class), made rather than told of: the block holds a link, or the sentence asks (? or !), or a
 * button follows the block. The always-on first look lets through exactly such blocks.
 */
function readEdgeBlocks(parts: PageParts, evidence: Evidence): void {
  const { edges, widgets } = parts;
  for (const block of [...edges.first, ...edges.last]) {
    if (block.matches(CHROME_SELECTOR) || inWidget(block, widgets) || block.querySelector(WIDGET_INSIDE)) continue;
    if (!isShortBeside(block, edges)) continue;
    const text = (block.textContent ?? '').trim();
    // A sentence keeps its closing quote: a quoted invitation is told of, not made.
    const sentences = text.split(/(?<=[.?!؟]['"”»’)]*)\s+|(?<=[。？！])/);
    // A short sentence of its own, not prose that happens to tell of translating; a box's may be longer.
    const longest = isBox(block) ? 160 : 100;
    const inviting = sentences.find((sentence) => sentence.length <= longest && readWording(sentence) === 'invitation');
    if (!inviting) continue;
    const link = block.querySelector('a[href]:not([href^="#"])');
    const next = block.nextElementSibling;
    if (!link && !/[?!؟？！]/.test(inviting) && !(next && isActionBlock(next))) continue;
    const where = edges.first.includes(block) ? 'first' : 'last';
    evidence.addBox(block);
    if (link) evidence.addLink(link, 2);
    evidence.add(2.5, `the post's ${where} block invites readers to translate it: “${shorten(text)}”`);
    return;
  }
}

const WIDGET_INSIDE = '#google_translate_element, .goog-te-gadget, .skiptranslate, [class*="gtranslate"]';

/** A link or phrase that is a few words of a longer sentence of prose. */
function inRunningText(element: Element): boolean {
  const block = element.closest('p, li, td, dd');
  if (!block || block === element) return false;
  const own = (element.textContent ?? '').length;
  const around = (block.textContent ?? '').length;
  return around > own + 60;
}

function invitingLine(box: Element): Element | undefined {
  return Array.from(box.querySelectorAll('h1, h2, h3, h4, h5, h6, p, a, button, strong')).find(
    (line) => readWording((line.textContent ?? '').trim()) === 'invitation',
  );
}

export function kindOf(element: Element): string {
  const tag = element.localName;
  if (/^h[1-6]$/.test(tag)) return 'a heading';
  if (tag === 'a') return 'a link';
  if (tag === 'button' || element.getAttribute('role') === 'button') return 'a button';
  if (tag === 'p' || tag === 'strong') return 'a line';
  return 'a box';
}

/** A quoted line for the evidence: one line, at most 80 characters. */
function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 77)}…` : flat;
}
