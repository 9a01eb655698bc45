// The CouchDB HTTP API, the documented parts only (Apache CouchDB, Cloudant, PouchDB Server):
// `_bulk_docs`, `_changes` (normal feed), `_all_docs` with keys, `_session`, `PUT /{db}`.
// `fetch` comes in as a parameter so tests can make the network fail. Credentials go in a Basic
// Authorization header to the configured origin only: no redirects are followed, and neither
// the header nor the password ever appears in an error message. The reasons made here are shown
// to the translator (in the status line and "Test connection"), so they come in the UI language.
import { formatNumber, t } from '../i18n';

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

export interface CouchConnection {
  /** The server's address, e.g. https://couch.example.org or https://example.org/couchdb. */
  serverUrl: string;
  database: string;
  username?: string;
  password?: string;
  fetch: Fetch;
  /** A request that takes longer is aborted (client-side, so a stuck server cannot hang sync). */
  timeoutMs?: number;
}

/** The server answered with an error: its status and its own words (`{error, reason}`). */
export class CouchError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly reason: string,
  ) {
    super(`${error}: ${reason} (HTTP ${status})`);
    this.name = 'CouchError';
  }
}

/** The server could not be reached (offline, refused, DNS, TLS, timeout). */
export class NetworkError extends Error {
  constructor(message: string) {
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

/** UTF-8 then base64, without Buffer or btoa's Latin-1 limit. */
function base64Utf8(text: string): string {
  const bytes = new TextEncoder().encode(text);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b, c] = [bytes[i]!, bytes[i + 1], bytes[i + 2]];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += alphabet[(n >> 18) & 63]! + alphabet[(n >> 12) & 63]!;
    out += b === undefined ? '=' : alphabet[(n >> 6) & 63]!;
    out += c === undefined ? '=' : alphabet[n & 63]!;
  }
  return out;
}

export function basicAuthHeader(username: string, password: string): string {
  return `Basic ${base64Utf8(`${username}:${password}`)}`;
}

export class CouchClient {
  private readonly base: string;
  private readonly headers: Record<string, string>;

  constructor(private readonly connection: CouchConnection) {
    this.base = connection.serverUrl.replace(/\/+$/, '');
    this.headers = { Accept: 'application/json' };
    if (connection.username) {
      this.headers.Authorization = basicAuthHeader(connection.username, connection.password ?? '');
    }
  }

  /** The database's path; names may hold "/" and other characters that must be escaped. */
  private dbPath(rest = ''): string {
    return `/${encodeURIComponent(this.connection.database)}${rest}`;
  }

  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.connection.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    let response: Response;
    try {
      const headers = { ...this.headers, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) };
      // Called unbound: a browser's fetch throws "Illegal invocation" when called as a method.
      const send = this.connection.fetch;
      response = await send(this.base + path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        redirect: 'error',
        credentials: 'omit', // Basic auth only; no cookies of the browser's own sessions
        cache: 'no-store',
        signal: controller.signal,
      });
    } catch (error) {
      const timedOut = controller.signal.aborted;
      const seconds = Math.round((this.connection.timeoutMs ?? DEFAULT_TIMEOUT_MS) / 1000);
      throw new NetworkError(timedOut ? t('syncNetworkNoAnswer', formatNumber(seconds)) : describeFetchError(error));
    } finally {
      clearTimeout(timer);
    }
    const text = await response.text().catch(() => '');
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    if (!response.ok) {
      const fields = (typeof json === 'object' && json !== null ? json : {}) as { error?: unknown; reason?: unknown };
      const error = typeof fields.error === 'string' ? fields.error : `http_${response.status}`;
      const reason = typeof fields.reason === 'string' ? fields.reason : response.statusText || t('syncServerGaveNoReason');
      throw new CouchError(response.status, error, reason);
    }
    if (json === undefined) throw new CouchError(response.status, 'bad_response', t('syncServerAnswerNotJson'));
    return json as T;
  }

  /** `GET /`: the server's welcome, e.g. `{couchdb: "Welcome", version}`. */
  welcome(): Promise<Record<string, unknown>> {
    return this.request('GET', '/');
  }

  /** `GET /_session`: who the server takes us for. */
  session(): Promise<{ ok?: boolean; userCtx?: { name: string | null; roles: string[] } }> {
    return this.request('GET', '/_session');
  }

  databaseInfo(): Promise<{ db_name?: string; doc_count?: number; update_seq?: unknown }> {
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

  /** `POST /{db}/_bulk_docs`. A batch never names one id twice (a server may mishandle it). */
  bulkDocs(docs: Array<{ _id: string }>): Promise<BulkDocsResult[]> {
    const ids = new Set(docs.map((d) => d._id));
    if (ids.size !== docs.length) throw new Error('a _bulk_docs batch names one document twice');
    return this.request('POST', this.dbPath('/_bulk_docs'), { docs });
  }

  /**
   * `GET /{db}/_changes`, normal feed: the changes after `since`, with their documents, or ids and
   * revisions only — then, as CouchDB's own replication does, the caller fetches just the
   * documents it lacks (`getDocs`).
   */
  changes(since: string | number | undefined, limit: number, withDocs = true): Promise<ChangesResult> {
    const query = new URLSearchParams({ limit: String(limit) });
    if (withDocs) query.set('include_docs', 'true');
    // The sequence is opaque: sent back exactly as it came (a number, or CouchDB's string).
    if (since !== undefined) query.set('since', String(since));
    return this.request('GET', this.dbPath(`/_changes?${query}`));
  }

  /** `POST /{db}/_all_docs?include_docs=true` with keys: the current documents, or not_found rows. */
  async getDocs(ids: string[]): Promise<AllDocsRow[]> {
    if (ids.length === 0) return [];
    const answer = await this.request<{ rows: AllDocsRow[] }>('POST', this.dbPath('/_all_docs?include_docs=true'), {
      keys: ids,
    });
    return answer.rows;
  }
}

function describeFetchError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  const detail = cause?.code ?? cause?.message ?? (error as Error)?.message ?? String(error);
  return t('syncNetworkCouldNotConnect', detail);
}
