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
//
// Each check asks the server once: a wrong password counts towards CouchDB 3.4's lockout.
import { t, tCount, type MessageKey } from '../i18n';
import { CouchClient, CouchError, NetworkError, type Fetch } from './couch-client';
import { basicCredentials, IAM_TOKEN_URL, IamKeyRefused, IamTokenSource, IamUnavailable, NO_CREDENTIALS, type Credentials } from './credentials';
import { isAdminOnly, teamSecurity } from './database-security';
import { syncOriginPatterns, validateSyncSettings, type SyncSettings } from './settings';
import { isLockout } from './sync-outcome';

export type CheckName = 'settings' | 'permission' | 'server' | 'login' | 'database' | 'team';

export interface ConnectionCheck {
  check: CheckName;
  ok: boolean;
  /** It works, but not for everyone it should (an admin-only database a team would share). */
  warning?: boolean;
  message: string;
}

export interface ConnectionReport {
  ok: boolean;
  checks: ConnectionCheck[];
  /** The server works but has no such database: offer `createDatabase`. */
  canCreateDatabase: boolean;
  /** The database lets only server admins in, and this login is one: offer `shareDatabase`. */
  canShareDatabase?: boolean;
  /** One sentence for the top of the report. */
  summary: string;
}

export interface ConnectionOptions {
  fetch: Fetch;
  /** Whether the browser lets the extension reach this origin (host permission). */
  hasHostPermission?: (originPattern: string) => Promise<boolean>;
  timeoutMs?: number;
  /** IBM Cloud IAM's token endpoint (tests point it at their own server). */
  iamTokenUrl?: string;
}

function credentialsFor(settings: SyncSettings, options: Pick<ConnectionOptions, 'fetch' | 'iamTokenUrl' | 'timeoutMs'>): Credentials {
  if (settings.auth === 'iam') return new IamTokenSource(settings.apiKey, { fetch: options.fetch, tokenUrl: options.iamTokenUrl, timeoutMs: options.timeoutMs });
  return settings.username ? basicCredentials(settings.username, settings.password) : NO_CREDENTIALS;
}

function clientFor(settings: SyncSettings, options: Pick<ConnectionOptions, 'fetch' | 'iamTokenUrl' | 'timeoutMs'>, credentials = credentialsFor(settings, options)) {
  return new CouchClient({ ...settings, credentials, fetch: options.fetch, timeoutMs: options.timeoutMs ?? 10_000 });
}

