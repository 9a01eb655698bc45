// The sync settings: which CouchDB server and database, who we are there, and this device's name.
// Kept in extension storage (local); the password and the API key are never sent back to a view.
import { t, tCount } from '../i18n';
import { hashText } from '../segment/ids';
import type { KeyValueArea } from '../store/tab-registry';
import { IAM_TOKEN_URL } from './credentials';

/** How sync logs in: a CouchDB user and password, or an IBM Cloud IAM API key (Cloudant). */
export type SyncAuth = 'password' | 'iam';

export interface SyncSettings {
  /** http(s) address of the server, without credentials, query or fragment; no trailing slash. */
  serverUrl: string;
  database: string;
  auth: SyncAuth;
  /** Empty for a server that needs no login (and with an IAM API key). */
  username: string;
  password: string;
  /** The IAM API key, with `auth: 'iam'`; else empty. */
  apiKey: string;
  /** How this device is named in history ("laptop", "office desktop"). */
  deviceName: string;
}

/** What a view may see: everything but the secrets. */
export type SyncSettingsView = Omit<SyncSettings, 'password' | 'apiKey'> & { hasPassword: boolean; hasApiKey: boolean };

/** What a view sends: a secret left out (undefined) keeps the stored one; `auth` absent is 'password'. */
export type SyncSettingsInput = Omit<SyncSettings, 'password' | 'apiKey' | 'auth'> & { auth?: SyncAuth; password?: string; apiKey?: string };

export type SettingsErrors = Partial<Record<keyof SyncSettings, string>>;

export type SettingsCheck = { ok: true; settings: SyncSettings } | { ok: false; errors: SettingsErrors };

// CouchDB's rule for database names: a lowercase letter, then lowercase letters, digits and _$()+-/.
const DATABASE_NAME = /^[a-z][a-z0-9_$()+/-]*$/;
const MAX_DATABASE_NAME = 238;
const MAX_DEVICE_NAME = 60;

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

export function validateSyncSettings(input: unknown): SettingsCheck {
  const raw = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const errors: SettingsErrors = {};
  const serverUrl = normaliseServerUrl(text(raw.serverUrl), errors);
  const database = text(raw.database);
  if (!database) errors.database = t('syncErrorDatabaseMissing');
  else if (database.length > MAX_DATABASE_NAME) errors.database = tCount('syncErrorDatabaseTooLong', MAX_DATABASE_NAME);
  else if (!DATABASE_NAME.test(database)) errors.database = t('syncErrorDatabaseName');
  const auth: SyncAuth = raw.auth === 'iam' ? 'iam' : 'password';
  // Passwords are taken as typed: spaces can be part of one. With IAM, the key is all there is.
  const username = auth === 'iam' ? '' : text(raw.username);
  const password = auth === 'iam' ? '' : typeof raw.password === 'string' ? raw.password : '';
  const apiKey = auth === 'iam' ? text(raw.apiKey) : '';
  if (username.includes(':')) errors.username = t('syncErrorUsernameColon');
  if (!username && password) errors.username = t('syncErrorUsernameMissing');
  if (username && !password) errors.password = t('syncErrorPasswordMissing');
  if (auth === 'iam' && !apiKey) errors.apiKey = t('syncErrorApiKeyMissing');
  const deviceName = text(raw.deviceName);
  if (!deviceName) errors.deviceName = t('syncErrorDeviceNameMissing');
  else if (deviceName.length > MAX_DEVICE_NAME) errors.deviceName = tCount('syncErrorDeviceNameTooLong', MAX_DEVICE_NAME);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, settings: { serverUrl: serverUrl!, database, auth, username, password, apiKey, deviceName } };
}

function normaliseServerUrl(value: string, errors: SettingsErrors): string | undefined {
  if (!value) {
    errors.serverUrl = t('syncErrorServerUrlMissing');
    return undefined;
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    errors.serverUrl = t('syncErrorServerUrlInvalid');
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') errors.serverUrl = t('syncErrorServerUrlScheme');
  else if (url.username || url.password) errors.serverUrl = t('syncErrorServerUrlCredentials');
  else if (url.search || url.hash) errors.serverUrl = t('syncErrorServerUrlQuery');
  else return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  return undefined;
}

/** The match pattern of the server's origin, to ask the browser for access to it (host permission). */
export function serverOriginPattern(serverUrl: string): string {
  const url = new URL(serverUrl);
  return `${url.protocol}//${url.hostname}/*`;
}

/** Every origin sync talks to: the server, and IBM Cloud's IAM token endpoint with an API key. */
export function syncOriginPatterns(settings: Pick<SyncSettings, 'serverUrl' | 'auth'>): string[] {
  const origins = [serverOriginPattern(settings.serverUrl)];
  if (settings.auth === 'iam') origins.push(serverOriginPattern(IAM_TOKEN_URL));
  return origins;
}

/** Which login a refusal was for: another server, user or secret is worth one more try. */
export function settingsFingerprint(settings: SyncSettings): string {
  const secret = JSON.stringify([settings.serverUrl, settings.database, settings.auth, settings.username, settings.password, settings.apiKey]);
  return `${hashText(secret, 7).toString(36)}${hashText(secret, 8).toString(36)}`;
}

/** The server and database a checkpoint belongs to: another one means starting over. */
export function syncTargetOf(settings: Pick<SyncSettings, 'serverUrl' | 'database'>): string {
  return `${settings.serverUrl} ${settings.database}`;
}

export function settingsView(settings: SyncSettings): SyncSettingsView {
  const { password, apiKey, ...rest } = settings;
  return { ...rest, hasPassword: password !== '', hasApiKey: apiKey !== '' };
}

const STORAGE_KEY = 'syncSettings';

/** Sync settings in extension storage (`browser.storage.local` in the background). */
export class SyncSettingsStore {
  constructor(private readonly area: KeyValueArea) {}

  async load(): Promise<SyncSettings | null> {
    const stored = (await this.area.get(STORAGE_KEY))[STORAGE_KEY];
    if (stored === undefined) return null;
    const check = validateSyncSettings(stored);
    return check.ok ? check.settings : null;
  }

  /** A view's settings with the stored secrets where it sent none (a view never gets them back). */
  async withStoredPassword(input: SyncSettingsInput): Promise<SyncSettingsInput & { password: string; apiKey: string }> {
    const known = await this.load();
    const raw = (input ?? {}) as Partial<SyncSettingsInput>;
    const sameServer = known?.serverUrl === normaliseServerUrl(text(raw.serverUrl), {});
    const password = input.password ?? (sameServer && known?.username === text(raw.username) ? known!.password : '');
    const apiKey = input.apiKey ?? (sameServer ? (known?.apiKey ?? '') : '');
    return { ...input, password, apiKey };
  }

  /** Validates and saves; a missing password keeps the stored one for the same server and user. */
  async save(input: SyncSettingsInput): Promise<SettingsCheck> {
    const check = validateSyncSettings(await this.withStoredPassword(input));
    if (check.ok) await this.area.set({ [STORAGE_KEY]: check.settings });
    return check;
  }

  /** Turns sync off: forgets the server and the credentials. */
  async clear(): Promise<void> {
    await this.area.remove(STORAGE_KEY);
  }
}
