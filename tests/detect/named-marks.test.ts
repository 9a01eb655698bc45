// Marks read off class and id attributes (named-marks.ts) find exactly what their selector matches:
// page chrome and machine-translation widgets, on every page the tests hold, on markup made to
// hold every mark, with names in another case, and in quirks mode.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NamedMarks } from '../../utils/detect/named-marks';
import { CHROME_SELECTOR, chromeIn } from '../../utils/detect/page-chrome';
import { WIDGET_MARKS } from '../../utils/detect/reader-widgets';
import { fixtures as FIXTURES, openFixture, openPage } from '../support/pages';

const pages = ['', 'corpus/', 'corpus/held-out/'].flatMap((dir) =>
  readdirSync(new URL(dir, FIXTURES))
    .filter((name) => name.endsWith('.html'))
    .map((name) => [dir + name, new URL(dir + name, FIXTURES)] as const),
);

describe('marks read off class and id attributes', () => {
  it.each(pages)('%s: the same chrome and widgets as their selectors', (_, page) => {
    const { doc } = openFixture(page);
    expect(chromeIn(doc.body)).toEqual(new Set(Array.from(doc.body.querySelectorAll(CHROME_SELECTOR))));
    expect(WIDGET_MARKS.within(doc)).toEqual(Array.from(doc.querySelectorAll(WIDGET_MARKS.selector)));
  });

  it('finds every chrome name, on elements with other classes and ids too, and minds case', () => {
    const names = CHROME_SELECTOR.split(', ').filter((part) => /^[.#]/.test(part));
    const markup = names
      .map((part, i) =>
        part.startsWith('.') ? `<div class="before ${part.slice(1)} after">${i}</div>` : `<div id="${part.slice(1)}" class="other">${i}</div>`,
      )
      .join('');
    const doc = openPage(`<!doctype html><html><body><main>${markup}<p class="Share" id="Comments">Case matters.</p></main></body></html>`);
    const main = doc.querySelector('main')!;
    expect(chromeIn(main)).toEqual(new Set(Array.from(main.querySelectorAll(CHROME_SELECTOR))));
    expect(chromeIn(main).size).toBe(names.length);
  });

  it('reads each kind of mark as its selector does, in document order', () => {
    const marks = new NamedMarks({ ids: ['Exact'], idStarts: ['start'], idParts: ['part'], classes: ['name'], classParts: ['bit'] });
    const doc = openPage(`<!doctype html><html><body>
      <i id="Exact">1</i><i id="exact">no</i><i id="starts-here">2</i><i id="x-start">no</i><i id="a-part-b">3</i>
      <i class="x name y">4</i><i class="names">no</i><i class="Name">no</i><i class="a-bit-b">5</i><i class="BIT">no</i>
      <i id="">no</i><i class="">no</i><i>no</i></body></html>`);
    const found = marks.within(doc);
    expect(found.map((element) => element.textContent)).toEqual(['1', '2', '3', '4', '5']);
    expect(found).toEqual(Array.from(doc.querySelectorAll(marks.selector)));
  });

  it('in quirks mode, takes class names and ids whatever their case, and attribute parts as written', () => {
    const marks = new NamedMarks({ ids: ['Exact'], classes: ['name'], classParts: ['bit'] });
    const doc = openPage('<html><body><i id="EXACT">1</i><i class="NAME">2</i><i class="BIT">no</i><i class="a-bit">3</i></body></html>');
    Object.defineProperty(doc, 'compatMode', { value: 'BackCompat' });
    expect(marks.within(doc).map((element) => element.textContent)).toEqual(['1', '2', '3']);
  });
});
