// @vitest-environment node
// What a CouchDB 3 server or Cloudant answers about the checkpoint, the login, the database's
// security, the rate and the link, against the test server's CouchDB 3 layer.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, shareDatabase, testConnection } from '../../utils/sync/connection-test';
import type { SyncSettings } from '../../utils/sync/settings';
import { SyncScheduler } from '../../utils/sync/scheduler';
import { Device, openTeam, type DeviceOptions } from '../support/sync-devices';
import { startCouchServer, type CouchServer } from '../support/couch-server';

let server: CouchServer;
let dbCount = 0;
beforeAll(async () => {
  server = await startCouchServer();
}, 30_000);
afterAll(() => server?.stop());
afterEach(() => server.configure({ reset: true, forgetFailures: true }));

const POST = 'https://diff.wikimedia.org/2024/09/05/sync-test/';

const team = (names: string[], options: Partial<DeviceOptions> = {}) => openTeam(server, names, options);

const changesRequests = (device: Device) => device.net.take().filter((r) => r.url.includes('/_changes'));

describe('the checkpoint', () => {
  it('starts again from the beginning when another server answers at the same address (PouchDB Server → CouchDB 3)', async () => {
    await server.configure({ sequences: 'integer' });
    const [a, b] = await team(['a', 'b']);
    await a.type(POST, 'ca', 'p-1', 'Paràgraf u.');
    await a.sync();
    await b.sync();
    expect(typeof (await b.replica.meta('checkpoint'))).toBe('number');
    await server.configure({ sequences: 'opaque' }); // the team moved to CouchDB 3, same address
    await a.type(POST, 'ca', 'p-2', 'Paràgraf dos.');
    await a.sync();
    b.net.take();
    await b.sync();
    expect(b.engine.status).toMatchObject({ state: 'synced' });
    expect(await b.text(POST, 'ca', 'p-2')).toBe('Paràgraf dos.');
    // From the start, revisions only: the draft it had already was not fetched again.
    const [first] = changesRequests(b);
    expect(new URL(first!.url).searchParams.get('since')).toBeNull();
    expect(b.net.requests.some((r) => r.body?.includes('p-1'))).toBe(false);
  });

  it('on a 400 about `since`, reads the feed from its start instead of failing for ever', async () => {
    const [a, b] = await team(['a', 'b']);
    await a.type(POST, 'eu', 'p-1', 'Lehena.');
    await a.sync();
    await b.sync();
    await b.replica.setMeta('checkpoint', 1); // an integer from an older server, same database
    await a.type(POST, 'eu', 'p-2', 'Bigarrena.');
    await a.sync();
    await b.sync();
    expect(b.engine.status).toMatchObject({ state: 'synced' });
    expect(await b.text(POST, 'eu', 'p-2')).toBe('Bigarrena.');
    expect(typeof (await b.replica.meta('checkpoint'))).toBe('string');
  });

  it('pushes again what a database made anew at the same address lacks', async () => {
    const [a] = await team(['a']);
    await a.type(POST, 'gl', 'p-1', 'Primeiro.');
    await a.type(POST, 'gl', 'p-2', 'Segundo.');
    await a.sync();
    await server.asAdmin('DELETE', `/${a.settings.database}`);
    await server.createDatabase(a.settings.database); // the admin started over, empty
    await a.sync();
    const rows = (await server.asAdmin('GET', `/${a.settings.database}/_all_docs`)).body.rows;
    expect(rows).toHaveLength(2);
  });
});

