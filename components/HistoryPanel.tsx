// A segment's history: every saved change of its draft, newest first (when, on which device, how
// it came, the text), each with "Restore". A restore is a new change: nothing is lost.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { textDirection } from '@/utils/languages';
import { browser } from 'wxt/browser';
import { isMessage, sendMessage } from '@/utils/messaging';
import type { RevisionRecord } from '@/utils/model';
import type { SegmentHistory } from '@/utils/store/history-service';
import { errorText, useDraftContext } from './draft-context';

const ORIGIN_LABEL: Record<NonNullable<RevisionRecord['origin']>, string> = {
  local: 'typed',
  pulled: 'synced',
  concurrent: 'written at the same time elsewhere',
  imported: 'imported',
  restored: 'restored',
  moved: 'moved with its paragraph',
};

interface Props {
  segmentId: string;
  /** The draft's text now, so the history can say which entry is current. */
  currentText: string;
  onClose(): void;
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
      setActionError(`Could not restore: ${errorText(error)}`);
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
          <strong>History</strong>
        </p>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
      {loaded.status === 'loading' && <p class="muted">Reading the history…</p>}
      {loaded.status === 'error' && (
        <p class="notice notice-error" role="alert">
          Could not read the history: {loaded.message}
        </p>
      )}
      {actionError && (
        <p class="notice notice-error" role="alert">
          {actionError}
        </p>
      )}
      {loaded.status === 'ready' && loaded.history.entries.length === 0 && <p class="muted">No saved changes yet.</p>}
      {loaded.status === 'ready' && loaded.history.entries.length > 0 && (
        <ol class="history-list">
          {loaded.history.entries.map((entry, i) => {
            const isCurrent = i === 0 && entry.text === currentText;
            return (
              <li key={entry.id} class="history-entry" data-testid="history-entry">
                <p class="history-meta muted">
                  <time dateTime={new Date(entry.at).toISOString()}>{new Date(entry.at).toLocaleString()}</time>
                  {' · '}
                  {entry.device ?? 'this device'}
                  {entry.user ? ` (${entry.user})` : ''}
                  {' · '}
                  {ORIGIN_LABEL[entry.origin ?? 'local']}
                  {isCurrent && ' · current'}
                </p>
                {entry.text === '' ? (
                  <p class="history-text muted">
                    <em>(no text: deleted or cleared)</em>
                  </p>
                ) : (
                  <p class="history-text" lang={lang} dir={lang ? textDirection(lang) : 'auto'}>
                    {entry.text}
                  </p>
                )}
                {!isCurrent && (
                  <button type="button" onClick={() => void restore(entry.id)}>
                    Restore
                  </button>
                )}
              </li>
            );
          })}
        </ol>
      )}
      {loaded.status === 'ready' && loaded.history.total > loaded.history.entries.length && (
        <p class="muted">
          The {loaded.history.entries.length} latest of {loaded.history.total} saved changes are shown.
        </p>
      )}
    </section>
  );
}
