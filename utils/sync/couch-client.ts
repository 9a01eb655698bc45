// The CouchDB HTTP API, the documented parts only (Apache CouchDB 3, IBM Cloudant, PouchDB Server):
// `_bulk_docs`, `_changes`, `_all_docs` with keys, `_bulk_get`, `_session`, `_security`, `PUT /{db}`.
// `fetch` comes in as a parameter so tests can make the network fail. Credentials go to the
// configured origin only: no redirect is followed (a redirect is reported as such), and neither
// the Authorization header nor the password ever appears in an error message. The reasons made here
// are shown to the translator (status line, "Test connection"), so they come in the UI language.
import { formatNumber, t } from '../i18n';
import { NO_CREDENTIALS, type Credentials } from './credentials';

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

export interface CouchConnection {
  /** The server's address, e.g. https://couch.example.org or https://example.org/couchdb. */
  serverUrl: string;
  database: string;
  credentials?: Credentials;
  fetch: Fetch;
  /** A request that takes longer is aborted (client-side, so a stuck server cannot hang sync). */
  timeoutMs?: number;
  /** A 429 asking to wait at most this long is waited for here; a longer one ends the request. */
  maxInlineWaitMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

/** The server answered with an error: its status and its own words (`{error, reason}`). */
export class CouchError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly reason: string,
    /** 429: how long the server asks us to wait (Retry-After), in ms. */
    readonly retryAfterMs?: number,
  ) {
    super(`${error}: ${reason} (HTTP ${status})`);
    this.name = 'CouchError';
  }
}

/** The server could not be reached (offline, refused, DNS, TLS, timeout). */
export class NetworkError extends Error {
  constructor(
    message: string,
    /** No answer within the time allowed: the link may be slow rather than down. */
    readonly timedOut = false,
  ) {
    super(message);
    this.name = 'NetworkError';
  }
}

export interface BulkDocsResult {
  id: string;
  rev?: string;
  ok?: boolean;
  error?: string;
  reason?: string;
}

export interface ChangesResult {
  results: Array<{ id: string; seq: unknown; changes: Array<{ rev: string }>; deleted?: boolean; doc?: unknown }>;
  last_seq: string | number;
  pending?: number;
}

export interface AllDocsRow {
  key: string;
  id?: string;
  value?: { rev: string; deleted?: boolean };
  doc?: unknown;
  error?: string;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_INLINE_WAIT_MS = 5_000;
/** Cloudant counts requests in a sliding second: without Retry-After, a second is the wait. */
const DEFAULT_RETRY_AFTER_MS = 1_000;
const RATE_LIMIT_RETRIES = 3;

/** Retry-After: seconds, or an HTTP date (RFC 9110 §10.2.3). */
export function retryAfterMs(value: string | null, now = Date.now()): number {
  if (!value) return DEFAULT_RETRY_AFTER_MS;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? DEFAULT_RETRY_AFTER_MS : Math.max(0, at - now);
}

export interface ChangesOptions {
  /** With each change its winning document and `_conflicts`; else ids and every leaf revision. */
  docs: boolean;
}

/** One document of `_bulk_get`: its body, or why not. */
export type BulkGetResult = { ok: Record<string, unknown> } | { missing: string } | { error: unknown };

/** Documents whose leaves one `_changes` request asks for. */
const LEAVES_PER_REQUEST = 100;

export class CouchClient {
  private readonly base: string;
  private readonly credentials: Credentials;

  constructor(private readonly connection: CouchConnection) {
    this.base = connection.serverUrl.replace(/\/+$/, '');
    this.credentials = connection.credentials ?? NO_CREDENTIALS;
  }

  /** The database's path; names may hold "/" and other characters that must be escaped. */
  private dbPath(rest = ''): string {
    return `/${encodeURIComponent(this.connection.database)}${rest}`;
  }

  request<T>(method: string, path: string, body?: unknown): Promise<T> {
    return this.requestSerialised(method, path, body === undefined ? undefined : JSON.stringify(body));
  }

