// Scores detection and segmentation over the corpus of pages from many platforms and languages
// (tests/fixtures/corpus), and apart over its held-out third (corpus/held-out: pages written from
// the platforms' templates and scored only once a change to detection was done): precision and
// recall of "asks its readers to translate it", and the share of invitations read cleanly — exactly
// the expected segments, in order, with the right title, start address and target languages.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { openFixture, fixtures } from '../support/pages';
import { detectPage, readPage } from '../../utils/detect';
import type { Detection } from '../../utils/model';

interface CorpusExpectation {
  detected: boolean;
  sourceLanguage: string | null;
  title?: string;
  segments?: { kind: string; text: string }[];
  notSegments: string[];
  cta?: { startUrl?: string | null; targetLanguages?: string[] };
}

interface CorpusPage {
  name: string;
  expected: CorpusExpectation;
  detection: Detection;
}

function readCorpus(dir: URL): CorpusPage[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.html'))
    .map((file) => {
      const name = file.slice(0, -'.html'.length);
      const expected = JSON.parse(readFileSync(new URL(`${name}.expected.json`, dir), 'utf8')) as CorpusExpectation;
      const { doc, address } = openFixture(new URL(file, dir));
      return { name, expected, detection: detectPage(doc, address) };
    });
}

const corpus = new URL('corpus/', fixtures);
const sets = [
  { set: 'the corpus', pages: readCorpus(corpus) },
  { set: 'the held-out third', pages: readCorpus(new URL('held-out/', corpus)) },
];

/** How many of `expected` appear among `found` in the same order (kind and text equal). */
export function foundInOrder(expected: { kind: string; text: string }[], found: { kind: string; text: string }[]): number {
  let at = 0;
  let count = 0;
  for (const segment of expected) {
    const index = found.findIndex((s, i) => i >= at && s.kind === segment.kind && s.text === segment.text);
    if (index < 0) continue;
    count++;
    at = index + 1;
  }
  return count;
}

function leaks(detection: Detection, notSegments: string[]): string[] {
  return notSegments.filter((chrome) => detection.segments.some((s) => s.text.includes(chrome)));
}

/** What is wrong with an invitation's reading: segments, title, start address, target languages. */
function unclean({ expected, detection }: CorpusPage): string[] {
  const wrong: string[] = [];
  const segments = detection.segments.map(({ kind, text }) => ({ kind, text }));
  if (JSON.stringify(segments) !== JSON.stringify(expected.segments ?? [])) wrong.push('segments');
  if (expected.title !== undefined && detection.title !== expected.title) wrong.push('title');
  if (expected.cta?.startUrl !== undefined && detection.cta?.startUrl !== expected.cta.startUrl) wrong.push('start address');
  const languages = detection.cta?.targetLanguages.map((l) => l.code);
  if (expected.cta?.targetLanguages && JSON.stringify(languages) !== JSON.stringify(expected.cta.targetLanguages)) {
    wrong.push('target languages');
  }
  return wrong;
}

describe.each(sets)('$set', ({ set, pages }) => {
  const positives = pages.filter((p) => p.expected.detected);
  const truePositives = positives.filter((p) => p.detection.detected).length;
  const falsePositives = pages.filter((p) => !p.expected.detected && p.detection.detected);
  const precision = truePositives / Math.max(1, truePositives + falsePositives.length);
  const recall = truePositives / Math.max(1, positives.length);
  const uncleanPages = positives.map((p) => ({ name: p.name, wrong: unclean(p) })).filter((p) => p.wrong.length > 0);
  const clean = (positives.length - uncleanPages.length) / Math.max(1, positives.length);
  const expectedSegments = positives.reduce((n, p) => n + (p.expected.segments?.length ?? 0), 0);
  const foundSegments = positives.reduce((n, p) => n + foundInOrder(p.expected.segments ?? [], p.detection.segments), 0);
  const leaked = pages.flatMap((p) => leaks(p.detection, p.expected.notSegments).map((text) => `${p.name}: ${text}`));
  console.log(
    `${set}: ${pages.length} pages (${positives.length} invite translation): ` +
      `precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}, clean ${clean.toFixed(3)}, ` +
      `segments found in order ${foundSegments}/${expectedSegments}, chrome leaked ${leaked.length}`,
  );

  it('has both invitations and look-alikes', () => {
    expect(positives.length).toBeGreaterThan(10);
    expect(pages.length - positives.length).toBeGreaterThan(6);
  });

  it('detects with precision and recall of at least 0.97', () => {
    const missed = positives.filter((p) => !p.detection.detected).map((p) => p.name);
    expect(precision, `false positives: ${falsePositives.map((p) => p.name).join(', ')}`).toBeGreaterThanOrEqual(0.97);
    expect(recall, `missed: ${missed.join(', ')}`).toBeGreaterThanOrEqual(0.97);
  });

  it('reads at least 0.95 of the invitations cleanly, with no chrome leaking in anywhere', () => {
    expect(clean, uncleanPages.map((p) => `${p.name}: ${p.wrong.join(', ')}`).join('; ')).toBeGreaterThanOrEqual(0.95);
    expect(leaked).toEqual([]);
  });

  it.each(pages)('$name: language, title, confidence and evidence', ({ expected, detection }) => {
    expect(detection.detected).toBe(expected.detected);
    expect(detection.sourceLanguage).toBe(expected.sourceLanguage);
    if (expected.title) expect(detection.title).toBe(expected.title);
    expect(detection.confidence).toBeGreaterThanOrEqual(0);
    expect(detection.confidence).toBeLessThanOrEqual(1);
    if (expected.detected) {
      expect(detection.confidence).toBeGreaterThanOrEqual(0.5);
      expect(detection.evidence?.length).toBeGreaterThan(0);
    } else {
      expect(detection.confidence).toBeLessThan(0.5);
      expect(detection.segments).toEqual([]);
    }
  });
});

describe('the whole corpus', () => {
  const all = sets.flatMap((s) => s.pages);

  it('has at least 60 pages, a third of them held out', () => {
    expect(all.length).toBeGreaterThanOrEqual(60);
    expect(sets[1]!.pages.length * 3).toBeGreaterThanOrEqual(all.length - 3);
  });

  it('maps the segments of a site of unknown markup back to the live page', () => {
    const { doc, address } = openFixture(new URL('custom-static-site-pt.html', corpus));
    const { detection, anchors } = readPage(doc, address);
    expect(anchors).toHaveLength(detection.segments.length);
    for (const { segment, element } of anchors) {
      expect(element.ownerDocument).toBe(doc);
      expect(element.isConnected).toBe(true);
      expect(element.textContent?.replace(/\s+/g, ' ')).toContain(segment.text);
    }
    expect(anchors.map((a) => a.element.localName)).toEqual(['h1', 'p', 'p', 'h3', 'li', 'li', 'p']);
  });
});
