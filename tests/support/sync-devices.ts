// Devices for sync tests: each one its own fake-indexeddb database (a browser profile), with the
// real store, replica and engine, talking to the test server through a fetch that tests can
// watch or break.
import { openDraftStore, type DraftStore } from '../../utils/store/draft-store';
import type { Fetch } from '../../utils/sync/couch-client';
import { SyncEngine } from '../../utils/sync/engine';
import { SyncReplica, type AppliedChanges } from '../../utils/sync/replica';
import type { SyncSettings } from '../../utils/sync/settings';
import type { SyncStatus } from '../../utils/sync/status';
import type { PostSnapshot } from '../../utils/model';
import type { CouchServer } from './couch-server';

export interface Request {
  method: string;
  url: string;
  /** Bytes of the request line, headers and body, as sent. */
  bytes: number;
  body?: string;
}

/** A fetch that records every request, and can fail before sending or after the server answered. */
export class WatchedFetch {
  requests: Request[] = [];
  /** Throw instead of sending (the server is unreachable). */
  offline = false;
  /** Send, let the server act, then lose the answer — for requests this returns true. */
  loseAnswer: (request: Request) => boolean = () => false;
  /** Runs after the server answered and before the engine sees the answer (typing meanwhile). */
  whileAnswering: ((request: Request) => Promise<void>) | undefined;

  readonly fetch: Fetch = async (input, init = {}) => {
    const body = typeof init.body === 'string' ? init.body : undefined;
    const headers = Object.entries((init.headers ?? {}) as Record<string, string>);
    const url = new URL(input);
    const head = `${init.method ?? 'GET'} ${url.pathname}${url.search} HTTP/1.1\r\nHost: ${url.host}\r\n${headers
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join('')}${body ? `Content-Length: ${Buffer.byteLength(body)}\r\n` : ''}\r\n`;
    const request: Request = { method: init.method ?? 'GET', url: input, bytes: Buffer.byteLength(head) + (body ? Buffer.byteLength(body) : 0), body };
    if (this.offline) throw new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } });
    this.requests.push(request);
    const response = await fetch(input, init);
    await this.whileAnswering?.(request);
    if (this.loseAnswer(request)) {
      await response.arrayBuffer();
      throw new TypeError('fetch failed', { cause: { code: 'ECONNRESET' } });
    }
    return response;
  };

  take(): Request[] {
    return this.requests.splice(0);
  }
}

export interface DeviceOptions {
  serverUrl: string;
  database: string;
  auth?: SyncSettings['auth'];
  username?: string;
  password?: string;
  apiKey?: string;
  deviceName: string;
  /** The device's wall clock (tests skew it). */
  now?: () => number;
  pushBatchSize?: number;
  pushRequestBytes?: number;
  pullLimit?: number;
  timeoutMs?: number;
  iamTokenUrl?: string;
  /** Waits the server asks for are real (else they pass at once and are only recorded). */
  realWaits?: boolean;
}

let dbCounter = 0;

export class Device {
  readonly net = new WatchedFetch();
  readonly remoteChanges: AppliedChanges[] = [];
  readonly statuses: SyncStatus[] = [];
  /** Waits the server asked for (429 Retry-After) that the engine waited inline, in ms. */
  readonly waits: number[] = [];
  store!: DraftStore;
  replica!: SyncReplica;
  engine!: SyncEngine;

  private constructor(
    readonly dbName: string,
    readonly options: DeviceOptions,
  ) {}

  static async open(options: DeviceOptions): Promise<Device> {
    const device = new Device(`sync-device-${options.deviceName}-${dbCounter++}`, options);
    await device.start();
    return device;
  }

  get settings(): SyncSettings {
    const { serverUrl, database, auth = 'password', username = '', password = '', apiKey = '', deviceName } = this.options;
    return { serverUrl, database, auth, username, password, apiKey, deviceName };
  }

  /** Opens the database and a fresh engine, as a service worker does when it starts. */
  async start(): Promise<void> {
    this.store = await openDraftStore(this.dbName, this.options.now);
    this.replica = new SyncReplica(this.store.db, this.options.now);
    this.engine = new SyncEngine({
      replica: this.replica,
      settings: async () => this.settings,
      fetch: this.net.fetch,
      onRemoteChanges: (changes) => void this.remoteChanges.push(changes),
      onStatus: (status) => void this.statuses.push(status),
      now: this.options.now,
      pushBatchSize: this.options.pushBatchSize,
      pushRequestBytes: this.options.pushRequestBytes,
      pullLimit: this.options.pullLimit,
      timeoutMs: this.options.timeoutMs,
      iamTokenUrl: this.options.iamTokenUrl,
      // A wait the server asks for passes at once in tests; how long it was is kept.
      sleep: async (ms) => {
        this.waits.push(ms);
        if (this.options.realWaits) await new Promise((resolve) => setTimeout(resolve, ms));
      },
    });
  }

  /** The service worker is stopped: everything in memory is gone, IndexedDB stays. */
  async restart(): Promise<void> {
    this.store.db.close();
    await this.start();
  }

  sync() {
    return this.engine.syncOnce();
  }

  type(postKey: string, lang: string, segmentId: string, text: string) {
    return this.store.saveDraft({ postKey, lang, segmentId, text });
  }

  async text(postKey: string, lang: string, segmentId: string): Promise<string | undefined> {
    return (await this.store.db.get('drafts', [postKey, lang, segmentId]))?.text;
  }

  draft(postKey: string, lang: string, segmentId: string) {
    return this.store.db.get('drafts', [postKey, lang, segmentId]);
  }

  history(postKey: string, lang: string, segmentId: string) {
    return this.store.getRevisions(postKey, lang, segmentId);
  }

  close(): void {
    this.store.db.close();
  }
}

/** A post with `count` paragraphs whose texts are about `length` characters. */
export function samplePost(count: number, key = 'https://diff.wikimedia.org/2024/09/05/sync-test/', length = 300): PostSnapshot {
  const filler = 'Wikimania brought together editors from every corner of the movement. ';
  return {
    key,
    url: key,
    detected: true,
    title: 'A post to sync',
    sourceLanguage: 'en',
    cta: { startUrl: null, targetLanguages: [] },
    segments: Array.from({ length: count }, (_, i) => ({
      id: `p-${i.toString(36).padStart(11, '0')}`,
      kind: 'paragraph' as const,
      text: `${i}. ${filler.repeat(Math.ceil(length / filler.length))}`.slice(0, length),
    })),
  };
}

let teams = 0;

/**
 * Devices on one database of `server`: a fresh one made for them unless `options.database` names
 * one, logged in as the server admin unless `options` say otherwise.
 */
export async function openTeam(server: CouchServer, names: string[], options: Partial<DeviceOptions> = {}): Promise<Device[]> {
  const database = options.database ?? `team-${process.pid}-${teams++}`;
  if (!options.database) await server.createDatabase(database);
  const { username, password } = server.admin;
  return Promise.all(names.map((deviceName) => Device.open({ serverUrl: server.url, database, username, password, deviceName, ...options })));
}
