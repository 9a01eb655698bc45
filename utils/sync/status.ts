// What the views show about sync: one state, and the sentence for the status line.
import { t, tCount } from '../i18n';

export type SyncStatus =
  /** No server configured. */
  | { state: 'off' }
  | { state: 'syncing'; pending: number }
  /** Everything here is on the server and everything there is here (as of `at`). */
  | { state: 'synced'; at: number }
  /** Local changes wait for the next sync. */
  | { state: 'pending'; pending: number }
  /** The server cannot be reached; changes wait and sync goes on by itself when it can. */
  | { state: 'offline'; pending: number; detail: string }
  /** The server said no: its words (`error`, `reason`) and the HTTP status. */
  | { state: 'error'; pending: number; error: string; reason: string; httpStatus?: number };

/** The status line: short, plain, and with the server's own words when it refused. */
export function describeSyncStatus(status: SyncStatus): string {
  switch (status.state) {
    case 'off':
      return t('syncStatusOff');
    case 'syncing':
      return status.pending > 0 ? tCount('syncStatusSyncingCount', status.pending) : t('syncStatusSyncing');
    case 'synced':
      return t('syncStatusSynced');
    case 'pending':
      return tCount('syncStatusPending', status.pending);
    case 'offline':
      return status.pending > 0
        ? tCount('syncStatusOfflinePending', status.pending, status.detail)
        : t('syncStatusOffline', status.detail);
    case 'error':
      return t('syncStatusError', status.reason, `${status.error}${status.httpStatus ? `, HTTP ${status.httpStatus}` : ''}`);
  }
}

export function sameSyncStatus(a: SyncStatus, b: SyncStatus): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
