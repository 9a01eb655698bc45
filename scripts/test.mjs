// `npm test`: typecheck, web-ext lint of the Firefox build, unit tests, then end-to-end tests in
// real Chromium and in Firefox ESR. First it makes sure of every program those stages drive
// (scripts/programs.mjs: installed with apt where missing, else it stops with the command to run).
// Stops at the first stage that fails, with its exit code, and ends with one line:
// "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { ensurePrograms } from './programs.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const reports = mkdtempSync(path.join(os.tmpdir(), 'interlinear-test-'));
const totals = { passed: 0, failed: 0 };

const stages = [
  { name: 'typecheck', args: ['tsc', '--noEmit'] },
  // Builds for Firefox and runs AMO's linter on it: 0 errors and 0 warnings, or the stage fails.
  { name: 'Firefox lint', command: 'npm', args: ['run', '-s', 'lint:firefox'] },
  { name: 'unit tests', args: ['vitest', 'run'], report: 'unit.json' },
  { name: 'e2e tests', args: ['vitest', 'run', '--config', 'vitest.e2e.config.ts'], report: 'e2e.json' },
  {
    name: 'e2e tests in Firefox',
    args: ['vitest', 'run', '--config', 'vitest.e2e.firefox.config.ts'],
    report: 'e2e-firefox.json',
  },
];

try {
  await ensurePrograms(undefined, { interactive: Boolean(process.stdin.isTTY) });
} catch (error) {
  console.error(`\n✗ ${error.message}`);
  console.log('\n0 passed, 0 failed');
  process.exit(1);
}

let exitCode = 0;
for (const stage of stages) {
  const args = [...stage.args];
  const report = stage.report && path.join(reports, stage.report);
  // The JSON report gives the counts; the default reporter still prints progress.
  if (report) args.push('--reporter=default', '--reporter=json', `--outputFile.json=${report}`);
  const command = stage.command ?? 'npx';
  console.log(`\n▶ ${stage.name}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' });
  if (report) addCounts(report);
  if (result.status !== 0) {
    exitCode = result.status || 1;
    console.error(`\n✗ ${stage.name} failed (exit ${result.status ?? result.signal})`);
    break;
  }
}

rmSync(reports, { recursive: true, force: true });
console.log(`\n${totals.passed} passed, ${totals.failed} failed`);
process.exit(exitCode);

function addCounts(report) {
  if (!existsSync(report)) return; // vitest stopped before testing (e.g. a config error)
  const json = JSON.parse(readFileSync(report, 'utf8'));
  totals.passed += json.numPassedTests ?? 0;
  totals.failed += json.numFailedTests ?? 0;
}
