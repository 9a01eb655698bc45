// Which tab a view shows: the one named by `?tab=ID`, else the active tab of its window —
// followed as the reader switches tabs when `follow` is set (the side panel).
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { earlyTabId, pinnedTabId } from '@/utils/early-question';

/** undefined while looking; null when there is no tab to show. */
export function useShownTab(follow: boolean): number | null | undefined {
  const pinned = pinnedTabId(location.search);
  // The page's first script found the active tab already and asked for its post: the first render
  // shows that post rather than waiting a frame to look again (the look below still follows it).
  const [tabId, setTabId] = useState<number | null | undefined>(() => pinned ?? earlyTabId() ?? undefined);

  useEffect(() => {
    if (pinned !== null) return;
    let windowId: number | undefined;
    void browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => {
      windowId = tab?.windowId;
      setTabId(tab?.id ?? null);
    });
    if (!follow) return;
    const onActivated = (info: { tabId: number; windowId: number }) => {
      if (windowId === undefined || info.windowId === windowId) setTabId(info.tabId);
    };
    browser.tabs.onActivated.addListener(onActivated);
    return () => browser.tabs.onActivated.removeListener(onActivated);
  }, [pinned, follow]);

  return tabId;
}
