// The one owner of a view's state: the post shown, its target language and the drafts' text.
// Typing updates the text here at once and reaches the background through the DraftSaver.
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { DraftSaver } from '@/utils/draft-saver';
import { isMessage, sendMessage, sendToTab, type TabPost } from '@/utils/messaging';
import { progressOf, type ConcurrentEdit, type DraftRecord, type Progress } from '@/utils/model';

export type TabPostState =
  | { status: 'loading' }
  | { status: 'none' }
  | { status: 'error'; message: string }
  | { status: 'ready'; tabPost: TabPost };

export interface TabPostModel {
  state: TabPostState;
  /** segment id → current text in the chosen language. */
  texts: Readonly<Record<string, string>>;
  /** segment id → the edits made elsewhere at the same time, for segments flagged "edited elsewhere". */
  concurrentEdits: Readonly<Record<string, readonly ConcurrentEdit[]>>;
  progress: Progress | null;
  saveError: string | null;
  setText(segmentId: string, text: string): void;
  chooseLanguage(lang: string): void;
  /** "Keep this text": the translator has seen a segment's concurrent edits; stop flagging them. */
  markReviewed(segmentId: string): void;
  /** Marks a segment's paragraph in the page (null: none), scrolling to it when asked. */
  highlight(segmentId: string | null, scroll?: boolean): void;
}

function textsOf(tabPost: TabPost): Record<string, string> {
  return Object.fromEntries(tabPost.drafts.map((d) => [d.segmentId, d.text]));
}

function concurrentEditsOf(drafts: DraftRecord[]): Record<string, readonly ConcurrentEdit[]> {
  return Object.fromEntries(drafts.filter((d) => d.concurrentEdits?.length).map((d) => [d.segmentId, d.concurrentEdits!]));
}

/** The map with one segment's edits replaced; the same map when nothing changed (memoized editors). */
function withEditsOf(
  all: Readonly<Record<string, readonly ConcurrentEdit[]>>,
  draft: DraftRecord,
): Readonly<Record<string, readonly ConcurrentEdit[]>> {
  const edits = draft.concurrentEdits?.length ? draft.concurrentEdits : undefined;
  const known = all[draft.segmentId];
  if (!edits && !known) return all;
  if (edits && known && JSON.stringify(edits) === JSON.stringify(known)) return all;
  const next = { ...all };
  if (edits) next[draft.segmentId] = edits;
  else delete next[draft.segmentId];
  return next;
}

export function useTabPost(tabId: number | null): TabPostModel {
  const [state, setState] = useState<TabPostState>({ status: 'loading' });
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [concurrentEdits, setConcurrentEdits] = useState<Readonly<Record<string, readonly ConcurrentEdit[]>>>({});
  const [saveError, setSaveError] = useState<string | null>(null);
  const current = useRef<TabPost | null>(null);

  const saver = useMemo(
    () =>
      new DraftSaver(
        (draft) => sendMessage({ type: 'draft:save', ...draft }).then(() => setSaveError(null)),
        (error) => setSaveError(`Not saved yet, trying again: ${String((error as Error)?.message ?? error)}`),
      ),
    [],
  );

  const load = useCallback(
    async (lang?: string) => {
      if (tabId === null) return setState({ status: 'none' });
      saver.flush();
      try {
        const tabPost = await sendMessage({ type: 'tab:get-post', tabId, lang });
        current.current = tabPost;
        if (!tabPost) return setState({ status: 'none' });
        setTexts(textsOf(tabPost));
        setConcurrentEdits(concurrentEditsOf(tabPost.drafts));
        setState({ status: 'ready', tabPost });
      } catch (error) {
        setState({ status: 'error', message: String((error as Error)?.message ?? error) });
      }
    },
    [tabId, saver],
  );

  useEffect(() => {
    setState({ status: 'loading' });
    void load();
    const onMessage = (message: unknown) => {
      if (!isMessage(message)) return undefined;
      const shown = current.current;
      if (message.type === 'tab:changed' && message.tabId === tabId) void load();
      if (message.type === 'draft:changed' && shown) {
        const { draft } = message;
        const ours = draft.postKey === shown.post.key && draft.lang === shown.lang;
        if (ours) setConcurrentEdits((all) => withEditsOf(all, draft));
        // Text typed here and not yet saved is newer than what another view saved.
        if (ours && saver.pendingText(draft.postKey, draft.lang, draft.segmentId) === undefined) {
          setTexts((t) => (t[draft.segmentId] === draft.text ? t : { ...t, [draft.segmentId]: draft.text }));
        }
      }
      return undefined; // never answer: the background does
    };
    browser.runtime.onMessage.addListener(onMessage);
    return () => browser.runtime.onMessage.removeListener(onMessage);
  }, [tabId, load, saver]);

  // Closing or hiding the view sends what is still waiting.
  useEffect(() => {
    const flush = () => saver.flush();
    const onVisibility = () => document.visibilityState === 'hidden' && saver.flush();
    addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      saver.flush();
      removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [saver]);

  const setText = useCallback(
    (segmentId: string, text: string) => {
      const shown = current.current;
      if (!shown?.lang) return;
      setTexts((t) => ({ ...t, [segmentId]: text }));
      saver.update({ postKey: shown.post.key, lang: shown.lang, segmentId, text });
    },
    [saver],
  );

  const chooseLanguage = useCallback((lang: string) => void load(lang), [load]);

  const markReviewed = useCallback((segmentId: string) => {
    const shown = current.current;
    if (!shown?.lang) return;
    // The flag goes when the background's draft:changed says so; a failure leaves it up, to retry.
    sendMessage({ type: 'draft:mark-reviewed', postKey: shown.post.key, lang: shown.lang, segmentId }).then(
      (draft) => draft && setConcurrentEdits((all) => withEditsOf(all, draft)),
      (error) => setSaveError(`Could not mark the segment as reviewed: ${String((error as Error)?.message ?? error)}`),
    );
  }, []);

  const highlight = useCallback(
    (segmentId: string | null, scroll = false) => {
      // The page may have navigated or have no content script; a missed highlight is harmless.
      if (tabId !== null) sendToTab(tabId, { type: 'page:highlight', segmentId, scroll }).catch(() => undefined);
    },
    [tabId],
  );
  useEffect(() => {
    const clear = () => highlight(null);
    addEventListener('pagehide', clear);
    return () => removeEventListener('pagehide', clear);
  }, [highlight]);

  const progress = useMemo(() => {
    if (state.status !== 'ready') return null;
    return progressOf(
      state.tabPost.post.segments,
      Object.entries(texts).map(([segmentId, text]) => ({ segmentId, text })),
    );
  }, [state, texts]);

  return { state, texts, concurrentEdits, progress, saveError, setText, chooseLanguage, markReviewed, highlight };
}
