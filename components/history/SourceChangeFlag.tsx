// Under a draft whose paragraph was reworded after it was written: what changed in the source,
// word by word, and "Confirm" once the draft says what the new source says.
import { useMemo, useState } from 'preact/hooks';
import { sendMessage } from '@/utils/messaging';
import { wordDiff } from '@/utils/segment/word-diff';
import { errorText, useDraftContext } from '../post/draft-context';
import { t } from '@/utils/i18n';
import { MessageWithSlot } from '../common/message-slot';
import { ErrorLine } from '../common/ErrorLine';

interface Props {
  segmentId: string;
  oldText: string;
  newText: string;
  sourceLanguage: string | null;
}

export function SourceDiff({ oldText, newText, lang }: { oldText: string; newText: string; lang?: string }) {
  const parts = useMemo(() => wordDiff(oldText, newText), [oldText, newText]);
  return (
    <p class="source-diff" lang={lang} data-testid="source-diff">
      {parts.map((part, i) =>
        part.change === 'removed' ? (
          <del key={i}>
            <MessageWithSlot message="sourceDiffRemoved" element={part.text} hidden />
          </del>
        ) : part.change === 'added' ? (
          <ins key={i}>
            <MessageWithSlot message="sourceDiffAdded" element={part.text} hidden />
          </ins>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </p>
  );
}

export function SourceChangeFlag({ segmentId, oldText, newText, sourceLanguage }: Props) {
  const context = useDraftContext();
  const [error, setError] = useState<string | null>(null);
  const confirm = () => {
    if (!context) return;
    context.flush();
    setError(null);
    // The flag goes when the background's draft:changed says so.
    sendMessage({ type: 'draft:confirm-source', postKey: context.postKey, lang: context.lang, segmentId }).catch((reason) =>
      setError(t('sourceConfirmFailed', errorText(reason))),
    );
  };
  return (
    <div class="source-change" role="note" data-testid="source-change">
      <p class="source-change-title">
        <strong>{t('sourceChangedTitle')}</strong>
        <span class="muted"> {t('sourceChangedSince')}</span>
      </p>
      <SourceDiff oldText={oldText} newText={newText} lang={sourceLanguage ?? undefined} />
      <button type="button" onClick={confirm}>
        {t('sourceConfirm')}
      </button>
      <ErrorLine error={error} />
    </div>
  );
}