  /** A request whose JSON body is serialised already (the pusher measures it before sending). */
  async requestSerialised<T>(method: string, path: string, payload: string | undefined): Promise<T> {
    let refreshed = false;
    for (let attempt = 0; ; attempt++) {
      const response = await this.send(method, path, payload);
      if (response.status === 401 && !refreshed && this.credentials.refresh) {
        // An IAM token that expired early, or was revoked: one more try with a fresh one.
        await response.body?.cancel().catch(() => undefined);
        refreshed = await this.credentials.refresh();
        if (refreshed) continue;
      }
      if (response.status === 429) {
        // Cloudant's rate limit is a wait, not a failure (docs: "429 Too Many Requests").
        const wait = retryAfterMs(response.headers.get('retry-after'));
        if (wait <= (this.connection.maxInlineWaitMs ?? DEFAULT_INLINE_WAIT_MS) && attempt < RATE_LIMIT_RETRIES) {
          await response.body?.cancel().catch(() => undefined);
          await (this.connection.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms))))(wait);
          continue;
        }
        const { error, reason } = await errorFields(response);
        throw new CouchError(429, error, reason, wait);
      }
      return this.answer<T>(response);
    }
  }

  private async send(method: string, path: string, payload: string | undefined): Promise<Response> {
    const timeoutMs = this.connection.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const headers: Record<string, string> = { Accept: 'application/json' };
      if (payload !== undefined) headers['Content-Type'] = 'application/json';
      const authorization = await this.credentials.header();
      if (authorization) headers.Authorization = authorization;
      // Called unbound: a browser's fetch throws "Illegal invocation" when called as a method.
      const send = this.connection.fetch;
      const response = await send(this.base + path, {
        method,
        headers,
        body: payload,
        // Not followed: credentials go to the configured address only. A redirect is reported.
        redirect: 'manual',
        credentials: 'omit', // no cookies of the browser's own sessions
        cache: 'no-store',
        signal: controller.signal,
      });
      if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
        await response.body?.cancel().catch(() => undefined);
        throw redirected(this.base, response.headers.get('location'));
      }
      return response;
    } catch (error) {
      if (error instanceof CouchError || error instanceof NetworkError) throw error;
      if (controller.signal.aborted) throw new NetworkError(t('syncNetworkNoAnswer', formatNumber(Math.round(timeoutMs / 1000))), true);
      if (isCredentialsFailure(error)) throw error;
      throw new NetworkError(describeFetchError(error));
    } finally {
      clearTimeout(timer);
    }
  }

  private async answer<T>(response: Response): Promise<T> {
    if (!response.ok) {
      const { error, reason } = await errorFields(response);
      throw new CouchError(response.status, error, reason);
    }
    const text = await response.text().catch(() => '');
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new CouchError(response.status, 'bad_response', t('syncServerAnswerNotJson'));
    }
  }

  /** `GET /`: the server's welcome, e.g. `{couchdb: "Welcome", version}`. */
  welcome(): Promise<Record<string, unknown>> {
    return this.request('GET', '/');
  }

  /** `GET /_session`: who the server takes us for. */
  session(): Promise<{ ok?: boolean; userCtx?: { name: string | null; roles: string[] } }> {
    return this.request('GET', '/_session');
  }

  /** `GET /{db}`: what the database says of itself (its name, sequence, start time). */
  databaseInfo(): Promise<Record<string, unknown>> {
    return this.request('GET', this.dbPath());
  }

  /** `PUT /{db}`; a database that already exists (412) is fine. */
  async createDatabase(): Promise<void> {
    try {
      await this.request('PUT', this.dbPath());
    } catch (error) {
      if (!(error instanceof CouchError && error.status === 412)) throw error;
    }
  }

  /** `GET /{db}/_security`: who may use the database (members) and administer it (admins). */
  security(): Promise<SecurityObject> {
    return this.request('GET', this.dbPath('/_security'));
  }

  setSecurity(security: SecurityObject): Promise<{ ok?: boolean }> {
    return this.request('PUT', this.dbPath('/_security'), security);
  }

  /** `POST /{db}/_bulk_docs`. A batch never names one id twice (a server may mishandle it). */
  bulkDocs(docs: Array<{ _id: string }>): Promise<BulkDocsResult[]> {
    return this.bulkDocsBody(JSON.stringify({ docs }), docs);
  }

  /** `_bulk_docs` with its body already serialised (the pusher measures it before sending). */
  async bulkDocsBody(body: string, docs: Array<{ _id: string }>): Promise<BulkDocsResult[]> {
    const ids = new Set(docs.map((d) => d._id));
    if (ids.size !== docs.length) throw new Error('a _bulk_docs batch names one document twice');
    return this.requestSerialised('POST', this.dbPath('/_bulk_docs'), body);
  }

  /**
   * `GET /{db}/_changes`, normal feed, from `since`. With documents: the winning revision of each,
   * with `_conflicts` (docs/src/api/database/changes.rst: `conflicts` needs `include_docs`). Without:
   * every leaf revision (`style=all_docs`), so that conflict branches show; then, as CouchDB's own
   * replication does, the caller fetches just the documents it lacks. `seq_interval` spares a
   * sharded database computing a sequence for every row: only `last_seq` is used.
   */
  changes(since: string | number | undefined, limit: number, options: ChangesOptions): Promise<ChangesResult> {
    const query = new URLSearchParams({ limit: String(limit), seq_interval: String(limit) });
    if (options.docs) {
      query.set('include_docs', 'true');
      query.set('conflicts', 'true');
    } else query.set('style', 'all_docs');
    // The sequence is opaque: sent back exactly as it came (a number, or CouchDB's string).
    if (since !== undefined) query.set('since', String(since));
    return this.request('GET', this.dbPath(`/_changes?${query}`));
  }

  /**
   * Every leaf revision of these documents, conflict branches and deleted leaves too: `_changes`
   * with the `_doc_ids` filter and `style=all_docs`. `_all_docs` shows only the winner, and its
   * `conflicts=true` is ignored on some servers (docs/src/replication/conflicts.rst); the `_doc_ids`
   * filter is CouchDB 2+ and Cloudant (docs/src/api/database/changes.rst).
   */
  async leafRevisions(ids: string[]): Promise<Map<string, string[]>> {
    const leaves = new Map<string, string[]>();
    const asked = new Set(ids);
    // A cluster reads ids past its threshold (changes_doc_ids_optimization_threshold, 100) from the
    // whole feed: a few at a time keeps each request cheap.
    for (let at = 0; at < ids.length; at += LEAVES_PER_REQUEST) {
      const doc_ids = ids.slice(at, at + LEAVES_PER_REQUEST);
      const answer = await this.request<ChangesResult>('POST', this.dbPath('/_changes?filter=_doc_ids&style=all_docs'), { doc_ids });
      for (const row of answer.results) if (asked.has(row.id)) leaves.set(row.id, row.changes.map((change) => change.rev));
    }
    return leaves;
  }

  /** `POST /{db}/_all_docs?include_docs=true` with keys: the current documents, or not_found rows. */
  async getDocs(ids: string[]): Promise<AllDocsRow[]> {
    if (ids.length === 0) return [];
    const answer = await this.request<{ rows: AllDocsRow[] }>('POST', this.dbPath('/_all_docs?include_docs=true'), {
      keys: ids,
    });
    return answer.rows;
  }

  /** `POST /{db}/_bulk_get`: these revisions of these documents (conflict branches, deleted ones too). */
  async bulkGet(wanted: Array<{ id: string; rev: string }>): Promise<BulkGetResult[]> {
    if (wanted.length === 0) return [];
    const answer = await this.request<{ results?: Array<{ docs?: BulkGetResult[] }> }>('POST', this.dbPath('/_bulk_get'), {
      docs: wanted,
    });
    return (answer.results ?? []).flatMap((result) => result.docs ?? []);
  }
}

