// `npm run bench`: builds the extension, measures what translators feel (in Debian's Chromium where
// the browser matters), prints a table, and writes bench/results.json and bench/README-table.md.
// BENCH_RUNS=n: more runs per figure (at least 5). BENCH_SKIP_BUILD=1: measure the build already there.
// BENCH_ONLY="side panel;WordPress": only the groups whose names hold those words (separated by
// ";"), printed and not written to bench/.
// Exits 1 only when something could not be measured; a figure that misses its goal is reported.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const started = Date.now();

if (process.env.BENCH_SKIP_BUILD === '1') {
  console.log('BENCH_SKIP_BUILD=1: measuring the build already in .output/chrome-mv3');
} else {
  console.log('$ npx wxt build');
  const build = spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) {
    console.error(`✗ npx wxt build failed (exit ${build.status ?? build.signal})`);
    process.exit(build.status || 1);
  }
}

const { ensureChromium } = await import('./programs.mjs');
const chromiumPath = await ensureChromium({ interactive: Boolean(process.stdin.isTTY) });
process.env.CHROME_PATH ??= chromiumPath; // the harness then uses it without looking again

// The measuring code is TypeScript beside the e2e harness it shares; tsx compiles it on the fly.
const { tsImport } = await import('tsx/esm/api');
const bench = await tsImport('../tests/bench/run-bench.ts', import.meta.url);
const { textTable, verdict } = await tsImport('../tests/bench/results.ts', import.meta.url);

const { rows, failures } = await bench.runBench({ log: (line) => console.log(line), chromiumPath });

console.log(`\n${textTable(rows)}\n`);
const misses = rows.filter((row) => verdict(row) === 'MISSES goal');
console.log(`${misses.length} of ${rows.filter((row) => row.goal !== null && row.value !== null).length} measured figures miss their goal.`);
if (!process.env.BENCH_ONLY) console.log(`Wrote ${path.relative(ROOT, bench.RESULTS_FILE)} and ${path.relative(ROOT, bench.README_TABLE_FILE)}`);
console.log(`Bench took ${((Date.now() - started) / 1000).toFixed(0)} s.`);
if (failures.length) {
  console.error(`✗ Not measured because the bench failed: ${failures.join(', ')}`);
  process.exit(1);
}
process.exit(0); // the browsers are closed; leave no handle keeping Node alive
