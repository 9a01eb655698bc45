// The hand-off in the views, against the real background service and hand-off through WXT's fake
// browser: Polylang's link for the language being drafted, the block editor's fill panel and its
// report, and the dashboard's note of where the drafts went.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '../../components/app/App';
import { Dashboard } from '../../components/dashboard/Dashboard';
import { dashboardHandlers } from '../../utils/dashboard/dashboard-handlers';
import { dispatch, type Handlers, type Message } from '../../utils/messaging';
import type { PostSnapshot } from '../../utils/model';
import { DraftService } from '../../utils/store/draft-service';
import { openDraftStore, type DraftStore } from '../../utils/store/draft-store';
import { TabRegistry } from '../../utils/store/tab-registry';
import type { EditorReading, FillOutcome } from '../../utils/wordpress/editor-state';
import { WordPressHandOff } from '../../utils/wordpress/hand-off';
import { fillBlockEditor, readBlockEditor } from '../../utils/wordpress/page-world';

const SITE = 'https://diff.wikimedia.org';
const post: PostSnapshot = {
  key: `${SITE}/2024/09/05/a-post/`,
  url: `${SITE}/2024/09/05/a-post/`,
  detected: true,
  title: 'A post worth translating',
  sourceLanguage: 'en',
  cta: {
    startUrl: `${SITE}/wp-admin/post-new.php?post_type=post&from_post=77&_wpnonce=abc`,
    targetLanguages: [{ code: 'ru', name: 'Русский' }],
  },
  segments: [
    { id: 'h', kind: 'heading', text: 'A post worth translating', layout: { tag: 'h1' } },
    { id: 'p-1', kind: 'paragraph', text: 'First paragraph.' },
    { id: 'p-2', kind: 'paragraph', text: 'Second paragraph.' },
  ],
  wordpressPostId: 77,
};

const editorReading = (over: Partial<EditorReading> = {}): EditorReading => ({
  postId: 78,
  postType: 'post',
  status: 'auto-draft',
  title: 'A post worth translating',
  modified: 'then',
  dirty: true,
  saving: false,
  blocks: ['First paragraph.', 'Second paragraph.'].map((html, i) => ({ clientId: `b${i}`, name: 'core/paragraph', texts: [{ path: ['content'], html }], innerBlocks: [] })),
  ...over,
});

let n = 0;
let root: HTMLElement;
let store: DraftStore;
let handlers: Handlers;
let postTab: number;
let editorTab: number;
const pages = new Map<number, { url: string; reading: EditorReading | null; outcome: FillOutcome }>();

const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 20)));
async function until(check: () => boolean, what: string) {
  for (let i = 0; i < 100 && !check(); i++) await settle();
  if (!check()) throw new Error(`never happened: ${what}; the view shows: ${root.textContent}`);
}
const byTestId = (id: string) => root.querySelector<HTMLElement>(`[data-testid=${id}]`);
const show = (view: 'popup' | 'options', tabId?: number) => {
  history.replaceState(null, '', view === 'popup' ? `/popup.html?tab=${tabId}` : '/options.html');
  render(view === 'popup' ? <App layout="popup" /> : <Dashboard />, root);
};

beforeEach(async () => {
  fakeBrowser.reset();
  store = await openDraftStore(`wordpress-views-${n++}`);
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
  const handOff = new WordPressHandOff({
    store,
    tabUrl: async (tabId) => pages.get(tabId)?.url ?? null,
    async runInPage(tabId, func) {
      const page = pages.get(tabId);
      if (func === (readBlockEditor as unknown)) return page?.reading ?? null;
      if (func === (fillBlockEditor as unknown)) return page?.outcome ?? null;
      return null;
    },
    session: fakeBrowser.storage.session,
    broadcast,
    now: () => Date.now(),
  });
  const dashboard = dashboardHandlers({ store, recentLanguages: async () => [], refreshBadgesOf: async () => undefined, broadcast });
  handlers = { ...service.handlers, ...dashboard, ...handOff.handlers };
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => dispatch(handlers, message, { id: fakeBrowser.runtime.id }, fakeBrowser.runtime.id));
  const windowId = (await fakeBrowser.windows.create({ focused: true })).id!;
  postTab = (await fakeBrowser.tabs.create({ url: post.url, windowId })).id!;
  editorTab = (await fakeBrowser.tabs.create({ url: `${SITE}/wp-admin/post-new.php`, windowId })).id!;
  pages.clear();
  pages.set(editorTab, {
    url: `${SITE}/wp-admin/post-new.php?post_type=post&from_post=77&new_lang=ru&_wpnonce=abc`,
    reading: editorReading(),
    outcome: { applied: 1, missing: [], invalid: [], blockCount: 3 },
  });
  const sender = { id: fakeBrowser.runtime.id, tab: { id: postTab } };
  await dispatch(handlers, { type: 'post:seen', post }, sender, fakeBrowser.runtime.id);
  for (const [segmentId, text] of [['h', 'Запись, достойная перевода'], ['p-1', 'Первый абзац.']]) {
    await dispatch(handlers, { type: 'draft:save', postKey: post.key, lang: 'ru', segmentId: segmentId!, text: text! }, sender, fakeBrowser.runtime.id);
  }
  root = document.createElement('div');
  document.body.append(root);
});

afterEach(() => {
  render(null, root);
  root.remove();
  history.replaceState(null, '', '/');
});

