// The views around the browser's prompts, through WXT's fake browser: the toolbar's view on a page
// of another site scans it and offers "Always check this site"; the options page lists the added
// sites and removes each.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CheckThisSite } from '../../components/site-access/CheckThisSite';
import { SiteAccessList } from '../../components/site-access/SiteAccessList';
import { CONTENT_SCRIPT_FILE, scriptIdOf } from '../../utils/site-access/site-patterns';
import { alwaysCheckSite } from '../../utils/site-access/site-scripts';
import { installFakeSiteAccess, type FakeSiteAccess } from '../support/fake-site-access';

const BLOG = 'https://blog.example.org/*';
let root: HTMLElement;

const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 10)));
async function until(check: () => boolean, what: string) {
  for (let i = 0; i < 100 && !check(); i++) await settle();
  if (!check()) throw new Error(`never happened: ${what}; the view shows: ${root.textContent}`);
}
const button = (name: string) =>
  [...root.querySelectorAll('button')].find((b) => b.textContent === name || b.getAttribute('aria-label') === name);

beforeEach(() => {
  fakeBrowser.reset();
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
  vi.restoreAllMocks();
});

async function tabOn(url: string, fake: FakeSiteAccess, { lent = true } = {}) {
  const tab = await fakeBrowser.tabs.create({ url });
  if (lent) fake.activeTabs.add(tab.id!);
  return tab.id!;
}

describe('CheckThisSite', () => {
  it('scans a page of another site at once and offers to check the whole site', async () => {
    const fake = installFakeSiteAccess(() => true);
    const tabId = await tabOn('https://blog.example.org:8443/2024/post/', fake);
    render(<CheckThisSite tabId={tabId} />, root);
    await until(() => fake.executed.length > 0, 'the tab scanned');
    expect(fake.executed).toEqual([`${tabId} ${CONTENT_SCRIPT_FILE}`]);
    await until(() => Boolean(button('Always check this site')), 'the offer');
    expect(root.textContent).toContain('Interlinear reads blog.example.org only when you open it');
  });

  it('shows its notice only once the scan has found nothing, never before', async () => {
    const fake = installFakeSiteAccess(() => true);
    const tabId = await tabOn('https://blog.example.org/2024/post/', fake);
    let finishScan!: () => void;
    const scanned = vi.mocked(fakeBrowser.scripting.executeScript).getMockImplementation()!;
    vi.mocked(fakeBrowser.scripting.executeScript).mockImplementationOnce(
      (async (...args: Parameters<typeof scanned>) => {
        await new Promise<void>((resolve) => (finishScan = resolve));
        return scanned(...args);
      }) as never,
    );
    render(<CheckThisSite tabId={tabId}><p data-testid="not-asking">not asking</p></CheckThisSite>, root);
    await until(() => root.querySelector('[data-testid=scanning]') !== null, 'the scan under way');
    expect(root.querySelector('[data-testid=not-asking]')).toBeNull();
    finishScan();
    await until(() => root.querySelector('[data-testid=not-asking]') !== null, 'the notice after the scan');
    expect(root.querySelector('[data-testid=scanning]')).toBeNull();
  });

  it('asks for the site within the click, then registers it and says so', async () => {
    let answer!: (granted: boolean) => void;
    const fake = installFakeSiteAccess(() => new Promise<boolean>((resolve) => (answer = resolve)));
    const tabId = await tabOn('https://blog.example.org/2024/post/', fake);
    render(<CheckThisSite tabId={tabId} />, root);
    await until(() => Boolean(button('Always check this site')), 'the offer');
    act(() => button('Always check this site')!.click());
    // Asked synchronously in the click: the browser shows its prompt only then.
    expect(fake.log).toEqual([`request ["${BLOG}"]`]);
    expect(button('Always check this site')!.disabled).toBe(true);
    answer(true);
    await until(() => root.querySelector('[data-testid="site-checked"]') !== null, 'the site checked');
    expect(fake.scripts.has(scriptIdOf(BLOG))).toBe(true);
  });

  it('says what a refusal means and registers nothing', async () => {
    const fake = installFakeSiteAccess(() => false);
    const tabId = await tabOn('https://blog.example.org/2024/post/', fake);
    render(<CheckThisSite tabId={tabId} />, root);
    await until(() => Boolean(button('Always check this site')), 'the offer');
    act(() => button('Always check this site')!.click());
    await until(() => root.querySelector('[role="alert"]') !== null, 'the refusal');
    expect(root.querySelector('[role="alert"]')!.textContent).toContain('only when you open it from the toolbar button');
    expect(fake.scripts.size).toBe(0);
    expect(button('Always check this site')!.disabled).toBe(false);
  });

  it('says when it may not read the tab (not opened from the toolbar)', async () => {
    const fake = installFakeSiteAccess(() => true);
    const tabId = await tabOn('https://blog.example.org/2024/post/', fake, { lent: false });
    render(<CheckThisSite tabId={tabId} />, root);
    await until(() => root.querySelector('[data-testid="scan-not-allowed"]') !== null, 'the scan refused');
    expect(fake.executed).toEqual([]);
    // Its address is not Interlinear's to know, so neither is its site.
    expect(button('Always check this site')).toBeUndefined();
  });

  it('shows that a site already added is checked', async () => {
    const fake = installFakeSiteAccess(() => true);
    await alwaysCheckSite(BLOG);
    const tabId = await tabOn('https://blog.example.org/2024/post/', fake);
    render(<CheckThisSite tabId={tabId} />, root);
    await until(() => root.querySelector('[data-testid="site-checked"]') !== null, 'the site checked');
    expect(button('Always check this site')).toBeUndefined();
  });

  it('offers nothing on the built-in site or on the browser’s own pages, and scans neither', async () => {
    const fake = installFakeSiteAccess(() => true);
    for (const url of ['https://diff.wikimedia.org/2024/09/05/post/', 'chrome://extensions/']) {
      const tabId = await tabOn(url, fake);
      render(<CheckThisSite tabId={tabId} />, root);
      await settle();
      await settle();
      expect(root.textContent).toBe('');
      render(null, root);
    }
    expect(fake.executed).toEqual([]);
  });
});

