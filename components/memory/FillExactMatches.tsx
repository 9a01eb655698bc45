// "Fill exact matches": every untranslated segment of the post that memory has a 100% or 101%
// match for gets it as a draft (never done), undoably.
import { useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { sendMessage } from '@/utils/messaging';
import type { FilledSegment } from '@/utils/memory/memory-fill';
import { errorText } from '../post/draft-context';
import { useMemoryContext } from './memory-context';
import { FillUndo } from './FillUndo';
import { ErrorLine } from '../common/ErrorLine';

export function FillExactMatches() {
  const context = useMemoryContext();
  const [busy, setBusy] = useState(false);
  const [filled, setFilled] = useState<FilledSegment[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (!context?.lang) return null;
  const fill = async () => {
    setBusy(true);
    setError(null);
    setFilled(null);
    context.flush();
    try {
      setFilled((await sendMessage({ type: 'memory:fill-exact', postKey: context.postKey, lang: context.lang })).filled);
    } catch (reason) {
      setError(t('memoryFailed', errorText(reason)));
    } finally {
      setBusy(false);
    }
  };
  return (
    <span class="memory-fill">
      <button type="button" data-action="fill-exact" disabled={busy} onClick={() => void fill()}>
        {t('memoryFillExact')}
      </button>
      {filled && <FillUndo context={context} filled={filled} onDone={() => setFilled(null)} />}
      <ErrorLine error={error} kind="inline" />
    </span>
  );
}
