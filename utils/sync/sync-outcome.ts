// What a failed sync means, and what comes next. The server's answers differ in what they ask of
// the translator and of sync:
// - 401, or IAM refusing the API key: the login is wrong. Sync stops until the settings change,
//   because CouchDB 3.4 locks a user out for every client behind the same address after 5 failures
//   in 5 minutes ([chttpd_auth_lockout], src/couch/src/couch_auth_lockout.erl), and then refuses
//   even the right password.
// - 403 "Account is temporarily locked…" (couch_httpd_auth.erl): that lockout. Sync waits it out.
// - 429 Too Many Requests (Cloudant's rate limit): a pause of Retry-After, not a failure.
// - No answer: offline; the scheduler backs off. Anything else: the server's own words.
import { CouchError, NetworkError } from './couch-client';
import { IamKeyRefused, IamUnavailable } from './credentials';
import type { SyncSettings } from './settings';
import type { SyncStatus } from './status';

/** A sync that ends asking to wait: the scheduler's next try is after `retryAfterMs`. */
export class SyncPaused extends Error {
  constructor(readonly retryAfterMs: number) {
    super(`sync waits ${Math.round(retryAfterMs / 1000)} s`);
    this.name = 'SyncPaused';
  }
}

/** A sync that must not be tried again with these settings (the login was refused). */
export class SyncStopped extends Error {
  readonly stopped = true;
  constructor() {
    super('sync waits for other settings');
    this.name = 'SyncStopped';
  }
}

/** How long CouchDB keeps a lockout by default (max_lifetime = 300000 ms, default.ini). */
export const LOCKOUT_MS = 5 * 60_000;

export function isLockout(error: unknown): boolean {
  return error instanceof CouchError && error.status === 403 && /temporarily locked/i.test(error.reason);
}

export interface FailedSync {
  status: SyncStatus;
  /** What syncOnce rejects with (the scheduler reads `retryAfterMs` and `stopped` on it). */
  thrown: unknown;
  loginRefused?: { status: number; reason: string; at: number };
  lockedUntil?: number;
}

export function failedSync(error: unknown, pending: number, now: number, settings: SyncSettings): FailedSync {
  const iam = settings.auth === 'iam';
  if (error instanceof IamKeyRefused || (error instanceof CouchError && error.status === 401)) {
    const reason = error instanceof CouchError ? `${error.reason} (${error.error}, HTTP 401)` : error.reason;
    return {
      status: { state: 'login-refused', pending, reason, ...(iam ? { iam: true } : {}) },
      thrown: new SyncStopped(),
      loginRefused: { status: error instanceof CouchError ? 401 : 400, reason, at: now },
    };
  }
  if (isLockout(error)) {
    return { status: { state: 'locked-out', pending, until: now + LOCKOUT_MS }, thrown: new SyncPaused(LOCKOUT_MS), lockedUntil: now + LOCKOUT_MS };
  }
  if (error instanceof CouchError && error.status === 429) {
    const wait = error.retryAfterMs ?? 1_000;
    return { status: { state: 'paused', pending, until: now + wait }, thrown: new SyncPaused(wait) };
  }
  if (error instanceof NetworkError || error instanceof IamUnavailable) {
    return { status: { state: 'offline', pending, detail: error.message }, thrown: error };
  }
  if (error instanceof CouchError) {
    return { status: { state: 'error', pending, error: error.error, reason: error.reason, httpStatus: error.status }, thrown: error };
  }
  return { status: { state: 'error', pending, error: 'sync_failed', reason: String((error as Error)?.message ?? error) }, thrown: error };
}
