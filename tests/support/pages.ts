// Live happy-dom documents for the detection and segmentation tests, closed after each file.
import { readdirSync, readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { afterAll } from 'vitest';
import { pageAddress } from '../../utils/detect';

// Through a variable: vitest rewrites `new URL('…', import.meta.url)` to resolve against the
// test page's http://localhost:3000 address instead of this file.
const supportDir = import.meta.url;
/** Every page a test reads lives in the repository, under tests/fixtures/. */
export const fixtures = new URL('../fixtures/', supportDir);

const windows: Window[] = [];
afterAll(async () => {
  await Promise.all(windows.splice(0).map((w) => w.happyDOM.close()));
});

/** A live document at `url`, as a tab showing the page would have it. */
export function openPage(html: string, url = 'https://diff.wikimedia.org/2024/01/01/post/'): Document {
  const window = new Window({ url });
  windows.push(window);
  window.document.write(html);
  return window.document as unknown as Document;
}

/** Opens a fixture file at its page address: its canonical link, else its file URL. */
export function openFixture(file: URL): { doc: Document; address: string } {
  const html = readFileSync(file, 'utf8');
  const address = pageAddress(openPage(html, file.href), file.href);
  return { doc: openPage(html, address), address };
}

/** Every page the tests hold: the corpus, its held-out third, and the other fixtures. */
export function everyFixturePage(): URL[] {
  const corpus = new URL('corpus/', fixtures);
  return [corpus, new URL('held-out/', corpus), fixtures].flatMap((dir) =>
    readdirSync(dir)
      .filter((file) => file.endsWith('.html'))
      .map((file) => new URL(file, dir)),
  );
}
