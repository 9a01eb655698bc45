// Which sites Interlinear reads, and the code around the browser's own prompts: asking for a site,
// registering and listing its content script, removing it, and the background keeping the list
// in step with what the reader grants or takes back in the browser.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { firstRunInThisPage } from '../../utils/site-access/run-once';
import { scanTab } from '../../utils/site-access/scan-tab';
import {
  CONTENT_SCRIPT_FILE,
  isReadFromInstall,
  patternOfScriptId,
  scriptIdOf,
  siteLabelOf,
  sitePatternOf,
} from '../../utils/site-access/site-patterns';
import {
  alwaysCheckSite,
  isSiteChecked,
  keepSiteScriptsInStep,
  listCheckedSites,
  registerPendingSites,
  removeCheckedSite,
  restoreSiteScripts,
} from '../../utils/site-access/site-scripts';
import { TRANSLATION_HOSTS } from '../../utils/translation-hosts';
import { installFakeSiteAccess } from '../support/fake-site-access';

const BLOG = 'https://blog.example.org/*';
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => fakeBrowser.reset());
afterEach(() => vi.restoreAllMocks());

describe('site patterns', () => {
  it('covers the page’s whole site on any port, and only web pages', () => {
    expect(sitePatternOf('https://blog.example.org:8443/2024/10/01/post/?p=1#x')).toBe(BLOG);
    expect(sitePatternOf('http://news.example.net/a')).toBe('http://news.example.net/*');
    for (const url of ['chrome://extensions/', 'file:///tmp/a.html', 'chrome-extension://abc/popup.html', 'not a url', '', undefined]) {
      expect(sitePatternOf(url)).toBeNull();
    }
  });

  it('names sites for people and knows which are read from install on', () => {
    expect(siteLabelOf(BLOG)).toBe('blog.example.org');
    expect(siteLabelOf('http://news.example.net/*')).toBe('http://news.example.net');
    expect(isReadFromInstall('https://diff.wikimedia.org:4443/2024/09/05/post/')).toBe(true);
    expect(isReadFromInstall('https://blog.example.org/2024/post/')).toBe(false);
    expect(isReadFromInstall('http://diff.wikimedia.org/')).toBe(false);
  });

  it('installs on a short list of whole sites, never on every site', () => {
    expect(TRANSLATION_HOSTS).toContain('https://diff.wikimedia.org/*');
    expect(TRANSLATION_HOSTS.length).toBeLessThanOrEqual(5);
    for (const pattern of TRANSLATION_HOSTS) expect(sitePatternOf(pattern.replace(/\*$/, ''))).toBe(pattern);
  });

  it('tells a site’s script from any other registered script', () => {
    expect(patternOfScriptId(scriptIdOf(BLOG))).toBe(BLOG);
    expect(patternOfScriptId('highlighter')).toBeNull();
    expect(patternOfScriptId('site:https://*/*')).toBeNull();
  });
});

describe('“Always check this site”', () => {
  it('asks for the site, then registers the content script for it, kept across restarts', async () => {
    const fake = installFakeSiteAccess(() => true);
    expect(await alwaysCheckSite(BLOG)).toEqual({ ok: true });
    expect(fake.log).toEqual([`request ["${BLOG}"]`, `register ${scriptIdOf(BLOG)}`]);
    expect(fake.scripts.get(scriptIdOf(BLOG))).toEqual({
      id: scriptIdOf(BLOG),
      matches: [BLOG],
      js: [CONTENT_SCRIPT_FILE],
      runAt: 'document_idle',
      persistAcrossSessions: true,
    });
    expect(await listCheckedSites()).toEqual([{ pattern: BLOG, label: 'blog.example.org' }]);
  });

  it('asks before anything is awaited, so the browser can show its prompt within the click', () => {
    const fake = installFakeSiteAccess(() => new Promise<boolean>(() => undefined));
    void alwaysCheckSite(BLOG);
    expect(fake.log).toEqual([`request ["${BLOG}"]`]);
  });

  it('registers nothing when the reader says no, and says what that means', async () => {
    const fake = installFakeSiteAccess(() => false);
    const result = await alwaysCheckSite(BLOG);
    expect(result).toEqual({ ok: false, message: expect.stringContaining('only when you open it from the toolbar') });
    expect(fake.scripts.size).toBe(0);
    expect(await listCheckedSites()).toEqual([]);
  });

  it('reports a refusal by the browser itself instead of throwing', async () => {
    installFakeSiteAccess();
    vi.mocked(fakeBrowser.permissions.request).mockRejectedValue(new Error('This function must be called during a user gesture'));
    expect(await alwaysCheckSite(BLOG)).toEqual({ ok: false, message: 'The browser refused: This function must be called during a user gesture' });
  });

  it('adding a site twice keeps one script', async () => {
    const fake = installFakeSiteAccess(() => true);
    await alwaysCheckSite(BLOG);
    expect(await alwaysCheckSite(BLOG)).toEqual({ ok: true });
    expect(fake.scripts.size).toBe(1);
  });

  it('lists only the sites the reader added, by name', async () => {
    const fake = installFakeSiteAccess(() => true);
    await alwaysCheckSite('https://zeta.example.org/*');
    await alwaysCheckSite(BLOG);
    fake.scripts.set('other', { id: 'other', matches: ['https://x.example/*'] });
    expect((await listCheckedSites()).map((s) => s.label)).toEqual(['blog.example.org', 'zeta.example.org']);
  });
});

