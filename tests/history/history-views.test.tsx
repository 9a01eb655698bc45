// History, undoable delete, changed-source flags and orphaned drafts in the views, against the
// real background handlers through WXT's fake browser.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '../../components/app/App';
import { dashboardHandlers } from '../../utils/dashboard/dashboard-handlers';
import { dispatch, type Message } from '../../utils/messaging';
import type { PostSnapshot } from '../../utils/model';
import { DraftService } from '../../utils/store/draft-service';
import { openDraftStore, type DraftStore } from '../../utils/store/draft-store';
import { historyHandlers } from '../../utils/store/history-service';
import { TabRegistry } from '../../utils/store/tab-registry';

const post: PostSnapshot = {
  key: 'https://diff.wikimedia.org/2024/09/05/a-post/',
  url: 'https://diff.wikimedia.org/2024/09/05/a-post/',
  detected: true,
  title: 'A post',
  sourceLanguage: 'en',
  cta: { startUrl: null, targetLanguages: [{ code: 'ru', name: 'Русский' }] },
  segments: [
    { id: 'h-1', kind: 'heading', text: 'A post' },
    { id: 'p-1', kind: 'paragraph', text: 'I went to many sessions, but not all of them.' },
    { id: 'p-2', kind: 'paragraph', text: 'The last paragraph, soon removed.' },
  ],
};
const edited: PostSnapshot = {
  ...post,
  segments: [
    { id: 'h-1', kind: 'heading', text: 'A post' },
    { id: 'p-1b', kind: 'paragraph', text: 'I went to many sessions; not all of them.' },
  ],
};

let n = 0;
let root: HTMLElement;
let store: DraftStore;
let service: DraftService;
let postTab: number;

const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 20)));
async function until(check: () => boolean, what: string) {
  for (let i = 0; i < 100 && !check(); i++) await settle();
  if (!check()) throw new Error(`never happened: ${what}; the view shows: ${root.textContent}`);
}
const editor = (id: string) => root.querySelector<HTMLTextAreaElement>(`textarea[data-segment-id="${id}"]`);
const segmentOf = (id: string) => editor(id)!.closest('li')!;
const button = (within: Element, name: string) =>
  [...within.querySelectorAll('button')].find((b) => b.textContent?.trim() === name) ?? null;
const click = (element: Element | null) => act(() => void (element as HTMLElement).click());
const seen = (snapshot: PostSnapshot) =>
  dispatch(service.handlers, { type: 'post:seen', post: snapshot }, { id: fakeBrowser.runtime.id, tab: { id: postTab } }, fakeBrowser.runtime.id);

beforeEach(async () => {
  fakeBrowser.reset();
  store = await openDraftStore(`history-views-${n++}`);
  const broadcast = (m: Message) => void fakeBrowser.runtime.sendMessage(m).catch(() => undefined);
  service = new DraftService({
    store,
    tabs: new TabRegistry(fakeBrowser.storage.session),
    prefs: fakeBrowser.storage.local,
    setBadge: async () => undefined,
    askTab: async () => null,
    broadcast,
    browserLanguages: () => ['en-US'],
  });
  const ports = { store, recentLanguages: async () => [], refreshBadgesOf: async () => undefined, broadcast };
  const handlers = { ...service.handlers, ...dashboardHandlers(ports), ...historyHandlers(ports) };
  fakeBrowser.runtime.onMessage.addListener((message: unknown) =>
    dispatch(handlers, message, { id: fakeBrowser.runtime.id }, fakeBrowser.runtime.id),
  );
  const windowId = (await fakeBrowser.windows.create({ focused: true })).id!;
  postTab = (await fakeBrowser.tabs.create({ url: post.url, windowId })).id!;
  await seen(post);
  await store.setTargetLanguage(post.key, 'ru');
  root = document.createElement('div');
  document.body.append(root);
});

afterEach(() => {
  vi.restoreAllMocks();
  render(null, root);
  root.remove();
  history.replaceState(null, '', '/');
});

async function openPanel(segmentId = 'p-1') {
  history.replaceState(null, '', `/sidepanel.html?tab=${postTab}`);
  render(<App layout="panel" />, root);
  await until(() => editor(segmentId) !== null && !editor(segmentId)!.disabled, 'the editors');
}

