// Starts a CouchDB-protocol server (PouchDB's express-pouchdb, in memory) as a child process on
// 127.0.0.1 at a random port, for one test file: `const server = await startCouchServer()` in
// beforeAll, `await server.stop()` in afterAll.
//
// Its quirks, compared with Apache CouchDB (which production uses — so the client speaks only the
// documented API): `seq` values are numbers (CouchDB's are opaque strings); `_bulk_get` answers a
// missing document with `{}`; a database name's "/" is dropped; `PUT /{db}` needs the patch in
// couch-server-main.cjs; one `_id` twice in one `_bulk_docs` corrupts it; long-polls must be
// aborted by the client.
import { spawn, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const MAIN = path.join(path.dirname(fileURLToPath(import.meta.url)), 'couch-server-main.cjs');

export interface CouchServer {
  /** http://127.0.0.1:PORT, no trailing slash. */
  url: string;
  admin: { username: string; password: string };
  /** Runs a request as the server admin; returns status and JSON body. */
  asAdmin(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }>;
  createDatabase(name: string): Promise<void>;
  /** A CouchDB user (in `_users`), for team databases. */
  createUser(name: string, password: string): Promise<void>;
  /** Only these users (and admins) may use the database. */
  restrictDatabase(name: string, members: string[]): Promise<void>;
  stop(): Promise<void>;
}

export interface CouchServerOptions {
  /** Answer CORS requests from any origin (the browser tests: see couch-server-main.cjs). */
  cors?: boolean;
}

export async function startCouchServer(options: CouchServerOptions = {}): Promise<CouchServer> {
  const admin = { username: 'admin', password: `pw-${Math.random().toString(36).slice(2)}` };
  const child = spawn(process.execPath, [MAIN], {
    cwd: os.tmpdir(),
    env: {
      ...process.env,
      COUCH_ADMIN: `${admin.username}:${admin.password}`,
      COUCH_CORS: options.cors ? '1' : '',
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const port = await listeningPort(child);
  const url = `http://127.0.0.1:${port}`;
  await waitUntilAnswering(url);
  const authorization = `Basic ${Buffer.from(`${admin.username}:${admin.password}`).toString('base64')}`;

  const asAdmin: CouchServer['asAdmin'] = async (method, requestPath, body) => {
    const response = await fetch(url + requestPath, {
      method,
      headers: { authorization, 'content-type': 'application/json', accept: 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
  const expectOk = async (method: string, requestPath: string, body?: unknown) => {
    const answer = await asAdmin(method, requestPath, body);
    if (answer.status >= 300) throw new Error(`${method} ${requestPath}: ${answer.status} ${JSON.stringify(answer.body)}`);
  };

  return {
    url,
    admin,
    asAdmin,
    createDatabase: (name) => expectOk('PUT', `/${encodeURIComponent(name)}`),
    createUser: (name, password) =>
      expectOk('PUT', `/_users/org.couchdb.user:${encodeURIComponent(name)}`, { name, password, roles: [], type: 'user' }),
    restrictDatabase: (name, members) =>
      expectOk('PUT', `/${encodeURIComponent(name)}/_security`, { admins: { names: [], roles: [] }, members: { names: members, roles: [] } }),
    stop: () => stopChild(child),
  };
}

function listeningPort(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`the test CouchDB server did not start:\n${output}`)), 20_000);
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(error);
    };
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening (\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => void (output += chunk.toString()));
    child.once('exit', (code) => fail(new Error(`the test CouchDB server exited (${code}):\n${output}`)));
  });
}

async function waitUntilAnswering(url: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/`)).ok) return;
    } catch {
      // not yet
    }
    if (Date.now() > deadline) throw new Error(`the test CouchDB server at ${url} does not answer`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 3_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.stdin!.end(); // the server exits when its stdin closes…
    child.kill('SIGTERM'); // …or on SIGTERM
  });
}
