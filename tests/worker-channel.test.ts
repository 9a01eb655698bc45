// The views' faster road to the background (utils/worker-channel.ts): a question posted to the
// service worker is answered by the same gate and handlers, errors come back as errors, and where
// the worker does not answer it (or there is none) runtime messaging carries the question.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Sender } from '../utils/messaging';
import { answerViewsOnWorker, askBackground, type Answerer } from '../utils/worker-channel';

const PAGE = 'chrome-extension://interlinear/sidepanel.html?tab=7';
let answer: Answerer;
let waited: Promise<unknown>[];
let listening = false;

/** This test's window plays the service worker; its controller posts to it as Chrome would. */
beforeEach(() => {
  fakeBrowser.reset();
  waited = [];
  vi.stubGlobal('ServiceWorkerGlobalScope', class {});
  const controller = {
    postMessage(data: unknown, ports: MessagePort[]) {
      const event = Object.assign(new Event('message'), { data, ports, source: { url: PAGE }, waitUntil: (p: Promise<unknown>) => waited.push(p) });
      dispatchEvent(event);
    },
  };
  vi.stubGlobal('navigator', { ...navigator, serviceWorker: { controller } });
  if (!listening) answerViewsOnWorker((message, sender) => answer(message, sender)); // once: it stays
  listening = true;
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('asking the background over its worker', () => {
  it('gets the answer of the same handlers, which see the asking page', async () => {
    const senders: Sender[] = [];
    answer = (message, sender) => {
      senders.push(sender);
      return Promise.resolve({ asked: message, big: 'x'.repeat(100_000) });
    };
    const runtime = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    const reply = await askBackground({ type: 'tab:get-post', tabId: 7 });
    expect(reply).toMatchObject({ asked: { type: 'tab:get-post', tabId: 7 } });
    expect(senders).toEqual([{ id: fakeBrowser.runtime.id, url: PAGE }]);
    expect(runtime).not.toHaveBeenCalled();
    await Promise.all(waited); // the worker was kept up until it answered
  });

  it('gets a handler’s failure as an error with its message', async () => {
    answer = () => Promise.reject(new Error('QuotaExceededError: the disk is full'));
    await expect(askBackground({ type: 'tab:get-post', tabId: 7 })).rejects.toThrow('QuotaExceededError: the disk is full');
  });

  it('asks by runtime messaging what the worker does not answer, and where there is no worker', async () => {
    answer = () => undefined; // refused by the gate, or not a question for the background
    const runtime = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue('by runtime messaging');
    expect(await askBackground({ type: 'tab:get-post', tabId: 7 })).toBe('by runtime messaging');
    vi.stubGlobal('navigator', { ...navigator, serviceWorker: undefined });
    expect(await askBackground({ type: 'tab:get-post', tabId: 8 })).toBe('by runtime messaging');
    expect(runtime).toHaveBeenCalledTimes(2);
  });
});
