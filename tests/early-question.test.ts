// A view's first question asked before its code loaded (utils/early-question.ts): the app gets that
// answer when it asks the very same question, once; another question is asked anew.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { askEarly, pinnedTabId, takeEarlyAnswer } from '../utils/early-question';

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

  it('asks nothing where there is no service worker (Firefox’s event page)', () => {
    vi.stubGlobal('navigator', { ...navigator, serviceWorker: undefined });
    const scope = {};
    askEarly({ type: 'tab:get-post', tabId: 7 }, scope);
    expect(takeEarlyAnswer({ type: 'tab:get-post', tabId: 7 }, scope)).toBeUndefined();
  });

  it('reads the tab a view’s address names', () => {
    expect(pinnedTabId('?tab=12')).toBe(12);
    expect(pinnedTabId('?tab=12abc')).toBeNull();
    expect(pinnedTabId('?post=x')).toBeNull();
  });
});
