// Page chrome found by name (chromeIn) is exactly what the chrome selector matches, on every page
// the tests hold, on markup made to hold every name, and with names in another case.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHROME_SELECTOR, chromeIn } from '../../utils/detect/page-chrome';
import { fixtures as FIXTURES, openFixture, openPage } from '../support/pages';

const pages = [
  ...readdirSync(FIXTURES).filter((name) => name.endsWith('.html')).map((name) => new URL(name, FIXTURES)),
  ...['corpus/', 'corpus/held-out/'].flatMap((dir) =>
    readdirSync(new URL(dir, FIXTURES)).filter((name) => name.endsWith('.html')).map((name) => new URL(dir + name, FIXTURES)),
  ),
];

const matched = (root: Element) => new Set(Array.from(root.querySelectorAll(CHROME_SELECTOR)));

describe('page chrome by name', () => {
  it.each(pages.map((page) => [page.pathname.split('/fixtures/')[1]!, page]))('%s: the same elements as the selector', (_, page) => {
    const { doc } = openFixture(page);
    expect(chromeIn(doc.body)).toEqual(matched(doc.body));
  });

  it('finds every name of the selector, on elements with other classes and ids too', () => {
    const names = CHROME_SELECTOR.split(', ');
    const markup = names
      .map((part, i) =>
        part.startsWith('.')
          ? `<div class="before ${part.slice(1)} after">${i}</div>`
          : part.startsWith('#')
            ? `<div id="${part.slice(1)}" class="other">${i}</div>`
            : `<div class="plain">${i}</div>`,
      )
      .join('');
    const doc = openPage(`<!doctype html><html><body><main>${markup}<p class="Share" id="Comments">Case matters.</p></main></body></html>`);
    const main = doc.querySelector('main')!;
    const found = chromeIn(main);
    expect(found).toEqual(matched(main));
    expect(found.size).toBe(names.filter((part) => /^[.#]/.test(part)).length);
    expect(found.has(main.querySelector('p')!)).toBe(false);
  });
});
