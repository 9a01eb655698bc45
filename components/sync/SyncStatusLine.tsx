// One line saying where sync stands (synced, pending, offline, the server's refusal), with "Sync now".
// Sync off: a quiet link to the settings, or nothing where the settings are already on the page.
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { isMessage, sendMessage } from '@/utils/messaging';
import { describeSyncStatus, needsSettings, type SyncStatus } from '@/utils/sync/status';
import { t } from '@/utils/i18n';

interface Props {
  /** Link to the options page when sync is off (the views); the options page has the form itself. */
  linkWhenOff?: boolean;
}

export function SyncStatusLine({ linkWhenOff = true }: Props) {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    sendMessage({ type: 'sync:get-status' }).then(
      (s) => live && setStatus(s),
      () => undefined, // no status line rather than a broken one
    );
    const onMessage = (message: unknown) => {
      if (isMessage(message) && message.type === 'sync:status') setStatus(message.status);
      return undefined; // never answer: the background does
    };
    browser.runtime.onMessage.addListener(onMessage);
    return () => {
      live = false;
      browser.runtime.onMessage.removeListener(onMessage);
    };
  }, []);

  if (!status) return null;
  if (status.state === 'off') {
    if (!linkWhenOff) return null;
    return (
      <p class="sync-status sync-off" data-testid="sync-status">
        <a href={browser.runtime.getURL('/options.html')} target="_blank" rel="noopener">
          {t('syncOffLink')}
        </a>
      </p>
    );
  }

  const syncNow = () => {
    setBusy(true);
    sendMessage({ type: 'sync:now' })
      .then(setStatus, () => undefined)
      .finally(() => setBusy(false));
  };
  return (
    <p class={`sync-status sync-${status.state}`} data-testid="sync-status">
      <span data-testid="sync-status-text" role="status">
        {describeSyncStatus(status)}
      </span>{' '}
      {linkWhenOff && needsSettings(status) && (
        <>
          <a href={browser.runtime.getURL('/options.html')} target="_blank" rel="noopener">
            {t('syncOpenSettings')}
          </a>{' '}
        </>
      )}
      <button type="button" class="sync-now" onClick={syncNow} disabled={busy || status.state === 'syncing'}>
        {t('syncNow')}
      </button>
    </p>
  );
}
