// The browser's side of the background service: badge, tabs, storage. Chrome MV3 names the
// toolbar button `action`; Firefox MV2 names it `browserAction`.
import { browser } from 'wxt/browser';
import { BADGE_COLOR } from './badge';
import { broadcast, type Message } from './messaging';
import { askPage } from './site-access/ask-page';
import type { ServicePorts } from './store/draft-service';
import type { DraftStore } from './store/draft-store';
import { TabRegistry } from './store/tab-registry';

export function toolbarButton() {
  return browser.action ?? browser.browserAction;
}

export function browserPorts(store: DraftStore): ServicePorts {
  const button = toolbarButton();
  return {
    store,
    tabs: new TabRegistry(browser.storage.session),
    prefs: browser.storage.local,
    async setBadge(tabId, text) {
      await button.setBadgeText({ tabId, text });
      if (text) await button.setBadgeBackgroundColor({ tabId, color: BADGE_COLOR });
    },
    askTab: (tabId) => askPage(tabId),
    broadcast: (message: Message) => broadcast(message),
    browserLanguages: () => navigator.languages,
  };
}
