// Is this a post that asks its readers to translate it, and what is there to translate?
// Pure: takes a Document and the address it was opened at, touches no browser globals.
import type { Detection, PostSnapshot } from '../model';
import { normaliseText } from '../segment/ids';
import { segmentArticle, segmentArticleInSteps, type AnchoredSegment, type Pause } from '../segment';
import { assessCallToAction, type Assessment } from './call-to-action';
import { locateArticle, type ArticleElements } from './article';
import { furnitureIn } from './furniture';
import { CHROME_SELECTOR, withoutChrome } from './page-chrome';
import { documentBase, headTitle, pageAddress, postKey, readHeadMeta, sourceLanguageOf } from './page-meta';
import { wordpressPostIdOf } from '../wordpress/post-id';

export { pageAddress, postKey } from './page-meta';
export { assessCallToAction, findCallToAction } from './call-to-action';

/** A detection plus, for each of its segments in the same order, the page element that shows it. */
export interface PageReading {
  detection: Detection;
  anchors: AnchoredSegment[];
}

/** The post's title and body elements, on Diff and on sites of the common platforms. */
export function findArticle(doc: Document): ArticleElements {
  return locateArticle(doc);
}

/**
 * Reads the page: its call to action, language, title, and (only when it asks for translations)
 * its segments with their elements, for the content script to highlight.
 */
export function readPage(doc: Document, pageUrl: string): PageReading {
  const baseUrl = documentBase(doc, pageUrl);
  const article = locateArticle(doc);
  return readPageWith(doc, article, assessCallToAction(doc, baseUrl, article), baseUrl);
}

function readPageWith(
  doc: Document,
  article: ArticleElements,
  assessment: Assessment,
  baseUrl: string,
  segmented?: AnchoredSegment[],
): PageReading {
  const { cta } = assessment;
  const meta = readHeadMeta(doc);
  // The title is always the first segment, also where it stands inside the body (documentation
  // sites, Sphinx) after a notice or breadcrumbs: read first, and skipped in the body.
  const anchors = cta
    ? withoutChrome(
        segmented ?? segmentArticle({ title: article.title, content: article.content, baseUrl, skip: article.title }),
        article.content,
        [...assessment.boxes, ...furnitureIn(article.content)],
      )
    : [];
  const titleFromBody = article.title ? titleText(article.title) : '';
  return {
    detection: {
      detected: cta !== null,
      title: titleFromBody || headTitle(doc, meta),
      sourceLanguage: sourceLanguageOf(doc, meta),
      cta,
      segments: anchors.map((anchor) => anchor.segment),
      confidence: assessment.confidence,
      evidence: assessment.evidence,
    },
    anchors,
  };
}

/** A title's words without the chrome inside it (a documentation site's "¶" permalink). */
function titleText(title: Element): string {
  let text = title.textContent ?? '';
  for (const chrome of Array.from(title.querySelectorAll(CHROME_SELECTOR))) text = text.replace(chrome.textContent ?? '', '');
  return normaliseText(text);
}

/** What `detect` reports for the page: detected only when it has a call to action. */
export function detectPage(doc: Document, pageUrl: string): Detection {
  return readPage(doc, pageUrl).detection;
}

/** What a reading in steps has read already: readPost then does only the rest. */
interface ReadSoFar {
  article: ArticleElements;
  assessment: Assessment;
  segmented: AnchoredSegment[];
}

/** The post as the content script reports it (null when the page asks for no translation). */
export function readPost(
  doc: Document,
  pageUrl: string,
  read?: ReadSoFar,
): { post: PostSnapshot | null; anchors: AnchoredSegment[] } {
  // The content script runs on every page of the site: without a call to action, stop here.
  const baseUrl = documentBase(doc, pageUrl);
  const article = read?.article ?? locateArticle(doc);
  const assessment = read?.assessment ?? assessCallToAction(doc, baseUrl, article);
  if (!assessment.cta) return { post: null, anchors: [] };
  const { detection, anchors } = readPageWith(doc, article, assessment, baseUrl, read?.segmented);
  return { post: { ...detection, key: postKey(pageAddress(doc, pageUrl)), url: pageUrl, wordpressPostId: wordpressPostIdOf(doc) }, anchors };
}

/**
 * readPost in slices, letting the page run between them (`pause`): the call to action first,
 * then the body's blocks a slice at a time. The same post and anchors as readPost.
 */
export async function readPostInSteps(
  doc: Document,
  pageUrl: string,
  pause: Pause,
): Promise<{ post: PostSnapshot | null; anchors: AnchoredSegment[] }> {
  const article = locateArticle(doc);
  const assessment = assessCallToAction(doc, documentBase(doc, pageUrl), article);
  if (!assessment.cta) return { post: null, anchors: [] };
  if (pause.due()) await pause.wait();
  const baseUrl = documentBase(doc, pageUrl);
  const segmented = await segmentArticleInSteps({ title: article.title, content: article.content, baseUrl, skip: article.title }, pause);
  if (pause.due()) await pause.wait();
  return readPost(doc, pageUrl, { article, assessment, segmented });
}

/** The post as the content script reports it, or null when the page asks for no translation. */
export function snapshotPage(doc: Document, pageUrl: string): PostSnapshot | null {
  return readPost(doc, pageUrl).post;
}
