// Is this a post that asks its readers to translate it, and what is there to translate?
// Pure: takes a Document and the address it was opened at, touches no browser globals.
import type { CallToAction, Detection, PostSnapshot } from '../model';
import { normaliseText } from '../segment/ids';
import { segmentArticle, type AnchoredSegment, type ArticleParts } from '../segment';
import { findCallToAction } from './call-to-action';
import { documentBase, headTitle, pageAddress, postKey, readHeadMeta, sourceLanguageOf } from './page-meta';

export { pageAddress, postKey } from './page-meta';
export { findCallToAction } from './call-to-action';

/** A detection plus, for each of its segments in the same order, the page element that shows it. */
export interface PageReading {
  detection: Detection;
  anchors: AnchoredSegment[];
}

/** The post's title and body elements (Interconnection theme: h1.entry-title, article .entry-content). */
export function findArticle(doc: Document): Required<ArticleParts> {
  return {
    title: doc.querySelector('h1.entry-title'),
    content: doc.querySelector('article .entry-content') ?? doc.querySelector('.entry-content'),
  };
}

/**
 * Reads the page: its call to action, language, title, and (only when it asks for translations)
 * its segments with their elements, for the content script to highlight.
 */
export function readPage(doc: Document, pageUrl: string): PageReading {
  return readPageWith(doc, findCallToAction(doc, documentBase(doc, pageUrl)));
}

function readPageWith(doc: Document, cta: CallToAction | null): PageReading {
  const meta = readHeadMeta(doc);
  const article = findArticle(doc);
  const anchors = cta ? segmentArticle(article) : [];
  const titleFromBody =
    anchors[0]?.element === article.title
      ? anchors[0].segment.text
      : normaliseText(article.title?.textContent ?? '');
  return {
    detection: {
      detected: cta !== null,
      title: titleFromBody || headTitle(doc, meta),
      sourceLanguage: sourceLanguageOf(doc, meta),
      cta,
      segments: anchors.map((anchor) => anchor.segment),
    },
    anchors,
  };
}

/** What `detect` reports for the page: detected only when it has a call to action. */
export function detectPage(doc: Document, pageUrl: string): Detection {
  return readPage(doc, pageUrl).detection;
}

/** The post as the content script reports it (null when the page asks for no translation). */
export function readPost(doc: Document, pageUrl: string): { post: PostSnapshot | null; anchors: AnchoredSegment[] } {
  // The content script runs on every page of the site: without a call to action, stop here.
  const cta = findCallToAction(doc, documentBase(doc, pageUrl));
  if (!cta) return { post: null, anchors: [] };
  const { detection, anchors } = readPageWith(doc, cta);
  return { post: { ...detection, key: postKey(pageAddress(doc, pageUrl)), url: pageUrl }, anchors };
}

/** The post as the content script reports it, or null when the page asks for no translation. */
export function snapshotPage(doc: Document, pageUrl: string): PostSnapshot | null {
  return readPost(doc, pageUrl).post;
}
