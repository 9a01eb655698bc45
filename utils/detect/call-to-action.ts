// Does the page invite its readers to translate it? The evidence is weighed into a confidence:
// the Diff theme's box and Polylang's new-translation form, invitations worded in a heading, box,
// banner, link or button, and links to translation platforms. Look-alikes are named, not counted.
// A page that never speaks of translating costs a few selector lookups and one regex test of its text.
import type { CallToAction } from '../model';
import { ctaStartUrl, ctaTargetLanguages } from './cta-details';
import { locateArticle } from './article';
import { CHROME_SELECTOR } from './page-chrome';
import { pageKindPenalty } from './page-kind';
import { TRANSLATION_STEMS, readWording } from './wording';

export interface Assessment {
  /** The call to action, or null when the evidence falls short. */
  cta: CallToAction | null;
  /** 0–1: how sure the evidence makes it that the page invites readers to translate it. */
  confidence: number;
  /** Short, human-readable reasons, strongest first. */
  evidence: string[];
  /** The call to action's own elements: never segments. */
  boxes: Element[];
}

const DIFF_BOX_ID = 'translate-post';
const DIFF_LINK = 'a[href$="#translate-post"]';
const POLYLANG = 'select[name="new_lang"], input[name="from_post"], a[href*="post-new.php"][href*="from_post="]';
const PLATFORMS: [string, string][] = [
  ['translatewiki.net', 'translatewiki.net'],
  ['crowdin.com', 'Crowdin'],
  ['crwd.in', 'Crowdin'],
  ['transifex.com', 'Transifex'],
  ['weblate', 'Weblate'],
  ['pontoon.', 'Pontoon'],
  ['poeditor.com', 'POEditor'],
  ['lokalise.', 'Lokalise'],
  ['Special:Translate', 'MediaWiki Special:Translate'],
  ['Special%3ATranslate', 'MediaWiki Special:Translate'],
];
/** Any of the platforms' address parts, to test each link's address once. */
const PLATFORM_ADDRESS = new RegExp(PLATFORMS.map(([part]) => part.replace(/[.%]/g, (c) => `\\${c}`)).join('|'));
/** Where an invitation is worded: headings, links, buttons, boxes and banners. */
const WORDED = [
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'a[href]', 'button', 'summary', 'legend', '[role="button"]',
  '[role="alert"]', '[role="note"]', '[role="status"]', '[role="banner"]', '[class*="announcement"]', 'aside p', '.notice',
  '[class*="callout"]', '.admonition', '.alert', '.banner', '[class*="translat"]', '[id*="translat"]',
].join(', ');
/** Website machine-translation widgets: Google's, GTranslate, "Translate with Google" links. */
const MACHINE_TRANSLATION =
  '#google_translate_element, .goog-te-gadget, .skiptranslate, [class*="gtranslate"], a[href*="translate.google."], a[href*="translate.goog"]';
/** Elements that make a box: an invitation inside one is left out of the segments as a whole. */
const BOX = 'aside, [role="note"], [role="alert"], [role="status"], [role="banner"], [class*="announcement"], .notice, [class*="callout"], .admonition, .alert, .banner, [class*="translat"], [id*="translat"]';

export class Evidence {
  score = 0;
  readonly reasons: { weight: number; text: string }[] = [];
  readonly boxes: Element[] = [];
  links: Element[] = [];

  add(weight: number, text: string): void {
    this.score += weight;
    this.reasons.push({ weight, text });
  }
}

/** Weighs what the page offers. `baseUrl` resolves the call to action's links. */
export function assessCallToAction(doc: Document, baseUrl: string): Assessment {
  const evidence = collectEvidence(doc);
  const diffBox = doc.getElementById(DIFF_BOX_ID);
  if (evidence.score <= 0) return verdict(evidence, null);
  const cta = isCallToAction(doc, evidence)
    ? {
        startUrl: ctaStartUrl(doc, diffBox, evidence.links, baseUrl),
        targetLanguages: ctaTargetLanguages(doc, diffBox ?? evidence.boxes[0] ?? null),
      }
    : null;
  return verdict(evidence, cta);
}

