// A view's first question asked before its code loaded (utils/early-question.ts): the app gets that
// answer when it asks the very same question, once; another question is asked anew.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { askEarly, earlyAnswerHere, earlyTabId, pinnedTabId, takeEarlyAnswer } from '../utils/early-question';

let posted: unknown[];

beforeEach(() => {
  posted = [];
  const controller = {
    postMessage(data: { interlinear: unknown }, [port]: MessagePort[]) {
      posted.push(data.interlinear);
      port!.postMessage({ value: { answering: data.interlinear } });
    },
  };
  vi.stubGlobal('navigator', { ...navigator, serviceWorker: { controller } });
});

afterEach(() => vi.unstubAllGlobals());

describe('the early question', () => {
  it('hands its answer to the same question once, and to no other', async () => {
    const scope = {};
    askEarly({ type: 'tab:get-post', tabId: 7 }, scope);
    expect(takeEarlyAnswer({ type: 'tab:get-post', tabId: 8 }, scope)).toBeUndefined();
    // A field left undefined is the same question.
    const answer = takeEarlyAnswer({ type: 'tab:get-post', tabId: 7, lang: undefined }, scope);
    expect(await answer).toEqual({ value: { answering: { type: 'tab:get-post', tabId: 7 } } });
    expect(takeEarlyAnswer({ type: 'tab:get-post', tabId: 7 }, scope)).toBeUndefined();
    expect(posted).toHaveLength(1);
  });

  it('names the tab it asked about until the app takes the answer', () => {
    const scope = {};
    expect(earlyTabId(scope)).toBeNull();
    askEarly({ type: 'tab:get-post', tabId: 7 }, scope);
    expect(earlyTabId(scope)).toBe(7);
    void takeEarlyAnswer({ type: 'tab:get-post', tabId: 7 }, scope);
    expect(earlyTabId(scope)).toBeNull();
    askEarly({ type: 'post:get-drafts', postKey: 'https://example.org/a-post/', lang: 'ru' }, scope);
    expect(earlyTabId(scope)).toBeNull();
  });

  it('asks nothing where there is no service worker (Firefox’s event page)', () => {
    vi.stubGlobal('navigator', { ...navigator, serviceWorker: undefined });
    const scope = {};
    askEarly({ type: 'tab:get-post', tabId: 7 }, scope);
    expect(takeEarlyAnswer({ type: 'tab:get-post', tabId: 7 }, scope)).toBeUndefined();
  });

  it('lets the first render wait for the early answer, never longer than it is told', async () => {
    const answered = {};
    askEarly({ type: 'tab:get-post', tabId: 7 }, answered);
    await earlyAnswerHere(60_000, answered); // the answer comes at once here: no minute passes
    vi.useFakeTimers();
    try {
      const silent = {};
      vi.stubGlobal('navigator', { ...navigator, serviceWorker: { controller: { postMessage: () => undefined } } });
      askEarly({ type: 'tab:get-post', tabId: 7 }, silent);
      let waited = false;
      const waiting = earlyAnswerHere(150, silent).then(() => (waited = true));
      await vi.advanceTimersByTimeAsync(149);
      expect(waited).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      await waiting;
      expect(waited).toBe(true);
      await expect(earlyAnswerHere(150, {})).resolves.toBeUndefined(); // nothing asked: no wait
    } finally {
      vi.useRealTimers();
    }
  });

  it('reads the tab a view’s address names', () => {
    expect(pinnedTabId('?tab=12')).toBe(12);
    expect(pinnedTabId('?tab=12abc')).toBeNull();
    expect(pinnedTabId('?post=x')).toBeNull();
  });
});
