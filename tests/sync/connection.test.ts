// @vitest-environment node
// Settings, "Test connection" and "Create database", against the real test server.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KeyValueArea } from '../../utils/store/tab-registry';
import { createDatabase, testConnection } from '../../utils/sync/connection-test';
import { serverOriginPattern, SyncSettingsStore, validateSyncSettings, type SyncSettings } from '../../utils/sync/settings';
import { describeSyncStatus } from '../../utils/sync/status';
import { startCouchServer, type CouchServer } from '../support/couch-server';
import { WatchedFetch } from '../support/sync-devices';

let server: CouchServer;
beforeAll(async () => {
  server = await startCouchServer();
  await server.createDatabase('drafts');
  await server.createUser('translator', 'right password');
  await server.restrictDatabase('drafts', ['translator']);
}, 30_000);
afterAll(() => server?.stop());

const settings = (extra: Partial<SyncSettings> = {}): SyncSettings => ({
  serverUrl: server.url,
  database: 'drafts',
  auth: 'password',
  apiKey: '',
  username: 'translator',
  password: 'right password',
  deviceName: 'laptop',
  ...extra,
});

/** A port nothing listens on. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

describe('sync settings', () => {
  it('accepts a proper server, database and login, tidying the address', () => {
    const check = validateSyncSettings({ ...settings(), serverUrl: ' https://couch.example.org/couchdb/ ', deviceName: ' laptop ' });
    expect(check).toEqual({ ok: true, settings: { ...settings(), serverUrl: 'https://couch.example.org/couchdb', deviceName: 'laptop' } });
    expect(validateSyncSettings({ ...settings(), username: '', password: '' }).ok).toBe(true);
    expect(serverOriginPattern('https://couch.example.org:6984/couchdb')).toBe('https://couch.example.org/*');
  });

  it('says what is wrong, field by field', () => {
    const check = validateSyncSettings({
      serverUrl: 'ftp://user:pw@example.org',
      database: 'Drafts',
      username: '',
      password: 'secret',
      deviceName: '',
    });
    expect(check.ok).toBe(false);
    const errors = !check.ok ? check.errors : {};
    expect(Object.keys(errors).sort()).toEqual(['database', 'deviceName', 'serverUrl', 'username']);
    expect(validateSyncSettings({ ...settings(), serverUrl: 'https://u:p@example.org' })).toMatchObject({
      ok: false,
      errors: { serverUrl: expect.stringMatching(/own fields/) },
    });
    expect(validateSyncSettings({ ...settings(), database: '_users' }).ok).toBe(false);
    expect(validateSyncSettings({ ...settings(), database: 'team/drafts-2024_(ru)' }).ok).toBe(true);
    expect(validateSyncSettings({ ...settings(), password: '' })).toMatchObject({ ok: false, errors: { password: expect.any(String) } });
  });

  it('keeps the password in storage and never hands it back; a form without one keeps it', async () => {
    const data: Record<string, unknown> = {};
    const area: KeyValueArea = {
      get: async (key) => (typeof key === 'string' && key in data ? { [key]: data[key] } : {}),
      set: async (items) => void Object.assign(data, items),
      remove: async (key) => void delete data[key as string],
    };
    const store = new SyncSettingsStore(area);
    await store.save(settings());
    const { password: _omitted, ...form } = settings({ deviceName: 'office' });
    expect(await store.save(form)).toMatchObject({ ok: true });
    expect(await store.load()).toMatchObject({ deviceName: 'office', password: 'right password' });
    expect(await store.save({ ...form, username: 'someone-else' })).toMatchObject({ ok: false }); // another user: no password
  });
});

describe('test connection', () => {
  it('says everything works when it does', async () => {
    const report = await testConnection(settings(), { fetch });
    expect(report.ok).toBe(true);
    expect(report.checks.map((c) => [c.check, c.ok])).toEqual([
      ['server', true],
      ['login', true],
      ['database', true],
    ]);
    expect(report.summary).toMatch(/Everything works/);
  });

  it('says so when the server cannot be reached', async () => {
    const closed = await freePort();
    const report = await testConnection(settings({ serverUrl: `http://127.0.0.1:${closed}` }), { fetch });
    expect(report.ok).toBe(false);
    expect(report.summary).toBe(
      `Cannot reach http://127.0.0.1:${closed}: could not connect (ECONNREFUSED). Check the address and that the server runs.`,
    );
  });

  it('says so when the password is wrong, in the server’s words, and never repeats the password', async () => {
    const watched = new WatchedFetch();
    const report = await testConnection(settings({ password: 'wrong password' }), { fetch: watched.fetch });
    expect(report.checks.at(-1)).toMatchObject({ check: 'login', ok: false });
    expect(report.summary).toMatch(/refused the user name or password: the server says "Name or password is incorrect\." \(unauthorized, HTTP 401\)/);
    expect(JSON.stringify(report)).not.toContain('wrong password');
    // Credentials went to the configured server only.
    expect(watched.requests.every((r) => r.url.startsWith(server.url))).toBe(true);
  });

  it('offers to create a missing database, and creates it for an admin', async () => {
    const missing = settings({ database: 'not-yet', username: server.admin.username, password: server.admin.password });
    const report = await testConnection(missing, { fetch });
    expect(report).toMatchObject({ ok: false, canCreateDatabase: true });
    expect(report.summary).toMatch(/no database not-yet/);
    expect(await createDatabase(missing, { fetch })).toMatchObject({ ok: true });
    expect((await testConnection(missing, { fetch })).ok).toBe(true);
    expect(await createDatabase(missing, { fetch })).toMatchObject({ ok: true }); // already there: fine
  });

  it('says plainly when a user may not create a database', async () => {
    const result = await createDatabase(settings({ database: 'mine' }), { fetch });
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/Could not create the database mine: the server says/);
  });

  it('says when the browser has not granted access to the server yet', async () => {
    const report = await testConnection(settings(), { fetch, hasHostPermission: async () => false });
    expect(report.checks).toEqual([expect.objectContaining({ check: 'permission', ok: false })]);
  });

  it('says what is wrong with the settings before asking anything', async () => {
    const watched = new WatchedFetch();
    const report = await testConnection({ ...settings(), database: 'Bad Name' }, { fetch: watched.fetch });
    expect(report.checks[0]).toMatchObject({ check: 'settings', ok: false });
    expect(watched.requests).toEqual([]);
  });
});

describe('status line', () => {
  it('reads plainly in every state', () => {
    expect(describeSyncStatus({ state: 'synced', at: 1 })).toBe('Synced.');
    expect(describeSyncStatus({ state: 'pending', pending: 3 })).toBe('3 changes waiting to sync.');
    expect(describeSyncStatus({ state: 'offline', pending: 1, detail: 'could not connect (ECONNREFUSED)' })).toBe(
      'Offline: 1 change will sync when the server can be reached (could not connect (ECONNREFUSED)).',
    );
    expect(describeSyncStatus({ state: 'error', pending: 0, error: 'not_found', reason: 'Database does not exist.', httpStatus: 404 })).toBe(
      'Sync failed: the server says "Database does not exist." (not_found, HTTP 404).',
    );
    expect(describeSyncStatus({ state: 'error', pending: 0, error: 'forbidden', reason: 'You are not allowed to access this db.', httpStatus: 403 })).toMatch(
      /^The server does not let this login use the database: "You are not allowed to access this db\." \(forbidden, HTTP 403\)\. A server admin must add you/,
    );
  });
});
