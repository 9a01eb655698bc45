// The always-on content script's first look: may this page ask for translation? A few selector
// queries and one pass over a handful of short strings (headings, buttons, boxes and banners, short
// blocks with a link or a question, link destinations), searched as plain strings: the Diff box,
// Polylang's form, a link to a translation platform or a translate route, or the word "translate"
// in any language detection reads, where an invitation would stand. It answers "maybe"
// generously; the page reader (detector, segmenter) decides. It must stay small: every page of a
// site pays for parsing it.
import { hasTranslationStem } from './translation-stems';

/** What no page carries without asking: the Diff box and its link, Polylang's new-translation form. */
const SURE = '#translate-post, a[href$="#translate-post"], select[name="new_lang"], input[name="from_post"]';

/** Where the detector reads an invitation's words whatever they are: headings, buttons, boxes, banners. */
const PLACES =
  'h1,h2,h3,h4,h5,h6,button,summary,legend,aside,[role=button],[role=alert],[role=note],[role=status],[role=banner],' +
  '[class*=notice],[class*=callout],[class*=admonition],[class*=alert],[class*=banner],[class*=warning],' +
  '[class*=message],[class*=announcement],[class*=translat],[id*=translat]';

/** Short blocks where an invitation may be a sentence, and what makes one more than a mention. */
const BLOCKS = 'p,li,dd,td,div';
const BUTTON = 'a[class*=button],a[class*=btn],button,form,[role=button]';
const ASKING = ['?', '!', '؟', '？', '！'];

/**
 * Link destinations the detector weighs (a superset), as parts of a lower-case address: translation
 * platforms, MediaWiki's Special:Translate, Polylang's form, and the word "translate" in the
 * languages sites name routes in. Plain searches: no regular expression to set up.
 */
const DESTINATIONS = (
  'translatewiki.net|crowdin.com|crwd.in|transifex.com|weblate|pontoon.|poeditor.com|lokalise.|localazy.com|' +
  'gitlocalize.com|tolgee.|translations.launchpad|special:translate|special%3atranslate|post-new.php|new_lang=|' +
  'translat|tradu|bersetz|vertal|vertaal|tlumacz|tłumacz|preloz|přelož|perevod|pereklad|oversett|oversaet|' +
  'kaann|käänn|terjemah|cevir|çevir|fanyi|honyaku|beonyeok'
).split('|');

const LONGEST = 600;

/** True when the page may ask for translation: only then is the page reader loaded. */
export function mayAskForTranslation(doc: Document): boolean {
  if (doc.querySelector(SURE)) return true;
  const links = doc.links;
  for (let i = 0; i < links.length; i++) {
    const href = (links[i]!.getAttribute('href') ?? '').toLowerCase();
    for (const part of DESTINATIONS) if (href.includes(part)) return true;
  }
  // One native read of the page's text spares the rest on pages that never speak of translating.
  if (!hasTranslationStem(doc.body?.textContent ?? '')) return false;
  for (const place of Array.from(doc.querySelectorAll(PLACES))) {
    if (says(place)) return true;
  }
  for (let i = 0; i < links.length; i++) {
    const holder = links[i]!.parentElement;
    if (holder && says(holder)) return true;
  }
  for (const block of Array.from(doc.querySelectorAll(BLOCKS))) {
    // A div of a few children may be a block of words; a deeper one holds blocks read on their own.
    if (block.localName === 'div' && block.childElementCount > 3) continue;
    if (!says(block)) continue;
    const next = block.nextElementSibling;
    const text = block.textContent!;
    if (ASKING.some((mark) => text.includes(mark)) || (next && (next.matches(BUTTON) || next.querySelector(BUTTON)))) return true;
  }
  return false;
}

/** A short text with the word "translate" in it. */
function says(element: Element): boolean {
  const text = element.textContent ?? '';
  return text.length <= LONGEST && hasTranslationStem(text);
}
