// Runs the built extension in real Chromium (playwright-core) against local copies of real pages.
// Used by the e2e tests and by `npm start`. Pages are served on 127.0.0.1 under their real host
// names (Chromium maps the names), so the extension's host match patterns apply as in production.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { ensureChromium } from '../../scripts/programs.mjs';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The built extension; E2E_EXTENSION_PATH points elsewhere (e.g. a copy of the last good build). */
export const EXTENSION_PATH = path.resolve(
  process.env.E2E_EXTENSION_PATH ?? path.join(path.resolve(REPO_ROOT, process.env.WXT_OUT_DIR ?? '.output'), 'chrome-mv3'),
);
/** Every page the tests serve lives in the repository, under tests/fixtures/. */
export const PROJECT_FIXTURES = path.join(REPO_ROOT, 'tests/fixtures');

export const DIFF_HOST = 'diff.wikimedia.org';
/** A WordPress blog that is not Diff, for pages the project keeps in tests/fixtures. */
export const BLOG_HOST = 'blog.example.org';
/** Where the Diff post fixture lives on the real site. */
export const DIFF_POST_PATH =
  '/2024/09/05/central-asian-community-members-share-their-thoughts-on-wikimania-2024/';
export const DIFF_POST_FIXTURE = fixturePath('diff-central-asia-wikimania-2024.html');
export const DIFF_POST_LOGGED_IN_FIXTURE = fixturePath('diff-central-asia-wikimania-2024.logged-in.html');
export const DIFF_POST_EDITED_FIXTURE = fixturePath('diff-central-asia-wikimania-2024.edited.html');

export function fixturePath(name: string): string {
  return path.join(PROJECT_FIXTURES, name);
}

// ---------------------------------------------------------------- waiting

/** The longest one attempt of `pollUntil` may take before it asks again. */
const ATTEMPT_MS = 10_000;

