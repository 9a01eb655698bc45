// Page-derived text reaches the views and the page only as text: the shipped code holds no API that
// turns a string into markup or code. A new use fails here, with its place.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const SHIPPED = ['components', 'entrypoints', 'utils'];
const SINKS = /\b(innerHTML|outerHTML|insertAdjacentHTML|dangerouslySetInnerHTML|document\.write|srcdoc|createContextualFragment|setHTMLUnsafe)\b|\beval\s*\(|\bnew Function\s*\(/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) ? [full] : [];
  });
}

describe('shipped code', () => {
  it('has no string-to-markup or string-to-code sink', () => {
    const found: string[] = [];
    for (const file of SHIPPED.flatMap((dir) => sourceFiles(path.join(ROOT, dir)))) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (SINKS.test(line) && !/^\s*(\/\/|\*)/.test(line)) found.push(`${path.relative(ROOT, file)}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(found).toEqual([]);
  });
});
