// "Test connection" on the options page: each thing that has to work, checked in order, said plainly.
//
// CORS: the background worker makes these requests, not a page. An extension's own pages and
// worker are exempt from CORS for origins it holds a host permission for, so the options page asks
// for the server's origin (optional host permission, `serverOriginPattern`) when saving, and the
// server needs no CORS configuration. `hasHostPermission` lets this report say when that
// permission is missing; Node tests cannot exercise CORS at all.
//
// The background makes these sentences, in the UI language, and the options page shows them as
// they come; the server's own words stay as the server wrote them.
import { t, tCount, type MessageKey } from '../i18n';
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
    return { ok: !failed, checks, canCreateDatabase, summary: failed ? failed.message : t('syncCheckAllWorks') };
  };
  const valid = validateSyncSettings(input);
  if (!valid.ok) {
    checks.push({ check: 'settings', ok: false, message: t('syncCheckSettingsInvalid', Object.values(valid.errors).join(' ')) });
    return report();
  }
  const settings = valid.settings;
  const origin = serverOriginPattern(settings.serverUrl);
  if (options.hasHostPermission && !(await options.hasHostPermission(origin))) {
    checks.push({
      check: 'permission',
      ok: false,
      message: t('syncCheckNoPermission', new URL(settings.serverUrl).host),
    });
    return report();
  }
  const client = new CouchClient({ ...settings, fetch: options.fetch, timeoutMs: options.timeoutMs ?? 10_000 });

  try {
    // Asked without credentials, so that a wrong password shows as such in the next check.
    const anonymous = new CouchClient({ ...settings, username: '', fetch: options.fetch, timeoutMs: options.timeoutMs ?? 10_000 });
    const welcome = await anonymous.welcome();
    const name = typeof welcome.couchdb === 'string' ? 'CouchDB' : 'express-pouchdb' in welcome ? 'PouchDB Server' : null;
    const version = typeof welcome.version === 'string' ? welcome.version : '';
    if (!name && !('vendor' in welcome)) {
      checks.push({ check: 'server', ok: false, message: t('syncCheckNotCouch', settings.serverUrl) });
      return report();
    }
    checks.push({ check: 'server', ok: true, message: serverAnswers(settings.serverUrl, name, version) });
  } catch (error) {
    // A server that lets nobody in without a login still answered.
    if (error instanceof CouchError && error.status === 401 && settings.username) {
      checks.push({ check: 'server', ok: true, message: t('syncCheckAsksLogin', settings.serverUrl) });
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
        const message = name ? t('syncCheckLoginMismatchNamed', settings.username, name) : t('syncCheckLoginMismatch', settings.username);
        checks.push({ check: 'login', ok: false, message });
        return report();
      }
      checks.push({ check: 'login', ok: true, message: t('syncCheckLoggedIn', settings.username) });
    } catch (error) {
      checks.push({ check: 'login', ok: false, message: refused(error, ['syncCheckLoginRefusedServer', 'syncCheckLoginRefused']) });
      return report();
    }
  }

  try {
    const info = await client.databaseInfo();
    const message =
      typeof info.doc_count === 'number'
        ? tCount('syncCheckDatabaseThereCount', info.doc_count, settings.database)
        : t('syncCheckDatabaseThere', settings.database);
    checks.push({ check: 'database', ok: true, message });
    return report();
  } catch (error) {
    if (error instanceof CouchError && error.status === 404) {
      checks.push({ check: 'database', ok: false, message: t('syncCheckNoDatabase', settings.database) });
      return report(true);
    }
    const message = settings.username
      ? refused(error, ['syncCheckDatabaseDeniedServer', 'syncCheckDatabaseDenied'], settings.username, settings.database)
      : refused(error, ['syncCheckDatabaseDeniedAnonymousServer', 'syncCheckDatabaseDeniedAnonymous'], settings.database);
    checks.push({ check: 'database', ok: false, message });
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
    return { ok: true, message: t('syncDatabaseReady', settings.database) };
  } catch (error) {
    return { ok: false, message: refused(error, ['syncCreateDatabaseFailedServer', 'syncCreateDatabaseFailed'], settings.database) };
  }
}

function serverAnswers(serverUrl: string, name: string | null, version: string): string {
  if (name) return t('syncCheckServerAnswers', serverUrl, version ? `${name} ${version}` : name);
  return version ? t('syncCheckCompatibleServerVersionAnswers', serverUrl, version) : t('syncCheckCompatibleServerAnswers', serverUrl);
}

function unreachable(settings: SyncSettings, error: unknown): string {
  if (error instanceof NetworkError) return t('syncCheckUnreachable', settings.serverUrl, error.message);
  return refused(error, ['syncCheckNotCouchAnswerServer', 'syncCheckNotCouchAnswer'], settings.serverUrl);
}

/**
 * One sentence about a failure, from a pair of messages: the first takes the server's own words
 * and its code after `subjects`, the second the reason (already in the UI language, or technical).
 */
function refused(error: unknown, [serverSays, otherwise]: [MessageKey, MessageKey], ...subjects: string[]): string {
  if (error instanceof CouchError) return t(serverSays, ...subjects, error.reason, `${error.error}, HTTP ${error.status}`);
  return t(otherwise, ...subjects, String((error as Error)?.message ?? error));
}
