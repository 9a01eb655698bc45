// Runs the built extension in Debian's Firefox ESR through puppeteer-core over WebDriver BiDi.
// The Firefox side of tests/e2e/harness.ts, whose fixture server, waiting and temp dirs it shares:
// pages are served on 127.0.0.1 under their real host names (Firefox maps them with the pref
// network.dns.localDomains), over HTTPS with the harness's throw-away certificate.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { ensureFirefox } from '../../scripts/programs.mjs';
import { BLOG_HOST, DIFF_HOST, REPO_ROOT, makeTempDir, pollUntil } from './harness';

/** The built Firefox extension; E2E_FIREFOX_EXTENSION_PATH points elsewhere. */
export const FIREFOX_EXTENSION_PATH = path.resolve(
  process.env.E2E_FIREFOX_EXTENSION_PATH ??
    path.join(path.resolve(REPO_ROOT, process.env.WXT_OUT_DIR ?? '.output'), 'firefox-mv2'),
);
export type BackgroundState = 'stopped' | 'starting' | 'running' | 'suspending';

export interface FirefoxLaunchOptions {
  extensionPath?: string;
  /** Reuse a profile to "close and reopen the browser"; a fresh temp dir otherwise. */
  profileDir?: string;
  /** More prefs, e.g. { 'extensions.background.idle.timeout': 2000 }. */
  prefs?: Record<string, string | number | boolean>;
  /** More host names to map to 127.0.0.1. */
  hosts?: string[];
  headless?: boolean;
}

export interface FirefoxExtension {
  browser: Browser;
  /** The add-on id from the manifest (browser_specific_settings.gecko.id). */
  addonId: string;
  /** The moz-extension:// host, fixed per profile so tests can open the extension's pages. */
  uuid: string;
  profileDir: string;
  /** How the extension got there: installed for good, for this session only, or kept from before. */
  installed: 'permanently' | 'temporarily' | 'kept';
  /** Opens an extension page (e.g. 'popup.html?tab=12') in a new tab once `ready` is in it. */
  openExtensionPage(pagePath: string, ready?: string): Promise<Page>;
  /** Runs `fn` in an extension page, where the `browser` extension API is. */
  inExtension<T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T>;
  /** The toolbar badge text the extension set for a tab ('' when none). */
  badgeText(tabId: number): Promise<string>;
  /**
   * The id of the tab showing `url` (ignoring the #hash), waiting for it to appear. Only for pages
   * the extension may read: without the `tabs` permission it sees no other tab's address.
   */
  tabIdOf(url: string): Promise<number>;
  /** Opens `url` in a new tab: its page, and its tab id (the one id that was not there before). */
  openTab(url: string): Promise<{ page: Page; tabId: number }>;
  /** What a reader's click on the toolbar button lends the extension: that tab (activeTab). */
  pressToolbarButton(tabId: number): Promise<void>;
  /** Whether Firefox has the background (an event page) loaded right now. */
  backgroundState(): Promise<BackgroundState>;
  /** Evaluates an expression in Firefox's own privileged scope (what about:addons runs in). */
  privileged<T>(expression: string): Promise<T>;
  close(): Promise<void>;
}

// Whoever evaluates in an extension page uses its `browser` global.
declare const browser: {
  browserAction: { getBadgeText(details: { tabId?: number }): Promise<string> };
  tabs: { query(info: object): Promise<Array<{ id?: number; url?: string }>> };
};

