// Every text colour of the theme on every surface text sits on meets WCAG AA (4.5:1), in light and
// dark colours: a colour changed in interlinear.css cannot make one state of a view unreadable,
// even a state an axe run in the browser does not reach (a hovered row, a focused editor).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const CSS = readFileSync(path.resolve(import.meta.dirname, '../../components/common/interlinear.css'), 'utf8');
const TEXT = ['--fg', '--muted', '--accent', '--done', '--error'];
/** Where text sits: the page, and the soft surfaces (editors, notices, a focused row's neighbours). */
const SURFACES = ['--bg', '--soft'];

/** The custom properties of the first rule block after `marker`. */
function themeAfter(marker: RegExp): Map<string, string> {
  const start = CSS.search(marker);
  const block = CSS.slice(CSS.indexOf('{', start), CSS.indexOf('}', start));
  return new Map([...block.matchAll(/(--[\w-]+):\s*(#[0-9a-f]{6})/gi)].map((m) => [m[1]!, m[2]!.toLowerCase()]));
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) =>
    c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4,
  );
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe.each([
  { name: 'light', theme: themeAfter(/:root\s*\{/) },
  { name: 'dark', theme: themeAfter(/prefers-color-scheme:\s*dark/) },
])('the $name theme', ({ theme }) => {
  it('names every colour the check reads', () => {
    for (const name of [...TEXT, ...SURFACES, '--accent-soft']) expect(theme.get(name), name).toMatch(/^#/);
  });

  it.each(TEXT.flatMap((text) => SURFACES.map((surface) => ({ text, surface }))))(
    '$text on $surface is at least 4.5:1',
    ({ text, surface }) => {
      expect(contrast(theme.get(text)!, theme.get(surface)!)).toBeGreaterThanOrEqual(4.5);
    },
  );

  it('a placeholder chip (--accent on --accent-soft) is at least 4.5:1', () => {
    expect(contrast(theme.get('--accent')!, theme.get('--accent-soft')!)).toBeGreaterThanOrEqual(4.5);
  });
});
