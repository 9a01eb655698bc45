import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
import { BACKGROUND_MESSAGES, dispatch, isMessage } from '@/utils/messaging';
import { browserPorts } from '@/utils/browser-ports';
import { keepToolbarOpeningPopup } from '@/utils/side-panel';
import { DraftService } from '@/utils/store/draft-service';
import { openDraftStore } from '@/utils/store/draft-store';

export default defineBackground({
  // Firefox (MV2): an event page, unloaded when idle and woken by the events below, as Chrome's
  // service worker is. Chrome's MV3 manifest has no such key; WXT leaves it out there.
  persistent: false,
  main,
});

function main(): void {
  // The store opens once per worker life; messages that arrive meanwhile wait for it.
  const service = openDraftStore().then((store) => new DraftService(browserPorts(store)));

  browser.runtime.onMessage.addListener((message, sender) => {
    // Answer only what is ours to answer, so views can hear the same messages without replying.
    if (!isMessage(message) || !BACKGROUND_MESSAGES.has(message.type)) return undefined;
    return service.then((s) => dispatch(s.handlers, message, sender, browser.runtime.id));
  });

  // A tab that navigates away shows no post until its new page reports.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.url) void service.then((s) => s.tabNavigated(tabId, change.url!));
  });
  browser.tabs.onRemoved.addListener((tabId) => void service.then((s) => s.forgetTab(tabId)));

  keepToolbarOpeningPopup();
}
