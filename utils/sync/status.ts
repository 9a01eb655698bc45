// What the views show about sync: one state, and the sentence for the status line.
import { formatDateTime, t, tCount } from '../i18n';

export type SyncStatus =
  /** No server configured. */
  | { state: 'off' }
  | { state: 'syncing'; pending: number }
  /** Everything here is on the server and everything there is here (as of `at`), but what is set aside. */
  | { state: 'synced'; at: number; setAside?: number }
  /** Local changes wait for the next sync. */
  | { state: 'pending'; pending: number; setAside?: number }
  /** The server cannot be reached; changes wait and sync goes on by itself when it can. */
  | { state: 'offline'; pending: number; detail: string }
  /** The server said no: its words (`error`, `reason`) and the HTTP status. */
  | { state: 'error'; pending: number; error: string; reason: string; httpStatus?: number }
  /**
   * The server refused the login (401), or IAM the API key: sync asks nothing more until the
   * settings change, since every failure counts towards CouchDB 3.4's lockout.
   */
  | { state: 'login-refused'; pending: number; reason: string; iam?: boolean }
  /** The server locked this user out after failed logins (403, CouchDB 3.4): sync tries at `until`. */
  | { state: 'locked-out'; pending: number; until: number }
  /** The server asked to wait (429 Too Many Requests, Retry-After): sync goes on at `until`. */
  | { state: 'paused'; pending: number; until: number };

/** The status line: short, plain, and with the server's own words when it refused. */
export function describeSyncStatus(status: SyncStatus): string {
  switch (status.state) {
    case 'off':
      return t('syncStatusOff');
    case 'syncing':
      return status.pending > 0 ? tCount('syncStatusSyncingCount', status.pending) : t('syncStatusSyncing');
    case 'synced':
      return withSetAside(t('syncStatusSynced'), status.setAside);
    case 'pending':
      return withSetAside(tCount('syncStatusPending', status.pending), status.setAside);
    case 'offline':
      return status.pending > 0
        ? tCount('syncStatusOfflinePending', status.pending, status.detail)
        : t('syncStatusOffline', status.detail);
    case 'error':
      if (status.httpStatus === 403 && status.error === 'forbidden') return t('syncStatusNotMember', status.reason);
      return t('syncStatusError', status.reason, `${status.error}${status.httpStatus ? `, HTTP ${status.httpStatus}` : ''}`);
    case 'login-refused':
      return t(status.iam ? 'syncStatusApiKeyRefused' : 'syncStatusLoginRefused', status.reason);
    case 'locked-out':
      return t('syncStatusLockedOut', formatDateTime(status.until));
    case 'paused':
      return t('syncStatusPaused', formatDateTime(status.until));
  }
}

function withSetAside(sentence: string, setAside: number | undefined): string {
  return setAside ? `${sentence} ${tCount('syncStatusSetAside', setAside)}` : sentence;
}

/** States in which the fix is in the settings: the status line links to them. */
export function needsSettings(status: SyncStatus): boolean {
  return status.state === 'login-refused' || status.state === 'locked-out';
}

export function sameSyncStatus(a: SyncStatus, b: SyncStatus): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
