// Sync figures for the benchmark: bytes uploaded for a one-paragraph edit, and the time of a first
// sync of N segments, against the local test server (PouchDB Server behind its CouchDB 3 layer).
// Each device is a fake-indexeddb database, so times include this Node process's IndexedDB, not a
// browser's. Beside the first sync, its floor: the very documents it pushed, sent again by a plain
// loop of `_bulk_docs` to a fresh database, and read back by a plain loop of `_changes` — what the
// server and the link cost with no client work at all.
//   npx tsx tests/support/sync-figures.ts [segments]      prints both as JSON
import 'fake-indexeddb/auto';
import { DEFAULT_PULL_LIMIT, REVISIONS_PULL_FACTOR } from '../../utils/sync/pull';
import { Device, samplePost } from './sync-devices';
import { startCouchServer, type CouchServer } from './couch-server';

export interface EditBytes {
  /** The `_bulk_docs` request that carries the edit: request line, headers and body. */
  pushRequestBytes: number;
  pushBodyBytes: number;
  /** Every request of that sync (push, then the pull that follows), as sent. */
  syncBytesSent: number;
  /** Paragraphs in the post, and characters in the edited one. */
  postParagraphs: number;
  paragraphChars: number;
}

export interface FirstSync {
  segments: number;
  /** Device A uploads every draft (and the post) to an empty database, and reads the feed after. */
  pushMs: number;
  /** Device B, empty, pulls all of it. */
  pullMs: number;
  /** The same documents by a plain `_bulk_docs` loop, then the feed (ids and revisions) read back. */
  pushFloorMs: number;
  /** The same documents read by a plain `_changes?include_docs=true` loop. */
  pullFloorMs: number;
  pushRequests: number;
  pullRequests: number;
  bytesSent: number;
  /** The largest document pushed, in bytes of JSON. */
  largestDocument: number;
}

let databases = 0;

async function freshDevices(server: CouchServer, names: string[]): Promise<Device[]> {
  const database = `figures-${process.pid}-${databases++}`;
  await server.createDatabase(database);
  const { username, password } = server.admin;
  return Promise.all(names.map((deviceName) => Device.open({ serverUrl: server.url, database, username, password, deviceName })));
}

/** Bytes sent to push one edited paragraph of a post whose other drafts are all synced. */
export async function measureOneParagraphEdit(server: CouchServer, postParagraphs = 50, paragraphChars = 400): Promise<EditBytes> {
  const [device] = await freshDevices(server, ['laptop']);
  const post = samplePost(postParagraphs, undefined, paragraphChars);
  await device!.store.savePost(post);
  for (const segment of post.segments) await device!.type(post.key, 'ru', segment.id, `Перевод: ${segment.text}`);
  await device!.sync();
  device!.net.take();
  const edited = post.segments[Math.floor(postParagraphs / 2)]!;
  const text = `Исправленный перевод: ${edited.text}`.slice(0, paragraphChars);
  await device!.type(post.key, 'ru', edited.id, text);
  await device!.sync();
  const requests = device!.net.take();
  const push = requests.find((r) => r.url.endsWith('/_bulk_docs'))!;
  device!.close();
  return {
    pushRequestBytes: push.bytes,
    pushBodyBytes: Buffer.byteLength(push.body ?? ''),
    syncBytesSent: requests.reduce((sum, r) => sum + r.bytes, 0),
    postParagraphs,
    paragraphChars: text.length,
  };
}

/** The first sync of `segments` drafts from one device to an empty database, then to another device. */
export async function measureFirstSync(server: CouchServer, segments = 10_000): Promise<FirstSync> {
  const [a, b] = await freshDevices(server, ['a', 'b']);
  const post = samplePost(segments, undefined, 120);
  await a!.store.savePost(post);
  // Drafts written straight into the store, as years of typing would have left them.
  for (let i = 0; i < segments; i += 500) {
    await Promise.all(post.segments.slice(i, i + 500).map((s) => a!.type(post.key, 'de', s.id, `Übersetzung ${s.text}`)));
  }
  let started = performance.now();
  await a!.sync();
  const pushMs = performance.now() - started;
  started = performance.now();
  await b!.sync();
  const pullMs = performance.now() - started;
  if ((await b!.store.getDrafts(post.key, 'de')).length !== segments) throw new Error('the pull did not bring every draft');
  const pushed = a!.net.take();
  const pulled = b!.net.take();
  a!.close();
  b!.close();
  const bodies = pushed.filter((r) => r.url.endsWith('/_bulk_docs')).map((r) => r.body!);
  const docs = bodies.flatMap((body) => JSON.parse(body).docs as unknown[]);
  const floor = await measureFloor(server, bodies);
  return {
    segments,
    pushMs: Math.round(pushMs),
    pullMs: Math.round(pullMs),
    ...floor,
    pushRequests: pushed.length,
    pullRequests: pulled.length,
    bytesSent: pushed.reduce((sum, r) => sum + r.bytes, 0),
    largestDocument: Math.max(...docs.map((doc) => Buffer.byteLength(JSON.stringify(doc)))),
  };
}

/** The first sync's documents by plain loops: `_bulk_docs` as they were sent, then `_changes`. */
async function measureFloor(server: CouchServer, bodies: string[]): Promise<{ pushFloorMs: number; pullFloorMs: number }> {
  const database = `floor-${process.pid}-${databases++}`;
  await server.createDatabase(database);
  const base = `${server.url}/${database}`;
  const headers = {
    authorization: `Basic ${Buffer.from(`${server.admin.username}:${server.admin.password}`).toString('base64')}`,
    'content-type': 'application/json',
    accept: 'application/json',
  };
  // Pages of the sizes sync asks for, so that only the client's own work differs.
  const readFeed = async (limit: number, query: string) => {
    let since: unknown;
    for (;;) {
      const url = `${base}/_changes?limit=${limit}&${query}${since === undefined ? '' : `&since=${encodeURIComponent(String(since))}`}`;
      const page = (await (await fetch(url, { headers })).json()) as { results: unknown[]; last_seq: unknown };
      since = page.last_seq;
      if (page.results.length < limit) return;
    }
  };
  let started = performance.now();
  for (const body of bodies) await (await fetch(`${base}/_bulk_docs`, { method: 'POST', headers, body })).arrayBuffer();
  await readFeed(DEFAULT_PULL_LIMIT * REVISIONS_PULL_FACTOR, 'style=all_docs');
  const pushFloorMs = performance.now() - started;
  started = performance.now();
  await readFeed(DEFAULT_PULL_LIMIT, 'include_docs=true');
  return { pushFloorMs: Math.round(pushFloorMs), pullFloorMs: Math.round(performance.now() - started) };
}

/** Both figures, with a server of their own. */
export async function syncFigures(segments = 10_000): Promise<{ edit: EditBytes; firstSync: FirstSync }> {
  const server = await startCouchServer();
  try {
    return { edit: await measureOneParagraphEdit(server), firstSync: await measureFirstSync(server, segments) };
  } finally {
    await server.stop();
  }
}

if (process.argv[1]?.endsWith('sync-figures.ts')) {
  syncFigures(Number(process.argv[2] ?? 10_000)).then(
    (figures) => console.log(JSON.stringify(figures, null, 2)),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
