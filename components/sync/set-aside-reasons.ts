// Which drafts of the post shown the server would not take, for the notes under their editors.
// One store for every row: a post with a thousand segments asks the background once, and again
// when the sync status changes, not once per row.
import { browser } from 'wxt/browser';
import { isMessage, sendMessage } from '@/utils/messaging';
import type { SetAsideReason } from '@/utils/sync/set-aside';

type Listener = () => void;

let shown: { key: string; reasons: Record<string, SetAsideReason> } | null = null;
const listeners = new Map<string, Set<Listener>>();
let listening = false;

const keyOf = (postKey: string, lang: string) => JSON.stringify([postKey, lang]);

function refresh(postKey: string, lang: string): void {
  const key = keyOf(postKey, lang);
  sendMessage({ type: 'sync:set-aside', postKey, lang }).then(
    (reasons) => {
      shown = { key, reasons: typeof reasons === 'object' && reasons !== null ? reasons : {} };
      for (const listener of listeners.get(key) ?? []) listener();
    },
    () => undefined, // no notes rather than broken ones
  );
}

/** Sync ran or settled: what was set aside may have changed. */
function onMessage(message: unknown): undefined {
  if (isMessage(message) && message.type === 'sync:status' && message.status.state !== 'syncing') {
    for (const key of listeners.keys()) refresh(...(JSON.parse(key) as [string, string]));
  }
  return undefined; // never answer: the background does
}

export function reasonOf(postKey: string, lang: string, segmentId: string): SetAsideReason | undefined {
  return shown?.key === keyOf(postKey, lang) ? shown.reasons[segmentId] : undefined;
}

/** Calls `listener` when the reasons of this post and language change; returns how to stop. */
export function watchSetAside(postKey: string, lang: string, listener: Listener): () => void {
  const key = keyOf(postKey, lang);
  const first = !listeners.has(key);
  const set = listeners.get(key) ?? new Set();
  set.add(listener);
  listeners.set(key, set);
  if (!listening) {
    browser.runtime.onMessage.addListener(onMessage);
    listening = true;
  }
  if (first) refresh(postKey, lang);
  return () => {
    set.delete(listener);
    if (set.size === 0) listeners.delete(key);
    if (listeners.size === 0 && listening) {
      browser.runtime.onMessage.removeListener(onMessage);
      listening = false;
    }
  };
}
