import { defineContentScript } from 'wxt/utils/define-content-script';
import { browser } from 'wxt/browser';
import { snapshotPage } from '@/utils/detect';
import { dispatch, sendMessage, type Handlers } from '@/utils/messaging';

export default defineContentScript({
  // Sites known to ask their readers to translate their posts; see wxt.config.ts.
  matches: ['https://diff.wikimedia.org/*'],
  runAt: 'document_idle',
  main() {
    const detect = () => snapshotPage(document, location.href);
    const report = () => {
      const post = detect();
      const sent = post
        ? sendMessage({ type: 'post:seen', post })
        : sendMessage({ type: 'page:none', url: location.href });
      sent.catch(() => undefined); // the extension was reloaded; this page's script is orphaned
    };

    // The page tells what it found, and never what the store holds.
    const handlers: Handlers = { 'page:detect': () => detect() };
    browser.runtime.onMessage.addListener((message, sender) =>
      dispatch(handlers, message, sender, browser.runtime.id),
    );
    report();
  },
});
