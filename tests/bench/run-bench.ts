// The whole bench, figure group by figure group, as `npm run bench` runs it (scripts/bench.mjs
// builds the extension first). Writes bench/results.json and bench/README-table.md.
import '../support/node-messages'; // first: interface texts made in Node need browser.i18n
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../e2e/harness';
import { measureContentScript } from './content-script';
import { measureDetectInPage } from './detect-in-page';
import { describeMachine, loadAverage, machineMarkdown, type Machine } from './machine';
import { measurePendingFeatures } from './pending-features';
import { markdownTable, RUNS, WARMUPS, type BenchRow, type Log } from './results';
import { measureMemory } from './memory';
import { measurePanelOpen } from './panel-open';
import { startDraftingSession } from './side-panel';
import { measureKeystrokeDurable, measureKeystrokeFrame } from './side-panel-typing';
import { measureWordPressFill } from './wordpress-fill';

export const RESULTS_FILE = path.join(REPO_ROOT, 'bench/results.json');
export const README_TABLE_FILE = path.join(REPO_ROOT, 'bench/README-table.md');

/**
 * BENCH_ONLY="side panel;WordPress": only the groups whose names hold those words, to look at one
 * part again; a partial run prints its table and writes no results file.
 */
const ONLY = process.env.BENCH_ONLY?.trim()
  ? process.env.BENCH_ONLY.split(';').map((words) => words.trim().toLowerCase()).filter(Boolean)
  : null;

export interface BenchOutcome {
  rows: BenchRow[];
  machine: Machine;
  /** Groups that could not be measured because something broke (not figures that miss a goal). */
  failures: string[];
}

export async function runBench({ log, chromiumPath }: { log: Log; chromiumPath: string }): Promise<BenchOutcome> {
  const rows: BenchRow[] = [];
  const failures: string[] = [];
  const loadAtStart = loadAverage();
  // One group failing (a view that changed, a browser that crashed) must not lose the others.
  const group = async (name: string, measure: () => Promise<BenchRow[]>) => {
    if (ONLY && !ONLY.some((words) => name.toLowerCase().includes(words))) return;
    const started = Date.now();
    try {
      rows.push(...(await measure()));
    } catch (error) {
      const message = (error as Error)?.stack ?? String(error);
      log(`✗ ${name} failed:\n${message}`);
      failures.push(name);
      rows.push({
        name: `${name} (every figure of it)`,
        unit: 'ms',
        goal: null,
        value: null,
        runs: 0,
        min: null,
        median: null,
        max: null,
        how: `not measured: the bench failed: ${String((error as Error)?.message ?? error).split('\n')[0]}`,
        floor: null,
        ratio: null,
      });
    }
    log(`  (${name}: ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  };

  log(`Each figure: ${WARMUPS} warm-up run, then the median of ${RUNS} runs (15 for the traced page loads).`);
  await group('content script', () => measureContentScript(log));
  await group('detect + segment', () => measureDetectInPage(log));
  await group('side panel, Diff-sized post', async () => {
    log('▶ side panel with a 13-segment post (the size of the shared Diff fixture)');
    const session = await startDraftingSession(log, 13);
    try {
      return [await measurePanelOpen(session, log)];
    } finally {
      await session.close();
    }
  });
  await group('side panel', async () => {
    log('▶ side panel with a 1,000-segment post');
    const session = await startDraftingSession(log);
    try {
      return [
        await measurePanelOpen(session, log),
        await measureKeystrokeFrame(session, log),
        await measureKeystrokeDurable(session, log),
      ];
    } finally {
      await session.close();
    }
  });
  await group('export and sync', () => measurePendingFeatures(log));
  await group('WordPress fill', () => measureWordPressFill(log));
  await group('translation memory', () => measureMemory(log));

  const machine = describeMachine(chromiumPath, loadAtStart);
  if (ONLY) log(`BENCH_ONLY: ${ONLY.join(', ')} measured; bench/results.json is left as it was (a partial run)`);
  else writeOutputs(rows, machine);
  return { rows, machine, failures };
}

function writeOutputs(rows: BenchRow[], machine: Machine): void {
  mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
  // Written whole or not at all: a bench stopped halfway leaves the last good file.
  const temporary = `${RESULTS_FILE}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(rows, null, 2)}\n`);
  renameSync(temporary, RESULTS_FILE);
  writeFileSync(
    README_TABLE_FILE,
    [
      markdownTable(rows),
      '',
      `Measured with \`npm run bench\` on:`,
      '',
      machineMarkdown(machine),
      '',
      'Each figure is the median of its runs after a warm-up; `bench/results.json` has every row with ' +
        '`how` it was taken. No test asserts a time.',
      '',
    ].join('\n'),
  );
}
