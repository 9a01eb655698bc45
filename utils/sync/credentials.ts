// How sync requests say who sends them: a CouchDB user name and password (Basic), or — on IBM
// Cloudant instances that take IAM only — a bearer token exchanged for the translator's IAM API key.
// The IAM exchange follows cloud.ibm.com/docs/account?topic=account-iamtoken_from_apikey: a form
// POST to the token endpoint, an access token that lives `expires_in` seconds (an hour). The token
// is refreshed before it expires (at 80% of its life, as IBM's own SDKs do) and once more when the
// server refuses it anyway.
import { t } from '../i18n';
import type { Fetch } from './couch-client';

/** IBM Cloud's IAM token endpoint; asked for as an optional host permission with the server. */
export const IAM_TOKEN_URL = 'https://iam.cloud.ibm.com/identity/token';

export interface Credentials {
  /** The Authorization header for the next request, or undefined for none. */
  header(): Promise<string | undefined>;
  /** The server refused the last header: whether a fresh one is worth one more try. */
  refresh?(): Promise<boolean>;
}

/** The IAM service refused the API key itself: no token will come until the key changes. */
export class IamKeyRefused extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'IamKeyRefused';
  }
}

/** The IAM service could not be reached, or answered nothing usable. */
export class IamUnavailable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IamUnavailable';
  }
}

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

export function basicCredentials(username: string, password: string): Credentials {
  const header = basicAuthHeader(username, password);
  return { header: async () => header };
}

export const NO_CREDENTIALS: Credentials = { header: async () => undefined };

interface IamToken {
  value: string;
  /** When to fetch a new one (ms, by `now`). */
  refreshAt: number;
}

export interface IamOptions {
  fetch: Fetch;
  tokenUrl?: string;
  now?: () => number;
  timeoutMs?: number;
}

/** Bearer tokens for one IAM API key, kept between syncs and fetched again before they expire. */
export class IamTokenSource implements Credentials {
  private token: IamToken | null = null;
  private fetching: Promise<IamToken> | null = null;

  constructor(
    readonly apiKey: string,
    private readonly options: IamOptions,
  ) {}

  async header(): Promise<string> {
    const now = (this.options.now ?? Date.now)();
    const token = this.token && this.token.refreshAt > now ? this.token : await this.fetchToken();
    return `Bearer ${token.value}`;
  }

  async refresh(): Promise<boolean> {
    this.token = null;
    await this.fetchToken();
    return true;
  }

  private fetchToken(): Promise<IamToken> {
    this.fetching ??= this.exchange().finally(() => (this.fetching = null));
    return this.fetching;
  }

  private async exchange(): Promise<IamToken> {
    const form = new URLSearchParams({ grant_type: 'urn:ibm:params:oauth:grant-type:apikey', apikey: this.apiKey });
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.options.timeoutMs ?? 30_000);
    let response: Response;
    try {
      const send = this.options.fetch;
      response = await send(this.options.tokenUrl ?? IAM_TOKEN_URL, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
        body: form.toString(),
        redirect: 'error',
        credentials: 'omit',
        cache: 'no-store',
        signal: controller.signal,
      });
    } catch (error) {
      throw new IamUnavailable(t('syncIamUnreachable', String((error as Error)?.message ?? error)));
    } finally {
      clearTimeout(timer);
    }
    const body = (await response.json().catch(() => null)) as Record<string, unknown> | null;
    if (response.status === 400 || response.status === 401) {
      // IAM's own words: errorMessage ("Provided API key could not be found."), with its code.
      const words = typeof body?.errorMessage === 'string' ? body.errorMessage : response.statusText;
      const code = typeof body?.errorCode === 'string' ? ` (${body.errorCode})` : '';
      throw new IamKeyRefused(`${words}${code}`);
    }
    const value = body?.access_token;
    const lifetime = typeof body?.expires_in === 'number' ? body.expires_in : 3600;
    if (!response.ok || typeof value !== 'string') throw new IamUnavailable(t('syncIamNoToken', String(response.status)));
    const now = (this.options.now ?? Date.now)();
    this.token = { value, refreshAt: now + lifetime * 800 };
    return this.token;
  }
}
