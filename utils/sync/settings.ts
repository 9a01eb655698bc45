// The sync settings: which CouchDB server and database, who we are there, and this device's name.
// Kept in extension storage (local); the password is never sent back to a view.
import { t, tCount } from '../i18n';
import type { KeyValueArea } from '../store/tab-registry';

export interface SyncSettings {
  /** http(s) address of the server, without credentials, query or fragment; no trailing slash. */
  serverUrl: string;
  database: string;
  /** Empty for a server that needs no login. */
  username: string;
  password: string;
  /** How this device is named in history ("laptop", "office desktop"). */
  deviceName: string;
}

/** What a view may see: everything but the password. */
export type SyncSettingsView = Omit<SyncSettings, 'password'> & { hasPassword: boolean };

/** What a view sends: `password` left out (undefined) keeps the stored one. */
export type SyncSettingsInput = Omit<SyncSettings, 'password'> & { password?: string };

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
  const username = text(raw.username);
  // Passwords are taken as typed: spaces can be part of one.
  const password = typeof raw.password === 'string' ? raw.password : '';
  if (username.includes(':')) errors.username = t('syncErrorUsernameColon');
  if (!username && password) errors.username = t('syncErrorUsernameMissing');
  if (username && !password) errors.password = t('syncErrorPasswordMissing');
  const deviceName = text(raw.deviceName);
  if (!deviceName) errors.deviceName = t('syncErrorDeviceNameMissing');
  else if (deviceName.length > MAX_DEVICE_NAME) errors.deviceName = tCount('syncErrorDeviceNameTooLong', MAX_DEVICE_NAME);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, settings: { serverUrl: serverUrl!, database, username, password, deviceName } };
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

/** The server and database a checkpoint belongs to: another one means starting over. */
export function syncTargetOf(settings: Pick<SyncSettings, 'serverUrl' | 'database'>): string {
  return `${settings.serverUrl} ${settings.database}`;
}

export function settingsView(settings: SyncSettings): SyncSettingsView {
  const { password, ...rest } = settings;
  return { ...rest, hasPassword: password !== '' };
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

  /** A view's settings with the stored password when it sent none (a view never gets it back). */
  async withStoredPassword(input: SyncSettingsInput): Promise<SyncSettingsInput & { password: string }> {
    if (input.password !== undefined) return { ...input, password: input.password };
    const known = await this.load();
    const raw = (input ?? {}) as Partial<SyncSettingsInput>;
    const same = known?.serverUrl === normaliseServerUrl(text(raw.serverUrl), {}) && known?.username === text(raw.username);
    return { ...input, password: same ? known!.password : '' };
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
