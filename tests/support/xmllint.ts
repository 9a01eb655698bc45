// xmllint (Debian's libxml2-utils) checks exported XLIFF against the OASIS schema kept in
// tests/fixtures/schemas/. `npm test` installs it where missing (scripts/tools.mjs); run alone, a
// test without it fails with the command that installs it, never skips.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Through a variable: vitest rewrites `new URL('…', import.meta.url)` in unit tests (see pages.ts).
const supportDir = import.meta.url;
export const XLIFF2_SCHEMA = fileURLToPath(new URL('../fixtures/schemas/xliff_core_2.0.xsd', supportDir));

/** xmllint's verdict on a file: '' when valid (against the XLIFF 2.0 schema when `schema`), else its messages. */
export function xmllintFile(file: string, schema: boolean): string {
  const args = ['--noout', '--nonet', ...(schema ? ['--schema', XLIFF2_SCHEMA] : []), file];
  try {
    execFileSync('xmllint', args, { stdio: 'pipe' });
    return '';
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error('xmllint is not installed: `npm test` installs it, or run `sudo apt-get install libxml2-utils`');
    }
    return String((error as { stderr?: Buffer }).stderr ?? error);
  }
}

/** The same for text: written to a temporary file first. */
export function xmllint(content: string, schema: boolean): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ilx-xliff-'));
  const file = path.join(dir, 'export.xlf');
  writeFileSync(file, content);
  try {
    return xmllintFile(file, schema);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
