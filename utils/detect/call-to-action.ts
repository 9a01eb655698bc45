// Does the page invite its readers to translate it? The evidence is weighed into a confidence:
// the Diff theme's box and Polylang's new-translation form; invitations worded in a heading, box,
// banner, link, button or the article's edge blocks (evidence-words.ts); links whose destination is
// a translation platform or the site's translate route, in a box at the article's edge even without
// words (evidence-links.ts). Look-alikes are named, not counted; each reason says its class.
import type { CallToAction } from '../model';
import { ctaStartUrl, ctaTargetLanguages } from './cta-details';
import { locateArticle, type ArticleElements } from './article';
import { articleEdges, isActionBlock, isActionLink, type ArticleEdges } from './boxes';
import { readLinkDestinations } from './evidence-links';
import { readWordedInvitations } from './evidence-words';
import { pageKindPenalty } from './page-kind';
import { readerTranslationWidgets } from './reader-widgets';

export interface Assessment {
  /** The call to action, or null when the evidence falls short. */
  cta: CallToAction | null;
  /** 0–1: how sure the evidence makes it that the page invites readers to translate it. */
  confidence: number;
  /** Short, human-readable reasons, strongest first. */
  evidence: string[];
  /** The call to action's own elements (its box, its buttons, its form): never segments. */
  boxes: Element[];
}

const DIFF_BOX_ID = 'translate-post';
const DIFF_LINK = 'a[href$="#translate-post"]';
const POLYLANG = 'select[name="new_lang"], input[name="from_post"], a[href*="post-new.php"][href*="from_post="]';

/** What the evidence readers share: the page, its article's edges, its reader-translation widgets. */
export interface PageParts {
  doc: Document;
  edges: ArticleEdges;
  links: HTMLAnchorElement[];
  widgets: Element[];
}

export class Evidence {
  score = 0;
  readonly reasons: { weight: number; text: string }[] = [];
  readonly boxes: Element[] = [];
  /** Links that are evidence, or a call to action's own, strongest first: the first is the start address. */
  readonly links: Element[] = [];
  private readonly linkWeights: number[] = [];
  private readonly noted = new Set<string>();

  add(weight: number, text: string): void {
    this.score += weight;
    this.reasons.push({ weight, text });
  }

  /** A look-alike, named once, weighing nothing. */
  note(text: string): void {
    if (this.noted.has(text)) return;
    this.noted.add(text);
    this.add(0, text);
  }

  addLink(link: Element, weight: number): void {
    const known = this.links.indexOf(link);
    if (known >= 0) {
      if (this.linkWeights[known]! >= weight) return;
      this.links.splice(known, 1);
      this.linkWeights.splice(known, 1);
    }
    let at = this.linkWeights.findIndex((w) => w < weight);
    if (at < 0) at = this.links.length;
    this.links.splice(at, 0, link);
    this.linkWeights.splice(at, 0, weight);
  }

  addBox(box: Element): void {
    if (!this.boxes.some((known) => known.contains(box))) this.boxes.push(box);
  }

  inBox(element: Element): boolean {
    return this.boxes.some((box) => box.contains(element));
  }
}

/** Weighs what the page offers. `baseUrl` resolves the call to action's links. */
export function assessCallToAction(doc: Document, baseUrl: string, article: ArticleElements = locateArticle(doc)): Assessment {
  const evidence = collectEvidence(doc, article);
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

/** What the page offers, before its kind is weighed. */
export function collectEvidence(doc: Document, article: ArticleElements = locateArticle(doc)): Evidence {
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
  const links = Array.from(doc.links) as HTMLAnchorElement[];
  const parts: PageParts = { doc, edges: articleEdges(article.content), links, widgets: readerTranslationWidgets(doc, links) };
  if (parts.widgets.length > 0) evidence.note('a machine-translation widget that translates for the reader (ignored)');
  readWordedInvitations(parts, evidence);
  readLinkDestinations(parts, evidence);
  withActionBlocks(parts.edges, evidence);
  return evidence;
}

/**
 * A call to action's buttons and forms beside its box (a callout card, then a button card) are part
 * of it: never segments, and their link is where it starts.
 */
function withActionBlocks(edges: ArticleEdges, evidence: Evidence): void {
  for (const box of evidence.boxes.slice()) {
    if (!edges.content?.contains(box) || box === edges.content) continue;
    for (const sibling of [box.nextElementSibling, box.nextElementSibling?.nextElementSibling, box.previousElementSibling]) {
      if (!sibling || !isActionBlock(sibling) || evidence.inBox(sibling)) continue;
      evidence.addBox(sibling);
      const action = sibling.querySelector('a[href]:not([href^="#"])');
      if (action) evidence.addLink(action, 3);
    }
    // Within the box itself, a button's link comes before a link in its sentence.
    for (const action of Array.from(box.querySelectorAll('a[href]:not([href^="#"])'))) {
      if (isActionLink(action)) evidence.addLink(action, 2.6);
    }
  }
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
