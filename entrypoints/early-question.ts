// The popup's and side panel's first script, run before their app: it asks the background for the
// shown tab's post at once, so reading it overlaps the loading of the app (utils/early-question.ts).
// A classic script in the page's <head>, not a module: modules would wait for the app's own.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { askEarly, pinnedTabId } from '@/utils/early-question';

interface TabsApi {
  query(filter: { active: true; currentWindow: true }): Promise<{ id?: number }[]>;
}

export default defineUnlistedScript(() => {
  // A post's drafts opened by their key (`?post=`) show no tab; the app asks for them itself.
  if (new URLSearchParams(location.search).has('post')) return;
  // No worker to ask early (Firefox's event page): nothing to do, not even looking for the tab.
  if (!navigator.serviceWorker?.controller) return;
  const tabId = pinnedTabId(location.search);
  const ask = (id: number) => askEarly({ type: 'tab:get-post', tabId: id });
  if (tabId !== null) return ask(tabId);
  // The browser's own tabs API: the polyfill would weigh more than this whole script.
  const tabs = (globalThis as unknown as { chrome?: { tabs?: TabsApi } }).chrome?.tabs;
  void tabs?.query({ active: true, currentWindow: true }).then(([tab]) => tab?.id !== undefined && ask(tab.id), () => undefined);
});
