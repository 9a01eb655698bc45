// A segment's memory matches are asked for as its editor takes the focus, before the rows re-render
// for it, and once: the matches that mount take that answer. The background's worker channel is
// stood in for by a controller that records each question and answers "no matches".
import { options, render, type VNode } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '../../components/app/App';
import type { PostSnapshot } from '../../utils/model';
import { startFakeBackground } from '../support/fake-background';

const post: PostSnapshot = {
  key: 'https://diff.wikimedia.org/2024/09/05/focus/',
  url: 'https://diff.wikimedia.org/2024/09/05/focus/',
  detected: true,
  title: 'Focus',
  sourceLanguage: 'en',
  cta: null,
  segments: [
    'Volunteers translate the monthly newsletter together.',
    'Photographs of the conference hall are on Commons.',
    'The grant committee meets every second Tuesday.',
    'Photographs of the conference hall are now on Commons.', // like segment 1
    'Readers can subscribe to the newsletter by email.',
  ].map((text, i) => ({ id: `p-${i}`, kind: 'paragraph' as const, text })),
};

let n = 0;
let root: HTMLElement;
/** Renders of the matches' component so far, counted through Preact's render hook. */
let matchRenders = 0;
const renderHook = (options as unknown as { __r?: (vnode: VNode) => void }).__r;
/** Each matches question as the worker got it, with how often the matches had rendered by then. */
let questions: Array<{ segmentId: string; rendersBefore: number }> = [];
/** The segments of each question for what the background has at hand. */
let atHand: string[][] = [];

const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 20)));
async function until(check: () => boolean, what: string) {
  for (let i = 0; i < 100 && !check(); i++) await settle();
  if (!check()) throw new Error(`never happened: ${what}`);
}
const editors = () => [...root.querySelectorAll<HTMLTextAreaElement>('textarea[data-segment-id]')];
const shownIn = (i: number) => root.querySelectorAll('.segment')[i]!.querySelector('[data-testid=memory-matches]')?.textContent ?? '';

beforeEach(async () => {
  const { tabId } = await startFakeBackground(`focus-question-${n++}`, post, 'ru');
  await fakeBrowser.runtime.sendMessage({ type: 'draft:save', postKey: post.key, lang: 'ru', segmentId: 'p-0', text: 'Абзац 0.' });
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ shown: false }); // no page to highlight in
  questions = [];
  atHand = [];
  matchRenders = 0;
  const controller = {
    postMessage(data: { interlinear: { type: string; segmentId?: string; segmentIds?: string[] } }, [port]: MessagePort[]) {
      if (data.interlinear.type === 'memory:matches-at-hand') {
        atHand.push(data.interlinear.segmentIds!);
        return port!.postMessage({ value: { 'p-2': [] } });
      }
      if (data.interlinear.type !== 'memory:matches') return port!.postMessage({ unanswered: true });
      questions.push({ segmentId: data.interlinear.segmentId!, rendersBefore: matchRenders });
      // Each answer another translation: what is shown tells which answer it was.
      const answer = { kind: 'fuzzy', percent: 80, source: 'Paragraph.', target: `Ответ ${questions.length}`, diff: [], from: { title: 'Earlier' }, at: 0 };
      port!.postMessage({ value: [answer] });
    },
  };
  Object.defineProperty(navigator, 'serviceWorker', { value: { controller }, configurable: true });
  root = document.createElement('div');
  document.body.append(root);
  history.replaceState(null, '', `/sidepanel.html?tab=${tabId}`);
  render(<App layout="panel" />, root);
  await until(() => editors().length === 5 && !editors()[0]!.disabled, 'editors');
  (options as unknown as { __r: (vnode: VNode) => void }).__r = (vnode) => {
    if (typeof vnode.type === 'function' && vnode.type.name === 'MemoryMatches') matchRenders++;
    renderHook?.(vnode);
  };
});

