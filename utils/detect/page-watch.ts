// Pages that render late (a post fetched by script) or change address without loading (the history
// API of single-page sites) are read again, cheaply: a MutationObserver only for a few seconds
// after a load or an address change, then none, so a page without a call to action keeps nothing
// running. Address changes are noticed from events (popstate, the Navigation API, link clicks),
// since a content script cannot see the page's own history.pushState calls.
import type { PostSnapshot } from '../model';

export interface PageWatchOptions<T = PostSnapshot> {
  /** Reads the page: the post it offers (or, for the first look, whether it may offer one), or null; at once or in steps. */
  read: () => T | null | Promise<T | null>;
  /** Tells the extension what the page offers now. Called at start and whenever that changes. */
  send: (post: T | null) => void;
  /** What a reading offers, to tell whether it changed (postFingerprint for a post). */
  fingerprint: (found: T | null, address: string) => string;
  /** How long after a load or an address change late rendering is watched. */
  settleMs?: number;
  /** Quiet time after the last change to the page before it is read again. */
  debounceMs?: number;
}

export interface PageWatch {
  /** True while a MutationObserver is watching the page. */
  readonly observing: boolean;
  /** Reads the page now, and sends it if what it offers changed. */
  check(): void;
  stop(): void;
}

const SETTLE_MS = 8_000;
const DEBOUNCE_MS = 400;
/** When to look at the address again after a click or history event. */
const NAVIGATION_CHECKS_MS = [0, 500, 1_500];

/** What a reading of a post offers, to tell whether the extension must hear of it again. */
export function postFingerprint(post: PostSnapshot | null, address: string): string {
  if (!post) return `none ${address}`;
  return `${post.key} ${post.cta?.startUrl ?? ''} ${post.segments.map((s) => s.id).join(' ')}`;
}

type NavigationTarget = { addEventListener(type: string, listener: () => void): void; removeEventListener(type: string, listener: () => void): void };

export function watchPage<T = PostSnapshot>(win: Window, options: PageWatchOptions<T>): PageWatch {
  const settleMs = options.settleMs ?? SETTLE_MS;
  const debounceMs = options.debounceMs ?? DEBOUNCE_MS;
  const doc = win.document;
  let last: string | null = null;
  // The document's address, as the history API moves it: location.href without a Location object.
  let address = doc.URL;
  let observer: MutationObserver | null = null;
  let settleTimer: number | undefined;
  let readTimer: number | undefined;

  let reading = false;
  let again = false;
  const offer = (post: T | null) => {
    const seen = options.fingerprint(post, address);
    if (seen === last) return;
    last = seen;
    options.send(post);
  };
  const check = () => {
    readTimer = undefined;
    // A reading in steps still under way: read again once it is done.
    if (reading) {
      again = true;
      return;
    }
    address = doc.URL;
    const post = options.read();
    if (!(post instanceof Promise)) return offer(post);
    reading = true;
    void post.then(offer, () => undefined).finally(() => {
      reading = false;
      if (again) {
        again = false;
        check();
      }
    });
  };
  const scheduleCheck = () => {
    if (readTimer !== undefined) win.clearTimeout(readTimer);
    readTimer = win.setTimeout(check, debounceMs);
  };
  const stopObserving = () => {
    observer?.disconnect();
    observer = null;
    if (settleTimer !== undefined) win.clearTimeout(settleTimer);
    settleTimer = undefined;
  };
  /** Watches the page's late rendering for a while. */
  const observeForAWhile = () => {
    if (!observer && doc.body) {
      const observing = new (win as Window & typeof globalThis).MutationObserver(scheduleCheck);
      observing.observe(doc.body, { childList: true, subtree: true });
      observer = observing;
    }
    if (settleTimer !== undefined) win.clearTimeout(settleTimer);
    settleTimer = win.setTimeout(() => {
      stopObserving();
      if (readTimer !== undefined) {
        win.clearTimeout(readTimer);
        check();
      }
    }, settleMs);
  };
  /** After any event that may have changed the address: a new address is a new page. */
  const onMaybeNavigated = () => {
    // A single-page site may change its address only once the next page's data has arrived.
    for (const delay of NAVIGATION_CHECKS_MS) {
      win.setTimeout(() => {
        if (doc.URL === address) return;
        address = doc.URL;
        scheduleCheck();
        observeForAWhile();
      }, delay);
    }
  };

  const navigation = (win as unknown as { navigation?: NavigationTarget }).navigation;
  win.addEventListener('popstate', onMaybeNavigated);
  navigation?.addEventListener('navigatesuccess', onMaybeNavigated);
  doc.addEventListener('click', onMaybeNavigated, true);

  check();
  observeForAWhile();

  return {
    get observing() {
      return observer !== null;
    },
    check,
    stop() {
      stopObserving();
      if (readTimer !== undefined) win.clearTimeout(readTimer);
      win.removeEventListener('popstate', onMaybeNavigated);
      navigation?.removeEventListener('navigatesuccess', onMaybeNavigated);
      doc.removeEventListener('click', onMaybeNavigated, true);
    },
  };
}
