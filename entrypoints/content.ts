import { defineContentScript } from 'wxt/utils/define-content-script';
import { browser } from 'wxt/browser';
import { readPost } from '@/utils/detect';
import { dispatch, sendMessage, type Handlers } from '@/utils/messaging';
import { PageHighlighter } from '@/utils/overlay/highlight';
import { TRANSLATION_HOSTS } from '@/utils/translation-hosts';

export default defineContentScript({
  matches: TRANSLATION_HOSTS,
  runAt: 'document_idle',
  main() {
    // segment id → the element showing it, from the latest reading of the page.
    let elements = new Map<string, Element>();
    const highlighter = new PageHighlighter(document);

    const detect = () => {
      const { post, anchors } = readPost(document, location.href);
      elements = new Map(anchors.map((a) => [a.segment.id, a.element]));
      return post;
    };
    const report = () => {
      const post = detect();
      const sent = post
        ? sendMessage({ type: 'post:seen', post })
        : sendMessage({ type: 'page:none', url: location.href });
      sent.catch(() => undefined); // the extension was reloaded; this page's script is orphaned
    };

    // The page tells what it found, and never what the store holds.
    const handlers: Handlers = {
      'page:detect': () => detect(),
      'page:highlight': ({ segmentId, scroll }) => ({
        shown: segmentId === null ? highlighter.clear() : highlighter.show(elements.get(segmentId), scroll),
      }),
    };
    browser.runtime.onMessage.addListener((message, sender) =>
      dispatch(handlers, message, sender, browser.runtime.id),
    );
    report();
  },
});
