// Sync figures for the benchmark and the note: bytes uploaded for a one-paragraph edit, and
// the time of a first sync of N segments, against the local test server. Each device is a
// fake-indexeddb database, so times include this Node process's IndexedDB, not a browser's.
//   npx tsx tests/support/sync-figures.ts [segments]      prints both as JSON
import 'fake-indexeddb/auto';
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
  /** Device A uploads every draft (and the post) to an empty database. */
  pushMs: number;
  /** Device B, empty, pulls all of it. */
  pullMs: number;
  pushRequests: number;
  pullRequests: number;
  bytesSent: number;
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
  return {
    segments,
    pushMs: Math.round(pushMs),
    pullMs: Math.round(pullMs),
    pushRequests: pushed.length,
    pullRequests: pulled.length,
    bytesSent: pushed.reduce((sum, r) => sum + r.bytes, 0),
  };
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
