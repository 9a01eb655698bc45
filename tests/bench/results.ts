// The bench's rows: one per figure, as bench/results.json stores them, and the tables printed
// from them. A figure is the median of its runs; the warm-up runs before them are not kept.

export interface Figure {
  name: string;
  unit: 'ms' | 'bytes' | 's';
  /** The most the figure may be (≤); null for figures reported without a goal. */
  goal: number | null;
}

export interface BenchRow extends Figure {
  value: number | null;
  runs: number;
  min: number | null;
  median: number | null;
  max: number | null;
  how: string;
  /** The same work done the plainest way, measured in the same runs (median), when there is one. */
  floor?: number | null;
  /**
   * The median of each run's value / floor (the two taken back to back): how much the figure costs
   * above its floor, whatever the machine's load.
   */
  ratio?: number | null;
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

export function measured(figure: Figure, values: number[], how: string): BenchRow {
  const mid = round(median(values), figure.unit);
  return {
    ...figure,
    value: mid,
    runs: values.length,
    min: round(Math.min(...values), figure.unit),
    median: mid,
    max: round(Math.max(...values), figure.unit),
    how,
  };
}

/** A measured figure with its floor, taken in the same runs (`floors[i]` right after `values[i]`). */
export function measuredWithFloor(figure: Figure, values: number[], floors: number[], how: string): BenchRow {
  const ratios = values.flatMap((value, i) => (floors[i]! > 0 ? [value / floors[i]!] : []));
  return {
    ...measured(figure, values, how),
    floor: round(median(floors), figure.unit),
    ratio: ratios.length ? Math.round(median(ratios) * 100) / 100 : null,
  };
}

/** A figure the bench cannot take yet; `how` says why in plain words. */
export function notMeasured(figure: Figure, why: string): BenchRow {
  return { ...figure, value: null, runs: 0, min: null, median: null, max: null, how: `not measured: ${why}` };
}

export function verdict(row: BenchRow): string {
  if (row.value === null) return 'not measured';
  if (row.goal === null) return '—';
  return row.value <= row.goal ? 'meets goal' : 'MISSES goal';
}

function show(value: number | null, unit: Figure['unit']): string {
  if (value === null) return '—';
  if (unit === 'bytes') return `${value.toLocaleString('en-US')} B`;
  return `${value.toLocaleString('en-US', { maximumFractionDigits: 2 })} ${unit}`;
}

function goalText(row: BenchRow): string {
  if (row.goal === null) return '—';
  return row.unit === 'bytes' ? `≤ ${row.goal / 1024} KB` : `≤ ${show(row.goal, row.unit)}`;
}

/** The columns both tables show. */
function cells(row: BenchRow): string[] {
  const spread = row.value === null ? '—' : `${show(row.min, row.unit)} – ${show(row.max, row.unit)}`;
  return [row.name, show(row.value, row.unit), goalText(row), verdict(row), spread, String(row.runs)];
}

const HEADER = ['figure', 'median', 'goal', 'vs goal', 'min – max', 'runs'];

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
