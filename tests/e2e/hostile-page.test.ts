// A hostile page in real Chromium: every payload of tests/fixtures/hostile reaches the popup and the
// side panel as text. Nothing runs, no page markup is rendered, and no page-given link is followable
// unless it is http(s).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  DIFF_POST_PATH,
  extensionServiceWorker,
  launchExtension,
  openExtensionPage,
  openTab,
  startFixtureServer,
  type ExtensionBrowser,
  type FixtureServer,
} from './harness';
import { hostileDiffPost, hostilePayloads } from '../support/hostile-page';

const payloads = hostilePayloads();

/** What the view rendered that a payload could have smuggled in: elements, handlers, script links. */
function renderedMarkupFromPage(): string[] {
  const found: string[] = [];
  for (const element of document.querySelectorAll('script, iframe, object, embed, img, svg, math, video, audio, base, meta[http-equiv], link, form[action]')) {
    // The extension's own scripts, styles and preloads are the only ones there should be.
    const source = element.getAttribute('src') ?? element.getAttribute('href') ?? '';
    if (/^(script|link)$/.test(element.localName) && new URL(source, location.href).origin === location.origin) continue;
    found.push(element.outerHTML.slice(0, 120));
  }
  for (const element of document.querySelectorAll('*')) {
    for (const attribute of element.getAttributeNames()) {
      if (attribute.startsWith('on')) found.push(`${element.localName}[${attribute}]`);
    }
  }
  for (const link of document.querySelectorAll<HTMLAnchorElement>('a[href]')) {
    if (link.origin !== location.origin && !/^https?:/.test(link.protocol)) found.push(`a[href=${link.getAttribute('href')}]`);
  }
  return found;
}

describe('a hostile page', () => {
  let server: FixtureServer;
  let browser: ExtensionBrowser;
  let tabId: number;
  const dialogs: string[] = [];

  const openView = async (view: 'sidepanel' | 'popup'): Promise<Page> => {
    const page = await openExtensionPage(browser.context, browser.extensionId, `${view}.html?tab=${tabId}`);
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.locator('textarea[data-segment-id]').first().waitFor();
    return page;
  };

  beforeAll(async () => {
    server = await startFixtureServer({
      [DIFF_POST_PATH]: { body: hostileDiffPost(payloads, DIFF_POST_PATH), type: 'text/html; charset=utf-8' },
    });
    browser = await launchExtension();
    const url = server.origin('diff.wikimedia.org') + DIFF_POST_PATH;
    ({ tabId } = await openTab(browser, url));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it(`keeps ${payloads.length} payloads as text in the side panel and the popup`, async () => {
    expect(payloads.length).toBeGreaterThanOrEqual(200);
    for (const view of ['sidepanel', 'popup'] as const) {
      const page = await openView(view);
      const shown = (await page.locator('.segment-source').allTextContents()).join('\n');
      const missing = payloads.filter((payload) => !shown.includes(payload.replace(/\s+/g, ' ').trim()));
      expect(missing, `${view}: payloads not shown as text`).toEqual([]);
      await expect(page.getByTestId('post-title').textContent()).resolves.toBe(payloads[0]);
      expect(await page.evaluate(renderedMarkupFromPage), `${view}: rendered page markup`).toEqual([]);
      expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned), view).toBeUndefined();
      await page.close();
    }
    expect(dialogs).toEqual([]);
  });

  it('lists hostile language names as text and never follows a hostile start link', async () => {
    const page = await openView('sidepanel');
    const names = await page.getByTestId('target-language').locator('option').allTextContents();
    expect(names.some((name) => name.includes('<script>'))).toBe(true); // shown, as text
    // The site's "start translation" address is a payload, so no link to it is offered.
    const links = await page.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    const ownPages = `chrome-extension://${browser.extensionId}/`;
    expect(links.filter((href) => !/^https?:/.test(href ?? '') && !href?.startsWith(ownPages))).toEqual([]);
    expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
    await page.close();
  });

  it('gives the page no way to the extension, and refuses and counts malformed messages', async () => {
    const post = browser.context.pages().find((p) => p.url().includes(DIFF_POST_PATH))!;
    // No externally_connectable: the page's own scripts cannot message the extension at all.
    expect(await post.evaluate(() => typeof (window as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime?.sendMessage)).toBe('undefined');

    const worker = await extensionServiceWorker(browser.context);
    const refused = () => worker.evaluate(() => (globalThis as unknown as { interlinearRefusedMessages: Record<string, number> }).interlinearRefusedMessages);
    const before = await refused();
    const page = await openExtensionPage(browser.context, browser.extensionId, 'options.html');
    const answers = await page.evaluate(async () => {
      const send = (m: unknown) =>
        (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime
          .sendMessage(m)
          .then((answer) => ({ answer }), (error: Error) => ({ error: error.message }));
      return Promise.all([
        send({ type: 'draft:save', postKey: 'x', lang: 'ru', segmentId: 'p', text: 42 }),
        send({ type: 'tab:get-post', tabId: 'all' }),
        send({ type: 'drafts:drop-everything' }),
        send({ type: 'posts:list', extra: '<script>' }),
      ]);
    });
    // Refused messages get no answer at all; a well-formed one (extra fields ignored) is answered.
    expect(answers.slice(0, 3).every((a) => 'error' in a || a.answer === undefined)).toBe(true);
    expect(Array.isArray((answers[3] as { answer?: unknown }).answer)).toBe(true);
    const after = await refused();
    expect(after.invalid - before.invalid).toBe(2);
    expect(after.unknown - before.unknown).toBe(1);
    await page.close();
  });
});