/** Weighs the page's kind into the evidence found: is the page a call to action? */
export function isCallToAction(doc: Document, evidence: Evidence): boolean {
  for (const reason of pageKindPenalty(doc)) evidence.add(-10, reason); // not a post: no invitation outweighs that
  return confidenceOf(evidence.score) >= 0.5;
}

/** What the page offers, before its kind is weighed (the always-on first look reads it too). */
export function collectEvidence(doc: Document): Evidence {
  const evidence = new Evidence();
  const diffBox = doc.getElementById(DIFF_BOX_ID);
  if (diffBox) {
    evidence.add(3, 'Diff’s “Can you help us translate this article?” box (#translate-post)');
    evidence.boxes.push(diffBox);
  } else if (doc.querySelector(DIFF_LINK)) {
    evidence.add(2, 'a “Translate this post” link to the #translate-post box');
  }
  const polylang = doc.querySelector(POLYLANG);
  if (polylang) evidence.add(3, 'Polylang’s new-translation form (post-new.php?from_post=)');
  readPlatformLinks(doc, evidence);
  // One native read of the page's text spares the element scan on pages that never speak of translating.
  if (TRANSLATION_STEMS.test(doc.body?.textContent ?? '')) readWordedInvitations(doc, evidence);
  return evidence;
}

/** The call to action alone, or null: what the content script asks before reading anything else. */
export function findCallToAction(doc: Document, baseUrl: string): CallToAction | null {
  return assessCallToAction(doc, baseUrl).cta;
}

function verdict(evidence: Evidence, cta: CallToAction | null): Assessment {
  const reasons = evidence.reasons.slice().sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight));
  return {
    cta,
    confidence: evidence.score <= 0 ? 0 : Math.round(confidenceOf(evidence.score) * 100) / 100,
    evidence: [...new Set(reasons.map((r) => r.text))],
    boxes: cta ? evidence.boxes : [],
  };
}

/** A logistic curve: one clear invitation (2.5) is 0.83, a theme's box with its link near 1. */
export function confidenceOf(score: number): number {
  return 1 / (1 + Math.exp(-1.6 * (score - 1.5)));
}

function readPlatformLinks(doc: Document, evidence: Evidence): void {
  const named = new Set<string>();
  // doc.links and one regex: much cheaper than ten attribute-substring selectors over every element.
  for (const link of Array.from(doc.links)) {
    const href = link.getAttribute('href') ?? '';
    if (!PLATFORM_ADDRESS.test(href) || link.localName !== 'a') continue;
    const platform = PLATFORMS.find(([part]) => href.includes(part))?.[1] ?? 'a translation platform';
    if (named.has(platform)) continue;
    const context = contextText(link);
    const wording = readWording(context);
    if (wording === 'interface') {
      named.add(platform);
      evidence.add(0, `a ${platform} link invites translating an interface, not this article (ignored)`);
    } else if (wording === 'invitation') {
      named.add(platform);
      evidence.add(1.5, `a link to ${platform} beside an invitation to translate this article`);
      evidence.links.push(link);
    } else if (/Special(?::|%3A)Translate/.test(href) && /[?&]group=page-/.test(href)) {
      named.add(platform);
      evidence.add(2, 'a “Translate this page” link to MediaWiki’s Special:Translate');
      evidence.links.push(link);
    } else if (wording === null) {
      named.add(platform);
      evidence.add(0.5, `a link to ${platform}`);
    }
  }
}

