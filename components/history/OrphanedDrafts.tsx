// Drafts whose paragraph was removed from the post: kept, never dropped. Each shows the paragraph
// it translated and the draft, to copy elsewhere or delete (undoably).
import { useState } from 'preact/hooks';
import type { DeletedDrafts, DraftRecord } from '@/utils/model';
import { formatNumber, t } from '@/utils/i18n';
import { textDirection } from '@/utils/languages';
import { sendMessage } from '@/utils/messaging';
import { errorText, useDraftContext } from '../post/draft-context';
import { UndoNotice } from '../common/UndoNotice';

interface Props {
  orphans: readonly DraftRecord[];
  sourceLanguage: string | null;
}

export function OrphanedDrafts({ orphans, sourceLanguage }: Props) {
  const context = useDraftContext();
  const [deleted, setDeleted] = useState<DeletedDrafts | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  if (!context || (orphans.length === 0 && !deleted)) return null;

  const copy = (draft: DraftRecord) =>
    navigator.clipboard.writeText(draft.text).then(
      () => setMessage({ text: t('dashboardOrphanCopied'), error: false }),
      (reason) => setMessage({ text: t('dashboardOrphanCopyFailed', errorText(reason)), error: true }),
    );
  const remove = async (draft: DraftRecord) => {
    setMessage(null);
    try {
      const answer = await sendMessage({ type: 'draft:delete', postKey: draft.postKey, lang: draft.lang, segmentId: draft.segmentId });
      if (answer.segmentIds.length) setDeleted(answer);
    } catch (reason) {
      setMessage({ text: t('dashboardOrphanDeleteFailed', errorText(reason)), error: true });
    }
  };

  const lang = context.lang || undefined;
  return (
    <section class="orphaned-drafts" aria-labelledby="orphaned-title" data-testid="orphaned-drafts">
      <h2 id="orphaned-title">{t('dashboardOrphansHeading', formatNumber(orphans.length))}</h2>
      <p class="muted">{t('dashboardOrphansIntro')}</p>
      {deleted && (
        <UndoNotice
          message={t('dashboardOrphanDeleted')}
          onUndo={() => sendMessage({ type: 'drafts:restore', ...deleted })}
          onDismiss={() => setDeleted(null)}
        />
      )}
      {message && (
        <p class={message.error ? 'field-error' : 'muted'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      <ul class="orphan-list">
        {orphans.map((draft) => (
          <li key={draft.segmentId} class="orphan" data-testid="orphan">
            <p class="orphan-source" lang={sourceLanguage ?? undefined}>
              {draft.sourceChange ? draft.sourceChange.oldText : <em class="muted">{t('dashboardOrphanSourceUnknown')}</em>}
            </p>
            <p class="orphan-text" lang={lang} dir={lang ? textDirection(lang) : 'auto'}>
              {draft.text}
            </p>
            <div class="draft-tools-buttons">
              <button type="button" onClick={() => void copy(draft)}>
                {t('dashboardOrphanCopy')}
              </button>
              <button type="button" onClick={() => void remove(draft)}>
                {t('dashboardOrphanDelete')}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
