// The dashboard on the options page, and a post's drafts opened by key, against the real
// background service through WXT's fake browser.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '../../components/app/App';
import { Dashboard } from '../../components/dashboard/Dashboard';
import { dashboardHandlers } from '../../utils/dashboard/dashboard-handlers';
import { dispatch, type Handlers, type Message } from '../../utils/messaging';
import type { PostSnapshot } from '../../utils/model';
import { postDraftsQuery } from '../../utils/post-link';
import { DraftService } from '../../utils/store/draft-service';
import { openDraftStore, type DraftStore } from '../../utils/store/draft-store';
import { TabRegistry } from '../../utils/store/tab-registry';

function snapshot(key: string, title: string, texts: string[]): PostSnapshot {
  return {
    key,
    url: key,
    detected: true,
    title,
    sourceLanguage: 'en',
    cta: null,
    segments: texts.map((text, i) => ({ id: `p-${i + 1}`, kind: 'paragraph' as const, text })),
  };
}
const wikimania = snapshot('https://diff.wikimedia.org/2024/09/05/wikimania/', 'Wikimania in Central Asia', ['One.', 'Two.', 'Three.']);
const unsafe = snapshot('javascript:alert(1)', 'A post with a bad address', ['Only.']);

let n = 0;
let root: HTMLElement;
let store: DraftStore;
let handlers: Handlers;

const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 20)));
async function until(check: () => boolean, what: string) {
  for (let i = 0; i < 100 && !check(); i++) await settle();
  if (!check()) throw new Error(`never happened: ${what}; the view shows: ${root.textContent}`);
}
const rows = () => [...root.querySelectorAll<HTMLTableRowElement>('[data-testid=dashboard-row]')];
const button = (name: string, within: ParentNode = root) =>
  [...within.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent === name)!;

async function draft(post: PostSnapshot, lang: string, segmentId: string, text: string) {
  await dispatch(handlers, { type: 'draft:save', postKey: post.key, lang, segmentId, text }, { id: fakeBrowser.runtime.id }, fakeBrowser.runtime.id);
}

beforeEach(async () => {
  fakeBrowser.reset();
  store = await openDraftStore(`dashboard-view-${n++}`);
  const broadcast = (m: Message) => void fakeBrowser.runtime.sendMessage(m).catch(() => undefined);
  const service = new DraftService({
    store,
    tabs: new TabRegistry(fakeBrowser.storage.session),
    prefs: fakeBrowser.storage.local,
    setBadge: async () => undefined,
    askTab: async () => null,
    broadcast,
    browserLanguages: () => ['en-US'],
  });
  handlers = {
    ...service.handlers,
    ...dashboardHandlers({
      store,
      recentLanguages: () => service.recentLanguages(),
      refreshBadgesOf: (key) => service.refreshBadgesOf(key),
      broadcast,
    }),
  };
  fakeBrowser.runtime.onMessage.addListener((message: unknown) =>
    dispatch(handlers, message, { id: fakeBrowser.runtime.id }, fakeBrowser.runtime.id),
  );
  await fakeBrowser.windows.create({ focused: true }); // the views ask for their window
  await store.savePost(wikimania);
  await store.savePost(unsafe);
  await draft(wikimania, 'ru', 'p-1', 'Раз.');
  await draft(wikimania, 'ru', 'p-2', 'Два.');
  await draft(wikimania, 'kk', 'p-1', 'Bir.');
  await draft(unsafe, 'fa', 'p-1', 'یک');
  root = document.createElement('div');
  document.body.append(root);
});

afterEach(() => {
  render(null, root);
  root.remove();
  history.replaceState(null, '', '/');
});

