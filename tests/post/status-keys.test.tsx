// Statuses and keys in the popup / side panel view, against the real background service through
// WXT's fake browser: the Done toggle, progress, and each key of the key map.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '../../components/app/App';
import { dispatch, type Message } from '../../utils/messaging';
import type { PostSnapshot } from '../../utils/model';
import { DraftService } from '../../utils/store/draft-service';
import { openDraftStore } from '../../utils/store/draft-store';
import { TabRegistry } from '../../utils/store/tab-registry';

const post: PostSnapshot = {
  key: 'https://diff.wikimedia.org/2024/09/05/keys/',
  url: 'https://diff.wikimedia.org/2024/09/05/keys/',
  detected: true,
  title: 'Keys',
  sourceLanguage: 'en',
  cta: { startUrl: null, targetLanguages: [{ code: 'ru', name: 'Русский' }] },
  segments: [
    { id: 'h-1', kind: 'heading', text: 'Keys' },
    { id: 'p-1', kind: 'paragraph', text: 'First paragraph.' },
    { id: 'p-2', kind: 'paragraph', text: 'Second paragraph.' },
  ],
};

let n = 0;
let root: HTMLElement;
let service: DraftService;
let tabId: number;

const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 20)));
async function until(check: () => boolean, what: string) {
  for (let i = 0; i < 100 && !check(); i++) await settle();
  if (!check()) throw new Error(`never happened: ${what}; the view shows: ${root.textContent}`);
}
const editor = (i: number) => root.querySelectorAll<HTMLTextAreaElement>('textarea[data-segment-id]')[i]!;
const segment = (i: number) => root.querySelectorAll<HTMLElement>('li.segment')[i]!;
const progress = () => root.querySelector('[data-testid=progress]')?.textContent;
const stored = async () => (await service.tabPost(tabId))?.drafts.map((d) => [d.segmentId, d.text, d.status ?? 'draft']);

async function key(target: Element, init: KeyboardEventInit) {
  await act(() => void target.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init })));
}
async function type(i: number, text: string) {
  await act(() => {
    editor(i).focus();
    editor(i).value = text;
    editor(i).dispatchEvent(new Event('input', { bubbles: true }));
  });
}

beforeEach(async () => {
  fakeBrowser.reset();
  // Focusing an editor highlights its paragraph in the page: no page here.
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ shown: false });
  service = new DraftService({
    store: await openDraftStore(`status-keys-${n++}`),
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
  const windowId = (await fakeBrowser.windows.create({ focused: true })).id!;
  tabId = (await fakeBrowser.tabs.create({ url: post.url, windowId })).id!;
  await dispatch(service.handlers, { type: 'post:seen', post }, { id: fakeBrowser.runtime.id, tab: { id: tabId } }, fakeBrowser.runtime.id);
  await dispatch(service.handlers, { type: 'post:set-language', postKey: post.key, lang: 'ru' }, { id: fakeBrowser.runtime.id }, fakeBrowser.runtime.id);
  root = document.createElement('div');
  document.body.append(root);
  history.replaceState(null, '', `/sidepanel.html?tab=${tabId}`);
  render(<App layout="panel" />, root);
  await until(() => root.querySelectorAll('textarea[data-segment-id]').length === 3 && !editor(0).disabled, 'editors');
});

afterEach(() => {
  vi.restoreAllMocks();
  render(null, root);
  root.remove();
  history.replaceState(null, '', '/');
});

describe('statuses in the view', () => {
  it('says each segment’s status in words, and the Done toggle marks it and counts it', async () => {
    const toggle = () => segment(1).querySelector<HTMLButtonElement>('.status-toggle')!;
    expect(segment(1).querySelector('[data-testid=segment-status]')?.textContent).toBe('Untranslated');
    expect(toggle().disabled).toBe(true);
    await type(1, 'Первый абзац.');
    expect(segment(1).querySelector('[data-testid=segment-status]')?.textContent).toBe('Draft');
    await until(() => progress() === '0 of 3 done · 1 draft', 'counted after the frame');
    await act(() => toggle().click());
    await until(() => toggle().getAttribute('aria-pressed') === 'true', 'marked done');
    expect(segment(1).querySelector('[data-testid=segment-status]')?.textContent).toBe('Done');
    expect(progress()).toBe('1 of 3 done');
    expect(await stored()).toEqual([['p-1', 'Первый абзац.', 'done']]);
    // Editing a done draft makes it a draft again, at once and in the store.
    await type(1, 'Первый абзац!');
    await until(() => progress() === '0 of 3 done · 1 draft', 'a draft again, counted');
    await until(() => toggle().getAttribute('aria-pressed') === 'false', 'a draft again');
    await new Promise((resolve) => setTimeout(resolve, 400)); // past the saver's quiet time
    expect(await stored()).toEqual([['p-1', 'Первый абзац!', 'draft']]);
  });

  it('follows a status changed in another view', async () => {
    await type(2, 'Второй.');
    await new Promise((resolve) => setTimeout(resolve, 400));
    await act(async () => {
      await fakeBrowser.runtime.sendMessage({ type: 'draft:set-status', postKey: post.key, lang: 'ru', segmentId: 'p-2', status: 'done' });
    });
    await until(() => progress() === '1 of 3 done', 'progress follows');
    expect(segment(2).dataset.status).toBe('done');
  });
});

