// Links as evidence, by where they lead: a translation platform, or the site's own translate
// route. Inside a box or edge block of the article such a link is a call to action in any
// language, words or none; elsewhere it only adds a little. Every link that is evidence is also a
// candidate start address, the strongest first.
import type { Evidence, PageParts } from './call-to-action';
import { ANY_DESTINATION, destinationOf, isPageTranslateLink } from './destinations';
import { LOOK_ALIKE_OF, placeOf } from './evidence-words';
import { inWidget } from './reader-widgets';
import { readWording, speaksOfInterface } from './wording';
import { isBox } from './boxes';

/** The site's own navigation, sidebar and footer: a link there speaks for the site, not this article. */
const SITE_CHROME = 'nav, [role="navigation"], [role="contentinfo"], .widget-area, #secondary, [class*="sidebar"], [class*="site-footer"], [class*="site-header"]';

export function readLinkDestinations(parts: PageParts, evidence: Evidence): void {
  const named = new Set<string>();
  for (const link of parts.links) {
    const href = link.getAttribute('href') ?? '';
    if (!ANY_DESTINATION.test(href) || link.localName !== 'a') continue;
    const destination = destinationOf(href);
    if (destination?.kind !== 'platform' && destination?.kind !== 'route') continue;
    if (inWidget(link, parts.widgets)) continue;
    const name = destination.kind === 'platform' ? destination.name : 'the site’s translate route';
    if (evidence.inBox(link)) {
      evidence.addLink(link, 2.4); // the invitation's own link to where translating happens
      if (!named.has(name)) evidence.add(1.5, `a link to ${name} in the invitation's box`);
      named.add(name);
      continue;
    }
    const wording = readWording(contextText(link));
    if (wording === 'interface' || wording === 'personal' || wording === 'quoted') {
      evidence.note(`a ${name} link: ${LOOK_ALIKE_OF[wording]}`);
      named.add(name); // the page's other links there are the same look-alike's
      continue;
    }
    // Without words, only a box of the article (not a sentence at its end) carries a call to action.
    const place = link.closest(SITE_CHROME) ? null : placeOf(link, parts.edges);
    const box = place && isBox(place) && !speaksOfInterface(place.textContent ?? '') ? place : null;
    if (box && listsTranslations(box)) {
      evidence.note('a list of the translations the post already has (ignored)');
      continue;
    }
    if (named.has(name)) continue;
    named.add(name);
    if (wording === 'invitation') {
      evidence.add(1.5, `a link to ${name} beside an invitation to translate this article`);
      evidence.addLink(link, 2.5);
      if (place) evidence.addBox(place);
    } else if (isPageTranslateLink(href)) {
      evidence.add(2, 'a “Translate this page” link to MediaWiki’s Special:Translate');
      evidence.addLink(link, 2.3);
      if (box) evidence.addBox(box);
    } else if (box) {
      evidence.add(2, `a box of the article links to ${name} (its destination, whatever its language)`);
      evidence.addBox(box);
      evidence.addLink(link, 2.2);
    } else if (destination.kind === 'platform') {
      evidence.add(0.5, `a link to ${name}`);
      evidence.addLink(link, 0.5);
    } else {
      evidence.add(0.25, `a link to ${name}`);
      evidence.addLink(link, 0.25);
    }
  }
}

/** A language switcher: links to the post in other languages, none of them to translate it. */
function listsTranslations(box: Element): boolean {
  return Array.from(box.querySelectorAll('a[hreflang]')).some((link) => destinationOf(link.getAttribute('href') ?? '') === null);
}

/** The words around a link: its box, paragraph or item, when short; else its own. */
function contextText(link: Element): string {
  const own = (link.textContent ?? '').trim();
  const block = link.closest('aside, [role], p, li, div, section');
  const around = (block?.textContent ?? '').trim();
  return around.length > 0 && around.length <= 400 ? around : own;
}