export interface SecurityObject {
  admins?: { names?: string[]; roles?: string[] };
  members?: { names?: string[]; roles?: string[] };
}

async function errorFields(response: Response): Promise<{ error: string; reason: string }> {
  const text = await response.text().catch(() => '');
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined; // a proxy's HTML page, say
  }
  const fields = (typeof json === 'object' && json !== null ? json : {}) as { error?: unknown; reason?: unknown };
  const error = typeof fields.error === 'string' ? fields.error : `http_${response.status}`;
  const reason = typeof fields.reason === 'string' ? fields.reason : response.statusText || t('syncServerGaveNoReason');
  return { error, reason };
}

/** A redirect, said as what it means; an http:// address sent to https:// above all. */
function redirected(base: string, location: string | null): CouchError {
  const secure = base.replace(/^http:/, 'https:');
  const toHttps = base.startsWith('http:') && (location === null || location.startsWith('https:'));
  if (toHttps) return new CouchError(301, 'redirected_to_https', t('syncServerRedirectsToHttps', secure));
  return new CouchError(301, 'redirected', location ? t('syncServerRedirectsTo', location) : t('syncServerRedirects'));
}

function isCredentialsFailure(error: unknown): boolean {
  const name = (error as Error)?.name;
  return name === 'IamKeyRefused' || name === 'IamUnavailable';
}

function describeFetchError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  const detail = cause?.code ?? cause?.message ?? (error as Error)?.message ?? String(error);
  return t('syncNetworkCouldNotConnect', detail);
}
