// Widgets that machine-translate the page for its reader (Google's, Bing's, GTranslate, Weglot,
// ConveyThis, TranslatePress' switcher…), as their script leaves them and as they look once
// rendered: a "Translate this page" label, a language select, a "powered by" link. They translate
// *for* the reader: nothing inside one is an invitation, and its languages are no target languages.
import { MACHINE_TRANSLATION } from './destinations';

const WIDGET_MARKS = [
  '#google_translate_element', '[id^="google_translate"]', '.goog-te-gadget', '.goog-te-combo', '.skiptranslate',
  '[class*="gtranslate"]', '[id*="gtranslate"]', '.gt_selector', '.gt_switcher', '[class*="weglot"]', '[id*="weglot"]',
  '[class*="conveythis"]', '[id*="conveythis"]', '.trp-language-switcher', '[class*="trp-language"]',
  '#MicrosoftTranslatorWidget', '[class*="glt-"]', '[class*="google-translate"]', '[class*="bing-translat"]',
].join(', ');

/** Words of a rendered widget's credit line. */
const POWERED_BY = /powered by\s*(?:google|bing|microsoft|gtranslate|weglot|conveythis|deepl)|translated by google|übersetzt von google|traducido por google/i;

/** How much text a widget may hold: a label, a select's options and a credit, no prose. */
const WIDGET_TEXT = 600;

/** The roots of the page's machine-translation widgets (each the box that holds one). */
export function readerTranslationWidgets(doc: Document, links: readonly HTMLAnchorElement[]): Element[] {
  const marks: Element[] = Array.from(doc.querySelectorAll(WIDGET_MARKS));
  for (const link of links) {
    if (MACHINE_TRANSLATION.test(link.getAttribute('href') ?? '')) marks.push(link);
  }
  for (const select of Array.from(doc.getElementsByTagName('select'))) {
    const holder = select.parentElement;
    if (holder && POWERED_BY.test(holder.textContent ?? '')) marks.push(select);
  }
  const roots: Element[] = [];
  for (const mark of marks) {
    if (roots.some((root) => root.contains(mark))) continue;
    roots.push(widgetRoot(mark));
  }
  return roots;
}

/** The outermost ancestor that is still only the widget: a short text, no article around it. */
function widgetRoot(mark: Element): Element {
  let root = mark;
  for (let parent = mark.parentElement; parent && parent.localName !== 'body'; parent = parent.parentElement) {
    if (/^(?:article|main)$/.test(parent.localName) || parent.querySelector('article, main, h1')) break;
    if ((parent.textContent ?? '').length > WIDGET_TEXT) break;
    root = parent;
  }
  return root;
}

export function inWidget(element: Element, widgets: readonly Element[]): boolean {
  return widgets.length > 0 && widgets.some((widget) => widget.contains(element));
}
