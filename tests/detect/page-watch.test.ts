// Re-reading pages that render late or change address through the history API, and letting go
// of the page (no observer) once it has settled.
import { afterAll, describe, expect, it } from 'vitest';
import { Window as HappyWindow } from 'happy-dom';
import { readPost } from '../../utils/detect';
import { postFingerprint, watchPage } from '../../utils/detect/page-watch';
import type { PostSnapshot } from '../../utils/model';

const POST_BODY = `<article><h1 class="entry-title">A late post</h1><div class="entry-content"><p>Rendered by script.</p>
  <div id="translate-post"><h2>Can you help us translate this article?</h2></div></div></article>`;

const windows: HappyWindow[] = [];
afterAll(async () => {
  await Promise.all(windows.map((win) => win.happyDOM.close()));
});

function openWindow(body: string, url = 'https://blog.example.org/app/') {
  const win = new HappyWindow({ url });
  windows.push(win);
  win.document.write(`<!doctype html><html lang="en"><body>${body}</body></html>`);
  return win as unknown as Window & typeof globalThis;
}

/** Resolves once `condition` holds; the test's own timeout bounds the wait. */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
}

function watch(win: Window & typeof globalThis, settleMs = 300) {
  const sent: (PostSnapshot | null)[] = [];
  let reads = 0;
  const watcher = watchPage(win, {
    read: () => {
      reads++;
      return readPost(win.document, win.location.href).post;
    },
    send: (post) => sent.push(post),
    fingerprint: postFingerprint,
    settleMs,
    debounceMs: 20,
  });
  return { sent, watcher, reads: () => reads };
}

describe('watchPage', () => {
  it('sends what the page offers at once, and a post that renders late', async () => {
    const win = openWindow('<div id="app">Loading…</div>');
    const { sent, watcher } = watch(win, 5_000);
    expect(sent).toEqual([null]);
    win.document.getElementById('app')!.innerHTML = POST_BODY;
    await until(() => sent.length === 2);
    expect(sent[1]?.title).toBe('A late post');
    expect(sent[1]?.segments.map((s) => s.text)).toEqual(['A late post', 'Rendered by script.']);
    watcher.stop();
  });

  it('keeps no observer once a page without a call to action has settled', async () => {
    const win = openWindow('<p>Nothing to translate here.</p>');
    const { sent, watcher } = watch(win, 100);
    expect(watcher.observing).toBe(true);
    await until(() => !watcher.observing);
    win.document.body.insertAdjacentHTML('beforeend', '<p>More words, no invitation.</p>');
    expect(sent).toEqual([null]);
    watcher.stop();
  });

  it('does not send again when a change leaves the post as it was', async () => {
    const win = openWindow(POST_BODY);
    const { sent, watcher, reads } = watch(win, 5_000);
    win.document.body.insertAdjacentHTML('beforeend', '<div class="ad">An advertisement</div>');
    await until(() => reads() === 2);
    expect(sent).toHaveLength(1);
    watcher.stop();
  });

  it('reads the page again after a client-side navigation (history API)', async () => {
    const win = openWindow('<a href="/app/post/">A post</a><div id="app"></div>');
    const { sent, watcher } = watch(win, 100);
    await until(() => !watcher.observing);
    // The site's router: a click swaps the content and pushes the new address.
    win.document.querySelector('a')!.addEventListener('click', (event) => {
      event.preventDefault();
      win.history.pushState({}, '', '/app/post/');
      win.document.getElementById('app')!.innerHTML = POST_BODY;
    });
    win.document.querySelector('a')!.click();
    await until(() => sent.length === 2);
    expect(sent[1]).toMatchObject({ url: 'https://blog.example.org/app/post/', title: 'A late post' });
    expect(watcher.observing).toBe(true); // watching the new page render, for a while
    await until(() => !watcher.observing);
    watcher.stop();
  });

  it('hears of the way back (popstate) too', async () => {
    const win = openWindow(POST_BODY);
    const { sent, watcher } = watch(win, 100);
    win.history.pushState({}, '', '/app/other/');
    win.document.body.innerHTML = '<p>Another page.</p>';
    win.dispatchEvent(new win.PopStateEvent('popstate'));
    await until(() => sent.length === 2);
    expect(sent[1]).toBeNull();
    watcher.stop();
  });
});