function readWordedInvitations(doc: Document, evidence: Evidence): void {
  let counted = 0;
  const noted = new Set<string>();
  for (const element of Array.from(doc.querySelectorAll(WORDED))) {
    const text = (element.textContent ?? '').trim();
    if (text.length < 8 || text.length > 400) continue;
    const wording = readWording(text);
    if (wording === null) continue;
    if (element.closest(MACHINE_TRANSLATION)) {
      note(evidence, noted, 'a machine-translation widget (ignored)');
      continue;
    }
    if (wording !== 'invitation') {
      note(evidence, noted, LOOK_ALIKE[wording]);
      continue;
    }
    if (element.closest('blockquote, q')) {
      note(evidence, noted, LOOK_ALIKE.quoted);
      continue;
    }
    if (inRunningText(element)) {
      note(evidence, noted, 'an invitation mentioned inside running text (ignored)');
      continue;
    }
    const box = element.closest(BOX) ?? element.closest('p, li, h1, h2, h3, h4, h5, h6, div') ?? element;
    if (evidence.boxes.some((known) => known.contains(element))) continue;
    evidence.boxes.push(box);
    if (element.localName === 'a' || element.localName === 'button') evidence.links.push(element);
    else {
      const link = box.querySelector('a[href]:not([href^="#"])');
      if (link) evidence.links.push(link);
    }
    // A box's evidence quotes the line in it that invites (its heading, link or sentence).
    const shown = kindOf(element) === 'a box' ? (invitingLine(element) ?? element) : element;
    const quoted = shorten((shown.textContent ?? '').trim());
    evidence.add(counted === 0 ? 2.5 : counted < 3 ? 0.5 : 0, `${kindOf(shown)} invites readers to translate it: “${quoted}”`);
    counted++;
  }
  if (counted === 0) readEdgeBlocks(doc, evidence);
}

/** An invitation written as the first or last paragraph of the post body. */
function readEdgeBlocks(doc: Document, evidence: Evidence): void {
  const blocks = Array.from(locateArticle(doc).content?.children ?? []).filter(
    (block) => !block.matches(CHROME_SELECTOR) && !block.matches(MACHINE_TRANSLATION) && !block.querySelector(MACHINE_TRANSLATION),
  );
  const edges = new Set([...blocks.slice(0, 2), ...blocks.slice(-3)]);
  for (const block of edges) {
    const text = (block.textContent ?? '').trim();
    // A short sentence of its own, not prose that happens to tell of translating.
    if (text.length > 300) continue;
    const sentences = text.split(/(?<=[.?!؟])\s+/);
    if (!sentences.some((sentence) => sentence.length <= 100 && readWording(sentence) === 'invitation')) continue;
    const where = blocks.indexOf(block) < 2 ? 'first' : 'last';
    evidence.boxes.push(block);
    const link = block.querySelector('a[href]:not([href^="#"])');
    if (link) evidence.links.push(link);
    evidence.add(2.5, `the post's ${where} paragraph invites readers to translate it: “${shorten(text)}”`);
    return;
  }
}

const LOOK_ALIKE: Record<'interface' | 'personal' | 'quoted', string> = {
  interface: 'an invitation to translate an app or interface, not this article (ignored)',
  personal: 'someone asking for a translation for themselves (ignored)',
  quoted: 'an invitation quoted, not made (ignored)',
};

function note(evidence: Evidence, noted: Set<string>, text: string): void {
  if (noted.has(text)) return;
  noted.add(text);
  evidence.add(0, text);
}

/** A link or phrase that is a few words of a longer sentence of prose. */
function inRunningText(element: Element): boolean {
  if (element.closest(BOX)) return false;
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

function kindOf(element: Element): string {
  const tag = element.localName;
  if (/^h[1-6]$/.test(tag)) return 'a heading';
  if (tag === 'a') return 'a link';
  if (tag === 'button' || element.getAttribute('role') === 'button') return 'a button';
  if (tag === 'p' || tag === 'strong') return 'a line in a box';
  return 'a box';
}

function contextText(link: Element): string {
  const own = (link.textContent ?? '').trim();
  const block = link.closest(`${BOX}, p, li, div, section`);
  const around = (block?.textContent ?? '').trim();
  return around.length > 0 && around.length <= 400 ? around : own;
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 80 ? `${flat.slice(0, 77)}…` : flat;
}
