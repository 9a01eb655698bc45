// The one owner of a view's state: the post shown, its target language and the drafts' text.
// Typing updates the text here at once and reaches the background through the DraftSaver.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { DEFAULT_TIMING, DraftSaver } from '@/utils/draft-saver';
import { requestPersistentStorage, saveErrorMessage } from '@/utils/store/storage-health';
import { UnsavedJournal } from '@/utils/unsaved-journal';
import { isMessage, sendMessage, sendToTab, type TabPost } from '@/utils/messaging';
import { askBackground } from '@/utils/worker-channel';
import type { PostRef } from '@/utils/post-link';
import type { ConcurrentEdit, DraftRecord, DraftStatus } from '@/utils/model';
import { doneTextsOf, SendsInFlight, withDoneTextOf, type DoneTexts } from './segment-status';
import { SegmentTexts } from './segment-texts';
import { useSourceFlags, type SourceFlags } from '../history/use-source-flags';
import { t } from '@/utils/i18n';

export type TabPostState =
  | { status: 'loading' }
  | { status: 'none' }
  | { status: 'error'; message: string }
  | { status: 'ready'; tabPost: TabPost };

export interface TabPostModel {
  state: TabPostState;
  /** segment id → current text in the chosen language (the same object for the view's life). */
  texts: SegmentTexts;
  /** segment id → the edits made elsewhere at the same time, for segments flagged "edited elsewhere". */
  concurrentEdits: Readonly<Record<string, readonly ConcurrentEdit[]>>;
  saveError: string | null;
  setText(segmentId: string, text: string): void;
  chooseLanguage(lang: string): void;
  /** The language chosen and not shown yet (its drafts are on their way), or null. */
  switchingTo: string | null;
  /** "Keep this text": the translator has seen a segment's concurrent edits; stop flagging them. */
  markReviewed(segmentId: string): void;
  /** Marks a segment's paragraph in the page (null: none), scrolling to it when asked. */
  highlight(segmentId: string | null, scroll?: boolean): void;
  /** segment id → the text marked done (a segment is done while its text is that one). */
  doneTexts: DoneTexts;
  /** Marks a segment done or back to draft, once its typed text is saved; false (and a message) when it could not. */
  setStatus(segmentId: string, status: DraftStatus): Promise<boolean>;
  /** Drafts flagged because their source changed, and drafts of paragraphs removed from the post. */
  sourceFlags: SourceFlags;
  /** Sends typing still waiting now (before an action on a draft: delete, restore, confirm). */
  flush(): void;
}

/** When a view asks for persistent storage (utils/store/storage-health.ts), after it opened. */
const PERSIST_AFTER_MS = 1_000;

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

