// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KEY_MAP, commandFor, keyLabel, type KeyPress } from '../../utils/keyboard/key-map';
import { nextNeedingWork, segmentAfter, segmentState, type SegmentState } from '../../utils/keyboard/segment-order';

const press = (code: string, key: string, mods: Partial<KeyPress> = {}): KeyPress => ({
  code,
  key,
  ctrlKey: false,
  altKey: false,
  shiftKey: false,
  metaKey: false,
  ...mods,
});

describe('the key map', () => {
  it('finds each command from its key', () => {
    expect(commandFor(press('ArrowDown', 'ArrowDown', { altKey: true }))).toBe('next-segment');
    expect(commandFor(press('ArrowUp', 'ArrowUp', { altKey: true }))).toBe('previous-segment');
    expect(commandFor(press('KeyN', 'n', { altKey: true }))).toBe('next-untranslated');
    expect(commandFor(press('KeyC', 'c', { altKey: true }))).toBe('copy-source');
    expect(commandFor(press('Enter', 'Enter', { ctrlKey: true }))).toBe('mark-done-and-next');
    expect(commandFor(press('KeyR', 'r', { altKey: true }))).toBe('open-history');
    expect(commandFor(press('Slash', '/', { ctrlKey: true }))).toBe('open-help');
  });

  it('finds letters by their place on other layouts and with Option on macOS', () => {
    expect(commandFor(press('KeyC', 'с', { altKey: true }))).toBe('copy-source'); // Cyrillic layout
    expect(commandFor(press('KeyN', 'Dead', { altKey: true }))).toBe('next-untranslated'); // ⌥N
    expect(commandFor(press('KeyN', 'ن', { altKey: true }))).toBe('next-untranslated'); // Persian layout
  });

  it('leaves plain typing, other modifiers, composition and ⌘ alone', () => {
    expect(commandFor(press('KeyN', 'n'))).toBeNull();
    expect(commandFor(press('Enter', 'Enter'))).toBeNull();
    expect(commandFor(press('Enter', 'Enter', { ctrlKey: true, shiftKey: true }))).toBeNull();
    expect(commandFor(press('KeyC', 'c', { ctrlKey: true }))).toBeNull(); // copy
    expect(commandFor(press('Enter', 'Enter', { ctrlKey: true, isComposing: true }))).toBeNull();
    expect(commandFor(press('ArrowDown', 'ArrowDown', { altKey: true, metaKey: true }))).toBeNull();
    // On a German keyboard Ctrl and the key at "Slash" types "-": the browser's zoom, not the help.
    expect(commandFor(press('Slash', '-', { ctrlKey: true }))).toBeNull();
  });

  it('avoids the keys the browser keeps and Alt+1…9', () => {
    const reserved = ['KeyT', 'KeyW', 'KeyN', 'KeyL', 'Tab', 'KeyD', 'KeyE', 'KeyF', 'ArrowLeft', 'ArrowRight'];
    for (const binding of KEY_MAP) {
      if (binding.ctrl) expect(reserved, binding.command).not.toContain(binding.code);
      if (binding.alt) expect(['KeyD', 'KeyE', 'KeyF', 'ArrowLeft', 'ArrowRight', 'Home'], binding.command).not.toContain(binding.code);
      expect(binding.code, binding.command).not.toMatch(/^(Digit\d|F\d+)$/);
    }
    expect(new Set(KEY_MAP.map(keyLabel)).size).toBe(KEY_MAP.length); // no key twice
  });

  it('is listed in the README, every key of it', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const table = readme.slice(readme.indexOf('### Statuses and keys'), readme.indexOf('### Sync between devices'));
    for (const binding of KEY_MAP) expect(table, binding.command).toContain(keyLabel(binding));
  });

  it('names keys as people write them', () => {
    expect(KEY_MAP.map(keyLabel)).toEqual(['Alt+↓', 'Alt+↑', 'Alt+N', 'Alt+C', 'Ctrl+Enter', 'Alt+R', 'Alt+M', 'Ctrl+/']);
  });
});

describe('moving between segments', () => {
  const ids = ['a', 'b', 'c', 'd'];
  it('goes to the next and previous segment, from the first or last when none is focused', () => {
    expect(segmentAfter(ids, 'b', 1)).toBe('c');
    expect(segmentAfter(ids, 'b', -1)).toBe('a');
    expect(segmentAfter(ids, 'd', 1)).toBeNull();
    expect(segmentAfter(ids, null, 1)).toBe('a');
    expect(segmentAfter(ids, null, -1)).toBe('d');
    expect(segmentAfter([], null, 1)).toBeNull();
  });

  it('finds the next untranslated segment going round, then a draft not done', () => {
    const states: Record<string, SegmentState> = { a: 'untranslated', b: 'done', c: 'draft', d: 'done' };
    const stateOf = (id: string) => states[id]!;
    expect(nextNeedingWork(ids, 'b', stateOf)).toBe('a'); // round to the start
    expect(nextNeedingWork(ids, null, stateOf)).toBe('a');
    states.a = 'done';
    expect(nextNeedingWork(ids, 'd', stateOf)).toBe('c');
    expect(nextNeedingWork(ids, 'c', stateOf)).toBeNull(); // everything else is done
  });

  it('tells untranslated, draft and done apart', () => {
    expect(segmentState(undefined, undefined)).toBe('untranslated');
    expect(segmentState('  ', 'done')).toBe('untranslated');
    expect(segmentState('Текст', undefined)).toBe('draft');
    expect(segmentState('Текст', 'done')).toBe('done');
  });
});