describe('keys in the view', () => {
  it('moves to the next and previous segment', async () => {
    editor(0).focus();
    await key(editor(0), { key: 'ArrowDown', code: 'ArrowDown', altKey: true });
    expect(document.activeElement).toBe(editor(1));
    await key(editor(1), { key: 'ArrowUp', code: 'ArrowUp', altKey: true });
    expect(document.activeElement).toBe(editor(0));
  });

  it('Ctrl+Enter saves the typed text as done and moves to the next untranslated segment', async () => {
    await type(2, 'Второй.');
    await type(0, 'Ключи');
    await key(editor(0), { key: 'Enter', code: 'Enter', ctrlKey: true });
    expect(document.activeElement).toBe(editor(1)); // p-2 is drafted: p-1 is the next untranslated
    await until(() => progress() === '1 of 3 done · 1 draft', 'done counted');
    expect(await stored()).toEqual([
      ['h-1', 'Ключи', 'done'],
      ['p-2', 'Второй.', 'draft'],
    ]);
    // Nothing untranslated is left after p-1: the next draft not done.
    await type(1, 'Первый.');
    await key(editor(1), { key: 'Enter', code: 'Enter', ctrlKey: true });
    expect(document.activeElement).toBe(editor(2));
    await until(() => progress() === '2 of 3 done · 1 draft', 'second done');
  });

  it('Alt+N goes to the next untranslated segment; Alt+C copies the source as an edit that saves', async () => {
    await type(1, 'Первый.');
    editor(0).focus();
    await key(editor(0), { key: 'n', code: 'KeyN', altKey: true });
    expect(document.activeElement).toBe(editor(2));
    await key(editor(2), { key: 'c', code: 'KeyC', altKey: true });
    expect(editor(2).value).toBe('Second paragraph.');
    await until(() => progress() === '0 of 3 done · 2 drafts', 'the copy counted');
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await stored()).toContainEqual(['p-2', 'Second paragraph.', 'draft']);
  });

  it('Alt+R presses the focused segment’s history button', async () => {
    // The history panel is not this test's: the click is caught on its way to the button.
    const pressed: string[] = [];
    root.addEventListener(
      'click',
      (event) => {
        const button = (event.target as Element).closest('[data-action="history"]');
        if (!button) return;
        pressed.push(button.closest('li.segment')!.querySelector('textarea')!.dataset.segmentId!);
        event.stopPropagation();
      },
      true,
    );
    editor(1).focus();
    await key(editor(1), { key: 'r', code: 'KeyR', altKey: true });
    expect(pressed).toEqual(['p-1']);
  });

  it('opens the help with its key, lists every key, and Escape closes it and returns the focus', async () => {
    editor(1).focus();
    await key(editor(1), { key: '/', code: 'Slash', ctrlKey: true });
    const help = root.querySelector<HTMLElement>('[data-testid=keyboard-help]');
    expect(help).not.toBeNull();
    expect(document.activeElement).toBe(help);
    const listed = [...help!.querySelectorAll('kbd')].map((k) => k.textContent);
    expect(listed).toEqual(['Alt+↓', 'Alt+↑', 'Alt+N', 'Alt+C', 'Ctrl+Enter', 'Alt+R', 'Alt+M', 'Ctrl+/', 'Tab']);
    await key(help!, { key: 'Escape', code: 'Escape' });
    expect(root.querySelector('[data-testid=keyboard-help]')).toBeNull();
    expect(document.activeElement).toBe(editor(1));
  });
});
