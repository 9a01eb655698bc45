// The always-on content script: it runs on every page of the sites Interlinear reads, and most of
// those pages ask for no translation. So it only takes a first look (utils/detect/first-look.ts);
// where a call to action may be, it has the background run the page reader (page-reader.ts:
// detector, segmenter, overlay) in this page, which then reports the post and serves the views.
// On a page that asks for nothing it touches none of the extension's APIs: meeting them costs a
// page more than the look itself.
// An unlisted script, named in the manifest by wxt.config.ts: WXT's content-script wrapper would
// bring its context and the webextension polyfill, more than this whole script weighs.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { mayAskForTranslation } from '@/utils/detect/first-look';
import { nativeRuntime, sendWith } from '@/utils/detect/native-runtime';
import { watchPage, type PageWatch } from '@/utils/detect/page-watch';
import type { Message, MessageType } from '@/utils/messaging';
import { firstRunInThisPage, pageReaderInThisPage, publishPageAnswer } from '@/utils/site-access/run-once';

export default defineUnlistedScript({
  main() {
    // Also run by a scan of the tab and by sites the reader added (utils/site-access): once per page.
    if (!firstRunInThisPage()) return;
    const send = <T extends MessageType>(message: Message<T>) => sendWith(nativeRuntime(), message);
    let watch: PageWatch | undefined;
    let reader: Promise<boolean> | undefined;
    // Once asked for, the reader watches the page itself (late rendering, address changes).
    const loadReader = () => {
      watch?.stop();
      return (reader ??= send({ type: 'page:load-reader' }).then(({ loaded }) => loaded, () => false));
    };

    // A view that opens before the page reported asks through the background
    // (utils/site-access/ask-page.ts): the reader's reading once it runs, until then this look's.
    publishPageAnswer(async () => {
      if (!pageReaderInThisPage()) {
        if (!mayAskForTranslation(document)) return null;
        await loadReader();
      }
      return (await pageReaderInThisPage()?.detect()) ?? null;
    });

    // Look now, and again when the page renders late or changes address (history API).
    let looked = false;
    watch = watchPage<true>(window, {
      read: () => mayAskForTranslation(document) || null,
      send: (maybe) => {
        if (maybe) void loadReader();
        // A new page that asks for nothing has nothing to tell: the background forgot the tab's
        // post when the tab navigated. Only a reload keeps the address the post was shown at.
        else if (looked || reloaded()) send({ type: 'page:none', url: location.href }).catch(() => undefined);
        looked = true;
      },
      fingerprint: (maybe, address) => `${maybe ?? 'none'} ${address}`,
    });
    if (reader) watch.stop();
  },
});

function reloaded(): boolean {
  const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
  return navigation?.type !== 'navigate';
}
