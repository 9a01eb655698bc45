// Figures 8–10 measure features that are not built yet (export, sync). Each figure is one entry
// here; when its feature lands, give the entry a `measure` function and the bench runs it.
import { measured, notMeasured, type BenchRow, type Figure, type Log } from './results';

interface PendingFigure extends Figure {
  /** Why there is no figure yet, in plain words, while `measure` is missing. */
  missing: string;
  /** Returns the values of the measured runs (warm-up already done) and how they were taken. */
  measure?: (log: Log) => Promise<{ values: number[]; how: string }>;
}

const EXPORT_MISSING = 'export is not built yet';
const SYNC_MISSING = 'sync is not built yet';

/** Export formats, as DESIGN.md lists them. */
export const EXPORT_FORMATS = ['Markdown', 'WordPress block HTML', 'plain text', 'XLIFF 2.0', 'JSON backup'];

const FIGURES: PendingFigure[] = [
  ...EXPORT_FORMATS.map(
    (format): PendingFigure => ({
      name: `export 10,000 segments, ${format}`,
      unit: 'ms',
      goal: 200,
      missing: EXPORT_MISSING,
      // measure: (log) => measureExport(format, 10_000, log),
    }),
  ),
  {
    name: 'first sync of 10,000 segments to the local CouchDB-protocol server',
    unit: 's',
    goal: 3,
    missing: SYNC_MISSING,
    // measure: (log) => measureFirstSync(10_000, log),
  },
  {
    name: 'bytes uploaded for a one-paragraph edit',
    unit: 'bytes',
    goal: 2 * 1024,
    missing: SYNC_MISSING,
    // measure: (log) => measureEditUpload(log),
  },
];

export async function measurePendingFeatures(log: Log): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const { missing, measure, ...figure } of FIGURES) {
    if (!measure) {
      log(`▶ ${figure.name}: not measured (${missing})`);
      rows.push(notMeasured(figure, missing));
      continue;
    }
    log(`▶ ${figure.name}`);
    const { values, how } = await measure(log);
    rows.push(measured(figure, values, how));
  }
  return rows;
}
