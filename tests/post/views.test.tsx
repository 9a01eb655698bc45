// The popup and side panel views against the real background service, through WXT's fake browser.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '../../components/app/App';
import { askEarly } from '../../utils/early-question';
import { dispatch, type Message } from '../../utils/messaging';
import type { PostSnapshot } from '../../utils/model';
import { DraftService } from '../../utils/store/draft-service';
import { openDraftStore } from '../../utils/store/draft-store';
import { TabRegistry } from '../../utils/store/tab-registry';

const post: PostSnapshot = {
  key: 'https://diff.wikimedia.org/2024/09/05/a-post/',
  url: 'https://diff.wikimedia.org/2024/09/05/a-post/',
  detected: true,
  title: 'A post worth translating',
  sourceLanguage: 'en',
  cta: { startUrl: 'javascript:alert(1)', targetLanguages: [{ code: 'ru', name: 'Русский' }] },
  segments: [
    { id: 'h-1', kind: 'heading', text: 'A post worth translating' },
    { id: 'p-1', kind: 'paragraph', text: 'First paragraph.' },
    { id: 'p-2', kind: 'paragraph', text: 'Second paragraph.' },
  ],
};

let n = 0;
let root: HTMLElement;
let service: DraftService;
let postTab: number;
let otherTab: number;
let windowId: number;

const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 20)));
async function until(check: () => boolean, what: string) {
  for (let i = 0; i < 100 && !check(); i++) await settle();
  if (!check()) throw new Error(`never happened: ${what}; the view shows: ${root.textContent}`);
}
/** Picks a target language in the view's language picker. */
const choose = (lang: string) =>
  act(() => {
    const picker = root.querySelector<HTMLSelectElement>('[data-testid=target-language]')!;
    picker.value = lang;
    picker.dispatchEvent(new Event('change', { bubbles: true }));
  });
const editors = () => [...root.querySelectorAll<HTMLTextAreaElement>('textarea[data-segment-id]')];

beforeEach(async () => {
  fakeBrowser.reset();
  const store = await openDraftStore(`views-${n++}`);
  service = new DraftService({
    store,
    tabs: new TabRegistry(fakeBrowser.storage.session),
    prefs: fakeBrowser.storage.local,
    setBadge: async () => undefined,
    askTab: async () => null,
    broadcast: (m: Message) => void fakeBrowser.runtime.sendMessage(m).catch(() => undefined),
    browserLanguages: () => ['en-US'],
  });
  fakeBrowser.runtime.onMessage.addListener((message: unknown) =>
    dispatch(service.handlers, message, { id: fakeBrowser.runtime.id }, fakeBrowser.runtime.id),
  );
  windowId = (await fakeBrowser.windows.create({ focused: true })).id!;
  postTab = (await fakeBrowser.tabs.create({ url: post.url, windowId })).id!;
  otherTab = (await fakeBrowser.tabs.create({ url: 'https://diff.wikimedia.org/about/', windowId })).id!;
  await dispatch(service.handlers, { type: 'post:seen', post }, { id: fakeBrowser.runtime.id, tab: { id: postTab } }, fakeBrowser.runtime.id);
  root = document.createElement('div');
  document.body.append(root);
});

afterEach(() => {
  vi.restoreAllMocks();
  render(null, root);
  root.remove();
  history.replaceState(null, '', '/');
});

