// Placeholders in the views: chips in the source, Alt+digit and chip buttons in the editor, and the
// quality line following the draft.
import { render } from 'preact';
import { useState } from 'preact/hooks';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SegmentEditor } from '../../components/post/SegmentEditor';
import { placeholderInsertion, placeholderKey } from '../../utils/segment/insert';
import type { Segment } from '../../utils/model';
import { afterNextFrame } from '../../components/common/after-frame';

const SEGMENT: Segment = {
  id: 'p-linked',
  kind: 'paragraph',
  text: 'Read the previous blog and see the photo.',
  tagged: 'Read the ⟨1⟩previous ⟨2⟩blog⟨/2⟩⟨/1⟩ and see the photo.⟨3/⟩',
  inline: [
    { tag: 'a', attrs: { href: 'https://diff.wikimedia.org/2024/08/20/x/' } },
    { tag: 'strong' },
    { tag: 'img', empty: true, attrs: { src: 'https://diff.wikimedia.org/a.jpg', alt: '<img src=x onerror=alert(1)>' } },
  ],
};

let root: HTMLElement;
let saved: string[];

function Editor({ initial }: { initial: string }) {
  const [text, setText] = useState(initial);
  return (
    <ol>
      <SegmentEditor
        segment={SEGMENT}
        index={1}
        text={text}
        sourceLanguage="en"
        targetLanguage="ru"
        onText={(_id, value) => {
          saved.push(value);
          setText(value);
        }}
        onKeep={() => undefined}
        onHighlight={() => undefined}
      />
    </ol>
  );
}

const editor = () => root.querySelector<HTMLTextAreaElement>('textarea.segment-editor')!;
/**
 * The quality line follows the draft after the frame that shows the keystroke: this waits in the
 * same queue as the view's own work after that frame, so it is done however busy the machine is.
 */
const nextFrame = () => act(() => new Promise<void>((resolve) => afterNextFrame(resolve)));
const qualityLine = () => root.querySelector('[data-testid="quality-line"]')!;

function type(value: string) {
  act(() => {
    editor().value = value;
    editor().dispatchEvent(new InputEvent('input', { bubbles: true }));
  });
}

function altDigit(n: number) {
  const event = new KeyboardEvent('keydown', { key: '¡', code: `Digit${n}`, altKey: true, bubbles: true, cancelable: true });
  act(() => {
    editor().dispatchEvent(event);
  });
  return event;
}