/** Calls `fn` until it returns a truthy value (or stops throwing) and returns that value. */
export async function pollUntil<T>(
  fn: () => T | Promise<T>,
  { timeout = 10_000, interval = 100, message = 'condition' } = {},
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeout;
  let last: unknown;
  for (;;) {
    try {
      // One attempt may never settle (a message to a worker that was stopping): it counts as a
      // miss, and the next attempt asks again, so the failure names this step.
      const value = await settledWithin(fn(), Math.min(Math.max(deadline - Date.now(), 0), ATTEMPT_MS) + 1_000);
      if (value) return value as NonNullable<T>;
      last = value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      const detail = last instanceof Error ? last.message : JSON.stringify(last);
      throw new Error(`pollUntil: ${message} not met within ${timeout} ms (last: ${detail})`);
    }
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

/** `promise`, or a rejection once `ms` have passed without it settling. */
function settledWithin<T>(promise: T | Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([Promise.resolve(promise), late]).finally(() => clearTimeout(timer));
}

// ---------------------------------------------------------------- fixture server

export type Route = string | { body: string | Buffer; type?: string; status?: number };

export interface FixtureServer {
  port: number;
  protocol: 'https' | 'http';
  /** 'https://diff.wikimedia.org:PORT' — the host must be one Chromium maps to 127.0.0.1. */
  origin(host?: string): string;
  /** Adds or replaces a route while serving (e.g. the post after its author edited it). */
  setRoute(pathname: string, route: Route): void;
  /** Answers every path without a route (e.g. a proxy to a WordPress site); 404 without one. */
  setFallback(handler: http.RequestListener | null): void;
  /** Paths requested so far, in order. */
  requests: string[];
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
};

/**
 * Serves `routes` (pathname → absolute file path, or {body, type}) on 127.0.0.1 at a random port.
 * HTTPS by default, with a throw-away self-signed certificate: diff.wikimedia.org is HSTS-preloaded.
 */
export async function startFixtureServer(
  routes: Record<string, Route>,
  { protocol = 'https' }: { protocol?: 'https' | 'http' } = {},
): Promise<FixtureServer> {
  const table = new Map(Object.entries(routes));
  const requests: string[] = [];
  let fallback: http.RequestListener | null = null;
  const handler: http.RequestListener = (req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://x').pathname;
    requests.push(pathname);
    const route = table.get(pathname);
    if (route === undefined && fallback) {
      fallback(req, res);
      return;
    }
    if (route === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end(`no fixture for ${pathname}`);
      return;
    }
    const { body, type, status } =
      typeof route === 'string'
        ? { body: readFileSync(route), type: CONTENT_TYPES[path.extname(route)], status: 200 }
        : route;
    res.writeHead(status ?? 200, {
      'content-type': type ?? 'text/html; charset=utf-8',
      'cache-control': 'no-store', // a test that swaps a route must see the new page
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
  const server =
    protocol === 'https' ? https.createServer(testCertificate(), handler) : http.createServer(handler);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    port,
    protocol,
    requests,
    origin: (host = DIFF_HOST) => `${protocol}://${host}:${port}`,
    setRoute: (pathname, route) => void table.set(pathname, route),
    setFallback: (next) => {
      fallback = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

let certificate: { key: Buffer; cert: Buffer } | undefined;

/** A self-signed certificate for the mapped hosts, made once per process in a temp dir. */
function testCertificate(): { key: Buffer; cert: Buffer } {
  if (certificate) return certificate;
  const dir = makeTempDir('interlinear-tls-');
  const key = path.join(dir, 'key.pem');
  const cert = path.join(dir, 'cert.pem');
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2',
    '-subj', `/CN=${DIFF_HOST}`,
    '-addext', `subjectAltName=DNS:${DIFF_HOST},DNS:${BLOG_HOST}`,
    '-keyout', key, '-out', cert,
  ], { stdio: 'pipe' });
  certificate = { key: readFileSync(key), cert: readFileSync(cert) };
  return certificate;
}

// ---------------------------------------------------------------- browser

export interface LaunchOptions {
  extensionPath?: string;
  /** Reuse a profile to "close and reopen the browser"; a fresh temp dir otherwise. */
  userDataDir?: string;
  /** Default: headless, unless E2E_HEADED=1 and there is a display. */
  headless?: boolean;
  /** More host names to map to 127.0.0.1. */
  hosts?: string[];
  executablePath?: string;
  /** Passed on to Playwright, e.g. { handleSIGINT: false } when the caller handles Ctrl-C. */
  launchOptions?: Parameters<typeof chromium.launchPersistentContext>[1];
  /** The browser's interface language ('fa', 'ru'); Debian's chromium-l10n holds its translations. */
  uiLanguage?: string;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  userDataDir: string;
  /** Closes the browser. A temp profile is kept until the process exits, so it can be reopened. */
  close(): Promise<void>;
}

/** Launches Chromium with the built extension and waits for its service worker. */
export async function launchExtension(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const extensionPath = path.resolve(options.extensionPath ?? EXTENSION_PATH);
  if (!existsSync(path.join(extensionPath, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionPath}: run \`npx wxt build\` first.`);
  }
  const userDataDir = options.userDataDir ?? makeTempDir('interlinear-profile-');
  mkdirSync(userDataDir, { recursive: true });
  const hosts = [DIFF_HOST, BLOG_HOST, ...(options.hosts ?? [])];
  const headless =
    options.headless ?? !(process.env.E2E_HEADED === '1' && Boolean(process.env.DISPLAY));
  // Chromium on Linux takes its interface language from LANGUAGE; the locale alone is not enough.
  const language = options.uiLanguage
    ? { locale: options.uiLanguage, env: { ...process.env, LANGUAGE: options.uiLanguage } }
    : {};
  const context = await chromium.launchPersistentContext(userDataDir, {
    ...language,
    ...options.launchOptions,
    executablePath: options.executablePath ?? (await ensureChromium({ interactive: false })),
    headless, // new headless mode: loads extensions, unlike the old one
    ignoreHTTPSErrors: true, // our self-signed certificate
    viewport: headless ? { width: 1280, height: 900 } : null,
    args: [
      `--disable-extensions-except=${extensionPath}`,
      `--load-extension=${extensionPath}`,
      '--no-sandbox', // we run as root
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // Lets a test press the toolbar button (CDP Extensions.triggerAction, over Playwright's pipe).
      '--enable-unsafe-extension-debugging',
      // No --disable-features=HttpsUpgrades here: Playwright already passes a --disable-features
      // list that has it, and a second --disable-features would replace that whole list.
      `--host-resolver-rules=${hosts.map((host) => `MAP ${host} 127.0.0.1`).join(', ')}`,
    ],
  });
  try {
    const serviceWorker = await extensionServiceWorker(context);
    const extensionId = new URL(serviceWorker.url()).host;
    return { context, extensionId, serviceWorker, userDataDir, close: () => context.close() };
  } catch (error) {
    await context.close();
    throw error;
  }
}

/**
 * The extension's service worker: the one already running, or the next to start (on a reopened
 * profile it can start after the launch returns). Checking and listening happen in one tick, so
 * no event can slip between them.
 */
export async function extensionServiceWorker(context: BrowserContext, timeout = 20_000): Promise<Worker> {
  const isExtension = (worker: Worker) => worker.url().startsWith('chrome-extension://');
  const running = context.serviceWorkers().find(isExtension);
  if (running) return running;
  return context.waitForEvent('serviceworker', { predicate: isExtension, timeout }).catch((error: Error) => {
    throw new Error(`The extension's service worker did not start within ${timeout} ms: ${error.message}`);
  });
}

/** The extension's service worker that answers now (a stopped one may linger in the context's list). */
export async function runningServiceWorker(browser: ExtensionBrowser): Promise<Worker> {
  return pollUntil(
    async () => {
      for (const worker of browser.context.serviceWorkers()) {
        if (!worker.url().startsWith('chrome-extension://')) continue;
        const alive = await Promise.race([worker.evaluate(() => 1).catch(() => 0), new Promise((r) => setTimeout(() => r(0), 1_000))]);
        if (alive) return worker;
      }
      return null;
    },
    { message: 'the running service worker' },
  );
}

/** Stops the extension's service worker (CDP Target.closeTarget), as the browser does when it has been idle. */
export async function stopServiceWorker(browser: ExtensionBrowser): Promise<void> {
  const page = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(page);
  const workers = async () =>
    (await cdp.send('Target.getTargets')).targetInfos.filter((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${browser.extensionId}/`));
  for (const target of await workers()) await cdp.send('Target.closeTarget', { targetId: target.targetId });
  await pollUntil(async () => (await workers()).length === 0, { message: 'the service worker stopped' });
  await cdp.detach();
  await page.close();
}

// What the evaluated functions below use of the worker's (or chrome://extensions') `chrome` global.
declare const chrome: {
  action: { getBadgeText(details: { tabId?: number }): Promise<string> };
  tabs: { query(info: object): Promise<Array<{ id?: number; url?: string; pendingUrl?: string }>> };
  developerPrivate: {
    updateExtensionConfiguration(update: { extensionId: string; hostAccess: string }): Promise<void>;
    addHostPermission(extensionId: string, host: string): Promise<void>;
  };
};

/** The toolbar badge text the extension set for a tab ('' when none). */
export async function badgeText(serviceWorker: Worker, tabId: number): Promise<string> {
  return serviceWorker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
}

/** The id of the tab showing `url` (exactly, or ignoring the #hash), waiting for it to appear. */
export async function tabIdOf(context: BrowserContext, serviceWorker: Worker, url: string): Promise<number> {
  const wanted = url.split('#')[0];
  return pollUntil(
    async () => {
      // After a restart of the worker the old handle is dead; ask the live one.
      const worker = context.serviceWorkers().includes(serviceWorker)
        ? serviceWorker
        : await extensionServiceWorker(context);
      const tabs = await worker.evaluate(() => chrome.tabs.query({}));
      const tab = tabs.find((t) => (t.url ?? t.pendingUrl ?? '').split('#')[0] === wanted);
      return tab?.id;
    },
    { timeout: 10_000, message: `a tab showing ${url}` },
  );
}

/**
 * The reader allows `site` (a match pattern) in chrome://extensions (Site access → On specific
 * sites), so that the extension's permission request for it is answered without the prompt a test
 * cannot click. The extension holds no access yet (permissions.contains stays false): its request does.
 */
export async function allowSiteInBrowserSettings(browser: ExtensionBrowser, site: string): Promise<void> {
  const settings = await browser.context.newPage();
  await settings.goto('chrome://extensions/');
  await settings.evaluate(
    async ({ id, site }) => {
      await chrome.developerPrivate.updateExtensionConfiguration({ extensionId: id, hostAccess: 'ON_SPECIFIC_SITES' });
      await chrome.developerPrivate.addHostPermission(id, site);
      await chrome.developerPrivate.updateExtensionConfiguration({ extensionId: id, hostAccess: 'ON_ALL_SITES' });
    },
    { id: browser.extensionId, site },
  );
  await settings.close();
}

/**
 * Opens `url` in a new tab: its page, and the id the browser gives its tab. Without the `tabs`
 * permission the extension sees the address only of pages it may read, so the new tab is found
 * as the one id that was not there before.
 */
export async function openTab(browser: ExtensionBrowser, url: string): Promise<{ page: Page; tabId: number }> {
  const worker = await extensionServiceWorker(browser.context);
  const tabIds = () => worker.evaluate(() => chrome.tabs.query({}).then((tabs) => tabs.map((tab) => tab.id!)));
  const before = new Set(await tabIds());
  const page = await browser.context.newPage();
  const tabId = await pollUntil(async () => (await tabIds()).find((id) => !before.has(id)), {
    message: `the new tab for ${url}`,
  });
  await page.goto(url);
  return { page, tabId };
}

/**
 * Presses the extension's toolbar button on `page`, as a reader's click does: the browser lends
 * the extension that tab (activeTab). Chromium lets a test do this through CDP
 * (Extensions.triggerAction, with --enable-unsafe-extension-debugging over Playwright's pipe).
 */
export async function pressToolbarButton(browser: ExtensionBrowser, page: Page): Promise<void> {
  await page.bringToFront(); // a reader clicks the button of the tab they are looking at
  const cdp = await browser.context.browser()!.newBrowserCDPSession();
  try {
    const { targetInfos } = (await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] } as never)) as {
      targetInfos: Array<{ targetId: string; type: string; url: string }>;
    };
    const tabs = targetInfos.filter((target) => target.type === 'tab' && target.url === page.url());
    if (tabs.length !== 1) throw new Error(`${tabs.length} tabs show ${page.url()}: cannot tell which to press the button on`);
    await cdp.send('Extensions.triggerAction' as never, { id: browser.extensionId, targetId: tabs[0]!.targetId } as never);
  } finally {
    await cdp.detach();
  }
}

/** Opens an extension page (e.g. 'sidepanel.html?tab=12') in a new tab of the context. */
export async function openExtensionPage(
  context: BrowserContext,
  extensionId: string,
  pagePath: string,
): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/${pagePath.replace(/^\//, '')}`);
  return page;
}

// ---------------------------------------------------------------- the store

export interface StoredDraft {
  postKey: string;
  lang: string;
  segmentId: string;
  text: string;
  status?: string;
}

/**
 * Every draft in the extension's IndexedDB, read straight from the database in an extension page
 * or in the worker (the database belongs to the extension's origin, so either can open it).
 */
export async function storedDrafts(target: Page | Worker): Promise<StoredDraft[]> {
  return (target as Page).evaluate(readDraftsInPage);
}

async function readDraftsInPage(): Promise<StoredDraft[]> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open('interlinear');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  try {
    return await new Promise<StoredDraft[]>((resolve, reject) => {
      const request = db.transaction('drafts').objectStore('drafts').getAll();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  } finally {
    db.close();
  }
}

// ---------------------------------------------------------------- temp dirs

const tempDirs: string[] = [];
process.once('exit', () => {
  for (const dir of tempDirs) removeDir(dir);
});

/** Best effort: Chromium's helper processes may still be writing to a profile as we exit. */
export function removeDir(dir: string): void {
  try {
    rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  } catch (error) {
    console.warn(`Could not remove ${dir}: ${(error as Error).message}`);
  }
}

/**
 * A temp dir removed when the process exits. Under vitest it is made inside $E2E_TMPDIR, which the
 * global setup removes at the end: vitest stops its workers without an 'exit' event.
 */
export function makeTempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(process.env.E2E_TMPDIR ?? os.tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}