describe('the login', () => {
  it('stops after one refused password, so the lockout never comes; goes on once the settings change', async () => {
    await server.createUser('lena', 'right password');
    const database = `couch3-server-${dbCount++}`;
    await server.createDatabase(database);
    await server.restrictDatabase(database, ['lena']);
    const [device] = await team(['laptop'], { database, username: 'lena', password: 'wrong password' });
    await device.type(POST, 'lv', 'p-1', 'Rindkopa.');
    const scheduler = new SyncScheduler(() => device.sync(), { retryBaseMs: 1, retryMaxMs: 1 });
    for (let i = 0; i < 8; i++) await scheduler.syncNow(); // alarms, start-ups, "Sync now"…
    scheduler.stop();
    expect(device.net.requests).toHaveLength(1);
    expect(device.engine.status).toMatchObject({ state: 'login-refused', pending: 1 });
    // Another client behind the same address is not locked out by this device.
    const other = await fetch(`${server.url}/${database}`, { headers: { authorization: `Basic ${Buffer.from('lena:right password').toString('base64')}` } });
    expect(other.status).toBe(200);
    device.options.password = 'right password'; // fixed in the settings
    await device.sync();
    expect(device.engine.status).toMatchObject({ state: 'synced' });
  });

  it('says a lockout plainly, and waits it out without asking', async () => {
    await server.createUser('mika', 'right password');
    const database = `couch3-server-${dbCount++}`;
    await server.createDatabase(database);
    await server.restrictDatabase(database, ['mika']);
    for (let i = 0; i < 5; i++) {
      await fetch(`${server.url}/${database}`, { headers: { authorization: `Basic ${Buffer.from('mika:guess').toString('base64')}` } });
    }
    let wall = Date.now();
    const [device] = await team(['office'], { database, username: 'mika', password: 'right password', now: () => wall });
    await expect(device.sync()).rejects.toMatchObject({ retryAfterMs: 5 * 60_000 });
    expect(device.engine.status).toMatchObject({ state: 'locked-out', until: wall + 5 * 60_000 });
    device.net.take();
    await expect(device.sync()).rejects.toMatchObject({ retryAfterMs: expect.any(Number) });
    expect(device.net.take()).toEqual([]); // nothing asked while locked out
    wall += 5 * 60_000 + 1;
    await server.configure({ forgetFailures: true }); // the server's lockout is over too
    await device.sync();
    expect(device.engine.status).toMatchObject({ state: 'synced' });
  });
});

describe('the database’s members', () => {
  const settingsOf = (extra: Partial<SyncSettings>): SyncSettings => ({
    serverUrl: server.url, database: '', auth: 'password', username: server.admin.username, password: server.admin.password, apiKey: '', deviceName: 'laptop', ...extra,
  });

  it('creates a database its user and the team’s role may use, not only admins', async () => {
    await server.createUser('nadia', 'nadia-pw', ['translators']);
    const admin = settingsOf({ database: 'team-made-here' });
    expect(await createDatabase(admin, { fetch }, 'translators')).toMatchObject({ ok: true, message: expect.stringMatching(/every user with the role translators/) });
    const security = (await server.asAdmin('GET', '/team-made-here/_security')).body;
    expect(security.members).toEqual({ names: [server.admin.username], roles: ['translators'] });
    const [member] = await team(['nadia-laptop'], { database: 'team-made-here', username: 'nadia', password: 'nadia-pw' });
    await member.type(POST, 'tr', 'p-1', 'Paragraf.');
    await member.sync();
    expect(member.engine.status).toMatchObject({ state: 'synced' });
  });

  it('says when a database lets only admins in, and what to do; letting the team in works', async () => {
    await server.createUser('omar', 'omar-pw', ['translators']);
    await server.createDatabase('admins-only');
    const asMember = settingsOf({ database: 'admins-only', username: 'omar', password: 'omar-pw' });
    const refused = await testConnection(asMember, { fetch });
    expect(refused.summary).toMatch(/^omar may not use the database admins-only: the server says "You are not allowed to access this db\.". Since CouchDB 3\.0/);
    const asAdmin = await testConnection(settingsOf({ database: 'admins-only' }), { fetch });
    expect(asAdmin).toMatchObject({ ok: true, canShareDatabase: true, summary: expect.stringMatching(/^Only server admins may use the database admins-only/) });
    expect(await shareDatabase(settingsOf({ database: 'admins-only' }), { fetch }, 'translators')).toMatchObject({ ok: true });
    expect((await testConnection(asMember, { fetch })).ok).toBe(true);
  });
});

