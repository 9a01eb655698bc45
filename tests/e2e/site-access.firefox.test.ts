// Site access in Firefox ESR (MV2): the content script runs from install only on Diff; the
// scripting API (MV2 from Firefox 102) scans a tab and registers a site the reader allowed.
// Firefox's prompt cannot be clicked by a test; about:addons' own way to grant an optional site
// (its Permissions tab, ExtensionPermissions in Firefox's privileged scope) stands in for it.
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { BLOG_HOST, DIFF_HOST, PROJECT_FIXTURES, pollUntil, startFixtureServer, type FixtureServer } from './harness';
import { launchFirefoxExtension, type FirefoxExtension } from './firefox-harness';

const POST_PATH = '/2024/10/01/markup-inside-text/';
const SECOND_POST_PATH = '/2024/10/02/markup-inside-text-again/';
const NO_CTA_PATH = '/2024/10/05/a-quiet-post/';
/** A post whose invitation is words alone: neither the Diff box nor a translation platform's link. */
const WORDED_PATH = '/2024/10/06/ajuta-ne/';
const WORDED = path.join(PROJECT_FIXTURES, 'corpus', 'held-out', 'ghost-ro-callout-and-button');
const FIXTURE = path.join(PROJECT_FIXTURES, 'inline-markup-post.html');
const BLOG_SITE = `https://${BLOG_HOST}/*`;

declare const browser: {
  scripting: { getRegisteredContentScripts(): Promise<Array<{ id: string; matches?: string[] }>> };
  permissions: { contains(p: { origins: string[] }): Promise<boolean> };
};

describe('site access in Firefox', () => {
  let server: FixtureServer;
  let fx: FirefoxExtension;
  let blogTab: number;

  const open = (host: string, pathname: string): Promise<{ page: Page; tabId: number }> =>
    fx.openTab(server.origin(host) + pathname);
  const registered = () => fx.inExtension(() => browser.scripting.getRegisteredContentScripts(), null);

  beforeAll(async () => {
    server = await startFixtureServer({
      [POST_PATH]: FIXTURE,
      [SECOND_POST_PATH]: FIXTURE,
      [NO_CTA_PATH]: path.join(PROJECT_FIXTURES, 'no-cta-post.html'),
      [WORDED_PATH]: `${WORDED}.html`,
    });
    fx = await launchFirefoxExtension();
  });

  afterAll(async () => {
    await fx?.close();
    await server?.close();
  });

  it('runs on Diff at load and not on another blog', async () => {
    blogTab = (await open(BLOG_HOST, POST_PATH)).tabId;
    const diff = await open(DIFF_HOST, POST_PATH);
    await pollUntil(async () => (await fx.badgeText(diff.tabId)) !== '', { message: 'the Diff page’s badge' });
    expect(await fx.badgeText(blogTab)).toBe('');
    expect(await registered()).toEqual([]);
    await diff.page.close();
  });

  it('reads a post on Diff whose invitation is words alone', async () => {
    const { segments } = JSON.parse(readFileSync(`${WORDED}.expected.json`, 'utf8')) as { segments: unknown[] };
    const worded = await open(DIFF_HOST, WORDED_PATH);
    await pollUntil(async () => (await fx.badgeText(worded.tabId)) === String(segments.length), {
      message: 'the worded post’s badge counts its segments',
    });
    await worded.page.close();
  });

  it('a view not opened from the toolbar cannot read the tab, and says how to lend it', async () => {
    const popup = await fx.openExtensionPage(`popup.html?tab=${blogTab}`, '[data-testid="scan-not-allowed"]');
    expect(await popup.$('[data-testid="not-asking"]')).not.toBeNull();
    // Without the `tabs` permission the tab's address, so its site, is not Interlinear's to know.
    expect(await popup.$('[data-testid="check-this-site"] button')).toBeNull();
    await popup.close();
  });

  it('the toolbar button lends the tab: the view reads the post there', async () => {
    await fx.pressToolbarButton(blogTab);
    const popup = await fx.openExtensionPage(`popup.html?tab=${blogTab}`, '[data-testid="post-title"]');
    await pollUntil(async () => (await fx.badgeText(blogTab)) !== '', { message: 'the lent tab’s badge' });
    expect(await registered()).toEqual([]);
    await popup.close();
  });

  it('scans the tab once the site is allowed, and “Always check this site” registers it', async () => {
    await fx.privileged(`(async () => {
      const { ExtensionPermissions } = ChromeUtils.importESModule('resource://gre/modules/ExtensionPermissions.sys.mjs');
      const policy = WebExtensionPolicy.getByID(${JSON.stringify(fx.addonId)});
      await ExtensionPermissions.add(policy.id, { permissions: [], origins: [${JSON.stringify(BLOG_SITE)}] }, policy.extension);
      return true;
    })()`);
    expect(await fx.inExtension((origin) => browser.permissions.contains({ origins: [origin] }), BLOG_SITE)).toBe(true);

    // The scan: the popup runs the content script in the tab, and the page's post shows.
    const popup = await fx.openExtensionPage(`popup.html?tab=${blogTab}`, '[data-testid="post-title"]');
    await pollUntil(async () => (await fx.badgeText(blogTab)) !== '', { message: 'the scanned tab’s badge' });
    await popup.close();

    // On a page of the site that asks for nothing, the popup offers to check the whole site.
    const quiet = await open(BLOG_HOST, NO_CTA_PATH);
    const offer = await fx.openExtensionPage(`popup.html?tab=${quiet.tabId}`, '[data-testid="check-this-site"] button');
    // A real click: Firefox answers permissions.request only within user input.
    await offer.locator('button::-p-text(Always check this site)').click();
    await pollUntil(() => offer.$('[data-testid="site-checked"]'), { message: 'the site checked' });
    expect(await registered()).toEqual([expect.objectContaining({ id: `site:${BLOG_SITE}`, matches: [BLOG_SITE] })]);

    const second = await open(BLOG_HOST, SECOND_POST_PATH);
    await pollUntil(async () => (await fx.badgeText(second.tabId)) !== '', { message: 'the badge at load' });
  });
});
