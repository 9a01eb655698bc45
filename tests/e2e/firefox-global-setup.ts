// Runs once before the Firefox e2e tests: builds the Firefox extension (unless E2E_SKIP_BUILD=1)
// and makes sure Firefox ESR is there (installing Debian's firefox-esr where it is missing).
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT, removeDir } from './harness';
import { ensureFirefox } from '../../scripts/programs.mjs';
import { FIREFOX_EXTENSION_PATH } from './firefox-harness';

export default async function setup(): Promise<() => void> {
  if (process.env.E2E_SKIP_BUILD === '1') {
    console.log(`[e2e] E2E_SKIP_BUILD=1: testing the extension already built in ${FIREFOX_EXTENSION_PATH}`);
  } else {
    const build = spawnSync('npx', ['wxt', 'build', '-b', 'firefox'], { cwd: REPO_ROOT, stdio: 'inherit' });
    if (build.status !== 0) throw new Error(`npx wxt build -b firefox failed (exit ${build.status ?? build.signal})`);
  }
  const firefoxPath = await ensureFirefox({ interactive: false });
  console.log(`[e2e] Firefox: ${firefoxPath}`);

  // Test workers inherit these: no second lookup, and one place for profiles and certificates.
  process.env.FIREFOX_PATH = firefoxPath;
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'interlinear-e2e-firefox-'));
  process.env.E2E_TMPDIR = tmp;
  return () => removeDir(tmp);
}
