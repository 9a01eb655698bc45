// @vitest-environment node
// The sync settings' and "Test connection"'s sentences in Persian: made in the UI language where
// the background makes them, with Persian digits, while the server's own words stay as they came.
// A file of its own: utils/i18n keeps its number formats from the first message it makes.
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createDatabase, testConnection } from '../../utils/sync/connection-test';
import type { Fetch } from '../../utils/sync/couch-client';
import { validateSyncSettings, type SyncSettings } from '../../utils/sync/settings';
import { getMessageIn } from '../support/locale-messages';

const getPersianMessage = getMessageIn('fa');
/** The database-name rule as written in the file, `$$` and all. */
const databaseRule = JSON.parse(readFileSync(new URL('../../public/_locales/fa/messages.json', import.meta.url), 'utf8')).syncErrorDatabaseName.message as string;

/** The text without the Unicode isolates that keep an address or the server's words in its own direction. */
const unisolated = (text: string) => text.replace(/[\u2068\u2069]/g, '');

beforeEach(() => {
  Object.assign(fakeBrowser.i18n, { getMessage: getPersianMessage, getUILanguage: () => 'fa' });
});

const settings: SyncSettings = {
  serverUrl: 'https://couch.example.org',
  database: 'drafts',
  auth: 'password',
  apiKey: '',
  username: 'ana',
  password: 'secret',
  deviceName: 'laptop',
};

/** A server that answers each path with a status and a JSON body. */
const serverAnswering =
  (answers: Record<string, [number, unknown]>): Fetch =>
  async (url) => {
    const [status, body] = answers[new URL(url).pathname] ?? [404, { error: 'not_found', reason: 'missing' }];
    return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  };

describe('sync messages in Persian', () => {
  it('says what is wrong with each setting, with Persian digits and the literal symbols kept', () => {
    const check = validateSyncSettings({ ...settings, database: 'Drafts', deviceName: 'x'.repeat(61) });
    const errors = !check.ok ? check.errors : {};
    expect(errors.database).toBe(databaseRule.replace('$$', '$'));
    expect(errors.database).toContain('_ $ ( ) + - /');
    expect(errors.deviceName).toBe('حداکثر ۶۰ نویسه.');
    const tooLong = validateSyncSettings({ ...settings, database: 'd'.repeat(239) });
    expect(!tooLong.ok && tooLong.errors.database).toBe('نام پایگاه داده حداکثر ۲۳۸ نویسه دارد.');
  });

  it('reports each check in Persian, keeping the server’s own words', async () => {
    const fetch = serverAnswering({
      '/': [200, { couchdb: 'Welcome', version: '3.3.3' }],
      '/_session': [401, { error: 'unauthorized', reason: 'Name or password is incorrect.' }],
    });
    const report = await testConnection(settings, { fetch });
    expect(report.checks[1]!.message).toContain('«\u2068Name or password is incorrect.\u2069»');
    expect(report.checks.map((c) => unisolated(c.message))).toEqual([
      'https://couch.example.org پاسخ می‌دهد: CouchDB 3.3.3.',
      'سرور نام کاربری یا گذرواژه را نپذیرفت: سرور می‌گوید «Name or password is incorrect.» (unauthorized, HTTP 401).',
    ]);
    expect(report.summary).toBe(report.checks[1]!.message);
  });

  it('counts the documents of the database in Persian digits', async () => {
    const fetch = serverAnswering({
      '/': [200, { couchdb: 'Welcome' }],
      '/_session': [200, { ok: true, userCtx: { name: 'ana', roles: [] } }],
      '/drafts': [200, { db_name: 'drafts', doc_count: 1250 }],
    });
    const report = await testConnection(settings, { fetch });
    expect(unisolated(report.checks.at(-1)!.message)).toBe('پایگاه دادهٔ drafts وجود دارد (۱٬۲۵۰ سند).');
    expect(report.summary).toBe('همه‌چیز کار می‌کند: پیش‌نویس‌ها می‌توانند همگام شوند.');
  });

  it('says in Persian when the server cannot be reached, or refuses to create the database', async () => {
    const unreachable: Fetch = async () => {
      throw new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } });
    };
    const report = await testConnection(settings, { fetch: unreachable });
    expect(unisolated(report.summary)).toBe(
      'دسترسی به https://couch.example.org ممکن نیست: اتصال برقرار نشد (ECONNREFUSED). نشانی را بررسی کنید و مطمئن شوید سرور روشن است.',
    );
    const refusing = serverAnswering({ '/drafts': [401, { error: 'unauthorized', reason: 'You are not a server admin.' }] });
    const created = await createDatabase(settings, { fetch: refusing });
    expect({ ...created, message: unisolated(created.message) }).toEqual({
      ok: false,
      message: 'ساختن پایگاه دادهٔ drafts ممکن نشد: سرور می‌گوید «You are not a server admin.» (unauthorized, HTTP 401).',
    });
  });
});