/** Launches Firefox with the built extension installed (or still installed, on a reused profile). */
export async function launchFirefoxExtension(options: FirefoxLaunchOptions = {}): Promise<FirefoxExtension> {
  const extensionPath = path.resolve(options.extensionPath ?? FIREFOX_EXTENSION_PATH);
  const manifestFile = path.join(extensionPath, 'manifest.json');
  if (!existsSync(manifestFile)) {
    throw new Error(`No built extension at ${extensionPath}: run \`npx wxt build -b firefox\` first.`);
  }
  const addonId: string = JSON.parse(readFileSync(manifestFile, 'utf8')).browser_specific_settings.gecko.id;
  const profileDir = options.profileDir ?? makeTempDir('interlinear-firefox-');
  mkdirSync(profileDir, { recursive: true });
  const uuid = profileUuid(profileDir);
  const headless = options.headless ?? !(process.env.E2E_HEADED === '1' && Boolean(process.env.DISPLAY));

  const firefox = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: await ensureFirefox(),
    userDataDir: profileDir,
    headless,
    acceptInsecureCerts: true, // our self-signed certificate, even on HSTS-preloaded wikimedia.org
    // Opening moz-extension:// pages and reading the add-on's state need the privileged scope.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'network.dns.localDomains': [DIFF_HOST, BLOG_HOST, ...(options.hosts ?? [])].join(','),
      'extensions.webextensions.uuids': JSON.stringify({ [addonId]: uuid }),
      // An unsigned build installs for good only where signing can be turned off (ESR, Debian's).
      'xpinstall.signatures.required': false,
      // Where it cannot, it is installed for the session, and again after a restart: keep its data.
      'extensions.webextensions.keepStorageOnUninstall': true,
      'extensions.webextensions.keepUuidOnUninstall': true,
      'dom.security.https_first': false, // as in Chromium: plain-HTTP blogs stay plain HTTP
      ...options.prefs,
    },
  });
  try {
    const chrome = await chromeContext(firefox);
    const privileged = <T>(expression: string) => evaluateIn<T>(firefox, chrome, expression);
    const policy = `WebExtensionPolicy.getByID(${JSON.stringify(addonId)})`;
    const installed = (await privileged<boolean>(`!!${policy}`))
      ? 'kept'
      : await install(firefox, extensionPath, profileDir);

    let helper: Page | undefined;
    const extensionUrl = (pagePath: string) => `moz-extension://${uuid}/${pagePath.replace(/^\//, '')}`;
    const openExtensionPage = async (pagePath: string, ready = '#app > *') => {
      const page = await firefox.newPage();
      // Firefox sends no load event for moz-extension:// pages: wait for the page's own content.
      // Asking until it is there, not waitForSelector: that fails for good if asked mid-navigation.
      page.goto(extensionUrl(pagePath)).catch(() => undefined);
      await pollUntil(() => page.$(ready), { timeout: 15_000, interval: 50, message: `${ready} in ${pagePath}` });
      return page;
    };
    const inExtension = async <T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T> => {
      if (!helper || helper.isClosed()) helper = await openExtensionPage('options.html', 'main > *');
      return helper.evaluate(fn as never, arg as never) as Promise<T>;
    };
    return {
      browser: firefox,
      addonId,
      uuid,
      profileDir,
      installed,
      openExtensionPage,
      inExtension,
      privileged,
      badgeText: (tabId) => inExtension((id) => browser.browserAction.getBadgeText({ tabId: id }), tabId),
      tabIdOf: (url) => {
        const wanted = url.split('#')[0];
        return pollUntil(
          async () => {
            const tabs = await inExtension(() => browser.tabs.query({}), null);
            return tabs.find((t) => (t.url ?? '').split('#')[0] === wanted)?.id;
          },
          { timeout: 10_000, message: `a tab showing ${url}` },
        );
      },
      openTab: async (url) => {
        const tabIds = () => inExtension(() => browser.tabs.query({}).then((tabs) => tabs.map((tab) => tab.id!)), null);
        const before = new Set(await tabIds());
        const page = await firefox.newPage();
        const tabId = await pollUntil(async () => (await tabIds()).find((id) => !before.has(id)), {
          message: `the new tab for ${url}`,
        });
        await page.goto(url);
        return { page, tabId };
      },
      // Firefox's own browser action grants activeTab this way on a click (ext-browserAction.js).
      pressToolbarButton: (tabId) =>
        privileged<void>(`(() => {
          const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
          const nativeTab = ExtensionParent.apiManager.global.tabTracker.getTab(${Number(tabId)});
          ${policy}.extension.tabManager.addActiveTabPermission(nativeTab);
        })()`),
      backgroundState: () => privileged<BackgroundState>(`${policy}.extension.backgroundState`),
      close: () => firefox.close(),
    };
  } catch (error) {
    await firefox.close();
    throw error;
  }
}

/** Installs for good from a packed copy (as a user's install from AMO), else for the session. */
async function install(
  firefox: Browser,
  extensionPath: string,
  profileDir: string,
): Promise<'permanently' | 'temporarily'> {
  const xpi = path.join(profileDir, 'interlinear-under-test.xpi'); // Firefox installs a copy
  writeFileSync(xpi, zipDirectory(extensionPath));
  try {
    await bidi(firefox, 'webExtension.install', {
      extensionData: { type: 'archivePath', path: xpi },
      'moz:permanent': true,
    });
    return 'permanently';
  } catch {
    await firefox.installExtension(extensionPath);
    return 'temporarily';
  } finally {
    rmSync(xpi, { force: true });
  }
}

/** A moz-extension:// host per profile, kept in it so a restart finds the same one. */
function profileUuid(profileDir: string): string {
  const file = path.join(profileDir, 'interlinear-under-test.uuid');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const uuid = randomUUID();
  writeFileSync(file, uuid);
  return uuid;
}

// ---------------------------------------------------------------- the privileged scope

/** A raw WebDriver BiDi command, for what puppeteer has no method for (Firefox's own extensions). */
async function bidi<T = unknown>(firefox: Browser, method: string, params: object): Promise<T> {
  const { connection } = firefox as unknown as {
    connection: { send(method: string, params: object): Promise<{ result: T }> };
  };
  return (await connection.send(method, params)).result;
}

async function chromeContext(firefox: Browser): Promise<string> {
  const result = await bidi<{ contexts: Array<{ context: string }> }>(firefox, 'browsingContext.getTree', {
    'moz:scope': 'chrome',
  });
  const context = result.contexts[0]?.context;
  if (!context) throw new Error('Firefox showed no browser window to the privileged scope');
  return context;
}

async function evaluateIn<T>(firefox: Browser, context: string, expression: string): Promise<T> {
  const result = await bidi<
    { type: 'success'; result: { value?: T } } | { type: 'exception'; exceptionDetails: { text: string } }
  >(firefox, 'script.evaluate', { expression, target: { context }, awaitPromise: true, resultOwnership: 'none' });
  if (result.type === 'exception') throw new Error(`${expression}: ${result.exceptionDetails.text}`);
  return result.result.value as T;
}

// ---------------------------------------------------------------- packing an .xpi

/** A zip (stored, not compressed) of every file under `dir`, as Firefox installs add-ons from. */
export function zipDirectory(dir: string): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const name of listFiles(dir)) {
    const data = readFileSync(path.join(dir, name));
    const fileName = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(0, 8); // stored
    local.writeUInt32LE(0, 10); // time, date
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(centrals.length / 2, 8);
  end.writeUInt16LE(centrals.length / 2, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(path.join(dir, prefix))
    .sort()
    .flatMap((entry) => {
      const relative = prefix ? `${prefix}/${entry}` : entry;
      return statSync(path.join(dir, relative)).isDirectory() ? listFiles(dir, relative) : [relative];
    });
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
