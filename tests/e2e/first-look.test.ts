// The first look (utils/detect/first-look.ts) in real Chromium: it asks the browser's own XPath for
// link addresses and for the texts holding the word "translate", which jsdom stands in for in the
// unit tests. On every fixture page, as served and with its links and Diff box taken out (so the
// words alone decide), it must let through each page the detector detects, and answer as the walk
// over every place does.
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { everyFixturePage } from '../support/pages';
import { BLOG_HOST, REPO_ROOT, launchExtension, startFixtureServer, type ExtensionBrowser, type FixtureServer } from './harness';

interface Looks {
  detected: boolean;
  looked: boolean;
  walked: boolean;
  wordsLooked: boolean;
  wordsWalked: boolean;
}

/** The detector and the first look, for the page's own window (as the content scripts bundle them). */
async function lookBundle(): Promise<string> {
  const result = await build({
    stdin: {
      contents: `import { detectPage, pageAddress } from './utils/detect';
import { mayAskForTranslation } from './utils/detect/first-look';
// The same page with its texts hidden from XPath: the first look then walks every place.
const walking = (doc) => {
  const evaluate = doc.evaluate.bind(doc);
  doc.evaluate = (expression, ...rest) => evaluate(expression.includes('text()') ? '/..' : expression, ...rest);
  return doc;
};
const copy = () => document.cloneNode(true);
const wordsOnly = () => {
  const doc = copy();
  for (const link of doc.querySelectorAll('[href]')) link.removeAttribute('href');
  for (const sure of doc.querySelectorAll('#translate-post, select[name="new_lang"], input[name="from_post"]')) sure.remove();
  return doc;
};
globalThis.__looks = () => ({
  detected: detectPage(document, pageAddress(document, location.href)).detected,
  looked: mayAskForTranslation(document),
  walked: mayAskForTranslation(walking(copy())),
  wordsLooked: mayAskForTranslation(wordsOnly()),
  wordsWalked: mayAskForTranslation(walking(wordsOnly())),
});`,
      resolveDir: REPO_ROOT,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

/** A post served as XML, whose only call to action is a platform's link. */
const XHTML_PATH = '/xhtml/';
const XHTML = `<?xml version="1.0" encoding="UTF-8"?><html xmlns="http://www.w3.org/1999/xhtml" lang="en"><head><title>A post</title></head>
<body><article><h1>A post</h1><p>Its first paragraph.</p><p><a href="https://crowdin.com/project/x">Crowdin</a></p></article></body></html>`;

const readLooks = (page: Page) => page.evaluate(() => (globalThis as unknown as { __looks: () => Looks }).__looks());

describe('the first look in Chromium', () => {
  const files = everyFixturePage();
  const pathOf = (index: number) => `/fixture/${index}/`;
  let server: FixtureServer;
  let browser: ExtensionBrowser;
  const looks = new Map<string, Looks>();

  beforeAll(async () => {
    // Not a host the extension reads: its own content script stays out of these pages.
    server = await startFixtureServer({
      ...Object.fromEntries(files.map((file, index) => [pathOf(index), fileURLToPath(file)])),
      [XHTML_PATH]: { body: XHTML, type: 'application/xhtml+xml' },
    });
    browser = await launchExtension();
    const bundle = await lookBundle();
    const page = await browser.context.newPage();
    for (const [index, file] of files.entries()) {
      await page.goto(server.origin(BLOG_HOST) + pathOf(index), { waitUntil: 'domcontentloaded' });
      await page.addScriptTag({ content: bundle });
      looks.set(file.pathname.split('/').slice(-2).join('/'), await readLooks(page));
    }
    await page.goto(server.origin(BLOG_HOST) + XHTML_PATH, { waitUntil: 'domcontentloaded' });
    await page.addScriptTag({ content: bundle });
    looks.set('xhtml', await readLooks(page));
    await page.close();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const names = (keep: (look: Looks) => boolean) => [...looks].filter(([, look]) => keep(look)).map(([name]) => name);

  it('lets through every page the detector detects', () => {
    expect(names((look) => look.detected).length).toBeGreaterThan(50);
    expect(names((look) => look.detected && !look.looked)).toEqual([]);
  });

  it('answers by XPath as by walking every place, with the links and with the words alone', () => {
    // The words alone still let most detected pages through: the text path is what is weighed here.
    expect(names((look) => look.detected && look.wordsLooked).length).toBeGreaterThan(40);
    expect(names((look) => look.looked !== look.walked)).toEqual([]);
    expect(names((look) => look.wordsLooked !== look.wordsWalked)).toEqual([]);
  });

  it('reads the links of a page served as XHTML, whose elements XPath does not name', () => {
    expect(looks.get('xhtml')).toMatchObject({ looked: true, walked: true });
  });

  it('passes over the post that only mentions translating in its prose', () => {
    expect(looks.get('fixtures/no-cta-post.html')).toMatchObject({ looked: false, walked: false });
  });
});