/** The post of a tab, or (`pinned`: a view opened as `?post=…&lang=…`) a post's drafts by its key. */
export function useTabPost(tabId: number | null, pinned: PostRef | null = null): TabPostModel {
  const pinnedKey = pinned?.postKey;
  const pinnedLang = pinned?.lang;
  const [state, setState] = useState<TabPostState>({ status: 'loading' });
  const texts = useMemo(() => new SegmentTexts(), []);
  const [concurrentEdits, setConcurrentEdits] = useState<Readonly<Record<string, readonly ConcurrentEdit[]>>>({});
  const [saveError, setSaveError] = useState<string | null>(null);
  const [switchingTo, setSwitchingTo] = useState<string | null>(null);
  const current = useRef<TabPost | null>(null);
  const [doneTexts, setDoneTexts] = useState<DoneTexts>({});
  const sourceFlags = useSourceFlags();
  const saves = useMemo(() => new SendsInFlight(), []);

  const journal = useMemo(() => new UnsavedJournal(globalThis.localStorage ?? null), []);
  const saver = useMemo(
    () =>
      new DraftSaver(
        (draft) => saves.track(sendMessage({ type: 'draft:save', ...draft })).then(() => setSaveError(null)),
        (error) => setSaveError(saveErrorMessage(error)),
        DEFAULT_TIMING,
        journal,
      ),
    [],
  );

  /** The latest load asked for: an answer to an earlier one arrives stale and is dropped. */
  const latestLoad = useRef(0);
  /** The language this view drafts the post in, from the moment the reader picks it. */
  const chosen = useRef<{ postKey: string; lang: string } | null>(null);

  /**
   * Reads the post, in `lang` or else the language this view drafts that post in (the page
   * reporting again changes no choice), or else the post's own. Typing not yet stored is stored
   * first, so the reading has it.
   */
  const load = useCallback(
    async (lang?: string): Promise<void> => {
      if (tabId === null && !pinnedKey) return setState({ status: 'none' });
      const request = ++latestLoad.current;
      saver.flush();
      await saves.settled();
      try {
        // The answer holds the whole post: it takes the worker's faster road (utils/worker-channel.ts).
        const tabPost =
          pinnedKey
            ? await askBackground({ type: 'post:get-drafts', postKey: pinnedKey, lang: lang ?? current.current?.lang ?? pinnedLang ?? '' })
            : tabId === null
              ? null
              : await askBackground({ type: 'tab:get-post', tabId, lang });
        if (request !== latestLoad.current) return;
        setSwitchingTo(null);
        const kept = chosen.current?.postKey === tabPost?.post.key ? chosen.current?.lang : undefined;
        if (!lang && kept && tabPost && tabPost.lang !== kept) return load(kept);
        current.current = tabPost;
        if (tabPost?.lang) chosen.current = { postKey: tabPost.post.key, lang: tabPost.lang };
        if (!tabPost) return setState({ status: 'none' });
        texts.replace({ ...textsOf(tabPost), ...replayUnsaved(tabPost, journal, saver) });
        setConcurrentEdits(concurrentEditsOf(tabPost.drafts));
        sourceFlags.reset(tabPost.post.segments, tabPost.drafts);
        setDoneTexts(doneTextsOf(tabPost.drafts));
        setState({ status: 'ready', tabPost });
        if (tabPost.post.sourceLanguage === null) void guessSourceLanguage(tabPost, current, setState);
      } catch (error) {
        if (request !== latestLoad.current) return;
        setSwitchingTo(null);
        setState({ status: 'error', message: String((error as Error)?.message ?? error) });
      }
    },
    [tabId, pinnedKey, pinnedLang, saver, saves],
  );

  // A layout effect: the question leaves before the first paint, not a frame after it.
  useLayoutEffect(() => {
    setState({ status: 'loading' });
    void load();
    const onMessage = (message: unknown) => {
      if (!isMessage(message)) return undefined;
      const shown = current.current;
      if (message.type === 'tab:changed' && message.tabId === tabId) void load();
      if (message.type === 'drafts:imported' && shown && message.postKeys.includes(shown.post.key)) void load(shown.lang);
      if (message.type === 'draft:changed' && shown) {
        const { draft } = message;
        const ours = draft.postKey === shown.post.key && draft.lang === shown.lang;
        if (ours) setConcurrentEdits((all) => withEditsOf(all, draft));
        if (ours) sourceFlags.take(shown.post.segments, draft);
        if (ours) setDoneTexts((all) => withDoneTextOf(all, draft));
        // Text typed here and not yet saved is newer than what another view saved.
        if (ours && saver.pendingText(draft.postKey, draft.lang, draft.segmentId) === undefined) {
          texts.update(draft.segmentId, draft.text);
        }
      }
      return undefined; // never answer: the background does
    };
    browser.runtime.onMessage.addListener(onMessage);
    return () => browser.runtime.onMessage.removeListener(onMessage);
  }, [tabId, load, saver]);

  // Not urgent, and the browser takes a moment over it: once the view is up.
  useEffect(() => {
    const timer = setTimeout(() => void requestPersistentStorage(), PERSIST_AFTER_MS);
    return () => clearTimeout(timer);
  }, []);

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
      // A language switch is on its way: the text would land in the language being left.
      if (chosen.current?.postKey === shown.post.key && chosen.current.lang !== shown.lang) return;
      texts.update(segmentId, text);
      saver.update({ postKey: shown.post.key, lang: shown.lang, segmentId, text });
    },
    [saver],
  );

  const chooseLanguage = useCallback(
    (lang: string) => {
      const shown = current.current;
      if (shown) chosen.current = { postKey: shown.post.key, lang };
      // Until the language's drafts are shown, typing would land in the language being left.
      if (shown && shown.lang !== lang) setSwitchingTo(lang);
      void load(lang);
    },
    [load],
  );

  const markReviewed = useCallback((segmentId: string) => {
    const shown = current.current;
    if (!shown?.lang) return;
    // The flag goes when the background's draft:changed says so; a failure leaves it up, to retry.
    sendMessage({ type: 'draft:mark-reviewed', postKey: shown.post.key, lang: shown.lang, segmentId }).then(
      (draft) => draft && setConcurrentEdits((all) => withEditsOf(all, draft)),
      (error) => setSaveError(t('viewMarkReviewedFailed', String((error as Error)?.message ?? error))),
    );
  }, []);

  const setStatus = useCallback(
    async (segmentId: string, status: DraftStatus) => {
      const shown = current.current;
      if (!shown?.lang) return false;
      // The status is about the text on screen: it is saved first, or the mark would land on an older text.
      saver.flush();
      await saves.settled();
      if (saver.pendingText(shown.post.key, shown.lang, segmentId) !== undefined) {
        setSaveError(t('viewStatusNotSaved'));
        return false;
      }
      try {
        const draft = await sendMessage({ type: 'draft:set-status', postKey: shown.post.key, lang: shown.lang, segmentId, status });
        setDoneTexts((all) => withDoneTextOf(all, draft));
        return true;
      } catch (error) {
        const reason = String((error as Error)?.message ?? error);
        setSaveError(status === 'done' ? t('viewMarkDoneFailed', reason) : t('viewMarkDraftFailed', reason));
        return false;
      }
    },
    [saver, saves],
  );

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

  const flush = useCallback(() => saver.flush(), [saver]);

  return {
    state, texts, concurrentEdits, saveError, setText, chooseLanguage, switchingTo, markReviewed, highlight, doneTexts, setStatus,
    sourceFlags: sourceFlags.flags, flush,
  };
}

