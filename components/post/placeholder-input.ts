// Puts a placeholder into a draft's editor as if typed, so the editor's own input handling saves it
// and the browser's undo takes it back.
import type { InlineElement } from '@/utils/model';
import { placeholderInsertion, placeholderKey } from '@/utils/segment/insert';

/** Inserts placeholder n at the editor's selection; false when there is none such or the editor is off. */
export function insertPlaceholder(editor: HTMLTextAreaElement, inline: readonly InlineElement[] | undefined, n: number): boolean {
  if (editor.disabled || editor.readOnly) return false;
  const insertion = placeholderInsertion(inline, n, editor.value, editor.selectionStart, editor.selectionEnd);
  if (!insertion) return false;
  editor.focus();
  editor.setSelectionRange(insertion.start, insertion.end);
  const doc = editor.ownerDocument;
  // insertText keeps the edit in the editor's undo history; where it is missing, set the text and announce it.
  const typed = typeof doc.execCommand === 'function' && doc.execCommand('insertText', false, insertion.text);
  if (!typed || editor.value.slice(insertion.start, insertion.start + insertion.text.length) !== insertion.text) {
    editor.setRangeText(insertion.text, insertion.start, insertion.end, 'end');
    editor.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: insertion.text }));
  }
  editor.setSelectionRange(insertion.selectionStart, insertion.selectionEnd);
  return true;
}

/** The editor's keydown: Alt+1…Alt+9 inserts that placeholder of the segment. */
export function insertPlaceholderOnKey(event: KeyboardEvent, inline: readonly InlineElement[] | undefined): void {
  const n = placeholderKey(event);
  if (n === null || !(event.currentTarget instanceof HTMLTextAreaElement)) return;
  // Taken even when the segment has no such placeholder, so Alt+digit never types a stray character.
  event.preventDefault();
  insertPlaceholder(event.currentTarget, inline, n);
}