describe('a segment’s history in the view', () => {
  it('lists the saved changes and restores one into the editor', async () => {
    await store.saveDraft({ postKey: post.key, lang: 'ru', segmentId: 'p-1', text: 'Первый вариант.' });
    await store.saveDraft({ postKey: post.key, lang: 'ru', segmentId: 'p-1', text: 'Второй вариант.' });
    await openPanel();
    const historyButton = segmentOf('p-1').querySelector('[data-action="history"]');
    await click(historyButton);
    await until(() => segmentOf('p-1').querySelectorAll('[data-testid=history-entry]').length === 2, 'two entries');
    const entries = [...segmentOf('p-1').querySelectorAll('[data-testid=history-entry]')];
    expect(entries[0]!.textContent).toContain('current');
    expect(button(entries[0]!, 'Restore')).toBeNull();
    expect(entries[1]!.textContent).toContain('Первый вариант.');
    await click(button(entries[1]!, 'Restore'));
    await until(() => editor('p-1')!.value === 'Первый вариант.', 'the restored text');
    await until(() => segmentOf('p-1').querySelectorAll('[data-testid=history-entry]').length === 3, 'the restore in the history');
    expect(segmentOf('p-1').querySelector('[data-testid=history-entry]')!.textContent).toContain('restored');
  });

  it('deletes a draft and brings it back with Undo', async () => {
    await store.saveDraft({ postKey: post.key, lang: 'ru', segmentId: 'p-1', text: 'Первый.' });
    await openPanel();
    await click(button(segmentOf('p-1'), 'Delete draft'));
    await until(() => editor('p-1')!.value === '', 'the draft gone');
    const notice = segmentOf('p-1').querySelector('[data-testid=undo-notice]')!;
    expect(notice.textContent).toContain('Draft deleted.');
    expect(document.activeElement).toBe(button(notice, 'Undo'));
    await click(button(notice, 'Undo'));
    await until(() => editor('p-1')!.value === 'Первый.', 'the draft back');
    expect(segmentOf('p-1').querySelector('[data-testid=undo-notice]')).toBeNull();
  });
});

describe('a post whose source changed, in the view', () => {
  beforeEach(async () => {
    await store.saveDraft({ postKey: post.key, lang: 'ru', segmentId: 'p-1', text: 'Я был на многих сессиях.' });
    await store.saveDraft({ postKey: post.key, lang: 'ru', segmentId: 'p-2', text: 'Последний абзац.' });
    await seen(edited);
  });

  it('flags the moved draft with a word diff of its source until confirmed', async () => {
    await openPanel('p-1b');
    expect(editor('p-1b')!.value).toBe('Я был на многих сессиях.');
    const flag = segmentOf('p-1b').querySelector('[data-testid=source-change]')!;
    expect(flag).not.toBeNull();
    expect([...flag.querySelectorAll('del')].map((d) => d.textContent)).toEqual(['(removed: , but)']);
    expect([...flag.querySelectorAll('ins')].map((d) => d.textContent)).toEqual(['(added: ;)']);
    await click(button(flag, 'Confirm'));
    await until(() => segmentOf('p-1b').querySelector('[data-testid=source-change]') === null, 'the flag gone');
    expect((await store.getDrafts(post.key, 'ru')).find((d) => d.segmentId === 'p-1b')).not.toHaveProperty('sourceChange');
  });

  it('lists the removed paragraph’s draft as an orphan, to copy or delete undoably', async () => {
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    await openPanel('p-1b');
    const orphans = () => [...root.querySelectorAll('[data-testid=orphan]')];
    expect(orphans()).toHaveLength(1);
    expect(orphans()[0]!.textContent).toContain('The last paragraph, soon removed.');
    expect(orphans()[0]!.textContent).toContain('Последний абзац.');
    await click(button(orphans()[0]!, 'Copy draft'));
    expect(writeText).toHaveBeenCalledWith('Последний абзац.');
    await click(button(orphans()[0]!, 'Delete draft'));
    await until(() => orphans().length === 0, 'the orphan deleted');
    await click(button(root.querySelector('[data-testid=orphaned-drafts] [data-testid=undo-notice]')!, 'Undo'));
    await until(() => orphans().length === 1, 'the orphan back');
  });
});
