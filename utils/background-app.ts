// The background's parts, built once per worker life from one store: the draft service (drafts,
// tabs, badges) and sync beside it. background.ts only wires browser events to what this returns.
import { browser } from 'wxt/browser';
import { browserPorts } from './browser-ports';
import { dashboardHandlers } from './dashboard/dashboard-handlers';
import { broadcast, type Handlers, type Message, type TabPost } from './messaging';
import { DraftService } from './store/draft-service';
import { historyHandlers } from './store/history-service';
import { openDraftStore } from './store/draft-store';
import { importExportHandlers } from './store/import-export-handlers';
import { memoryHandlers } from './memory/memory-handlers';
import { SyncController } from './sync/sync-controller';
import { browserHandOffPorts } from './wordpress/browser-ports';
import { WordPressHandOff } from './wordpress/hand-off';

export interface BackgroundApp {
  service: DraftService;
  sync: SyncController;
  wordpress: WordPressHandOff;
  handlers: Handlers;
}

/** How often the alarm wakes sync, when nothing else does (a change here, start-up, online). */
export const SYNC_ALARM = 'interlinear-sync';
export const SYNC_ALARM_MINUTES = 5;

export async function startBackgroundApp(): Promise<BackgroundApp> {
  const store = await openDraftStore();
  const service = new DraftService(browserPorts(store));
  const sync = new SyncController({
    store,
    settingsArea: browser.storage.local,
    // Called bare: a fetch detached from its global throws "Illegal invocation" in Chrome.
    fetch: (input, init) => fetch(input, init),
    broadcast: (message: Message) => broadcast(message),
    extensionOrigin: browser.runtime.getURL('/'),
    refreshBadges: async (postKeys) => {
      for (const postKey of postKeys) await service.refreshBadgesOf(postKey);
    },
    hasHostPermission: (origin) => browser.permissions.contains({ origins: [origin] }),
  });
  sync.start();
  const dashboard = dashboardHandlers({
    store,
    recentLanguages: () => service.recentLanguages(),
    refreshBadgesOf: (postKey) => service.refreshBadgesOf(postKey),
    broadcast: (message: Message) => broadcast(message),
  });
  const importExport = importExportHandlers({
    store,
    refreshBadgesOf: (postKey) => service.refreshBadgesOf(postKey),
    broadcast: (message: Message) => broadcast(message),
  });
  const history = historyHandlers({
    store,
    refreshBadgesOf: (postKey) => service.refreshBadgesOf(postKey),
    broadcast: (message: Message) => broadcast(message),
  });
  const wordpress = new WordPressHandOff(browserHandOffPorts(store));
  const memory = memoryHandlers({
    store,
    broadcast: (message: Message) => broadcast(message),
    refreshBadgesOf: (postKey) => service.refreshBadgesOf(postKey),
    version: browser.runtime.getManifest().version,
  });
  const handlers: Handlers = {
    ...service.handlers,
    ...sync.handlers,
    ...dashboard,
    ...importExport,
    ...history,
    ...wordpress.handlers,
    ...memory.handlers,
  };
  // A view opening a post: its memory is read and its matches worked out once the answer is on its way.
  const warmAfter = (opened: TabPost | null) => {
    if (opened?.lang) setTimeout(() => void memory.warm(opened).catch(() => undefined), 0);
    return opened;
  };
  const { 'tab:get-post': tabPost, 'post:get-drafts': postDrafts } = handlers;
  handlers['tab:get-post'] = async (message, sender) => warmAfter(await tabPost!(message, sender));
  handlers['post:get-drafts'] = async (message, sender) => warmAfter(await postDrafts!(message, sender));
  return { service, sync, wordpress, handlers };
}
