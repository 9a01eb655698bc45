// Figures 8–10 measure export and sync. Each figure is one entry here; a feature not built yet
// has no `measure` function, and its row says so.
import { startCouchServer, type CouchServer } from '../support/couch-server';
import { measureFirstSync, measureOneParagraphEdit, type FirstSync } from '../support/sync-figures';
import { MEASURED_FORMATS, measureExport } from './export-figures';
import { RUNS, WARMUPS, measured, notMeasured, round, type BenchRow, type Figure, type Log } from './results';

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

/** The runs of the first sync, kept for the second device's row (taken in the same runs). */
let lastFirstSyncs: FirstSync[] = [];

/** No document Interlinear writes may exceed 1 MB (Cloudant's limit): a run that does is no figure. */
const MAX_DOCUMENT_BYTES = 1_000_000;

async function firstSyncs(log: Log): Promise<FirstSync[]> {
  const runs: FirstSync[] = [];
  await withServer(HEAVY_RUNS, async (server) => {
    const run = await measureFirstSync(server, 10_000);
    if (run.largestDocument > MAX_DOCUMENT_BYTES) throw new Error(`a document of ${run.largestDocument} bytes was pushed`);
    log(`  first sync: ${round(run.pushMs / 1000)} s (floor ${round(run.pushFloorMs / 1000)} s); second device ${round(run.pullMs / 1000)} s (floor ${round(run.pullFloorMs / 1000)} s)`);
    runs.push(run);
    return 0;
  });
  lastFirstSyncs = runs.slice(-HEAVY_RUNS); // the warm-up run is not kept
  return lastFirstSyncs;
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
    name: 'first sync of 10,000 segments to the local CouchDB-3-like server',
    unit: 's',
    goal: 3,
    missing: '',
    measure: async (log) => {
      const runs = await firstSyncs(log);
      return {
        values: runs.map((r) => r.pushMs / 1000),
        floors: runs.map((r) => r.pushFloorMs / 1000),
        how:
          'the sync engine in Node (fake-indexeddb as the device store) pushes 10,000 drafts of 120 characters and ' +
          'their post (a head and parts, the largest document ' +
          `${Math.max(...runs.map((r) => r.largestDocument)).toLocaleString('en-US')} bytes) to an empty database on the ` +
          'test server (PouchDB Server, memory adapter, behind its CouchDB 3 layer) as a child process on 127.0.0.1; ' +
          'from the first request to the last answer, including the pull that follows. Floor: the same _bulk_docs ' +
          'bodies sent again by a plain loop to a fresh database, then its feed read by a plain _changes loop, in the same run',
      };
    },
  },
  {
    name: 'first sync of those 10,000 segments on a second device',
    unit: 's',
    goal: null,
    missing: '',
    measure: async () => ({
      values: lastFirstSyncs.map((r) => r.pullMs / 1000),
      floors: lastFirstSyncs.map((r) => r.pullFloorMs / 1000),
      how:
        'right after each run above, a second, empty device syncs: it pulls all of it into its own fake-indexeddb ' +
        'store. Floor: the same documents read by a plain _changes?include_docs=true loop, in the same run',
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

export async function measurePendingFeatures(log: Log, only: (name: string) => boolean = () => true): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const { missing, measure, ...figure } of FIGURES.filter((f) => only(f.name))) {
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
