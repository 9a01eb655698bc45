import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
import { MessageGate } from '@/utils/message-gate';
import { BACKGROUND_MESSAGES, dispatch, isMessage, type Sender } from '@/utils/messaging';
import { answerViewsOnWorker } from '@/utils/worker-channel';
import { SYNC_ALARM, SYNC_ALARM_MINUTES, startBackgroundApp } from '@/utils/background-app';
import { keepToolbarOpeningPopup } from '@/utils/side-panel';
import { keepSiteScriptsInStep } from '@/utils/site-access/site-scripts';
import { pageReaderHandlers } from '@/utils/site-access/page-reader';

export default defineBackground({
  // Firefox (MV2): an event page, unloaded when idle and woken by the events below, as Chrome's
  // service worker is. Chrome's MV3 manifest has no such key; WXT leaves it out there.
  persistent: false,
  main,
});

function main(): void {
  // The store opens once per worker life; messages that arrive meanwhile wait for it.
  const app = startBackgroundApp();

  // Sender and shape checks for everything the background answers; refusals are counted, and the
  // counts are readable from the worker's console (and by tests) as interlinearRefusedMessages.
  const gate = new MessageGate(browser.runtime.id, browser.runtime.getURL('/'));
  Object.defineProperty(globalThis, 'interlinearRefusedMessages', { get: () => ({ ...gate.refused }) });
  const pageReader = pageReaderHandlers();

  const answer = (message: unknown, sender: Sender) => {
    // Messages for the views (draft:changed, page:segment-picked…) are not ours to answer.
    if (isMessage(message) && !BACKGROUND_MESSAGES.has(message.type)) return undefined;
    const admitted = gate.admit(message, sender);
    if (!admitted) return undefined;
    // A page waiting to be read does not wait for the store to open.
    if (admitted.type in pageReader) return dispatch(pageReader, admitted, sender, browser.runtime.id);
    return app.then((a) => dispatch(a.handlers, admitted, sender, browser.runtime.id));
  };
  browser.runtime.onMessage.addListener(answer);
  answerViewsOnWorker(answer);

  // A tab that navigates away shows no post until its new page reports. Without the `tabs`
  // permission the new address is known only where Interlinear may read the page; elsewhere it is
  // null, and whatever the tab showed is gone.
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.url || change.status === 'loading') void app.then((a) => a.service.tabNavigated(tabId, tab.url ?? null));
    // The block editor changes its address once a new post is first saved.
    if (change.url || change.status === 'complete') void app.then((a) => a.wordpress.tabUpdated(tabId));
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    void app.then((a) => a.service.forgetTab(tabId));
    void app.then((a) => a.wordpress.forgetTab(tabId));
  });

  // Sync also runs on a schedule and when the network comes back, not only on local changes.
  void browser.alarms.get(SYNC_ALARM).then((alarm) => {
    if (!alarm) void browser.alarms.create(SYNC_ALARM, { periodInMinutes: SYNC_ALARM_MINUTES });
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void app.then((a) => a.sync.wake());
  });
  addEventListener('online', () => void app.then((a) => a.sync.wake()));

  keepToolbarOpeningPopup();
  keepSiteScriptsInStep();
}
