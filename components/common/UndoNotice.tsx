// "Deleted … Undo": shown after a delete, until undone or dismissed. Used for one draft, for an
// orphaned draft and for all drafts of a post. Focus goes to Undo, so a keyboard user can act at once.
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { errorText } from '../post/draft-context';
import { ErrorLine } from './ErrorLine';

interface Props {
  /** What was deleted, as a sentence: "Draft deleted." */
  message: string;
  /** Brings it back; a rejection is shown, and the notice stays so the undo can be tried again. */
  onUndo(): Promise<unknown>;
  onDismiss(): void;
  testId?: string;
}

export function UndoNotice({ message, onUndo, onDismiss, testId = 'undo-notice' }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const undoButton = useRef<HTMLButtonElement>(null);
  useEffect(() => undoButton.current?.focus(), []);

  const undo = () => {
    setBusy(true);
    setError(null);
    onUndo().then(
      () => onDismiss(),
      (reason) => {
        setBusy(false);
        setError(t('dashboardUndoFailed', errorText(reason)));
      },
    );
  };

  return (
    <div class="notice undo-notice" role="status" data-testid={testId}>
      <span>{message}</span>{' '}
      <button type="button" ref={undoButton} disabled={busy} onClick={undo}>
        {t('dashboardUndo')}
      </button>{' '}
      <button type="button" class="undo-dismiss" aria-label={t('dashboardDismiss')} title={t('dashboardDismiss')} onClick={onDismiss}>
        ×
      </button>
      <ErrorLine error={error} />
    </div>
  );
}
