// The browser's side of the WordPress hand-off: a tab's address, and running a function in the
// page's own world (where the block editor's `wp` lives). The host access is the one Interlinear
// already holds: diff.wikimedia.org from install, other sites once the reader added them (or a
// tab lent by a toolbar click).
import { browser } from 'wxt/browser';
import { broadcast, type Message } from '../messaging';
import type { DraftStore } from '../store/draft-store';
import type { HandOffPorts } from './hand-off';

export function browserHandOffPorts(store: DraftStore): HandOffPorts {
  return {
    store,
    tabUrl: async (tabId) => (await browser.tabs.get(tabId)).url ?? null,
    async runInPage(tabId, func, args) {
      const [injection] = await browser.scripting.executeScript({
        target: { tabId },
        world: 'MAIN',
        func: func as (...args: unknown[]) => unknown,
        args: args as never,
      });
      return injection?.result;
    },
    session: browser.storage.session,
    broadcast: (message: Message) => broadcast(message),
    now: () => Date.now(),
  };
}
