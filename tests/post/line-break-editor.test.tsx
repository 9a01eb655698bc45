// A line break in the editor: its chips and the quality line name it, and Alt+n or its chip puts
// ⟨n/⟩ into the draft as for any placeholder without text.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { createRef } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PlaceholderChips } from '../../components/post/PlaceholderChips';
import { TaggedText } from '../../components/post/TaggedText';
import { describeInline, shortName } from '../../components/post/placeholder-labels';
import { insertPlaceholderOnKey } from '../../components/post/placeholder-input';
import { checkDraft } from '../../utils/segment/quality';
import type { Segment } from '../../utils/model';

const POEM: Segment = {
  id: 'p-poem',
  kind: 'paragraph',
  text: 'Roses are red, violets are blue.',
  tagged: 'Roses are red, ⟨1/⟩violets are blue.',
  inline: [{ tag: 'br', empty: true }],
};

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

describe('a line break in the editor', () => {
  it('is named "line break" by its chips', () => {
    expect(shortName(POEM.inline![0]!)).toBe('line break');
    expect(describeInline(POEM.inline![0]!)).toBe('line break');
    const editor = createRef<HTMLTextAreaElement>();
    act(() => {
      render(
        <div>
          <p>
            <TaggedText segment={POEM} />
          </p>
          <PlaceholderChips segment={POEM} editor={editor} />
        </div>,
        root,
      );
    });
    expect(root.querySelector('p .placeholder-chip')!.getAttribute('aria-label')).toContain('line break');
    // The source starts a new line there, as the page does.
    expect(root.querySelector('p .placeholder-chip + br')).not.toBeNull();
    expect(root.querySelector('p')!.textContent).toBe(POEM.text);
    const button = root.querySelector('.placeholder-insert')!;
    expect(button.textContent).toBe('line break');
    expect(button.getAttribute('title')).toContain('⟨1/⟩');
  });

  it('is named by the quality line when the draft drops it, and fine once it is back', () => {
    expect(checkDraft(POEM, 'Розы красны, фиалки сини.').map((issue) => issue.message)).toEqual(['Line break ⟨1/⟩ is missing.']);
    expect(checkDraft(POEM, 'Розы красны, ⟨1/⟩фиалки сини.')).toEqual([]);
    expect(checkDraft(POEM, 'Розы ⟨1⟩красны⟨/1⟩, фиалки сини.').map((issue) => issue.kind)).toContain('unknown-placeholder');
  });

  it('goes in at the caret with Alt+1, as ⟨1/⟩', () => {
    const textarea = document.createElement('textarea');
    root.append(textarea);
    textarea.value = 'Розы красны, фиалки сини.';
    textarea.setSelectionRange(13, 13);
    textarea.addEventListener('keydown', (event) => insertPlaceholderOnKey(event, POEM.inline));
    textarea.dispatchEvent(new KeyboardEvent('keydown', { code: 'Digit1', altKey: true, bubbles: true, cancelable: true }));
    expect(textarea.value).toBe('Розы красны, ⟨1/⟩фиалки сини.');
    expect(textarea.selectionStart).toBe(13 + '⟨1/⟩'.length);
  });
});