describe('views', () => {
  it('shows the post of the tab named in ?tab=, with its segments and progress', async () => {
    history.replaceState(null, '', `/popup.html?tab=${postTab}`);
    render(<App layout="popup" />, root);
    await until(() => editors().length === 3, 'three editors');
    expect(root.querySelector('[data-testid=post-title]')?.textContent).toBe('A post worth translating');
    expect(editors().map((e) => e.dataset.segmentId)).toEqual(['h-1', 'p-1', 'p-2']);
    expect(editors().every((e) => e.disabled)).toBe(true); // no language chosen yet
    expect(root.querySelector('[data-testid=progress]')?.textContent).toMatch(/^0 of 3/);
  });

  it('never links to a start URL that is not http(s)', async () => {
    history.replaceState(null, '', `/popup.html?tab=${postTab}`);
    render(<App layout="popup" />, root);
    await until(() => editors().length === 3, 'three editors');
    expect(root.innerHTML).not.toContain('javascript:');
    expect(root.textContent).not.toContain('Start the translation on the site');
  });

  it('saves what is typed once a language is chosen, and counts it', async () => {
    history.replaceState(null, '', `/sidepanel.html?tab=${postTab}`);
    render(<App layout="panel" />, root);
    await until(() => editors().length === 3, 'three editors');
    const picker = root.querySelector<HTMLSelectElement>('[data-testid=target-language]')!;
    expect([...picker.options].map((o) => o.value)).toContain('ru');
    await choose('ru');
    await until(() => !editors()[1]!.disabled, 'editors enabled');
    expect(editors()[1]!.getAttribute('lang')).toBe('ru');
    await act(() => {
      editors()[1]!.value = 'Первый абзац.';
      editors()[1]!.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await until(() => root.querySelector('[data-testid=progress]')?.textContent === '0 of 3 done · 1 draft', 'counted');
    await new Promise((resolve) => setTimeout(resolve, 400)); // past the saver's quiet time
    const drafts = await service.tabPost(postTab);
    expect(drafts?.drafts.map((d) => [d.segmentId, d.text])).toEqual([['p-1', 'Первый абзац.']]);
  });

  it('drops a late answer to an earlier question: the language chosen since stays', async () => {
    // The first reading of the tab is answered last (the page was still being read).
    const answer = service.handlers['tab:get-post']!;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let calls = 0;
    service.handlers['tab:get-post'] = async (message, sender) => {
      const first = ++calls === 1;
      const tabPost = await answer(message, sender);
      if (first) await held;
      return tabPost;
    };
    history.replaceState(null, '', `/sidepanel.html?tab=${postTab}`);
    render(<App layout="panel" />, root);
    await until(() => calls === 1, 'the first question');
    // The page reports meanwhile: the view asks again, and that answer comes first.
    await act(async () => void (await fakeBrowser.runtime.sendMessage({ type: 'tab:changed', tabId: postTab }).catch(() => undefined)));
    await until(() => editors().length === 3, 'three editors');
    await choose('ru');
    await until(() => !editors()[1]!.disabled, 'editors enabled');
    await act(() => release());
    await settle();
    expect(editors()[1]!.disabled).toBe(false);
    expect(editors()[1]!.getAttribute('lang')).toBe('ru');
  });

  it('keeps the language shown when the page reports the same post again', async () => {
    history.replaceState(null, '', `/sidepanel.html?tab=${postTab}`);
    render(<App layout="panel" />, root);
    await until(() => editors().length === 3, 'three editors');
    await choose('ru');
    await until(() => editors()[1]!.getAttribute('lang') === 'ru', 'Russian editors');
    // Another view drafts the post in Persian; then this tab's page reports again.
    await service.handlers['post:set-language']!({ type: 'post:set-language', postKey: post.key, lang: 'fa' }, { id: fakeBrowser.runtime.id });
    await act(async () => void (await fakeBrowser.runtime.sendMessage({ type: 'tab:changed', tabId: postTab }).catch(() => undefined)));
    await settle();
    await settle();
    expect(editors()[1]!.getAttribute('lang')).toBe('ru');
  });

  it('keeps the language just chosen when the page reports before the choice is stored', async () => {
    const answer = service.handlers['tab:get-post']!;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    service.handlers['tab:get-post'] = async (message, sender) => {
      if ((message as { lang?: string }).lang === 'ru') await held; // the choice lands late
      return answer(message, sender);
    };
    history.replaceState(null, '', `/sidepanel.html?tab=${postTab}`);
    render(<App layout="panel" />, root);
    await until(() => editors().length === 3, 'three editors');
    await choose('ru');
    // The page reports while the choice is on its way: that reading knows no language yet.
    await act(async () => void (await fakeBrowser.runtime.sendMessage({ type: 'tab:changed', tabId: postTab }).catch(() => undefined)));
    await settle();
    await act(() => release());
    await until(() => editors()[1]!.getAttribute('lang') === 'ru' && !editors()[1]!.disabled, 'Russian editors');
    await settle();
    expect(editors()[1]!.getAttribute('lang')).toBe('ru');
  });

  it('editors are read-only while the chosen language’s drafts are on their way', async () => {
    await service.handlers['post:set-language']!({ type: 'post:set-language', postKey: post.key, lang: 'fa' }, { id: fakeBrowser.runtime.id });
    const answer = service.handlers['tab:get-post']!;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    service.handlers['tab:get-post'] = async (message, sender) => {
      if ((message as { lang?: string }).lang === 'ru') await held;
      return answer(message, sender);
    };
    history.replaceState(null, '', `/sidepanel.html?tab=${postTab}`);
    render(<App layout="panel" />, root);
    await until(() => editors()[1]?.getAttribute('lang') === 'fa', 'Persian editors');
    expect(editors()[1]!.readOnly).toBe(false);
    await choose('ru');
    // Typing now would land in Persian, the language being left.
    await settle();
    expect(editors()[1]!.readOnly).toBe(true);
    expect(root.querySelector<HTMLSelectElement>('[data-testid=target-language]')!.value).toBe('ru');
    // Nor does text written in by other means (a key that copies the source) go to Persian.
    await act(() => {
      editors()[1]!.value = 'First paragraph.';
      editors()[1]!.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(() => release());
    await until(() => editors()[1]!.getAttribute('lang') === 'ru', 'Russian editors');
    expect(editors()[1]!.readOnly).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 400)); // past the saver's quiet time
    expect((await service.tabPost(postTab, 'fa'))?.drafts).toEqual([]);
  });

  it('a reading of the tab while typing waits for the typing to be stored, and never empties the editor', async () => {
    const save = service.handlers['draft:save']!;
    service.handlers['draft:save'] = async (message, sender) => {
      await new Promise((resolve) => setTimeout(resolve, 50)); // a busy store
      return save(message, sender);
    };
    history.replaceState(null, '', `/sidepanel.html?tab=${postTab}`);
    render(<App layout="panel" />, root);
    await until(() => editors().length === 3, 'three editors');
    await choose('ru');
    await until(() => !editors()[1]!.disabled, 'editors enabled');
    await act(() => {
      editors()[1]!.value = 'Первый абзац.';
      editors()[1]!.dispatchEvent(new Event('input', { bubbles: true }));
    });
    // The page reports before the saver's quiet time is over.
    await act(async () => void (await fakeBrowser.runtime.sendMessage({ type: 'tab:changed', tabId: postTab }).catch(() => undefined)));
    const shown: string[] = [];
    for (let i = 0; i < 10; i++) {
      await act(() => new Promise((resolve) => setTimeout(resolve, 5)));
      shown.push(editors()[1]!.value);
    }
    // Never emptied meanwhile (the caret would jump while typing).
    expect(new Set(shown)).toEqual(new Set(['Первый абзац.']));
    expect(root.querySelector('[data-testid=progress]')?.textContent).toBe('0 of 3 done · 1 draft');
  });

  it('follows the active tab in the side panel', async () => {
    history.replaceState(null, '', '/sidepanel.html');
    // The fake browser cannot make a tab active; answer the view's question ourselves.
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: postTab, windowId } as Browser.tabs.Tab]);
    render(<App layout="panel" />, root);
    await until(() => editors().length === 3, 'the post of the active tab');
    await act(async () => {
      await fakeBrowser.tabs.onActivated.trigger({ tabId: otherTab, windowId });
    });
    await until(() => root.querySelector('[data-testid=not-asking]') !== null, 'the other tab');
    expect(root.textContent).toContain('This page is not asking for translation.');
    await act(async () => {
      await fakeBrowser.tabs.onActivated.trigger({ tabId: postTab, windowId });
    });
    await until(() => editors().length === 3, 'back to the post');
  });

  it('shows the post its first script asked for, without looking for the tab again first', async () => {
    // The popup as the toolbar button opens it: no ?tab=. Its first script (entrypoints/
    // early-question.ts) found the active tab and asked the worker for that tab's post.
    history.replaceState(null, '', '/popup.html');
    const controller = {
      postMessage(data: { interlinear: Message<'tab:get-post'> }, [port]: MessagePort[]) {
        void service.tabPost(data.interlinear.tabId).then((value) => port!.postMessage({ value }));
      },
    };
    Object.defineProperty(navigator, 'serviceWorker', { value: { controller }, configurable: true });
    try {
      askEarly({ type: 'tab:get-post', tabId: postTab });
      // The view's own look for the active tab does not answer while it opens.
      vi.spyOn(fakeBrowser.tabs, 'query').mockReturnValue(new Promise(() => undefined));
      render(<App layout="popup" />, root);
      await until(() => editors().length === 3, 'the post shown');
      expect(root.querySelector('[data-testid=post-title]')?.textContent).toBe('A post worth translating');
    } finally {
      delete (navigator as { serviceWorker?: unknown }).serviceWorker;
    }
  });
});
