// Starts a CouchDB-protocol server (PouchDB's express-pouchdb, in memory) as a child process on
// 127.0.0.1 at a random port, for one test file: `const server = await startCouchServer()` in
// beforeAll, `await server.stop()` in afterAll.
//
// In front of PouchDB Server, a layer answers as Apache CouchDB 3 and Cloudant do where sync depends
// on it (couch-server-couch3.cjs, each behaviour with the CouchDB source or doc it follows): opaque
// string sequences and 400 on a malformed `since`; `max_document_size` and a request-size limit
// (413); `admin_only` security for new databases, 403 for logged-in non-members; the 3.4 lockout
// after 5 failed logins; 202 answers with stale writes kept as conflict branches; 429 with
// Retry-After; IAM bearer tokens; a slow `_changes`; an http→https redirect. `configure` switches
// each. What stays PouchDB's own: `_bulk_get` answers a missing document with `{}`; a database
// name's "/" is dropped; one `_id` twice in one `_bulk_docs` corrupts it; long-polls must be
// aborted by the client; validate_doc_update runs in Node, not in a query server.
import { spawn, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const MAIN = path.join(path.dirname(fileURLToPath(import.meta.url)), 'couch-server-main.cjs');

/** How the CouchDB 3 layer behaves (couch-server-couch3.cjs has the defaults: CouchDB 3's). */
export interface Couch3Config {
  maxDocumentSize?: number;
  maxRequestSize?: number;
  /** Who refuses an oversized request: CouchDB (JSON 413) or a reverse proxy in front (HTML 413). */
  requestLimitBy?: 'couchdb' | 'proxy';
  /** The 3.4 lockout; false turns it off. */
  lockout?: { threshold: number; maxLifetimeMs: number } | false;
  defaultSecurity?: 'admin_only' | 'everyone';
  /** 'integer': sequences as PouchDB Server and CouchDB 1.x have them. */
  sequences?: 'opaque' | 'integer';
  /** Writes answered 202, stale ones kept as conflict branches (a cluster without quorum). */
  accepted?: boolean;
  tooManyRequests?: { count: number; retryAfterSeconds: number };
  /** Cloudant's provisioned writes per second: each document of a `_bulk_docs` counts. */
  writesPerSecond?: number;
  changesDelayMsPerRow?: number;
  redirectToHttps?: boolean;
  iamTokenSeconds?: number;
  /** IAM API key → the CouchDB user its tokens act as. */
  iamKeys?: Record<string, string>;
  expireIamTokens?: boolean;
  forgetFailures?: boolean;
  /** Back to CouchDB 3's defaults. */
  reset?: boolean;
}

export interface CouchServer {
  /** http://127.0.0.1:PORT, no trailing slash. */
  url: string;
  /** The test server's stand-in for https://iam.cloud.ibm.com/identity/token. */
  iamTokenUrl: string;
  admin: { username: string; password: string };
  /** Runs a request as the server admin; returns status and JSON body. */
  asAdmin(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }>;
  /** Made as CouchDB 3 makes it: only admins may use it until its `_security` says otherwise. */
  createDatabase(name: string): Promise<void>;
  /** A CouchDB user (in `_users`), for team databases. */
  createUser(name: string, password: string, roles?: string[]): Promise<void>;
  /** Only these users, users with these roles, and admins may use the database. */
  restrictDatabase(name: string, members: string[], roles?: string[]): Promise<void>;
  /**
   * Writes `body` as a conflict branch of `docId`: a sibling of its current revision, as internal
   * replication leaves two writes that two copies of a shard took. Returns the branch's revision.
   * `wins`: its revision id sorts last, so CouchDB shows it as the document (else either may be).
   */
  addConflictBranch(database: string, docId: string, body: Record<string, unknown>, options?: { wins?: boolean }): Promise<string>;
  /** A `validate_doc_update` design document. */
  setValidation(database: string, source: string): Promise<void>;
  configure(config: Couch3Config): Promise<void>;
  /** Failed logins the lockout counts now, by user name. */
  failedLogins(): Promise<Record<string, number>>;
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

  const docPath = (database: string, docId: string) => `/${encodeURIComponent(database)}/${encodeURIComponent(docId)}`;

  return {
    url,
    iamTokenUrl: `${url}/_iam/identity/token`,
    admin,
    asAdmin,
    createDatabase: (name) => expectOk('PUT', `/${encodeURIComponent(name)}`),
    createUser: (name, password, roles = []) =>
      expectOk('PUT', `/_users/org.couchdb.user:${encodeURIComponent(name)}`, { name, password, roles, type: 'user' }),
    restrictDatabase: (name, members, roles = []) =>
      expectOk('PUT', `/${encodeURIComponent(name)}/_security`, { admins: { names: [], roles: [] }, members: { names: members, roles } }),
    addConflictBranch: async (database, docId, body, { wins = false } = {}) => {
      const current = await asAdmin('GET', `${docPath(database, docId)}?revs=true`);
      if (current.status !== 200) throw new Error(`${docId}: ${current.status} ${JSON.stringify(current.body)}`);
      const { start, ids } = current.body._revisions as { start: number; ids: string[] };
      const hash = wins ? 'f'.repeat(32) : `b${Math.random().toString(16).slice(2).padEnd(31, '0')}`.slice(0, 32);
      // The sibling shares the current revision's parent (or is a second root).
      const revisions = { start, ids: [hash, ...ids.slice(1)] };
      await expectOk('POST', `/${encodeURIComponent(database)}/_bulk_docs`, {
        new_edits: false,
        docs: [{ ...body, _id: docId, _rev: `${start}-${hash}`, _revisions: revisions }],
      });
      return `${start}-${hash}`;
    },
    setValidation: (database, source) =>
      expectOk('PUT', `/${encodeURIComponent(database)}/_design/validation`, { validate_doc_update: source }),
    configure: (config) => expectOk('PUT', '/_interlinear_test/config', config),
    failedLogins: async () => (await asAdmin('GET', '/_interlinear_test/failed-logins')).body,
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
