// The real background service behind WXT's fake browser, for view tests: a store of its own, the
// views' messages answered by its handlers, and its broadcasts sent back to the views.
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { dispatch, type Message } from '../../utils/messaging';
import type { PostSnapshot } from '../../utils/model';
import { DraftService } from '../../utils/store/draft-service';
import { openDraftStore } from '../../utils/store/draft-store';
import { TabRegistry } from '../../utils/store/tab-registry';

export interface FakeBackground {
  service: DraftService;
  /** The tab showing the post. */
  tabId: number;
}

/** Resets the fake browser and starts the background with `post` shown in a tab, drafted in `lang` if given. */
export async function startFakeBackground(storeName: string, post: PostSnapshot, lang?: string): Promise<FakeBackground> {
  fakeBrowser.reset();
  const service = new DraftService({
    store: await openDraftStore(storeName),
    tabs: new TabRegistry(fakeBrowser.storage.session),
    prefs: fakeBrowser.storage.local,
    setBadge: async () => undefined,
    askTab: async () => null,
    broadcast: (m: Message) => void fakeBrowser.runtime.sendMessage(m).catch(() => undefined),
    browserLanguages: () => ['en-US'],
  });
  const ask = (message: Message, tabId?: number) =>
    dispatch(service.handlers, message, { id: fakeBrowser.runtime.id, tab: tabId === undefined ? undefined : { id: tabId } }, fakeBrowser.runtime.id);
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => ask(message as Message));
  const windowId = (await fakeBrowser.windows.create({ focused: true })).id!;
  const tabId = (await fakeBrowser.tabs.create({ url: post.url, windowId })).id!;
  await ask({ type: 'post:seen', post }, tabId);
  if (lang) await ask({ type: 'post:set-language', postKey: post.key, lang });
  return { service, tabId };
}
