// The dashboard in Russian, whose counted texts have more forms than English: "2 черновика",
// "5 черновиков". A file of its own: utils/i18n keeps its number and plural formats from the
// first message it makes, so the UI language must be Russian from the start.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Dashboard } from '../../components/dashboard/Dashboard';
import { dashboardHandlers } from '../../utils/dashboard/dashboard-handlers';
import { dispatch, type Handlers, type Message } from '../../utils/messaging';
import type { PostSnapshot } from '../../utils/model';
import { DraftService } from '../../utils/store/draft-service';
import { openDraftStore } from '../../utils/store/draft-store';
import { TabRegistry } from '../../utils/store/tab-registry';
import { getMessageIn } from '../support/locale-messages';

const getRussianMessage = getMessageIn('ru');

const post: PostSnapshot = {
  key: 'https://diff.wikimedia.org/2024/09/05/wikimania/',
  url: 'https://diff.wikimedia.org/2024/09/05/wikimania/',
  detected: true,
  title: 'Wikimania in Central Asia',
  sourceLanguage: 'en',
  cta: null,
  segments: ['One.', 'Two.', 'Three.', 'Four.', 'Five.'].map((text, i) => ({ id: `p-${i + 1}`, kind: 'paragraph' as const, text })),
};

let root: HTMLElement;
let handlers: Handlers;

const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 20)));
async function until(check: () => boolean, what: string) {
  for (let i = 0; i < 100 && !check(); i++) await settle();
  if (!check()) throw new Error(`never happened: ${what}; the view shows: ${root.textContent}`);
}
const rows = () => [...root.querySelectorAll<HTMLTableRowElement>('[data-testid=dashboard-row]')];
const deleteButton = (lang: string) =>
  [...rows().find((r) => r.dataset.lang === lang)!.querySelectorAll('button')].find((b) => b.textContent === 'Удалить')!;
const undoNotice = () => root.querySelector('[data-testid=dashboard-undo]')?.textContent ?? '';

beforeEach(async () => {
  fakeBrowser.reset();
  Object.assign(fakeBrowser.i18n, { getMessage: getRussianMessage, getUILanguage: () => 'ru' });
  const store = await openDraftStore('dashboard-russian');
  const broadcast = (m: Message) => void fakeBrowser.runtime.sendMessage(m).catch(() => undefined);
  const service = new DraftService({
    store,
    tabs: new TabRegistry(fakeBrowser.storage.session),
    prefs: fakeBrowser.storage.local,
    setBadge: async () => undefined,
    askTab: async () => null,
    broadcast,
    browserLanguages: () => ['ru'],
  });
  handlers = {
    ...service.handlers,
    ...dashboardHandlers({ store, recentLanguages: () => service.recentLanguages(), refreshBadgesOf: (key) => service.refreshBadgesOf(key), broadcast }),
  };
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => dispatch(handlers, message, { id: fakeBrowser.runtime.id }, fakeBrowser.runtime.id));
  await store.savePost(post);
  const drafts: Array<[string, number]> = [['uk', 2], ['de', 5]];
  for (const [lang, count] of drafts) {
    for (const segment of post.segments.slice(0, count)) {
      const message = { type: 'draft:save', postKey: post.key, lang, segmentId: segment.id, text: `${segment.text} (${lang})` } as const;
      await dispatch(handlers, message, { id: fakeBrowser.runtime.id }, fakeBrowser.runtime.id);
    }
  }
  root = document.createElement('div');
  document.body.append(root);
});

afterEach(() => {
  render(null, root);
  root.remove();
});

it('says how many drafts a delete took in the Russian form for the number (few, many)', async () => {
  render(<Dashboard />, root);
  await until(() => rows().length === 2, 'two rows');
  expect(root.querySelector('h2')?.textContent).toBe('Ваши черновики');

  await act(() => deleteButton('uk').click());
  await until(() => rows().length === 1, 'the Ukrainian row gone');
  expect(undoNotice()).toContain('Удалено 2 черновика записи «Wikimania in Central Asia» (язык: украинский).');

  await act(() => deleteButton('de').click());
  await until(() => rows().length === 0, 'the German row gone');
  expect(undoNotice()).toContain('Удалено 5 черновиков записи «Wikimania in Central Asia» (язык: немецкий).');
  expect(undoNotice()).toContain('Отменить');
});