beforeEach(() => {
  saved = [];
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

describe('the source with chips', () => {
  it('reads as its words, with a named chip for each token', () => {
    act(() => render(<Editor initial="" />, root));
    const source = root.querySelector('.segment-source')!;
    expect(source.textContent).toBe(SEGMENT.text);
    const chips = [...source.querySelectorAll('.placeholder-chip')];
    expect(chips.map((chip) => chip.getAttribute('data-chip'))).toEqual(['1', '2', '/2', '/1', '3/']);
    expect(chips[0]!.getAttribute('role')).toBe('img');
    expect(chips[0]!.getAttribute('aria-label')).toBe('start of 1, link to https://diff.wikimedia.org/2024/08/20/x/');
    expect(chips[1]!.getAttribute('title')).toBe('2: bold');
    expect(chips[3]!.getAttribute('aria-label')).toBe('end of 1');
    // Page-derived text stays text: the alt is an attribute value, never markup.
    expect(chips[4]!.getAttribute('aria-label')).toBe('3, image “<img src=x onerror=alert(1)>”');
    expect(root.querySelectorAll('img')).toHaveLength(0);
  });

  it('shows the plain text of a segment without markup', () => {
    const plain: Segment = { id: 'p', kind: 'paragraph', text: 'Plain.' };
    act(() =>
      render(
        <SegmentEditor segment={plain} index={0} text="" sourceLanguage="en" targetLanguage="ru" onText={() => undefined} onKeep={() => undefined} onHighlight={() => undefined} />,
        root,
      ),
    );
    expect(root.querySelector('.segment-source')!.textContent).toBe('Plain.');
    expect(root.querySelectorAll('.placeholder-chip, .placeholder-insert')).toHaveLength(0);
  });
});

describe('inserting placeholders as the translator types', () => {
  it('warns about a dropped placeholder, and Alt+1 puts it back around the selection', async () => {
    act(() => render(<Editor initial="" />, root));
    expect(qualityLine().textContent).toBe('');
    expect(qualityLine().getAttribute('role')).toBe('status');
    type('Читайте ⟨2⟩блог⟨/2⟩ и фото.⟨3/⟩');
    expect(qualityLine().textContent).toBe(''); // the keystroke is painted first
    await nextFrame();
    expect(qualityLine().textContent).toBe('⟨1⟩…⟨/1⟩ is missing.');

    const start = 'Читайте '.length;
    editor().setSelectionRange(start, start + '⟨2⟩блог⟨/2⟩'.length);
    const event = altDigit(1);
    expect(event.defaultPrevented).toBe(true);
    expect(editor().value).toBe('Читайте ⟨1⟩⟨2⟩блог⟨/2⟩⟨/1⟩ и фото.⟨3/⟩');
    expect(saved.at(-1)).toBe(editor().value);
    await nextFrame();
    expect(qualityLine().textContent).toBe('');
  });

  it('at a caret, Alt+n puts the pair with the caret between, and an image’s token alone', async () => {
    act(() => render(<Editor initial="См. " />, root));
    editor().setSelectionRange(4, 4);
    altDigit(1);
    expect(editor().value).toBe('См. ⟨1⟩⟨/1⟩');
    expect(editor().selectionStart).toBe('См. ⟨1⟩'.length);
    altDigit(2);
    expect(editor().value).toBe('См. ⟨1⟩⟨2⟩⟨/2⟩⟨/1⟩');
    editor().setSelectionRange(editor().value.length, editor().value.length);
    altDigit(3);
    expect(editor().value).toBe('См. ⟨1⟩⟨2⟩⟨/2⟩⟨/1⟩⟨3/⟩');
    await nextFrame();
    expect(qualityLine().textContent).toBe('');
  });

  it('takes Alt+digit even without such a placeholder, and leaves other keys alone', () => {
    act(() => render(<Editor initial="x" />, root));
    expect(altDigit(7).defaultPrevented).toBe(true);
    expect(editor().value).toBe('x');
    const plainDigit = new KeyboardEvent('keydown', { key: '1', code: 'Digit1', bubbles: true, cancelable: true });
    act(() => {
      editor().dispatchEvent(plainDigit);
    });
    expect(plainDigit.defaultPrevented).toBe(false);
  });

  it('a chip under the source inserts its placeholder into the editor', () => {
    act(() => render(<Editor initial="Фото: " />, root));
    const buttons = [...root.querySelectorAll<HTMLButtonElement>('.placeholder-insert')];
    expect(buttons.map((b) => b.textContent)).toEqual(['link', 'bold', 'image']);
    expect(buttons[2]!.title).toBe('Insert ⟨3/⟩: image “<img src=x onerror=alert(1)>” (Alt+3)');
    editor().setSelectionRange(6, 6);
    act(() => buttons[2]!.click());
    expect(editor().value).toBe('Фото: ⟨3/⟩');
    expect(saved.at(-1)).toBe('Фото: ⟨3/⟩');
  });

  it('reports numbers that differ as the draft changes', async () => {
    const numbered: Segment = { id: 'p-n', kind: 'paragraph', text: 'Since 2017, 1,200 edits.' };
    let text = '';
    const draw = () =>
      render(
        <SegmentEditor segment={numbered} index={0} text={text} sourceLanguage="en" targetLanguage="fa" onText={() => undefined} onKeep={() => undefined} onHighlight={() => undefined} />,
        root,
      );
    text = 'از ۲۰۱۷، ۱۲۰۰ ویرایش.';
    act(draw);
    expect(qualityLine().textContent).toBe('');
    text = 'از ۲۰۱۸، ۱۲۰۰ ویرایش.';
    act(draw);
    await nextFrame();
    expect(qualityLine().textContent).toBe('2017 is in the source but not in the draft.۲۰۱۸ is in the draft but not in the source.');
  });
});

describe('placeholderInsertion and placeholderKey', () => {
  it('wraps, inserts and refuses unknown placeholders', () => {
    expect(placeholderInsertion(SEGMENT.inline, 1, 'ab', 0, 2)).toEqual({ text: '⟨1⟩ab⟨/1⟩', start: 0, end: 2, selectionStart: 9, selectionEnd: 9 });
    expect(placeholderInsertion(SEGMENT.inline, 3, 'ab', 2, 0)).toMatchObject({ text: '⟨3/⟩', start: 0, end: 2 });
    expect(placeholderInsertion(SEGMENT.inline, 4, 'ab', 0, 0)).toBeNull();
    expect(placeholderInsertion(undefined, 1, 'ab', 0, 0)).toBeNull();
  });

  it('reads Alt+1…9 by key position, and nothing else', () => {
    const key = (code: string, mods: Partial<KeyboardEvent> = {}) =>
      placeholderKey({ altKey: true, ctrlKey: false, metaKey: false, shiftKey: false, code, ...mods });
    expect(key('Digit1')).toBe(1);
    expect(key('Numpad9')).toBe(9);
    expect(key('Digit0')).toBeNull();
    expect(key('Digit1', { ctrlKey: true })).toBeNull();
    expect(key('Digit1', { altKey: false })).toBeNull();
    expect(key('KeyA')).toBeNull();
  });
});