/**
 * Texts typed in an earlier view that the background could not store (utils/unsaved-journal.ts):
 * those newer than the stored draft are shown again and sent again.
 */
function replayUnsaved(shown: TabPost, journal: UnsavedJournal, saver: DraftSaver): Record<string, string> {
  const replayed: Record<string, string> = {};
  const stored = new Map(shown.drafts.map((d) => [d.segmentId, d]));
  for (const entry of journal.list()) {
    if (entry.postKey !== shown.post.key || entry.lang !== shown.lang) continue;
    const draft = stored.get(entry.segmentId);
    if (draft?.text === entry.text) {
      journal.forget(entry);
    } else if (!draft || draft.updatedAt < entry.typedAt) {
      replayed[entry.segmentId] = entry.text;
      const { postKey, lang, segmentId, text } = entry;
      saver.update({ postKey, lang, segmentId, text });
    }
  }
  return replayed;
}

/**
 * The page named no language: guess it from the segments' text (tinyld, loaded only now, in the
 * view's own chunk), so the source shows with the right lang and direction, and remember it.
 */
async function guessSourceLanguage(
  shown: TabPost,
  current: { current: TabPost | null },
  setState: (state: TabPostState) => void,
): Promise<void> {
  const { guessLanguage } = await import('@/utils/detect/guess-language');
  const guessed = await guessLanguage(shown.post.segments.map((segment) => segment.text).join('\n'));
  if (guessed === null || current.current !== shown) return;
  const post = { ...shown.post, sourceLanguage: guessed };
  const tabPost = { ...shown, post };
  current.current = tabPost;
  setState({ status: 'ready', tabPost });
  void sendMessage({ type: 'post:set-source-language', postKey: post.key, lang: guessed }).catch(() => undefined);
}
