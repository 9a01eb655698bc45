// The always-on content script's first look: does this page ask for translation? The detector's
// own verdict (the Diff box and link, Polylang's form, platform links, wording in headings, boxes,
// links, buttons and the post's edge paragraphs, weighed with the page's kind), without the call
// to action's details, the page's metadata or its segments: the page reader reads those.
import { collectEvidence, isCallToAction } from './call-to-action';

/** True when the page asks for translation: only then is the page reader loaded. */
export function mayAskForTranslation(doc: Document): boolean {
  const evidence = collectEvidence(doc);
  return evidence.score > 0 && isCallToAction(doc, evidence);
}
