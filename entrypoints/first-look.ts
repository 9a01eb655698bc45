// The always-on content script: it runs on every page of the sites Interlinear reads, and most of
// those pages ask for no translation. So it only takes a first look (utils/detect/first-look.ts);
// where a call to action may be, it has the background run the page reader (page-reader.ts:
// detector, segmenter, overlay) in this page, which then reports the post and serves the views.
// An unlisted script, named in the manifest by wxt.config.ts: WXT's content-script wrapper would
// bring its context and the webextension polyfill, more than this whole script weighs.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { mayAskForTranslation } from '@/utils/detect/first-look';
import { nativeRuntime, sendWith } from '@/utils/detect/native-runtime';
import { watchPage, type PageWatch } from '@/utils/detect/page-watch';
import type { Message, MessageType } from '@/utils/messaging';
import { firstRunInThisPage, pageReaderInThisPage } from '@/utils/site-access/run-once';

export default defineUnlistedScript({
  main() {
    // Also run by a scan of the tab and by sites the reader added (utils/site-access): once per page.
    if (!firstRunInThisPage()) return;
    const runtime = nativeRuntime();
    const send = <T extends MessageType>(message: Message<T>) => sendWith(runtime, message);
    let watch: PageWatch | undefined;
    let reader: Promise<boolean> | undefined;
    // Once asked for, the reader watches the page itself (late rendering, address changes).
    const loadReader = () => {
      watch?.stop();
      return (reader ??= send({ type: 'page:load-reader' }).then(({ loaded }) => loaded, () => false));
    };

    // A view that opens before the page reported asks it directly ('page:detect'); once the
    // reader runs, it answers, and until then this script does (through it, where it may ask).
    runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
      if (sender.id !== runtime.id || (message as { type?: unknown })?.type !== 'page:detect') return undefined;
      if (pageReaderInThisPage()) return undefined;
      if (!mayAskForTranslation(document)) {
        sendResponse(null);
        return undefined;
      }
      void loadReader()
        .then(() => pageReaderInThisPage()?.detect() ?? null)
        .then(sendResponse, () => sendResponse(null));
      return true; // answers later
    });

    // Look now, and again when the page renders late or changes address (history API).
    watch = watchPage<true>(window, {
      read: () => mayAskForTranslation(document) || null,
      send: (maybe) => {
        if (maybe) void loadReader();
        else send({ type: 'page:none', url: location.href }).catch(() => undefined); // an orphaned script
      },
      fingerprint: (maybe, address) => `${maybe ?? 'none'} ${address}`,
    });
    if (reader) watch.stop();
  },
});