export async function testConnection(input: unknown, options: ConnectionOptions): Promise<ConnectionReport> {
  const checks: ConnectionCheck[] = [];
  const report = (canCreateDatabase = false, canShareDatabase = false): ConnectionReport => {
    const failed = checks.find((c) => !c.ok) ?? checks.find((c) => c.warning);
    return {
      ok: checks.every((c) => c.ok),
      checks,
      canCreateDatabase,
      ...(canShareDatabase ? { canShareDatabase } : {}),
      summary: failed ? failed.message : t('syncCheckAllWorks'),
    };
  };
  const valid = validateSyncSettings(input);
  if (!valid.ok) {
    checks.push({ check: 'settings', ok: false, message: t('syncCheckSettingsInvalid', Object.values(valid.errors).join(' ')) });
    return report();
  }
  const settings = valid.settings;
  const hosts = [new URL(settings.serverUrl).host, new URL(IAM_TOKEN_URL).host];
  for (const [i, origin] of syncOriginPatterns(settings).entries()) {
    if (options.hasHostPermission && !(await options.hasHostPermission(origin))) {
      checks.push({ check: 'permission', ok: false, message: t('syncCheckNoPermission', hosts[i]!) });
      return report();
    }
  }
  const client = clientFor(settings, options);

  try {
    // Asked without credentials, so that a wrong password shows as such in the next check.
    const welcome = await clientFor(settings, options, NO_CREDENTIALS).welcome();
    const name = typeof welcome.couchdb === 'string' ? 'CouchDB' : 'express-pouchdb' in welcome ? 'PouchDB Server' : null;
    const version = typeof welcome.version === 'string' ? welcome.version : '';
    if (!name && !('vendor' in welcome)) {
      checks.push({ check: 'server', ok: false, message: t('syncCheckNotCouch', settings.serverUrl) });
      return report();
    }
    checks.push({ check: 'server', ok: true, message: serverAnswers(settings.serverUrl, name, version) });
  } catch (error) {
    // A server that lets nobody in without a login still answered.
    if (error instanceof CouchError && error.status === 401 && (settings.username || settings.auth === 'iam')) {
      checks.push({ check: 'server', ok: true, message: t('syncCheckAsksLogin', settings.serverUrl) });
    } else {
      checks.push({ check: 'server', ok: false, message: unreachable(settings, error) });
      return report();
    }
  }

  let admin = false;
  if (settings.username || settings.auth === 'iam') {
    try {
      const session = await client.session();
      const name = session.userCtx?.name;
      admin = session.userCtx?.roles?.includes('_admin') === true;
      if (settings.auth === 'iam') {
        checks.push({ check: 'login', ok: true, message: name ? t('syncCheckIamAccepted', name) : t('syncCheckIamAcceptedNoName') });
      } else if (name !== settings.username) {
        const message = name ? t('syncCheckLoginMismatchNamed', settings.username, name) : t('syncCheckLoginMismatch', settings.username);
        checks.push({ check: 'login', ok: false, message });
        return report();
      } else checks.push({ check: 'login', ok: true, message: t('syncCheckLoggedIn', settings.username) });
    } catch (error) {
      checks.push({ check: 'login', ok: false, message: loginRefused(error, settings) });
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
  } catch (error) {
    if (error instanceof CouchError && error.status === 404) {
      checks.push({ check: 'database', ok: false, message: t('syncCheckNoDatabase', settings.database) });
      return report(true);
    }
    if (isLockout(error)) {
      checks.push({ check: 'database', ok: false, message: t('syncCheckLockedOut', settings.username) });
      return report();
    }
    // CouchDB 3 makes databases for admins only (default_security = admin_only): say what to do.
    const adminOnly = error instanceof CouchError && error.status === 403;
    const message = adminOnly
      ? settings.username
        ? t('syncCheckNotMember', settings.username, settings.database, (error as CouchError).reason)
        : t('syncCheckNotMemberThisLogin', settings.database, (error as CouchError).reason)
      : settings.username
        ? refused(error, ['syncCheckDatabaseDeniedServer', 'syncCheckDatabaseDenied'], settings.username, settings.database)
        : refused(error, ['syncCheckDatabaseDeniedAnonymousServer', 'syncCheckDatabaseDeniedAnonymous'], settings.database);
    checks.push({ check: 'database', ok: false, message });
    return report();
  }

  // An admin gets in anywhere; the team may not. CouchDB 3's new databases let only admins in.
  if (admin && settings.auth !== 'iam') {
    const security = await client.security().catch(() => null);
    if (security && isAdminOnly(security)) {
      checks.push({ check: 'team', ok: true, warning: true, message: t('syncCheckAdminOnly', settings.database) });
      return report(false, true);
    }
  }
  return report();
}

/**
 * `PUT /{db}`, then its `_security`: since CouchDB 3.0 a new database lets only server admins in
 * (default_security = admin_only), so the user saving the settings and the team's role (if given)
 * become its members. Usually only a server admin may create one; the answer says so in the
 * server's words. With IAM (Cloudant), access is IAM's business and `_security` is left alone.
 */
export async function createDatabase(
  settings: SyncSettings,
  options: Pick<ConnectionOptions, 'fetch' | 'timeoutMs' | 'iamTokenUrl'>,
  teamRole = '',
): Promise<{ ok: boolean; message: string }> {
  const client = clientFor(settings, options);
  try {
    await client.createDatabase();
  } catch (error) {
    return { ok: false, message: refused(error, ['syncCreateDatabaseFailedServer', 'syncCreateDatabaseFailed'], settings.database) };
  }
  if (settings.auth === 'iam') return { ok: true, message: t('syncDatabaseReady', settings.database) };
  return shareDatabase(settings, options, teamRole, client);
}

/** Adds the user and the team's role to the database's members, keeping those it has. */
export async function shareDatabase(
  settings: SyncSettings,
  options: Pick<ConnectionOptions, 'fetch' | 'timeoutMs' | 'iamTokenUrl'>,
  teamRole = '',
  client = clientFor(settings, options),
): Promise<{ ok: boolean; message: string }> {
  try {
    const security = await client.security();
    await client.setSecurity(teamSecurity(security, settings.username, teamRole.trim()));
    const who = teamRole.trim() ? t('syncMembersUserAndRole', settings.username, teamRole.trim()) : settings.username;
    return { ok: true, message: t('syncDatabaseShared', settings.database, who) };
  } catch (error) {
    return { ok: false, message: refused(error, ['syncShareDatabaseFailedServer', 'syncShareDatabaseFailed'], settings.database) };
  }
}

function serverAnswers(serverUrl: string, name: string | null, version: string): string {
  if (name) return t('syncCheckServerAnswers', serverUrl, version ? `${name} ${version}` : name);
  return version ? t('syncCheckCompatibleServerVersionAnswers', serverUrl, version) : t('syncCheckCompatibleServerAnswers', serverUrl);
}

function unreachable(settings: SyncSettings, error: unknown): string {
  if (error instanceof NetworkError) return t('syncCheckUnreachable', settings.serverUrl, error.message);
  if (error instanceof CouchError && error.error.startsWith('redirected')) return error.reason;
  return refused(error, ['syncCheckNotCouchAnswerServer', 'syncCheckNotCouchAnswer'], settings.serverUrl);
}

/** Why the login failed: the lockout and IAM said plainly, else the server's words. */
function loginRefused(error: unknown, settings: SyncSettings): string {
  if (isLockout(error)) return t('syncCheckLockedOut', settings.username);
  if (error instanceof IamKeyRefused) return t('syncCheckIamRefused', error.reason);
  if (error instanceof IamUnavailable) return error.message;
  return refused(error, ['syncCheckLoginRefusedServer', 'syncCheckLoginRefused']);
}

/**
 * One sentence about a failure, from a pair of messages: the first takes the server's own words
 * and its code after `subjects`, the second the reason (already in the UI language, or technical).
 */
function refused(error: unknown, [serverSays, otherwise]: [MessageKey, MessageKey], ...subjects: string[]): string {
  if (error instanceof CouchError) return t(serverSays, ...subjects, error.reason, `${error.error}, HTTP ${error.status}`);
  return t(otherwise, ...subjects, String((error as Error)?.message ?? error));
}
