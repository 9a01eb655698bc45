// What the views show about sync: one state, and the sentence for the status line.

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

const changes = (n: number) => (n === 1 ? '1 change' : `${n} changes`);

/** The status line: short, plain, and with the server's own words when it refused. */
export function describeSyncStatus(status: SyncStatus): string {
  switch (status.state) {
    case 'off':
      return 'Sync is off.';
    case 'syncing':
      return status.pending > 0 ? `Syncing ${changes(status.pending)}…` : 'Syncing…';
    case 'synced':
      return 'Synced.';
    case 'pending':
      return `${changes(status.pending)} waiting to sync.`;
    case 'offline':
      return status.pending > 0
        ? `Offline: ${changes(status.pending)} will sync when the server can be reached (${status.detail}).`
        : `Offline: the server cannot be reached (${status.detail}).`;
    case 'error':
      return `Sync failed: the server says "${status.reason}" (${status.error}${status.httpStatus ? `, HTTP ${status.httpStatus}` : ''}).`;
  }
}

export function sameSyncStatus(a: SyncStatus, b: SyncStatus): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
