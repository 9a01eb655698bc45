// A segment's history: every saved change of its draft, newest first (when, on which device, how
// it came, the text), each with "Restore". A restore is a new change: nothing is lost.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { textDirection } from '@/utils/languages';
import { browser } from 'wxt/browser';
import { isMessage, sendMessage } from '@/utils/messaging';
import type { HistoryEntry, RevisionRecord, SegmentHistory } from '@/utils/model';
import { errorText, useDraftContext } from '../post/draft-context';
import { formatDateTime, formatNumber, t, tCount, type MessageKey } from '@/utils/i18n';
import { MessageWithSlot } from '../common/message-slot';
import { ErrorLine } from '../common/ErrorLine';

const ORIGIN_LABEL: Record<NonNullable<RevisionRecord['origin']>, MessageKey> = {
  local: 'historyOriginLocal',
  pulled: 'historyOriginPulled',
  concurrent: 'historyOriginConcurrent',
  imported: 'historyOriginImported',
  restored: 'historyOriginRestored',
  moved: 'historyOriginMoved',
  memory: 'historyOriginMemory',
};

interface Props {
  segmentId: string;
  /** The draft's text now, so the history can say which entry is current. */
  currentText: string;
  onClose(): void;
}

/** Where a change was made: the device's name (and the user's, with sync), or this device. */
function deviceOf(entry: HistoryEntry): string {
  const device = entry.device ?? t('historyThisDevice');
  return entry.user ? t('historyDeviceOfUser', device, entry.user) : device;
}

type Loaded = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; history: SegmentHistory };

export function HistoryPanel({ segmentId, currentText, onClose }: Props) {
  const context = useDraftContext();
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [actionError, setActionError] = useState<string | null>(null);
  const title = useRef<HTMLParagraphElement>(null);

  const load = useCallback(async () => {
    if (!context) return;
    try {
      const history = await sendMessage({ type: 'draft:history', postKey: context.postKey, lang: context.lang, segmentId });
      setLoaded({ status: 'ready', history });
    } catch (error) {
      setLoaded({ status: 'error', message: errorText(error) });
    }
  }, [context, segmentId]);

  useEffect(() => {
    context?.flush(); // the latest typing belongs in the history shown
    title.current?.focus();
  }, []);
  // A restore, typing or a synced change makes a new revision: read the history again.
  useEffect(() => void load(), [load, currentText]);
  useEffect(() => {
    const onMessage = (message: unknown) => {
      if (!isMessage(message) || message.type !== 'draft:changed') return undefined;
      const { draft } = message;
      if (draft.segmentId === segmentId && draft.postKey === context?.postKey && draft.lang === context.lang) void load();
      return undefined; // never answer: the background does
    };
    browser.runtime.onMessage.addListener(onMessage);
    return () => browser.runtime.onMessage.removeListener(onMessage);
  }, [load, segmentId, context]);

  const restore = async (revisionId: number) => {
    if (!context) return;
    setActionError(null);
    context.flush();
    try {
      await sendMessage({ type: 'draft:restore-revision', postKey: context.postKey, lang: context.lang, segmentId, revisionId });
    } catch (error) {
      setActionError(t('historyRestoreFailed', errorText(error)));
    }
  };

  const lang = context?.lang || undefined;
  const titleId = `history-title-${segmentId}`;
  return (
    <section
      class="history-panel"
      aria-labelledby={titleId}
      data-testid="history-panel"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onClose();
        }
      }}
    >
      <div class="history-head">
        <p class="history-title" id={titleId} tabIndex={-1} ref={title}>
          <strong>{t('historyTitle')}</strong>
        </p>
        <button type="button" onClick={onClose}>
          {t('historyClose')}
        </button>
      </div>
      {loaded.status === 'loading' && <p class="muted">{t('historyLoading')}</p>}
      {loaded.status === 'error' && <ErrorLine kind="notice" error={t('historyLoadFailed', loaded.message)} />}
      <ErrorLine kind="notice" error={actionError} />
      {loaded.status === 'ready' && loaded.history.entries.length === 0 && <p class="muted">{t('historyEmpty')}</p>}
      {loaded.status === 'ready' && loaded.history.entries.length > 0 && (
        <ol class="history-list">
          {loaded.history.entries.map((entry, i) => {
            const isCurrent = i === 0 && entry.text === currentText;
            return (
              <li key={entry.id} class="history-entry" data-testid="history-entry">
                <p class="history-meta muted">
                  <MessageWithSlot
                    message={isCurrent ? 'historyEntryMetaCurrent' : 'historyEntryMeta'}
                    element={<time dateTime={new Date(entry.at).toISOString()}>{formatDateTime(entry.at)}</time>}
                    more={[deviceOf(entry), t(ORIGIN_LABEL[entry.origin ?? 'local'], formatNumber(entry.memoryMatch ?? 0))]}
                  />
                </p>
                {entry.text === '' ? (
                  <p class="history-text muted">
                    <em>{t('historyNoText')}</em>
                  </p>
                ) : (
                  <p class="history-text" lang={lang} dir={lang ? textDirection(lang) : 'auto'}>
                    {entry.text}
                  </p>
                )}
                {!isCurrent && (
                  <button type="button" onClick={() => void restore(entry.id)}>
                    {t('historyRestore')}
                  </button>
                )}
              </li>
            );
          })}
        </ol>
      )}
      {loaded.status === 'ready' && loaded.history.total > loaded.history.entries.length && (
        <p class="muted">{tCount('historyShownLatest', loaded.history.total, formatNumber(loaded.history.entries.length))}</p>
      )}
    </section>
  );
}
