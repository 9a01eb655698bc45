// What a view knows of the block editor in its tab: asked of the background when the tab changes,
// and again every few seconds while a fill waits for the translator's Save.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { isMessage, sendMessage } from '@/utils/messaging';
import type { EditorView } from '@/utils/wordpress/hand-off';

/** How often a fill not yet saved is looked at again, while the view is open. */
const SAVE_WATCH_MS = 3_000;

/** undefined while asking; null when the tab shows no block editor. */
export function useEditorView(
  tabId: number,
  /** When a fill was made from this view (then watched until saved), else null. */
  filledAt: number | null,
): { view: EditorView | null | undefined; refresh(): void } {
  const [view, setView] = useState<EditorView | null | undefined>(undefined);
  const latest = useRef(0);
  const refresh = useCallback(() => {
    const request = ++latest.current;
    sendMessage({ type: 'wordpress:editor', tabId }).then(
      (answer) => request === latest.current && setView(answer),
      () => request === latest.current && setView(null),
    );
  }, [tabId]);

  useEffect(() => {
    refresh();
    const onMessage = (message: unknown) => {
      if (isMessage(message) && message.type === 'tab:changed' && message.tabId === tabId) refresh();
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);
    return () => browser.runtime.onMessage.removeListener(onMessage);
  }, [tabId, refresh]);

  const savedAt = view?.match?.wordpressDraft?.savedAt ?? 0;
  const waiting = filledAt !== null && savedAt < filledAt;
  useEffect(() => {
    if (!waiting) return undefined;
    const timer = setInterval(refresh, SAVE_WATCH_MS);
    return () => clearInterval(timer);
  }, [waiting, refresh]);

  return { view, refresh };
}
