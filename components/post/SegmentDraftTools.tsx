// A segment's own tools beside its editor: open its history, delete its draft (undoably).
import { useMemo, useRef, useState } from 'preact/hooks';
import type { DeletedDrafts } from '@/utils/model';
import { sendMessage } from '@/utils/messaging';
import { errorText, useDraftContext } from './draft-context';
import { HistoryPanel } from '../history/HistoryPanel';
import { UndoNotice } from '../common/UndoNotice';
import { t } from '@/utils/i18n';
import { ErrorLine } from '../common/ErrorLine';

interface Props {
  segmentId: string;
  /** The draft's text now ('' when none). */
  text: string;
  /** How the segment is named to a screen reader: "paragraph 3". */
  label: string;
}

export function SegmentDraftTools({ segmentId, text, label }: Props) {
  const context = useDraftContext();
  const [historyOpen, setHistoryOpen] = useState(false);
  const [deleted, setDeleted] = useState<DeletedDrafts | null>(null);
  const [error, setError] = useState<string | null>(null);
  const historyButton = useRef<HTMLButtonElement>(null);
  // Asked once, not at every keystroke in the editor above.
  const labels = useMemo(
    () => ({
      history: t('historyButton'),
      historyName: t('historyButtonLabel', label),
      deleteDraft: t('editorDeleteDraft'),
      deleteDraftName: t('editorDeleteDraftLabel', label),
    }),
    [label],
  );
  if (!context?.lang) return null;

  const remove = async () => {
    setError(null);
    context.flush();
    try {
      const answer = await sendMessage({ type: 'draft:delete', postKey: context.postKey, lang: context.lang, segmentId });
      if (answer.segmentIds.length) setDeleted(answer);
    } catch (reason) {
      setError(t('editorDeleteFailed', errorText(reason)));
    }
  };
  const closeHistory = () => {
    setHistoryOpen(false);
    historyButton.current?.focus();
  };

  return (
    <div class="draft-tools">
      <div class="draft-tools-buttons">
        <button
          type="button"
          ref={historyButton}
          data-action="history"
          aria-expanded={historyOpen}
          aria-label={labels.historyName}
          onClick={() => setHistoryOpen((open) => !open)}
        >
          {labels.history}
        </button>
        {text.trim() !== '' && (
          <button type="button" data-action="delete-draft" aria-label={labels.deleteDraftName} onClick={() => void remove()}>
            {labels.deleteDraft}
          </button>
        )}
      </div>
      <ErrorLine error={error} />
      {deleted && (
        <UndoNotice
          message={t('editorDraftDeleted')}
          onUndo={() => sendMessage({ type: 'drafts:restore', ...deleted })}
          onDismiss={() => setDeleted(null)}
        />
      )}
      {historyOpen && <HistoryPanel segmentId={segmentId} currentText={text} onClose={closeHistory} />}
    </div>
  );
}
