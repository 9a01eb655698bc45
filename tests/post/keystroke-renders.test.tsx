// What a keystroke redraws in a long post's view, against the real background service through WXT's
// fake browser: its own row and nothing else; the quality line and the progress after the frame.
import { options, render, type VNode } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '../../components/app/App';
import type { PostSnapshot } from '../../utils/model';
import { startFakeBackground } from '../support/fake-background';

const SEGMENTS = 60;
const post: PostSnapshot = {
  key: 'https://diff.wikimedia.org/2024/09/05/long/',
  url: 'https://diff.wikimedia.org/2024/09/05/long/',
  detected: true,
  title: 'A long post',
  sourceLanguage: 'en',
  cta: null,
  segments: Array.from({ length: SEGMENTS }, (_, i) => ({ id: `p-${i}`, kind: 'paragraph' as const, text: `Paragraph ${i} has 2 sentences.` })),
};

/** Component renders by name, counted through Preact's render hook. */
const renders = new Map<string, number>();
const renderHook = (options as unknown as { __r?: (vnode: VNode) => void }).__r;
const count = (name: string) => renders.get(name) ?? 0;

let n = 0;
let root: HTMLElement;

const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 20)));
async function until(check: () => boolean, what: string) {
  for (let i = 0; i < 100 && !check(); i++) await settle();
  if (!check()) throw new Error(`never happened: ${what}`);
}
const editors = () => [...root.querySelectorAll<HTMLTextAreaElement>('textarea[data-segment-id]')];
const progress = () => root.querySelector('[data-testid=progress]')?.textContent;
const quality = (i: number) => root.querySelectorAll('.segment')[i]!.querySelector('[data-testid=quality-line]')!.textContent;

beforeEach(async () => {
  const { tabId } = await startFakeBackground(`keystroke-renders-${n++}`, post, 'ru');
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ shown: false }); // no page to highlight in
  (options as unknown as { __r: (vnode: VNode) => void }).__r = (vnode) => {
    const name = typeof vnode.type === 'function' ? vnode.type.name : '';
    if (name) renders.set(name, count(name) + 1);
    renderHook?.(vnode);
  };
  root = document.createElement('div');
  document.body.append(root);
  history.replaceState(null, '', `/sidepanel.html?tab=${tabId}`);
  render(<App layout="panel" />, root);
  await until(() => editors().length > 0 && !editors()[0]!.disabled, 'editors');
  await settle();
});

afterEach(() => {
  (options as unknown as { __r?: (vnode: VNode) => void }).__r = renderHook;
  vi.restoreAllMocks();
  render(null, root);
  root.remove();
  history.replaceState(null, '', '/');
});

describe('a keystroke in a long post', () => {
  it('redraws its own row and nothing else; the quality line and the progress follow after the frame', async () => {
    const type = (text: string) =>
      act(() => {
        editors()[1]!.value = text;
        editors()[1]!.dispatchEvent(new Event('input', { bubbles: true }));
      });
    await type('А'); // the first character makes the segment a draft: its status line says so
    await until(() => progress() === '0 of 60 done · 1 draft', 'the first character counted');
    const checked = quality(1);
    renders.clear();
    await type('Абзац 1, в нём 3 предложения.');
    expect(count('SegmentEditor')).toBe(1);
    for (const name of ['App', 'PostView', 'SegmentRows', 'PostProgress', 'ProgressMeter', 'SegmentMeta']) expect(count(name), name).toBe(0);
    // Painted first; then the line under the editor and the count in the header catch up.
    expect(quality(1)).toBe(checked);
    renders.clear();
    // After the frame (on a busy machine, later than any fixed wait): then once, not more.
    await until(() => count('PostProgress') > 0, 'the progress caught up');
    await settle();
    expect(count('PostProgress')).toBe(1);
    expect(quality(1)).not.toBe(checked);
    expect(quality(1)).toContain('3 is in the draft but not in the source.');
    expect(count('PostView')).toBe(0);
    expect(count('SegmentEditor')).toBe(0);
  });

  it('catches up in one frame: the quality line and the progress wait for the same frame, not one after the other', async () => {
    const editor = editors()[2]!;
    const checked = quality(2);
    const counted = progress();
    // Frames run only when the test says: each one runs the callbacks asked for before it. No act():
    // it would run effects at once, where the browser runs them after a frame.
    let asked: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => asked.push(callback));
    const tasks = () => new Promise((resolve) => setTimeout(resolve, 10));
    const frame = () => {
      const now = asked;
      asked = [];
      for (const callback of now) callback(performance.now());
    };
    /** Lets tasks run until `done` (a busy machine may deliver the frame's message after any fixed wait). */
    const tasksUntil = async (done: () => boolean) => {
      for (let i = 0; i < 200 && !done(); i++) await tasks();
    };
    try {
      editor.value = 'Абзац 2, в нём 3 предложения.';
      editor.dispatchEvent(new Event('input', { bubbles: true }));
      await tasks();
      expect([quality(2), progress()]).toEqual([checked, counted]); // nothing but the keystroke before its frame
      frame();
      await tasksUntil(() => progress() !== counted);
      expect(progress()).not.toBe(counted);
      expect(quality(2)).toContain('3 is in the draft but not in the source.');
      // Caught up: nothing asks for yet another frame (each one more keeps the browser drawing).
      expect(asked).toHaveLength(0);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
