// The sites the reader chose to have checked, beyond the install-time list. Each is a host
// permission asked for at runtime, a content script registered for it, and an entry in the list
// kept in storage: Chrome drops registered scripts when the extension is updated, so the background
// registers the listed sites again at start.
import { browser } from 'wxt/browser';
import { t } from '../i18n';
import { CONTENT_SCRIPT_FILE, patternOfScriptId, scriptIdOf, siteLabelOf } from './site-patterns';

export interface CheckedSite {
  /** 'https://blog.example.org/*' */
  pattern: string;
  /** 'blog.example.org' */
  label: string;
}

export type SiteAccessResult = { ok: true } | { ok: false; message: string };

/** The sites the reader added (match patterns). */
const CHECKED_SITES = 'siteAccess.sites';
/** Sites asked for whose answer may arrive after the asking page is gone (Firefox closes the popup for its prompt). */
const PENDING_SITES = 'siteAccess.pending';

/** The sites the reader added, by name. */
export async function listCheckedSites(): Promise<CheckedSite[]> {
  return (await storedList(CHECKED_SITES))
    .map((pattern) => ({ pattern, label: siteLabelOf(pattern) }))
    .sort((a, b) => a.label.localeCompare(b.label));
}

export async function isSiteChecked(pattern: string): Promise<boolean> {
  return (await storedList(CHECKED_SITES)).includes(pattern);
}

async function isRegistered(pattern: string): Promise<boolean> {
  const found = await browser.scripting.getRegisteredContentScripts({ ids: [scriptIdOf(pattern)] });
  return found.length > 0;
}

/**
 * "Always check this site". Call it straight from the click, before any await: the browser shows
 * its permission prompt only within the click's user gesture.
 */
export function alwaysCheckSite(pattern: string): Promise<SiteAccessResult> {
  void rememberPending(pattern, true);
  return browser.permissions.request({ origins: [pattern] }).then(
    async (granted): Promise<SiteAccessResult> => {
      if (!granted) {
        await rememberPending(pattern, false);
        return { ok: false, message: t('siteNotAllowed', siteLabelOf(pattern)) };
      }
      await oneAtATime(async () => {
        await addSite(pattern);
        await rememberPending(pattern, false);
      });
      return { ok: true };
    },
    async (error: unknown): Promise<SiteAccessResult> => {
      await rememberPending(pattern, false);
      return { ok: false, message: t('siteBrowserRefused', messageOf(error)) };
    },
  );
}

async function addSite(pattern: string): Promise<void> {
  await registerSiteScript(pattern);
  await setInList(CHECKED_SITES, pattern, true);
}

/** Runs the content script on every page of the site from now on, across restarts. Idempotent. */
export async function registerSiteScript(pattern: string): Promise<void> {
  const id = scriptIdOf(pattern);
  const [registered] = await browser.scripting.getRegisteredContentScripts({ ids: [id] });
  // Registered by an earlier version, whose content script was another file: point it at this one.
  const file = CONTENT_SCRIPT_FILE.replace(/^\//, '');
  if (registered && registered.js?.some((js) => js.replace(/^\//, '') !== file)) {
    await browser.scripting.updateContentScripts([{ id, js: [CONTENT_SCRIPT_FILE] }]);
  }
  if (registered) return;
  try {
    await browser.scripting.registerContentScripts([
      { id, matches: [pattern], js: [CONTENT_SCRIPT_FILE], runAt: 'document_idle', persistAcrossSessions: true },
    ]);
  } catch (error) {
    // Registered meanwhile by a context that holds no lock (an older version still running).
    if (!(await isRegistered(pattern))) throw error;
  }
}

async function dropSite(pattern: string): Promise<void> {
  await setInList(CHECKED_SITES, pattern, false);
  await unregisterSiteScript(pattern);
}

async function unregisterSiteScript(pattern: string): Promise<void> {
  if (!(await isRegistered(pattern))) return;
  await browser.scripting.unregisterContentScripts({ ids: [scriptIdOf(pattern)] });
}

/** Stops checking a site: its content script goes, and so does the access granted to it. */
export async function removeCheckedSite(pattern: string): Promise<SiteAccessResult> {
  try {
    await oneAtATime(() => dropSite(pattern));
    const removed = await browser.permissions.remove({ origins: [pattern] });
    if (!removed) {
      return { ok: false, message: t('siteAccessKept', siteLabelOf(pattern)) };
    }
    return { ok: true };
  } catch (error) {
    return { ok: false, message: t('siteRemoveFailed', siteLabelOf(pattern), messageOf(error)) };
  }
}

/**
 * Background side: registers a site whose grant arrived after its asking page closed, drops a site
 * whose access the reader took back in the browser's settings, and at start puts the scripts back
 * in line with the list (also for changes made while the extension was not running).
 */
export function keepSiteScriptsInStep(): void {
  browser.permissions.onAdded.addListener(({ origins = [] }) => void registerPendingSites(origins).catch(() => undefined));
  browser.permissions.onRemoved.addListener(({ origins = [] }) => {
    void oneAtATime(async () => {
      const listed = await storedList(CHECKED_SITES);
      for (const pattern of origins.filter((origin) => listed.includes(origin))) await dropSite(pattern);
    }).catch(() => undefined);
  });
  void restoreSiteScripts().catch(() => undefined);
}

export function registerPendingSites(granted: readonly string[]): Promise<void> {
  return oneAtATime(async () => {
    const pending = await storedList(PENDING_SITES);
    for (const pattern of granted.filter((origin) => pending.includes(origin))) {
      await addSite(pattern);
      await rememberPending(pattern, false);
    }
  });
}

/** Every listed site that still has its access has its script; no other site has one. */
export function restoreSiteScripts(): Promise<void> {
  return oneAtATime(async () => {
    const listed = await storedList(CHECKED_SITES);
    for (const pattern of listed) {
      if (await browser.permissions.contains({ origins: [pattern] })) await registerSiteScript(pattern);
      else await dropSite(pattern);
    }
    for (const script of await browser.scripting.getRegisteredContentScripts()) {
      const pattern = patternOfScriptId(script.id);
      if (pattern && !listed.includes(pattern)) await unregisterSiteScript(pattern);
    }
  });
}

/** The Web Lock every change to the sites' scripts and lists holds. */
const SITE_SCRIPTS_LOCK = 'interlinear-site-scripts';
let queued: Promise<unknown> = Promise.resolve();

/**
 * Runs changes to the sites' scripts one at a time, across the extension's pages and its
 * background: both finish a grant (the page's click, the background's onAdded), and Chrome leaves
 * a registerContentScripts unanswered when another context registers the same id meanwhile. Web
 * Locks span the extension's contexts; where there are none (Node), one queue per context.
 */
function oneAtATime<T>(job: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (locks) return locks.request(SITE_SCRIPTS_LOCK, job) as Promise<T>;
  const run = queued.then(job, job);
  queued = run.catch(() => undefined);
  return run;
}

async function storedList(key: string): Promise<string[]> {
  const stored = (await browser.storage.local.get(key))[key];
  return Array.isArray(stored) ? stored.filter((item): item is string => typeof item === 'string') : [];
}

async function setInList(key: string, pattern: string, present: boolean): Promise<void> {
  const others = (await storedList(key)).filter((item) => item !== pattern);
  await browser.storage.local.set({ [key]: present ? [...others, pattern] : others });
}

function rememberPending(pattern: string, pending: boolean): Promise<void> {
  return setInList(PENDING_SITES, pattern, pending);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
