// "Test connection" on the options page: each thing that has to work, checked in order, said plainly.
//
// CORS: the background worker makes these requests, not a page. An extension's own pages and
// worker are exempt from CORS for origins it holds a host permission for, so the options page asks
// for the server's origin (optional host permission, `serverOriginPattern`) when saving, and the
// server needs no CORS configuration. `hasHostPermission` lets this report say when that
// permission is missing; Node tests cannot exercise CORS at all.
import { CouchClient, CouchError, NetworkError, type Fetch } from './couch-client';
import { serverOriginPattern, validateSyncSettings, type SyncSettings } from './settings';

export type CheckName = 'settings' | 'permission' | 'server' | 'login' | 'database';

export interface ConnectionCheck {
  check: CheckName;
  ok: boolean;
  message: string;
}

export interface ConnectionReport {
  ok: boolean;
  checks: ConnectionCheck[];
  /** The server works but has no such database: offer `createDatabase`. */
  canCreateDatabase: boolean;
  /** One sentence for the top of the report. */
  summary: string;
}

export interface ConnectionOptions {
  fetch: Fetch;
  /** Whether the browser lets the extension reach this origin (host permission). */
  hasHostPermission?: (originPattern: string) => Promise<boolean>;
  timeoutMs?: number;
}

export async function testConnection(input: unknown, options: ConnectionOptions): Promise<ConnectionReport> {
  const checks: ConnectionCheck[] = [];
  const report = (canCreateDatabase = false): ConnectionReport => {
    const failed = checks.find((c) => !c.ok);
    return { ok: !failed, checks, canCreateDatabase, summary: failed ? failed.message : 'Everything works: drafts can sync.' };
  };
  const valid = validateSyncSettings(input);
  if (!valid.ok) {
    checks.push({ check: 'settings', ok: false, message: `Some settings need fixing: ${Object.values(valid.errors).join(' ')}` });
    return report();
  }
  const settings = valid.settings;
  const origin = serverOriginPattern(settings.serverUrl);
  if (options.hasHostPermission && !(await options.hasHostPermission(origin))) {
    checks.push({
      check: 'permission',
      ok: false,
      message: `Interlinear may not connect to ${new URL(settings.serverUrl).host} yet: save the settings and allow access when the browser asks.`,
    });
    return report();
  }
  const client = new CouchClient({ ...settings, fetch: options.fetch, timeoutMs: options.timeoutMs ?? 10_000 });

  try {
    // Asked without credentials, so that a wrong password shows as such in the next check.
    const anonymous = new CouchClient({ ...settings, username: '', fetch: options.fetch, timeoutMs: options.timeoutMs ?? 10_000 });
    const welcome = await anonymous.welcome();
    const name = typeof welcome.couchdb === 'string' ? 'CouchDB' : 'express-pouchdb' in welcome ? 'PouchDB Server' : null;
    const version = typeof welcome.version === 'string' ? ` ${welcome.version}` : '';
    if (!name && !('vendor' in welcome)) {
      checks.push({ check: 'server', ok: false, message: `${settings.serverUrl} answers, but not as a CouchDB server.` });
      return report();
    }
    checks.push({ check: 'server', ok: true, message: `${settings.serverUrl} answers: ${name ?? 'a CouchDB-compatible server'}${version}.` });
  } catch (error) {
    // A server that lets nobody in without a login still answered.
    if (error instanceof CouchError && error.status === 401 && settings.username) {
      checks.push({ check: 'server', ok: true, message: `${settings.serverUrl} answers and asks for a login.` });
    } else {
      checks.push({ check: 'server', ok: false, message: unreachable(settings, error) });
      return report();
    }
  }

  if (settings.username) {
    try {
      const session = await client.session();
      const name = session.userCtx?.name;
      if (name !== settings.username) {
        checks.push({ check: 'login', ok: false, message: `The server did not log in ${settings.username}${name ? ` (it says you are ${name})` : ''}.` });
        return report();
      }
      checks.push({ check: 'login', ok: true, message: `Logged in as ${name}.` });
    } catch (error) {
      checks.push({ check: 'login', ok: false, message: refused(error, 'The server refused the user name or password') });
      return report();
    }
  }

  try {
    const info = await client.databaseInfo();
    const count = typeof info.doc_count === 'number' ? ` (${info.doc_count} documents)` : '';
    checks.push({ check: 'database', ok: true, message: `The database ${settings.database} is there${count}.` });
    return report();
  } catch (error) {
    if (error instanceof CouchError && error.status === 404) {
      checks.push({ check: 'database', ok: false, message: `There is no database ${settings.database} on this server. Create it?` });
      return report(true);
    }
    const who = settings.username ? settings.username : 'Anonymous users';
    checks.push({ check: 'database', ok: false, message: refused(error, `${who} may not use the database ${settings.database}`) });
    return report();
  }
}

/** `PUT /{db}`. Usually only a server admin may; the answer says so in the server's words. */
export async function createDatabase(
  settings: SyncSettings,
  options: Pick<ConnectionOptions, 'fetch' | 'timeoutMs'>,
): Promise<{ ok: boolean; message: string }> {
  try {
    await new CouchClient({ ...settings, fetch: options.fetch, timeoutMs: options.timeoutMs ?? 10_000 }).createDatabase();
    return { ok: true, message: `The database ${settings.database} is ready.` };
  } catch (error) {
    return { ok: false, message: refused(error, `Could not create the database ${settings.database}`) };
  }
}

function unreachable(settings: SyncSettings, error: unknown): string {
  if (error instanceof NetworkError) return `Cannot reach ${settings.serverUrl}: ${error.message}. Check the address and that the server runs.`;
  return refused(error, `${settings.serverUrl} did not answer as a CouchDB server`);
}

function refused(error: unknown, what: string): string {
  if (error instanceof CouchError) return `${what}: the server says "${error.reason}" (${error.error}, HTTP ${error.status}).`;
  if (error instanceof NetworkError) return `${what}: ${error.message}.`;
  return `${what}: ${String((error as Error)?.message ?? error)}.`;
}
