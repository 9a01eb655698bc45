// The post view's keys (utils/keyboard/key-map.ts): moving between segments, copying the source,
// marking done and moving on, opening a segment's history and the keys' help — no mouse needed.
import { useEffect, useRef, useState } from 'preact/hooks';
import { commandFor, type KeyCommand } from '@/utils/keyboard/key-map';
import { nextNeedingWork, segmentAfter, segmentState } from '@/utils/keyboard/segment-order';
import type { DraftStatus, Segment } from '@/utils/model';
import type { DoneTexts } from './segment-status';
import { statusOf } from './segment-status';
import type { SegmentTexts } from './segment-texts';
import type { SegmentFocus } from './row-window';

export interface SegmentKeysInput {
  segments: readonly Segment[];
  texts: SegmentTexts;
  doneTexts: DoneTexts;
  setStatus?(segmentId: string, status: DraftStatus): unknown;
  /** Moves the focus to a segment's editor, also where its row rests (row-window.ts). */
  focus: SegmentFocus;
}

export interface SegmentKeys {
  helpOpen: boolean;
  setHelpOpen(open: boolean): void;
}

/** Listens on the view's document; the view shows one post at a time. */
export function useSegmentKeys(input: SegmentKeysInput): SegmentKeys {
  const [helpOpen, setHelpOpen] = useState(false);
  const latest = useRef(input);
  latest.current = input;

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const command = commandFor(event);
      if (!command) return;
      if (run(command, latest.current, event.target, () => setHelpOpen(true))) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  return { helpOpen, setHelpOpen };
}

/** Does what the command asks; false when it does not apply here (the key then does what it does anyway). */
function run(command: KeyCommand, input: SegmentKeysInput, target: EventTarget | null, openHelp: () => void): boolean {
  const ids = input.segments.map((s) => s.id);
  const current = segmentOf(target);
  const stateOf = (id: string) => segmentState(input.texts.get(id), statusOf(input.texts.get(id), input.doneTexts[id]));
  switch (command) {
    case 'open-help':
      openHelp();
      return true;
    case 'next-segment':
    case 'previous-segment':
      if (target instanceof HTMLSelectElement) return false; // there Alt+↓ opens the list
      return focusSegment(input.focus, segmentAfter(ids, current, command === 'next-segment' ? 1 : -1));
    case 'next-untranslated':
      return focusSegment(input.focus, nextNeedingWork(ids, current, stateOf));
    case 'mark-done-and-next': {
      if (current === null) return false;
      if (stateOf(current) === 'draft') void input.setStatus?.(current, 'done');
      focusSegment(input.focus, nextNeedingWork(ids, current, stateOf));
      return true; // also when all is done: Ctrl+Enter never types a line break
    }
    case 'copy-source': {
      const segment = input.segments.find((s) => s.id === current);
      const editor = current === null ? null : editorOf(current);
      if (!segment || !editor || editor.disabled || editor.readOnly) return false;
      replaceAsTyped(editor, segment.tagged ?? segment.text);
      return true;
    }
    case 'open-history':
    case 'insert-memory-match': {
      const action = command === 'open-history' ? 'history' : 'insert-match';
      const button = current === null ? null : editorOf(current)?.closest('.segment')?.querySelector<HTMLElement>(`[data-action="${action}"]`);
      button?.click();
      return !!button;
    }
  }
}

/** The segment the focus is in (its editor, or a button of it). */
function segmentOf(target: EventTarget | null): string | null {
  if (!(target instanceof Element)) return null;
  const editor = target.closest('.segment')?.querySelector<HTMLTextAreaElement>('textarea[data-segment-id]');
  return editor?.dataset.segmentId ?? null;
}

function editorOf(segmentId: string): HTMLTextAreaElement | null {
  return document.querySelector<HTMLTextAreaElement>(`textarea[data-segment-id="${CSS.escape(segmentId)}"]`);
}

function focusSegment(focus: SegmentFocus, segmentId: string | null): boolean {
  return segmentId !== null && focus.focus(segmentId);
}

/**
 * Replaces the editor's text as if typed: the browser's own insert keeps it on the undo stack
 * (Ctrl+Z brings the old text back) and fires the input event that saves it.
 */
export function replaceAsTyped(editor: HTMLTextAreaElement, text: string): void {
  editor.focus();
  editor.select();
  if (document.execCommand?.('insertText', false, text)) return;
  editor.setRangeText(text, 0, editor.value.length, 'end');
  editor.dispatchEvent(new Event('input', { bubbles: true }));
}
