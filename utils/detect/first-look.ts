// The always-on content script's first look: may this page ask for translation? It answers "maybe"
// generously; the page reader (detector, segmenter) decides. Most pages of a site ask for nothing,
// and many are long, with a menu of links and the word "translation" somewhere in their prose, so
// what it costs must not grow with the page:
// - one selector query for what no page carries without asking (the Diff box, Polylang's form);
// - every link's address, handed over natively at once and searched as one string, for a
//   translation platform, Special:Translate or a translate route;
// - the page's text, read once: without the word "translate" in any language detection reads,
//   that is all;
// - where it has the word, only the elements around it are weighed: a heading, button, box or
//   banner, a link's holder, or a short block with a question or a button after it.
// It must stay small: every page of a site pays for parsing it.
import { stemsIn } from './translation-stems';

/** What no page carries without asking: the Diff box, Polylang's new-translation form (a link to the box holds "translat"). */
const SURE = '#translate-post,select[name="new_lang"],input[name="from_post"]';

/**
 * Where the detector reads an invitation's words whatever they are: headings, buttons, boxes,
 * banners, and any element given a role (buttons, alerts, notes, statuses among them).
 */
const PLACES =
  'h1,h2,h3,h4,h5,h6,button,summary,legend,aside,[role],' +
  '[class*=notice],[class*=callout],[class*=admonition],[class*=alert],[class*=banner],[class*=warning],' +
  '[class*=message],[class*=announcement],[class*=translat],[id*=translat]';

/** Short blocks where an invitation may be a sentence, and what makes one more than a mention. */
const BLOCKS = 'p,li,dd,td,div';
const BUTTON = 'a[class*=button],a[class*=btn],button,form,[role=button]';
/** A question or a call in any script's marks. */
const ASKING = /[?!؟？！]/;

/**
 * Link destinations the detector weighs (a superset), as parts of a lower-case address: translation
 * platforms, MediaWiki's Special:Translate, Polylang's form, and the word "translate" in the
 * languages sites name routes in ("translat" holds translatewiki.net, Launchpad's translations
 * and Special:Translate). Plain searches: no regular expression to set up.
 */
const DESTINATIONS = (
  'crowdin|crwd.in|transifex|weblate|pontoon.|poeditor|lokalise|localazy|gitlocalize|tolgee.|' +
  'post-new.php|new_lang=|translat|tradu|bersetz|vertal|vertaal|tlumacz|tłumacz|preloz|přelož|perevod|pereklad|' +
  'oversett|oversaet|kaann|käänn|terjemah|cevir|çevir|fanyi|honyaku|beonyeok'
).split('|');

const LONGEST = 600;

/** XPathResult.UNORDERED_NODE_SNAPSHOT_TYPE, as a number: a test's page comes from a DOM of its own. */
const SNAPSHOT = 6;

/** True when the page may ask for translation: only then is the page reader loaded. */
export function mayAskForTranslation(doc: Document): boolean {
  if (doc.querySelector(SURE)) return true;
  const addresses = linkAddresses(doc);
  if (DESTINATIONS.some((part) => addresses.includes(part))) return true;
  // One native read of the page's text spares the rest on pages that never speak of translating.
  const pageText = (doc.body?.textContent ?? '').toLowerCase();
  const stems = stemsIn(pageText);
  if (!stems.length) return false;
  const candidates = elementsAroundStems(doc, stems, pageText) ?? everyPlace(doc);
  return candidates.some((element) => invites(element, stems));
}

/**
 * Every link's address, lower case, one per line: the attributes come over natively, without an
 * element for each link. XPath names elements without a namespace only in an HTML document, so an
 * XHTML one is read link by link.
 */
function linkAddresses(doc: Document): string {
  const addresses: (string | null)[] = [];
  if (doc.contentType === 'text/html') {
    const found = doc.evaluate('//a/@href|//area/@href', doc, null, SNAPSHOT, null);
    for (let i = 0; i < found.snapshotLength; i++) addresses.push(found.snapshotItem(i)!.nodeValue);
  } else {
    for (const link of Array.from(doc.links)) addresses.push(link.getAttribute('href'));
  }
  return addresses.join('\n').toLowerCase();
}

/**
 * The elements around the stems' occurrences: each text node holding one, and its ancestors up to
 * the first too long to be an invitation. Null where a stem runs across elements
 * ("trans<em>late</em>"): then every place is weighed.
 */
function elementsAroundStems(doc: Document, stems: string[], pageText: string): Element[] | null {
  // XPath has no lower case: each stem is sought as written, capitalised and in capitals (the stems
  // hold no quote mark). A text in other case leaves its stem uncounted, and the walk follows.
  const holding = stems.flatMap((stem) => [stem, stem[0]!.toUpperCase() + stem.slice(1), stem.toUpperCase()]);
  const texts = doc.evaluate(`//body//text()[${holding.map((form) => `contains(.,'${form}')`).join(' or ')}]`, doc, null, SNAPSHOT, null);
  // Each ancestor's text is read once; the first too long to invite (often the whole article) is
  // seen, so the walks up from its other texts stop there, but not weighed.
  const seen = new Set<Element>();
  const around: Element[] = [];
  let held = 0;
  for (let i = 0; i < texts.snapshotLength; i++) {
    const text = texts.snapshotItem(i)!;
    held += occurrences(text.nodeValue!.toLowerCase(), stems);
    for (let element = text.parentElement; element && !seen.has(element); element = element.parentElement) {
      seen.add(element);
      if (element.textContent!.length > LONGEST) break;
      around.push(element);
    }
  }
  return held === occurrences(pageText, stems) ? around : null;
}

/** Every element the detector may read an invitation in, for a page the short way cannot read. */
function everyPlace(doc: Document): Element[] {
  // A link's holder: a link is never the page's root.
  return [...doc.querySelectorAll(`${PLACES},${BLOCKS}`), ...Array.from(doc.links, (link) => link.parentElement!)];
}

/** A short text with the word "translate" in a place, a link's holder, or a block that asks. */
function invites(element: Element, stems: string[]): boolean {
  const text = element.textContent ?? '';
  if (text.length > LONGEST) return false;
  const lower = text.toLowerCase();
  if (!stems.some((stem) => lower.includes(stem))) return false;
  if (element.matches(PLACES) || element.querySelector(':scope>a[href],:scope>area[href]')) return true;
  // A div of a few children may be a block of words; a deeper one holds blocks read on their own.
  if (!element.matches(BLOCKS) || (element.localName === 'div' && element.childElementCount > 3)) return false;
  const next = element.nextElementSibling;
  return ASKING.test(text) || Boolean(next && (next.matches(BUTTON) || next.querySelector(BUTTON)));
}

/** How many times the stems occur in a lower-case text. */
function occurrences(text: string, stems: string[]): number {
  return stems.reduce((count, stem) => count + text.split(stem).length - 1, 0);
}
