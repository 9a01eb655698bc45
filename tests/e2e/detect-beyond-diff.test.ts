// Detection beyond Diff's own markup, in real Chromium with the built extension: a Ghost post with
// a Crowdin call to action, a post whose invitation is words alone, a look-alike (a machine-translation widget), a post rendered late by
// script, and a single-page site that navigates with the history API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import {
  PROJECT_FIXTURES,
  badgeText,
  extensionServiceWorker,
  launchExtension,
  openTab,
  pollUntil,
  startFixtureServer,
  type ExtensionBrowser,
  type FixtureServer,
} from './harness';

const corpus = (name: string) => path.join(PROJECT_FIXTURES, 'corpus', `${name}.html`);
const expectedSegments = (name: string) =>
  (JSON.parse(readFileSync(path.join(PROJECT_FIXTURES, 'corpus', `${name}.expected.json`), 'utf8')) as { segments: unknown[] })
    .segments.length;

/** A Ghost-like post, as a single-page site's script writes it into the page. */
const POST_HTML = `<article class="article post"><header class="article-header"><h1 class="article-title">Rendered late</h1></header>
<section class="gh-content"><p>The first paragraph arrives with the data.</p><p>So does the second.</p>
<div class="kg-card kg-callout-card"><div class="kg-callout-text">Can you help us translate this article? <a href="https://crowdin.com/project/x">Translate it on Crowdin</a></div></div></section></article>`;

const shell = (script: string) => `<!doctype html><html lang="en"><head><title>App</title></head>
<body><a id="go" href="/app/post/">Open the post</a><div id="app">Loading…</div><script>${script}</script></body></html>`;

const LATE = shell(`setTimeout(() => { document.getElementById('app').innerHTML = ${JSON.stringify(POST_HTML)}; }, 1500);`);
const ROUTER = shell(`document.getElementById('go').addEventListener('click', (event) => {
  event.preventDefault();
  setTimeout(() => {
    history.pushState({}, '', '/app/post/');
    document.getElementById('app').innerHTML = ${JSON.stringify(POST_HTML)};
  }, 300);
});
addEventListener('popstate', () => { document.getElementById('app').innerHTML = 'Home'; });`);

describe('detection beyond Diff in Chromium', () => {
  let server: FixtureServer;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    server = await startFixtureServer({
      '/2025/ghost-post/': corpus('ghost-casper-en-crowdin'),
      '/2025/words-only/': corpus('held-out/ghost-ro-callout-and-button'),
      '/2025/machine-translation/': corpus('lookalike-google-translate-widget'),
      '/late/': { body: LATE },
      '/app/': { body: ROUTER },
    });
    browser = await launchExtension();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const open = async (pathname: string): Promise<{ page: Page; badge: () => Promise<string> }> => {
    const url = server.origin('diff.wikimedia.org') + pathname;
    const { page, tabId } = await openTab(browser, url);
    return { page, badge: async () => badgeText(await extensionServiceWorker(browser.context), tabId) };
  };

  it('counts the segments of a Ghost post whose call to action leads to Crowdin', async () => {
    const { page, badge } = await open('/2025/ghost-post/');
    await pollUntil(async () => (await badge()) === String(expectedSegments('ghost-casper-en-crowdin')), {
      message: 'the badge counts the Ghost post’s segments',
    });
    await page.close();
  });

  it('counts the segments of a post whose invitation is words alone, with no platform link', async () => {
    // Neither the Diff box nor a translation link: the first look finds the words themselves.
    const { page, badge } = await open('/2025/words-only/');
    await pollUntil(async () => (await badge()) === String(expectedSegments('held-out/ghost-ro-callout-and-button')), {
      message: 'the badge counts the worded post’s segments',
    });
    await page.close();
  });

  it('shows no badge for a page with only a machine-translation widget', async () => {
    const { page, badge } = await open('/2025/machine-translation/');
    // The same page served with a real call to action gets its badge within this wait (above).
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 1500)));
    expect(await badge()).toBe('');
    await page.close();
  });

  it('notices a post that the page renders after it loaded', async () => {
    const { page, badge } = await open('/late/');
    await pollUntil(async () => (await badge()) === '3', { message: 'the late post’s three segments on the badge' });
    await page.close();
  });

  it('reads the page again when a single-page site changes its address', async () => {
    const { page, badge } = await open('/app/');
    expect(await badge()).toBe('');
    await page.click('#go');
    await pollUntil(async () => (await badge()) === '3', { message: 'the badge after a history.pushState navigation' });
    await page.goBack();
    await pollUntil(async () => (await badge()) === '', { message: 'no badge back on the home view (popstate)' });
    await page.close();
  });
});
