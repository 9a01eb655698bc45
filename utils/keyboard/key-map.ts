// The view's keys: one list of commands and the key each has, used both to act on a key press and
// to list the keys in the help popover and the README. Keys are matched by their physical position
// (`code`) as well as by the character, so they work with any keyboard layout (Cyrillic, Persian…)
// and on macOS, where Option turns letters into other characters.
//
// Avoided: keys the browser keeps for itself (Ctrl+T/W/N/Tab/L, F1–F12, Alt+←/→, Alt+D/E/F),
// Ctrl+Shift+C/I/J (developer tools), and Alt+1…9 (placeholders).
import type { MessageKey } from '../i18n';

export type KeyCommand =
  | 'next-segment'
  | 'previous-segment'
  | 'next-untranslated'
  | 'copy-source'
  | 'mark-done-and-next'
  | 'open-history'
  | 'insert-memory-match'
  | 'open-help';

export interface KeyBinding {
  command: KeyCommand;
  /** KeyboardEvent.code: the physical key. */
  code: string;
  /** KeyboardEvent.key on a US layout, lower case for letters. */
  key: string;
  ctrl?: boolean;
  alt?: boolean;
  shift?: boolean;
  /** What the command does, as the help lists it: a message, so it reads in the UI language. */
  description: MessageKey;
}

export const KEY_MAP: readonly KeyBinding[] = [
  { command: 'next-segment', code: 'ArrowDown', key: 'ArrowDown', alt: true, description: 'keysNextSegment' },
  { command: 'previous-segment', code: 'ArrowUp', key: 'ArrowUp', alt: true, description: 'keysPreviousSegment' },
  { command: 'next-untranslated', code: 'KeyN', key: 'n', alt: true, description: 'keysNextUntranslated' },
  { command: 'copy-source', code: 'KeyC', key: 'c', alt: true, description: 'keysCopySource' },
  { command: 'mark-done-and-next', code: 'Enter', key: 'Enter', ctrl: true, description: 'keysMarkDoneAndNext' },
  { command: 'open-history', code: 'KeyR', key: 'r', alt: true, description: 'keysOpenHistory' },
  { command: 'insert-memory-match', code: 'KeyM', key: 'm', alt: true, description: 'keysInsertMemoryMatch' },
  { command: 'open-help', code: 'Slash', key: '/', ctrl: true, description: 'keysOpenHelp' },
];

/** The parts of a KeyboardEvent the map reads (tests pass plain objects). */
export interface KeyPress {
  code: string;
  key: string;
  ctrlKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  metaKey: boolean;
  isComposing?: boolean;
}

/** The command a key press asks for, or null. Modifiers must match exactly. */
export function commandFor(press: KeyPress, map: readonly KeyBinding[] = KEY_MAP): KeyCommand | null {
  if (press.isComposing || press.metaKey) return null; // an input method is composing text; ⌘ is the system's
  for (const binding of map) {
    if (press.ctrlKey !== !!binding.ctrl || press.altKey !== !!binding.alt || press.shiftKey !== !!binding.shift) continue;
    // Letters also by position (layouts, ⌥ on macOS); other keys only by what they type, so that
    // Ctrl and the key that types "-" on a German keyboard stays the browser's zoom.
    const byPosition = binding.code.startsWith('Key') && press.code === binding.code;
    if (byPosition || press.key.toLowerCase() === binding.key.toLowerCase()) return binding.command;
  }
  return null;
}

const KEY_NAMES: Record<string, string> = { ArrowDown: '↓', ArrowUp: '↑', Enter: 'Enter' };

/** The key as people write it: "Alt+↓", "Ctrl+Enter", "Alt+N". */
export function keyLabel(binding: KeyBinding): string {
  const parts: string[] = [];
  if (binding.ctrl) parts.push('Ctrl');
  if (binding.alt) parts.push('Alt');
  if (binding.shift) parts.push('Shift');
  parts.push(KEY_NAMES[binding.key] ?? binding.key.toUpperCase());
  return parts.join('+');
}

/** The key of a command, for hints such as a button's title. */
export function keyOf(command: KeyCommand, map: readonly KeyBinding[] = KEY_MAP): string {
  const binding = map.find((b) => b.command === command);
  return binding ? keyLabel(binding) : '';
}
