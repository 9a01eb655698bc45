// @vitest-environment jsdom
// The always-on script itself (entrypoints/first-look.ts): on a page that asks for nothing it
// touches none of the extension's APIs — neither a listener nor a message — and still answers a
// view that asks (through ask-page.ts) that there is nothing; where a call to action may be, it
// has the background load the page reader, and a reload of a page that no longer asks says so.
// In jsdom: the first look asks the page for XPath, which happy-dom lacks.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import firstLook from '../../entrypoints/first-look';
import { PAGE_ANSWER } from '../../utils/site-access/run-once';

const QUIET = '<article><h1>Our week</h1><p>Volunteers met in Tashkent and planned the next edit-a-thon.</p></article>';
const ASKING = '<article><h1>Our week</h1><p>News.</p><div id="translate-post"><h2>Can you help us translate this article?</h2></div></article>';

let touches: number;
let sent: unknown[];
let navigationType: string;

beforeEach(() => {
  touches = 0;
  sent = [];
  navigationType = 'navigate';
  const runtime = {
    id: 'interlinear',
    sendMessage: (message: { type: string }) => {
      sent.push(message);
      return Promise.resolve(message.type === 'page:load-reader' ? { loaded: false } : { ok: true });
    },
    onMessage: { addListener: () => undefined },
  };
  // Every reach for the extension's runtime is counted.
  const api = { get runtime() { touches++; return runtime; } };
  vi.stubGlobal('chrome', api);
  vi.stubGlobal('browser', api);
  vi.spyOn(performance, 'getEntriesByType').mockImplementation(() => [{ type: navigationType }] as unknown as PerformanceEntryList);
  for (const mark of ['__interlinearContentScript', PAGE_ANSWER]) delete (globalThis as Record<string, unknown>)[mark];
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

function runOn(body: string) {
  document.body.innerHTML = body;
  firstLook.main();
  return (globalThis as Record<string, unknown>)[PAGE_ANSWER] as () => Promise<unknown>;
}

describe('the always-on script', () => {
  it('touches nothing of the extension on a page that asks for nothing, and answers a view with null', async () => {
    const answer = runOn(QUIET);
    expect(await answer()).toBeNull();
    expect(touches).toBe(0);
    expect(sent).toEqual([]);
  });

  it('has the page reader loaded where a call to action may be', async () => {
    runOn(ASKING);
    await vi.waitFor(() => expect(sent).toEqual([{ type: 'page:load-reader' }]));
  });

  it('says "nothing here" after a reload, when the tab may still show the post of that address', async () => {
    navigationType = 'reload';
    runOn(QUIET);
    expect(sent).toEqual([{ type: 'page:none', url: location.href }]);
  });
});
