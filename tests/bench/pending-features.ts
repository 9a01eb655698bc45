// Figures 8–10 measure export and sync. Each figure is one entry here; a feature not built yet
// has no `measure` function, and its row says so.
import { startCouchServer, type CouchServer } from '../support/couch-server';
import { measureFirstSync, measureOneParagraphEdit } from '../support/sync-figures';
import { MEASURED_FORMATS, measureExport } from './export-figures';
import { RUNS, WARMUPS, measured, notMeasured, type BenchRow, type Figure, type Log } from './results';

interface PendingFigure extends Figure {
  /** Why there is no figure yet, in plain words, while `measure` is missing. */
  missing: string;
  /** Returns the values of the measured runs (warm-up already done), how they were taken, and the floor's runs. */
  measure?: (log: Log) => Promise<{ values: number[]; how: string; floors?: number[] }>;
}

// A first sync of 10,000 drafts takes seconds: five runs are enough for a median.
const HEAVY_RUNS = 5;

/** Runs `once` after a warm-up, each on the same local server (a child process, stopped after). */
async function withServer(runs: number, once: (server: CouchServer) => Promise<number>): Promise<number[]> {
  const server = await startCouchServer();
  try {
    for (let i = 0; i < WARMUPS; i++) await once(server);
    const values: number[] = [];
    for (let i = 0; i < runs; i++) values.push(await once(server));
    return values;
  } finally {
    await server.stop();
  }
}

/** Export formats, as DESIGN.md lists them, and the further ones the export offers. */
export const EXPORT_FORMATS = MEASURED_FORMATS.map((f) => f.name);

const FIGURES: PendingFigure[] = [
  ...MEASURED_FORMATS.map(
    ({ name, format }): PendingFigure => ({
      name: `export 10,000 segments, ${name}`,
      unit: 'ms',
      goal: 200,
      missing: '',
      measure: (log) => measureExport(format, 10_000, log),
    }),
  ),
  {
    name: 'first sync of 10,000 segments to the local CouchDB-protocol server',
    unit: 's',
    goal: 3,
    missing: '',
    measure: async () => ({
      values: await withServer(HEAVY_RUNS, async (server) => (await measureFirstSync(server, 10_000)).pushMs / 1000),
      how:
        'the sync engine in Node (fake-indexeddb as the device store) pushes 10,000 drafts of 120 characters and ' +
        'their post to an empty database on the PouchDB server (express-pouchdb, memory adapter) as a child ' +
        'process on 127.0.0.1; from the first request to the last answer, including the pull that follows',
    }),
  },
  {
    name: 'bytes uploaded for a one-paragraph edit',
    unit: 'bytes',
    goal: 2 * 1024,
    missing: '',
    measure: async () => ({
      values: await withServer(RUNS, async (server) => (await measureOneParagraphEdit(server)).pushRequestBytes),
      how:
        'one 400-character paragraph re-edited in a 50-paragraph post whose drafts are all synced: the bytes of ' +
        'the _bulk_docs request that carries it (request line, headers and body)',
    }),
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
    const { values, how, floors } = await measure(log);
    rows.push(measured(figure, values, how, floors));
  }
  return rows;
}