describe('SiteAccessList', () => {
  it('lists the built-in site and the added ones, and removes an added one', async () => {
    const fake = installFakeSiteAccess(() => true);
    await alwaysCheckSite(BLOG);
    await alwaysCheckSite('https://news.example.net/*');
    render(<SiteAccessList />, root);
    await until(() => root.querySelectorAll('[data-testid="checked-site"]').length === 2, 'the sites listed');
    expect(root.textContent).toContain('diff.wikimedia.org · built in');
    act(() => button('Remove blog.example.org')!.click());
    await until(() => root.querySelectorAll('[data-testid="checked-site"]').length === 1, 'the site removed');
    expect(root.textContent).toContain('news.example.net');
    expect(fake.granted.has(BLOG)).toBe(false);
    expect(fake.scripts.has(scriptIdOf(BLOG))).toBe(false);
  });

  it('says when none was added, and when the browser keeps a removed site’s access', async () => {
    installFakeSiteAccess(() => true, { refuseRemoval: true });
    render(<SiteAccessList />, root);
    await until(() => root.querySelector('[data-testid="no-checked-sites"]') !== null, 'the empty list');
    render(null, root);
    await alwaysCheckSite(BLOG);
    render(<SiteAccessList />, root);
    await until(() => Boolean(button('Remove blog.example.org')), 'the site listed');
    act(() => button('Remove blog.example.org')!.click());
    await until(() => root.querySelector('[role="alert"]') !== null, 'the message');
    expect(root.querySelector('[role="alert"]')!.textContent).toContain('the browser kept its access');
  });
});