describe('on the post', () => {
  it('opens the translation in the language being drafted through the site’s own Polylang form', async () => {
    show('popup', postTab);
    await until(() => byTestId('start-translation') !== null, 'the link');
    const link = byTestId('start-translation') as HTMLAnchorElement;
    expect(link.textContent).toBe('Open the Russian translation in WordPress');
    expect(new URL(link.href).searchParams.get('new_lang')).toBe('ru');
    expect(new URL(link.href).searchParams.get('from_post')).toBe('77');
  });

  it('says plainly that the site does not offer the language', async () => {
    await dispatch(handlers, { type: 'post:set-language', postKey: post.key, lang: 'fa' }, { id: fakeBrowser.runtime.id }, fakeBrowser.runtime.id);
    show('popup', postTab);
    await until(() => byTestId('language-not-offered') !== null, 'the notice');
    expect(byTestId('language-not-offered')!.textContent).toBe('This site does not offer Persian among its translation languages.');
    expect(byTestId('start-translation')).toBeNull();
  });
});

describe('in the block editor', () => {
  it('fills the post with the drafts of the post it translates, and reports', async () => {
    show('popup', editorTab);
    await until(() => byTestId('wordpress-fill-button') !== null, 'the fill button');
    expect(byTestId('not-asking')).toBeNull();
    const button = byTestId('wordpress-fill-button') as HTMLButtonElement;
    expect(button.textContent).toBe('Fill this post with your Russian drafts of “A post worth translating”');
    await act(() => button.click());
    await until(() => byTestId('wordpress-report') !== null, 'the report');
    const report = byTestId('wordpress-report')!.textContent!;
    expect(report).toContain('2 segments filled');
    expect(report).toContain('1 kept in the source language (no draft yet)');
    expect(report).toContain('0 invalid blocks');
    expect(report).toContain('Nothing is saved yet');
  });

  it('lists what it could not place, to copy, and the blocks the editor would flag', async () => {
    const unrelated = { clientId: 'x', name: 'core/paragraph', texts: [{ path: ['content'], html: 'Unrelated.' }], innerBlocks: [] };
    pages.get(editorTab)!.reading = editorReading({ blocks: [unrelated], title: 'Something else' });
    pages.get(editorTab)!.outcome = { applied: 0, missing: [], invalid: ['core/image', 'core/table'], blockCount: 2 };
    show('popup', editorTab);
    await until(() => byTestId('wordpress-fill-button') !== null, 'the fill button');
    await act(() => (byTestId('wordpress-fill-button') as HTMLButtonElement).click());
    await until(() => byTestId('wordpress-report') !== null, 'the report');
    expect(byTestId('wordpress-not-found')!.textContent).toContain('1 draft whose paragraph is not in the editor; copy it by hand:');
    expect([...root.querySelectorAll('textarea')].map((t) => t.value)).toEqual(['Первый абзац.']);
    expect(byTestId('wordpress-invalid')!.textContent).toBe('Blocks the editor would flag as invalid: core/image, core/table');
  });

  it('asks which drafts when it cannot tell, listing the site’s posts with drafts', async () => {
    pages.get(editorTab)!.url = `${SITE}/wp-admin/post-new.php`;
    show('popup', editorTab);
    await until(() => root.querySelector('input[name=wordpress-post]') !== null, 'the choices');
    expect(byTestId('wordpress-fill-button')).toBeNull();
    expect(root.textContent).toContain('Which drafts should fill this post?');
    const choice = root.querySelector<HTMLInputElement>('input[name=wordpress-post]')!;
    expect(choice.parentElement!.textContent).toContain('A post worth translating — Russian, 0 of 3 done · 2 drafts');
    await act(() => choice.click());
    await until(() => byTestId('wordpress-fill-button') !== null, 'the fill button');
  });

  it('says why a fill failed', async () => {
    pages.get(editorTab)!.outcome = null as unknown as FillOutcome;
    show('popup', editorTab);
    await until(() => byTestId('wordpress-fill-button') !== null, 'the fill button');
    await act(() => (byTestId('wordpress-fill-button') as HTMLButtonElement).click());
    await until(() => byTestId('wordpress-fill-error') !== null, 'the error');
    expect(byTestId('wordpress-fill-error')!.textContent).toBe('The editor could not be filled: this tab no longer shows the block editor.');
  });

  it('shows the draft it was saved as, here and on the dashboard', async () => {
    show('popup', editorTab);
    await until(() => byTestId('wordpress-fill-button') !== null, 'the fill button');
    await act(() => (byTestId('wordpress-fill-button') as HTMLButtonElement).click());
    await until(() => byTestId('wordpress-report') !== null, 'the report');
    pages.get(editorTab)!.reading = editorReading({ status: 'draft', dirty: false, modified: 'now' });
    pages.get(editorTab)!.url = `${SITE}/wp-admin/post.php?post=78&action=edit`;
    await dispatch(handlers, { type: 'wordpress:editor', tabId: editorTab }, { id: fakeBrowser.runtime.id }, fakeBrowser.runtime.id);
    await until(() => byTestId('wordpress-saved') !== null, 'the saved note');
    expect(byTestId('wordpress-saved')!.textContent).toBe('Saved in WordPress as draft #78.');

    render(null, root);
    show('options');
    await until(() => byTestId('row-wordpress') !== null, 'the dashboard note');
    const link = root.querySelector<HTMLAnchorElement>('[data-testid=row-wordpress] a')!;
    expect(link.textContent).toBe('in WordPress: draft #78');
    expect(link.href).toBe(`${SITE}/wp-admin/post.php?post=78&action=edit`);
  });
});