afterEach(() => {
  (options as unknown as { __r?: (vnode: VNode) => void }).__r = renderHook;
  vi.restoreAllMocks();
  delete (navigator as { serviceWorker?: unknown }).serviceWorker;
  render(null, root);
  root.remove();
  history.replaceState(null, '', '/');
});

const busy = (i: number) => root.querySelectorAll('.segment')[i]!.querySelector('[data-testid=memory-matches]')?.getAttribute('aria-busy');
const asked = () => questions.map((q) => q.segmentId);
/** Focuses a segment's editor and waits for its own answer. */
async function answered(i: number) {
  editors()[i]!.focus();
  await until(() => busy(i) === 'false', `segment ${i} answered`);
}
/** Focuses a segment's editor that holds nothing: the loading line, then its answer. */
async function askedAnew(i: number) {
  editors()[i]!.focus();
  await Promise.resolve();
  expect(shownIn(i)).toBe('Looking in translation memory…');
  await until(() => busy(i) === 'false', `segment ${i} answered again`);
}

describe('memory matches asked at the focus', () => {
  it('are asked as the editor takes the focus, in its event, before the row renders them, and once', async () => {
    // As in the browser: the focus's renders wait for the microtasks Preact queues them in. The
    // question left in the focus event itself.
    editors()[3]!.focus();
    expect(questions).toEqual([{ segmentId: 'p-3', rendersBefore: 0 }]);
    await until(() => shownIn(3) !== '' && busy(3) === 'false', 'the matches of segment 3');
    expect(matchRenders).toBeGreaterThan(0);
    // Then the next segment's, ahead.
    await until(() => asked().length === 2, 'the next segment asked for');
    expect(asked()).toEqual(['p-3', 'p-4']);

    // Focus leaving for another control keeps them; coming back to the same editor asks nothing.
    act(() => root.querySelector<HTMLButtonElement>('button')!.focus());
    act(() => editors()[3]!.focus());
    await settle();
    expect(asked()).toEqual(['p-3', 'p-4']);

    const rendersBefore = matchRenders;
    editors()[1]!.focus();
    await until(() => shownIn(1) !== '' && busy(1) === 'false', 'the matches of segment 1');
    expect(questions[2]).toEqual({ segmentId: 'p-1', rendersBefore });
  });

  it('show what is held at once, going on down or coming back, while a new answer confirms it', async () => {
    editors()[3]!.focus();
    await until(() => asked().length === 2 && busy(3) === 'false', 'segment 3 answered, segment 4 asked ahead');
    await settle(); // the answer comes after the question
    // Segment 4's answer is held: its first render shows it, marked busy until its own question is
    // answered, whose answer then shows.
    editors()[4]!.focus();
    await Promise.resolve();
    expect(shownIn(4)).toContain('Ответ 2');
    expect(busy(4)).toBe('true');
    expect(asked()).toEqual(['p-3', 'p-4', 'p-4']);
    await until(() => busy(4) === 'false', 'segment 4 confirmed');
    expect(shownIn(4)).toContain('Ответ 3');
    // Back to segment 3: held too.
    editors()[3]!.focus();
    await Promise.resolve();
    expect(shownIn(3)).toContain('Ответ 1');
  });

  it('hold what the background has at hand for the untranslated segments as the view opens', async () => {
    await until(() => atHand.length === 1, 'the question as the view opened');
    expect(atHand).toEqual([['p-1', 'p-2', 'p-3', 'p-4']]); // segment 0 is drafted
    await settle();
    editors()[2]!.focus();
    await Promise.resolve();
    expect(shownIn(2)).toBe('No match in translation memory.');
    expect(busy(2)).toBe('true');
    await until(() => busy(2) === 'false', 'segment 2 confirmed');
    // Segment 1 was not at hand: it waits for its answer.
    editors()[1]!.focus();
    await Promise.resolve();
    expect(shownIn(1)).toBe('Looking in translation memory…');
  });

  it('keep what a draft written in the post cannot reach, and only that', async () => {
    // Segment 2 is held from what was at hand ("no match"); 1, 3 and 4 from their answers.
    await answered(1);
    editors()[3]!.focus();
    await until(() => asked().length === 3 && busy(3) === 'false', 'segment 3 answered, segment 4 asked ahead');
    await settle();
    const draft = (segmentId: string, overrides: Record<string, unknown> = {}) => ({
      postKey: post.key, lang: 'ru', segmentId, text: 'Фотографии зала.', rev: 2, updatedAt: 1, ...overrides,
    });
    // In another language: another pair of memory, nothing dropped.
    await act(() => fakeBrowser.runtime.sendMessage({ type: 'draft:changed', draft: draft('p-1', { lang: 'de' }), progress: null }));
    // Segment 1's draft is an entry like segment 3's source, and unlike segments 2 and 4.
    await act(() => fakeBrowser.runtime.sendMessage({ type: 'draft:changed', draft: draft('p-1'), progress: null }));
    await settle();
    expect(asked()).toEqual(['p-1', 'p-3', 'p-4']); // segment 4, after the one edited, is still held
    await answered(0); // away from segment 3, whose matches stay shown while it is edited
    await askedAnew(3);
    for (const [kept, held] of [[4, 'Ответ 3'], [2, 'No match in translation memory.']] as const) {
      editors()[kept]!.focus();
      await Promise.resolve();
      expect(shownIn(kept)).toContain(held);
      expect(busy(kept)).toBe('true');
      await until(() => busy(kept) === 'false', `segment ${kept} confirmed`);
    }
    // A draft of another post in the language: its source is not known here, so nothing is kept.
    await act(() => fakeBrowser.runtime.sendMessage({ type: 'draft:changed', draft: draft('p-9', { postKey: 'https://diff.wikimedia.org/other/' }), progress: null }));
    await askedAnew(4);
  });

  it('drop, when a draft is confirmed for its new source, what its old source reached', async () => {
    editors()[3]!.focus();
    await until(() => asked().length === 2 && busy(3) === 'false', 'segment 3 answered, segment 4 asked ahead');
    const oldText = 'Photographs of the conference hall are on Commons today.'; // like segment 3
    const draft = (sourceChange?: { oldText: string }) => ({
      postKey: post.key, lang: 'ru', segmentId: 'p-2', text: 'Комитет.', rev: 2, updatedAt: 1, ...(sourceChange ? { sourceChange } : {}),
    });
    // Segment 2's draft, written for an older source like segment 3's (as a sync brings it): both dropped.
    await act(() => fakeBrowser.runtime.sendMessage({ type: 'draft:changed', draft: draft({ oldText }), progress: null }));
    await answered(0);
    await askedAnew(3);
    await answered(0);
    // Confirmed for the new source: the message names no old source, but the entry was one until now.
    await act(() => fakeBrowser.runtime.sendMessage({ type: 'draft:changed', draft: draft(), progress: null }));
    await askedAnew(3);
  });

  it('hold nothing once memory changed, until asked again', async () => {
    editors()[3]!.focus();
    await until(() => asked().length === 2 && busy(3) === 'false', 'segment 3 answered, segment 4 asked ahead');
    // A draft written (here, elsewhere, or synced): every view hears of it.
    await act(() => fakeBrowser.runtime.sendMessage({ type: 'memory:changed' }));
    // The segment after the one being edited is asked for again.
    await until(() => asked().length === 3, 'segment 4 asked again');
    expect(asked()).toEqual(['p-3', 'p-4', 'p-4']);
    editors()[4]!.focus();
    await until(() => busy(4) === 'false', 'segment 4 answered');
    // Segment 3's answer came before the change: it is not shown again unasked.
    editors()[3]!.focus();
    await Promise.resolve();
    expect(shownIn(3)).toBe('Looking in translation memory…');
    await until(() => busy(3) === 'false', 'segment 3 answered again');
  });
});