describe('Cloudant', () => {
  it('logs in with an IAM API key: a bearer token, fetched again when the server refuses it', async () => {
    await server.createUser('iam-service', 'not-known-to-the-device');
    await server.configure({ iamKeys: { 'key-for-the-team': 'iam-service' } });
    const database = `couch3-server-${dbCount++}`;
    await server.createDatabase(database);
    await server.restrictDatabase(database, ['iam-service']);
    const options = { database, auth: 'iam' as const, username: '', password: '', apiKey: 'key-for-the-team', iamTokenUrl: server.iamTokenUrl };
    const [a, b] = await team(['a', 'b'], options);
    await a.type(POST, 'hu', 'p-1', 'Bekezdés.');
    await a.sync();
    const sent = a.net.take();
    expect(sent[0]!.url).toBe(server.iamTokenUrl);
    expect(sent.slice(1).every((r) => r.method && !r.body?.includes('key-for-the-team'))).toBe(true);
    await server.configure({ expireIamTokens: true }); // revoked early
    await a.type(POST, 'hu', 'p-2', 'Második.');
    await a.sync();
    expect(a.engine.status).toMatchObject({ state: 'synced' });
    await b.sync();
    expect(await b.text(POST, 'hu', 'p-2')).toBe('Második.');

    const [wrong] = await team(['c'], { ...options, apiKey: 'no-such-key' });
    await expect(wrong.sync()).rejects.toThrow();
    expect(wrong.engine.status).toMatchObject({ state: 'login-refused', iam: true, reason: expect.stringMatching(/API key could not be found/) });
  });

  it('takes 429 as a wait: a short Retry-After is waited for, a long one pauses sync', async () => {
    const [a] = await team(['a']);
    await a.type(POST, 'ro', 'p-1', 'Paragraf.');
    await server.configure({ tooManyRequests: { count: 1, retryAfterSeconds: 2 } });
    await a.sync();
    expect(a.waits).toEqual([2_000]);
    expect(a.engine.status).toMatchObject({ state: 'synced' });
    await a.type(POST, 'ro', 'p-2', 'Altul.');
    await server.configure({ tooManyRequests: { count: 1, retryAfterSeconds: 90 } });
    await expect(a.sync()).rejects.toMatchObject({ retryAfterMs: 90_000 });
    expect(a.engine.status).toMatchObject({ state: 'paused', pending: 1 });
    await a.sync();
    expect(a.engine.status).toMatchObject({ state: 'synced' });
  });

  it('halves its requests when the plan’s writes per second are fewer than a request holds, and every draft arrives', async () => {
    await server.configure({ writesPerSecond: 40 });
    const [a, b] = await team(['a', 'b'], { realWaits: true });
    for (let i = 0; i < 100; i++) await a.type(POST, 'sq', `p-${i}`, `Paragraf ${i}.`);
    for (let round = 0; round < 10 && (await a.replica.pendingCount()) > 0; round++) await a.sync().catch(() => undefined);
    expect(a.engine.status).toMatchObject({ state: 'synced' });
    await server.configure({ writesPerSecond: 0 });
    await b.sync();
    expect(await b.store.getDrafts(POST, 'sq')).toHaveLength(100);
  }, 60_000);
});

describe('the link', () => {
  it('sends seq_interval, and asks for smaller pages when a page times out instead of saying offline', async () => {
    const [a, b] = await team(['a', 'b'], { timeoutMs: 1_000 });
    for (let i = 0; i < 300; i++) await a.type(POST, 'sk', `p-${i}`, `Odsek ${i}.`);
    await a.sync();
    await server.configure({ changesDelayMsPerRow: 5 }); // 300 rows: 1.5 s, over the 1 s allowed
    await b.sync();
    expect(b.engine.status).toMatchObject({ state: 'synced' });
    expect(await b.store.getDrafts(POST, 'sk')).toHaveLength(300);
    const queries = changesRequests(b).map((r) => new URL(r.url).searchParams);
    expect(queries.every((q) => q.get('seq_interval') === q.get('limit'))).toBe(true);
    const limits = queries.map((q) => Number(q.get('limit')));
    expect(limits[0]).toBe(1000);
    expect(Math.min(...limits)).toBeLessThan(100);
    expect(await b.replica.meta('pullLimit')).toBeLessThan(100); // remembered for the next syncs
  }, 30_000);

  it('says an http:// address redirected to https:// as such, not as a network failure', async () => {
    const [a] = await team(['a']);
    await server.configure({ redirectToHttps: true });
    await a.type(POST, 'sl', 'p-1', 'Odstavek.');
    await expect(a.sync()).rejects.toThrow();
    const https = server.url.replace('http:', 'https:');
    expect(a.engine.status).toMatchObject({ state: 'error', reason: `the server sends this address on to https://: use ${https} as the server address` });
  });
});
