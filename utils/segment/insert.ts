// What inserting placeholder n into a draft does: a pair around the selection (or at the caret,
// with the caret between them), or the lone token of an element without text.
import type { InlineElement } from '../model';
import { closeToken, emptyToken, openToken } from './placeholders';

export interface PlaceholderInsertion {
  /** Replaces the draft's text from `start` to `end`. */
  text: string;
  start: number;
  end: number;
  /** Where the selection goes afterwards (offsets in the new draft). */
  selectionStart: number;
  selectionEnd: number;
}

/** null when the segment has no placeholder n. */
export function placeholderInsertion(
  inline: readonly InlineElement[] | undefined,
  n: number,
  draft: string,
  selectionStart: number,
  selectionEnd: number,
): PlaceholderInsertion | null {
  const element = inline?.[n - 1];
  if (!element) return null;
  const start = Math.min(selectionStart, selectionEnd, draft.length);
  const end = Math.min(Math.max(selectionStart, selectionEnd), draft.length);
  if (element.empty) {
    const token = emptyToken(n);
    const caret = start + token.length;
    return { text: token, start, end, selectionStart: caret, selectionEnd: caret };
  }
  const selected = draft.slice(start, end);
  const open = openToken(n);
  const text = `${open}${selected}${closeToken(n)}`;
  // Around a selection the caret lands after the pair; at a caret, between the tokens, to type the words.
  const caret = selected === '' ? start + open.length : start + text.length;
  return { text, start, end, selectionStart: caret, selectionEnd: caret };
}

/** Alt+1 … Alt+9 (by key position, so it works whatever Alt makes of the digit): n, else null. */
export function placeholderKey(event: Pick<KeyboardEvent, 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'code'>): number | null {
  if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return null;
  const match = /^(?:Digit|Numpad)([1-9])$/.exec(event.code);
  return match ? Number(match[1]) : null;
}
