// Runs once before the e2e tests: builds the extension (unless E2E_SKIP_BUILD=1) and makes sure
// Chromium is there, so that a missing browser fails once, loudly, instead of in every test.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureChromium, ensureChromiumTranslations } from '../../scripts/programs.mjs';
import { EXTENSION_PATH, REPO_ROOT, removeDir } from './harness';

export default async function setup(): Promise<() => void> {
  if (process.env.E2E_SKIP_BUILD === '1') {
    console.log(`[e2e] E2E_SKIP_BUILD=1: testing the extension already built in ${EXTENSION_PATH}`);
  } else {
    const build = spawnSync('npx', ['wxt', 'build'], { cwd: REPO_ROOT, stdio: 'inherit' });
    if (build.status !== 0) throw new Error(`npx wxt build failed (exit ${build.status ?? build.signal})`);
  }
  const chromiumPath = await ensureChromium({ interactive: false });
  await ensureChromiumTranslations(chromiumPath);
  console.log(`[e2e] Chromium: ${chromiumPath}`);

  // Test workers inherit these: no second lookup, and one place for profiles and certificates.
  process.env.CHROME_PATH = chromiumPath;
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'interlinear-e2e-'));
  process.env.E2E_TMPDIR = tmp;
  return () => removeDir(tmp);
}