describe('removing a site', () => {
  it('unregisters its script and gives its access back', async () => {
    const fake = installFakeSiteAccess(() => true);
    await alwaysCheckSite(BLOG);
    expect(await removeCheckedSite(BLOG)).toEqual({ ok: true });
    expect(fake.scripts.size).toBe(0);
    expect(await isSiteChecked(BLOG)).toBe(false);
    expect(fake.granted.has(BLOG)).toBe(false);
    expect(await listCheckedSites()).toEqual([]);
  });

  it('says so when the browser keeps the access', async () => {
    const fake = installFakeSiteAccess(() => true, { refuseRemoval: true });
    await alwaysCheckSite(BLOG);
    const result = await removeCheckedSite(BLOG);
    expect(result).toEqual({ ok: false, message: expect.stringContaining('the browser kept its access') });
    expect(fake.scripts.size).toBe(0);
  });
});

describe('the background keeps the sites in step', () => {
  it('registers a site whose grant arrives after the asking page closed', async () => {
    let answer!: (granted: boolean) => void;
    const fake = installFakeSiteAccess(() => new Promise<boolean>((resolve) => (answer = resolve)));
    keepSiteScriptsInStep();
    void alwaysCheckSite(BLOG); // the popup closes for the prompt: its own continuation never runs
    await settle();
    vi.mocked(fakeBrowser.scripting.registerContentScripts).mockClear();
    // The grant lands while only the background listens.
    fake.granted.add(BLOG);
    fake.fireAdded([BLOG]);
    await vi.waitFor(() => expect(fake.scripts.has(scriptIdOf(BLOG))).toBe(true));
    answer(true);
    await vi.waitFor(async () => expect(await fakeBrowser.storage.local.get('siteAccess.pending')).toEqual({ 'siteAccess.pending': [] }));
    expect(fake.scripts.size).toBe(1);
  });

  it('the page and the background finishing one grant register the site once, in turn', async () => {
    // The prompt answers a moment later, once the page has noted the site it asked for.
    const fake = installFakeSiteAccess(() => new Promise<boolean>((resolve) => setTimeout(() => resolve(true), 5)));
    // The grant fires the background's onAdded while the page's own continuation runs.
    let backgroundDone = false;
    fake.listeners.added.push(({ origins = [] }) => void registerPendingSites(origins).then(() => (backgroundDone = true)));
    expect(await alwaysCheckSite(BLOG)).toEqual({ ok: true });
    await vi.waitFor(() => expect(backgroundDone, 'the background’s registration finished').toBe(true));
    expect(fake.log.filter((line) => line.startsWith('register'))).toEqual([`register ${scriptIdOf(BLOG)}`]);
    expect(await listCheckedSites()).toEqual([{ pattern: BLOG, label: 'blog.example.org' }]);
  });

  it('registers nothing for an origin granted for another reason (the sync server)', async () => {
    const fake = installFakeSiteAccess(() => true);
    keepSiteScriptsInStep();
    fake.granted.add('https://couch.example.org/*');
    fake.fireAdded(['https://couch.example.org/*']);
    await settle();
    await settle();
    expect(fake.scripts.size).toBe(0);
  });

  it('drops the script of a site whose access the reader took back in the browser', async () => {
    const fake = installFakeSiteAccess(() => true);
    keepSiteScriptsInStep();
    await alwaysCheckSite(BLOG);
    fake.granted.delete(BLOG);
    fake.fireRemoved([BLOG]);
    await vi.waitFor(() => expect(fake.scripts.size).toBe(0));
    expect(await listCheckedSites()).toEqual([]);
  });

  it('at start, registers the listed sites again (an update dropped their scripts)', async () => {
    const fake = installFakeSiteAccess(() => true);
    await alwaysCheckSite(BLOG);
    fake.scripts.clear();
    await restoreSiteScripts();
    expect([...fake.scripts.keys()]).toEqual([scriptIdOf(BLOG)]);
    expect(await isSiteChecked(BLOG)).toBe(true);
  });

  it('at start, drops sites whose access went while it was not running, and stray scripts', async () => {
    const fake = installFakeSiteAccess(() => true);
    await alwaysCheckSite(BLOG);
    await alwaysCheckSite('https://kept.example.org/*');
    fake.granted.delete(BLOG);
    fake.granted.add('https://stray.example.org/*');
    fake.scripts.set(scriptIdOf('https://stray.example.org/*'), { id: scriptIdOf('https://stray.example.org/*') });
    await restoreSiteScripts();
    expect([...fake.scripts.keys()]).toEqual([scriptIdOf('https://kept.example.org/*')]);
    expect((await listCheckedSites()).map((site) => site.label)).toEqual(['kept.example.org']);
  });
});

describe('scanning a tab', () => {
  it('runs the content script in a tab the toolbar click lent', async () => {
    const fake = installFakeSiteAccess();
    const tab = await fakeBrowser.tabs.create({ url: 'https://blog.example.org/2024/post/' });
    fake.activeTabs.add(tab.id!);
    expect(await scanTab(tab.id!)).toBe('scanned');
    expect(fake.executed).toEqual([`${tab.id} ${CONTENT_SCRIPT_FILE}`]);
  });

  it('says when it may not read the tab', async () => {
    const fake = installFakeSiteAccess();
    const tab = await fakeBrowser.tabs.create({ url: 'https://blog.example.org/2024/post/' });
    expect(await scanTab(tab.id!)).toBe('not-allowed');
    expect(fake.executed).toEqual([]);
  });
});

describe('the content script', () => {
  it('runs once per page however often it is injected', () => {
    const page = {};
    expect(firstRunInThisPage(page)).toBe(true);
    expect(firstRunInThisPage(page)).toBe(false);
    expect(firstRunInThisPage({})).toBe(true);
  });
});
