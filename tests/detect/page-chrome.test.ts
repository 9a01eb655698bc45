// Page chrome in a post's body (chromeIn) is exactly what the chrome selector matches: on every page
// the tests hold, on markup made to hold every name, long enough to be read by name, with names in
// another case, and in quirks mode.
import { describe, expect, it } from 'vitest';
import { CHROME_SELECTOR, chromeIn } from '../../utils/detect/page-chrome';
import { everyFixturePage, openFixture, openPage } from '../support/pages';

const pages = everyFixturePage().map((file) => [file.pathname.split('/fixtures/')[1]!, file] as const);

const matched = (root: Element) => new Set(Array.from(root.querySelectorAll(CHROME_SELECTOR)));
const NAMES = CHROME_SELECTOR.split(', ').filter((part) => /^[.#]/.test(part));

/** A body holding each chrome name once (beside other classes and ids), then `filler` plain paragraphs. */
function bodyWithEveryName(filler: number): string {
  const named = NAMES.map((part, i) =>
    part.startsWith('.') ? `<div class="before ${part.slice(1)} after">${i}</div>` : `<div id="${part.slice(1)}" class="other">${i}</div>`,
  ).join('');
  return `<main>${named}<p class="Share" id="Comments">Case matters.</p><nav>Menu</nav>${'<p class="x"><b>filler</b></p>'.repeat(filler)}</main>`;
}

describe('page chrome in a post', () => {
  it.each(pages)('%s: the same elements as the selector', (_, page) => {
    const { doc } = openFixture(page);
    expect(chromeIn(doc.body)).toEqual(matched(doc.body));
  });

  it.each([
    ['a short body, matched whole', 0],
    ['a long body, read by name', 400],
  ])('%s: every name, and case minded', (_, filler) => {
    const main = openPage(`<!doctype html><html><body>${bodyWithEveryName(filler)}</body></html>`).querySelector('main')!;
    const found = chromeIn(main);
    expect(found).toEqual(matched(main));
    expect(found.size).toBe(NAMES.length + 1); // and the nav
    expect(found.has(main.querySelector('p.Share')!)).toBe(false);
  });

  it('in quirks mode, takes class names and ids whatever their case', () => {
    const doc = openPage(`<html><body>${bodyWithEveryName(400)}</body></html>`);
    Object.defineProperty(doc, 'compatMode', { value: 'BackCompat' });
    const main = doc.querySelector('main')!;
    const found = chromeIn(main);
    expect(found.has(main.querySelector('p.Share')!)).toBe(true);
    expect(found.size).toBe(NAMES.length + 2);
  });
});
