// The page reader: detector, segmenter and in-page overlay. The always-on content script
// (first-look.ts) has the background run it only where its first look finds a call to action.
// Like the first look, it speaks to the browser's own runtime: no webextension-polyfill.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { readPostInSteps } from '@/utils/detect';
import { timeBudget } from '@/utils/detect/time-budget';
import { answerMessages, nativeRuntime, sendWith } from '@/utils/detect/native-runtime';
import { postFingerprint, watchPage } from '@/utils/detect/page-watch';
import type { Handlers, Message, MessageType } from '@/utils/messaging';
import type { PostSnapshot } from '@/utils/model';
import { DraftPreview } from '@/utils/overlay/draft-preview';
import { PageHighlighter } from '@/utils/overlay/highlight';
import { listenForSegmentPicks } from '@/utils/overlay/segment-picker';
import { PAGE_READER_MARK, firstRunInThisPage, publishPageReader } from '@/utils/site-access/run-once';

/** The longest the reader holds the page at a time: well under a long task's 50 ms. */
const SLICE_MS = 20;

export default defineUnlistedScript(() => {
  // Asked for twice (a scan of the tab beside the site's own script): once per page.
  if (!firstRunInThisPage(globalThis, PAGE_READER_MARK)) return;
  const runtime = nativeRuntime();
  const sendMessage = <T extends MessageType>(message: Message<T>) => sendWith(runtime, message);
  // segment id → the element showing it, from the latest reading of the page.
  let elements = new Map<string, Element>();
  const highlighter = new PageHighlighter(document);
  const preview = new DraftPreview(document);
  let stopPicks: (() => void) | undefined;

  // A huge post is read in slices, so the page is never held for one long task.
  const detect = async () => {
    const { post, anchors } = await readPostInSteps(document, location.href, timeBudget(SLICE_MS));
    elements = new Map(anchors.map((a) => [a.segment.id, a.element]));
    return post;
  };
  const report = (post: PostSnapshot | null) => {
    // Only a page that asks for translation listens for Alt+clicks on its paragraphs.
    if (post) stopPicks ??= listenForSegmentPicks(document, segmentOfElement, pickSegment);
    const sent = post
      ? sendMessage({ type: 'post:seen', post })
      : sendMessage({ type: 'page:none', url: location.href });
    sent.catch(() => undefined); // the extension was reloaded; this page's script is orphaned
  };

  const segmentOfElement = (element: Element) => {
    for (const [id, shown] of elements) if (shown === element) return id;
    return undefined;
  };
  const pickSegment = (segmentId: string) =>
    void sendMessage({ type: 'page:segment-picked', segmentId }).catch(() => undefined);

  // The page tells what it found, and never what the store holds.
  const handlers: Handlers = {
    'page:highlight': ({ segmentId, scroll }) => ({
      shown: segmentId === null ? highlighter.clear() : highlighter.show(elements.get(segmentId), scroll),
    }),
    'page:preview': ({ drafts, lang, dir }) => {
      if (drafts === null) return { shown: (preview.clear(), 0) };
      return { shown: preview.show(drafts, (id) => elements.get(id), lang, dir) };
    },
  };
  answerMessages(runtime, handlers);
  // A view's question reaches this reading through the first look's answer (run-once.ts).
  publishPageReader({ detect });
  // Read now, and again when the page renders late or changes address (history API).
  watchPage(window, { read: detect, send: report, fingerprint: postFingerprint });
});
