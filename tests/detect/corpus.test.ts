// Scores detection and segmentation over the corpus of pages from many platforms and languages
// (tests/fixtures/corpus): precision and recall of "asks its readers to translate it", and the
// share of expected segments found in order, with no page chrome leaking into any segment.
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
  cta?: { startUrl?: string; targetLanguages?: string[] };
}

const corpus = new URL('corpus/', fixtures);
const pages = readdirSync(corpus)
  .filter((file) => file.endsWith('.html'))
  .map((file) => {
    const name = file.slice(0, -'.html'.length);
    const expected = JSON.parse(readFileSync(new URL(`${name}.expected.json`, corpus), 'utf8')) as CorpusExpectation;
    const { doc, address } = openFixture(new URL(file, corpus));
    return { name, expected, detection: detectPage(doc, address) };
  });

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

describe('the corpus', () => {
  const positives = pages.filter((p) => p.expected.detected);
  const truePositives = positives.filter((p) => p.detection.detected).length;
  const falsePositives = pages.filter((p) => !p.expected.detected && p.detection.detected);
  const precision = truePositives / Math.max(1, truePositives + falsePositives.length);
  const recall = truePositives / Math.max(1, positives.length);
  const expectedSegments = positives.reduce((n, p) => n + (p.expected.segments?.length ?? 0), 0);
  const foundSegments = positives.reduce(
    (n, p) => n + foundInOrder(p.expected.segments ?? [], p.detection.segments),
    0,
  );
  const segmentScore = foundSegments / Math.max(1, expectedSegments);
  const leaked = pages.flatMap((p) => leaks(p.detection, p.expected.notSegments).map((text) => `${p.name}: ${text}`));
  console.log(
    `corpus of ${pages.length} pages (${positives.length} invite translation): ` +
      `precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}, ` +
      `segments found in order ${foundSegments}/${expectedSegments} = ${segmentScore.toFixed(3)}, ` +
      `chrome leaked ${leaked.length}`,
  );

  it('has at least 25 pages, both invitations and look-alikes', () => {
    expect(pages.length).toBeGreaterThanOrEqual(25);
    expect(positives.length).toBeGreaterThan(10);
    expect(pages.length - positives.length).toBeGreaterThan(8);
  });

  it('detects with precision and recall of at least 0.95', () => {
    const missed = positives.filter((p) => !p.detection.detected).map((p) => p.name);
    expect(precision, `false positives: ${falsePositives.map((p) => p.name).join(', ')}`).toBeGreaterThanOrEqual(0.95);
    expect(recall, `missed: ${missed.join(', ')}`).toBeGreaterThanOrEqual(0.95);
  });

  it('finds at least 0.95 of the expected segments in order, with no chrome leaking in', () => {
    expect(segmentScore).toBeGreaterThanOrEqual(0.95);
    expect(leaked).toEqual([]);
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
    if (expected.cta?.startUrl !== undefined) expect(detection.cta?.startUrl).toBe(expected.cta.startUrl);
    if (expected.cta?.targetLanguages) {
      expect(detection.cta?.targetLanguages.map((l) => l.code)).toEqual(expected.cta.targetLanguages);
    }
  });
});