describe('the dashboard', () => {
  it('shows one row per post and language: title, site, language, progress, last edited', async () => {
    render(<Dashboard />, root);
    await until(() => rows().length === 3, 'three rows');
    const ru = rows().find((r) => r.dataset.lang === 'ru')!;
    const cells = [...ru.children].map((c) => c.textContent);
    expect(cells.slice(0, 4)).toEqual(['Wikimania in Central Asia', 'diff.wikimedia.org', 'Russian (ru)', '0 of 3 done · 2 drafts']);
    expect(ru.querySelector('time')?.getAttribute('datetime')).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(rows().find((r) => r.dataset.lang === 'kk')!.textContent).toContain('Kazakh');
  });

  it('links to the post only when it is http(s), and always to its drafts by key', async () => {
    render(<Dashboard />, root);
    await until(() => rows().length === 3, 'three rows');
    const ru = rows().find((r) => r.dataset.lang === 'ru')!;
    const links = [...ru.querySelectorAll('a')].map((a) => [a.textContent, a.getAttribute('href')]);
    expect(links).toEqual([
      ['Open post', wikimania.url],
      ['Open drafts', `chrome-extension://${fakeBrowser.runtime.id}/sidepanel.html${postDraftsQuery({ postKey: wikimania.key, lang: 'ru' })}`],
    ]);
    const bad = rows().find((r) => r.dataset.lang === 'fa')!;
    expect(bad.innerHTML).not.toContain('javascript:alert');
    expect([...bad.querySelectorAll('a')].map((a) => a.textContent)).toEqual(['Open drafts']);
  });

  it('opens a row’s export panel for that post and language', async () => {
    render(<Dashboard />, root);
    await until(() => rows().length === 3, 'three rows');
    const kk = rows().find((r) => r.dataset.lang === 'kk')!;
    const toggle = button('Export', kk);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await act(() => toggle.click());
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const panel = kk.nextElementSibling!;
    expect(panel.id).toBe(toggle.getAttribute('aria-controls'));
    expect(panel.querySelector('[data-testid=export-panel]')).not.toBeNull();
    expect(root.querySelectorAll('[data-testid=export-panel]')).toHaveLength(1);
    await act(() => toggle.click());
    expect(root.querySelectorAll('[data-testid=export-panel]')).toHaveLength(0);
  });

  it('filters the rows by title as you type', async () => {
    render(<Dashboard />, root);
    await until(() => rows().length === 3, 'three rows');
    const search = root.querySelector<HTMLInputElement>('[data-testid=dashboard-search]')!;
    const type = (text: string) =>
      act(() => {
        search.value = text;
        search.dispatchEvent(new Event('input', { bubbles: true }));
      });
    await type('central WIKIMANIA');
    expect(rows().map((r) => r.dataset.lang).sort()).toEqual(['kk', 'ru']);
    await type('kraków');
    expect(rows()).toHaveLength(0);
    expect(root.querySelector('[data-testid=dashboard-no-match]')?.textContent).toBe('No post title matches “kraków”.');
    await type('');
    expect(rows()).toHaveLength(3);
  });

  it('deletes a post’s drafts in one language and undoes it', async () => {
    render(<Dashboard />, root);
    await until(() => rows().length === 3, 'three rows');
    const ru = rows().find((r) => r.dataset.lang === 'ru')!;
    await act(() => button('Delete', ru).click());
    await until(() => rows().length === 2, 'the row gone');
    expect(rows().map((r) => r.dataset.lang).sort()).toEqual(['fa', 'kk']);
    const notice = root.querySelector('[data-testid=dashboard-undo]')!;
    expect(notice.textContent).toContain('Deleted 2 drafts of “Wikimania in Central Asia” in Russian.');
    expect(document.activeElement).toBe(button('Undo'));
    expect((await store.getDrafts(wikimania.key, 'ru')).every((d) => d.deleted)).toBe(true);

    await act(() => button('Undo').click());
    await until(() => rows().length === 3, 'the row back');
    expect(root.querySelector('[data-testid=dashboard-undo]')).toBeNull();
    expect(document.activeElement).toBe(root.querySelector('[data-testid=dashboard-search]'));
    expect((await store.getDrafts(wikimania.key, 'ru')).map((d) => d.text)).toEqual(['Раз.', 'Два.']);
    expect(rows().find((r) => r.dataset.lang === 'ru')!.textContent).toContain('0 of 3 done · 2 drafts');
  });

  it('follows drafts saved in another view', async () => {
    render(<Dashboard />, root);
    await until(() => rows().length === 3, 'three rows');
    await draft(wikimania, 'ru', 'p-3', 'Три.');
    await until(() => rows()[0]!.textContent!.includes('0 of 3 done · 3 drafts'), 'the new count, first');
    await draft(wikimania, 'de', 'p-1', 'Eins.');
    await until(() => rows()[0]?.dataset.lang === 'de', 'a new row, first');
    expect(rows()).toHaveLength(4);
  });

  it('says so when the list cannot be had, and offers to try again', async () => {
    const list = handlers['posts:list'];
    handlers['posts:list'] = () => Promise.reject(new Error('the database is closed'));
    render(<Dashboard />, root);
    await until(() => root.querySelector('[role=alert]') !== null, 'an error');
    expect(root.textContent).toContain('Your drafts could not be listed: the database is closed');
    handlers['posts:list'] = list;
    await act(() => button('Try again').click());
    await until(() => rows().length === 3, 'three rows');
  });
});

