// The bench's rows: one per figure, as bench/results.json stores them, and the tables printed
// from them. A figure is the median of its runs; the warm-up runs before them are not kept. Beside
// a figure, its floor: the same measure of what nothing goes below (a bare textarea, a static page,
// a plain JSON serialisation), taken in the same run, and the ratio of the two — a busy machine
// slows both, so the ratio is what shows a regression.

export interface Figure {
  name: string;
  unit: 'ms' | 'bytes' | 's';
  /** The most the figure may be (≤); null for figures reported without a goal. */
  goal: number | null;
  /** The most the figure may be as a multiple of its floor (≤), where that is its goal. */
  ratioGoal?: number;
}

export interface BenchRow extends Figure {
  value: number | null;
  runs: number;
  min: number | null;
  median: number | null;
  max: number | null;
  how: string;
  /**
   * The floor's median: the same measure of the least the figure can be (an empty content script, a
   * bare textarea, a plain JSON serialisation), in the same run; null for figures without one.
   */
  floor: number | null;
  /**
   * value ÷ floor — with a floor taken right after each run, the median of each run's ratio: how
   * much the figure costs above its floor, whatever the machine's load. Null without a floor.
   */
  ratio: number | null;
  /** The 95th percentile of every sample, where single slow ones matter (keystrokes). */
  p95?: number;
}

export type Log = (line: string) => void;

/** How many measured runs each figure gets (BENCH_RUNS=n to change; never below 5). */
export const RUNS = Math.max(5, Number(process.env.BENCH_RUNS) || 7);
export const WARMUPS = 1;

/** Runs `measure` WARMUPS + RUNS times and returns the measured values (warm-ups dropped). */
export async function repeat(
  label: string,
  log: Log,
  measure: (run: number) => Promise<number>,
  { runs = RUNS, warmups = WARMUPS }: { runs?: number; warmups?: number } = {},
): Promise<number[]> {
  const values: number[] = [];
  for (let run = -warmups; run < runs; run++) {
    const value = await measure(run);
    const which = run < 0 ? 'warm-up' : `run ${run + 1}/${runs}`;
    log(`  ${label}: ${which} ${round(value)}`);
    if (run >= 0) values.push(value);
  }
  return values;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Rounds to what a reader can use: whole bytes, hundredths of a millisecond. */
export function round(value: number, unit: Figure['unit'] | undefined = 'ms'): number {
  if (unit === 'bytes') return Math.round(value);
  return Math.round(value * 100) / 100;
}

/** The figure's row; with `floorValues` (the floor's runs, same run), its floor and ratio too. */
export function measured(figure: Figure, values: number[], how: string, floorValues?: number[]): BenchRow {
  const mid = round(median(values), figure.unit);
  return {
    ...figure,
    value: mid,
    runs: values.length,
    min: round(Math.min(...values), figure.unit),
    median: mid,
    max: round(Math.max(...values), figure.unit),
    how,
    ...(floorValues?.length ? floorOf(values, floorValues, figure.unit) : { floor: null, ratio: null }),
  };
}

/** The row with its floor (the same measure of the least it can be, in the same run) and the ratio to it. */
export function withFloor(row: BenchRow, floorValues: number[]): BenchRow {
  return row.value === null ? row : { ...row, ...floorOf([row.value], floorValues, row.unit) };
}

/** Floor and ratio; `floorValues[i]` taken right after `values[i]` when the counts match. */
function floorOf(values: number[], floorValues: number[], unit: Figure['unit']): Pick<BenchRow, 'floor' | 'ratio'> {
  const floor = median(floorValues);
  const paired = values.length === floorValues.length && floorValues.every((f) => f > 0);
  const ratio = paired ? median(values.map((value, i) => value / floorValues[i]!)) : floor > 0 ? median(values) / floor : null;
  return { floor: round(floor, unit), ratio: ratio === null ? null : Math.round(ratio * 100) / 100 };
}

/** The value below which 95 % of the samples fall. */
export function percentile95(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))]!;
}

/** A figure the bench cannot take yet; `how` says why in plain words. */
export function notMeasured(figure: Figure, why: string): BenchRow {
  return { ...figure, value: null, runs: 0, min: null, median: null, max: null, how: `not measured: ${why}`, floor: null, ratio: null };
}

export function verdict(row: BenchRow): string {
  if (row.value === null) return 'not measured';
  const checks: boolean[] = [];
  if (row.goal !== null) checks.push(row.value <= row.goal);
  if (row.ratioGoal !== undefined) checks.push(row.ratio !== null && row.ratio <= row.ratioGoal);
  if (checks.length === 0) return '—';
  return checks.every(Boolean) ? 'meets goal' : 'MISSES goal';
}

function show(value: number | null, unit: Figure['unit']): string {
  if (value === null) return '—';
  if (unit === 'bytes') return `${value.toLocaleString('en-US')} B`;
  return `${value.toLocaleString('en-US', { maximumFractionDigits: 2 })} ${unit}`;
}

function goalText(row: BenchRow): string {
  const goals: string[] = [];
  if (row.goal !== null) goals.push(row.unit === 'bytes' ? `≤ ${row.goal / 1024} KB` : `≤ ${show(row.goal, row.unit)}`);
  if (row.ratioGoal !== undefined) goals.push(`≤ ${row.ratioGoal} × floor`);
  return goals.join(' and ') || '—';
}

/** The columns both tables show. */
function cells(row: BenchRow): string[] {
  const spread = row.value === null ? '—' : `${show(row.min, row.unit)} – ${show(row.max, row.unit)}`;
  const value = show(row.value, row.unit) + (row.p95 === undefined ? '' : ` (p95 ${show(row.p95, row.unit)})`);
  const ratio = row.ratio === null ? '—' : `${row.ratio.toLocaleString('en-US', { maximumFractionDigits: 2 })} ×`;
  return [row.name, value, show(row.floor, row.unit), ratio, goalText(row), verdict(row), spread, String(row.runs)];
}

const HEADER = ['figure', 'median', 'floor', 'ratio', 'goal', 'vs goal', 'min – max', 'runs'];

export function textTable(rows: BenchRow[]): string {
  const table = [HEADER, ...rows.map(cells)];
  const widths = HEADER.map((_, i) => Math.max(...table.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(table[0]!), widths.map((w) => '─'.repeat(w)).join('  '), ...table.slice(1).map(line)].join('\n');
}

export function markdownTable(rows: BenchRow[]): string {
  const escape = (c: string) => c.replace(/\|/g, '\\|');
  const line = (r: string[]) => `| ${r.map(escape).join(' | ')} |`;
  return [line(HEADER), line(HEADER.map(() => '---')), ...rows.map((r) => line(cells(r)))].join('\n');
}