describe('a post’s drafts opened by key', () => {
  const editors = () => [...root.querySelectorAll<HTMLTextAreaElement>('textarea[data-segment-id]')];

  it('shows the drafts from the store without the page, with no "Show in page"', async () => {
    history.replaceState(null, '', `/sidepanel.html${postDraftsQuery({ postKey: wikimania.key, lang: 'ru' })}`);
    render(<App layout="panel" />, root);
    await until(() => editors().length === 3, 'three editors');
    expect(root.querySelector('[data-testid=post-title]')?.textContent).toBe('Wikimania in Central Asia');
    expect(editors().map((e) => e.value)).toEqual(['Раз.', 'Два.', '']);
    expect(root.querySelector<HTMLSelectElement>('[data-testid=target-language]')!.value).toBe('ru');
    expect(root.textContent).not.toContain('Show in page');
    expect(root.querySelector('[data-testid=progress]')?.textContent).toContain('2 drafts');
  });

  it('saves what is typed there, in that language', async () => {
    history.replaceState(null, '', `/sidepanel.html${postDraftsQuery({ postKey: wikimania.key, lang: 'kk' })}`);
    render(<App layout="panel" />, root);
    await until(() => editors()[0]?.value === 'Bir.', 'the Kazakh draft');
    await act(() => {
      editors()[1]!.value = 'Eki.';
      editors()[1]!.dispatchEvent(new Event('input', { bubbles: true }));
    });
    for (let i = 0; i < 100 && (await store.getDrafts(wikimania.key, 'kk')).length < 2; i++) await settle();
    expect((await store.getDrafts(wikimania.key, 'kk')).map((d) => d.text)).toEqual(['Bir.', 'Eki.']);
  });

  it('refuses a malformed language in the address, saying why', async () => {
    history.replaceState(null, '', `/sidepanel.html${postDraftsQuery({ postKey: wikimania.key, lang: 'Russian please' })}`);
    render(<App layout="panel" />, root);
    await until(() => root.querySelector('[role=alert]') !== null, 'an error');
    expect(root.textContent).toBe('Interlinear could not show these drafts: “Russian please” is not a language tag');
  });

  it('says so when the store does not keep the post', async () => {
    history.replaceState(null, '', `/sidepanel.html${postDraftsQuery({ postKey: 'https://example.org/gone/', lang: 'ru' })}`);
    render(<App layout="panel" />, root);
    await until(() => root.querySelector('[data-testid=post-not-kept]') !== null, 'the notice');
    expect(root.textContent).toBe('This post is not kept in this browser any more.');
  });
});
