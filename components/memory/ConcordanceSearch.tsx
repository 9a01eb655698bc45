// "Search your translations": a phrase looked up in both sides of memory (drafts here and synced,
// imported units), each hit with its source, its translation and where it came from.
import { useState } from 'preact/hooks';
import { formatDateTime, t, tCount } from '@/utils/i18n';
import { textDirection } from '@/utils/languages';
import { sendMessage } from '@/utils/messaging';
import type { ConcordanceHit } from '@/utils/memory/memory-types';
import { errorText } from '../post/draft-context';
import { ErrorLine } from '../common/ErrorLine';

type Result = { status: 'idle' } | { status: 'busy' } | { status: 'error'; message: string } | { status: 'done'; hits: ConcordanceHit[] };

export function ConcordanceSearch() {
  const [open, setOpen] = useState(false);
  return (
    <details class="concordance" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('concordanceDisclosure')}</summary>
      {open && <ConcordancePanel />}
    </details>
  );
}

function ConcordancePanel() {
  const [phrase, setPhrase] = useState('');
  const [result, setResult] = useState<Result>({ status: 'idle' });
  const search = async (event: Event) => {
    event.preventDefault();
    if (!phrase.trim()) return;
    setResult({ status: 'busy' });
    try {
      setResult({ status: 'done', hits: await sendMessage({ type: 'memory:search', phrase }) });
    } catch (error) {
      setResult({ status: 'error', message: t('memoryFailed', errorText(error)) });
    }
  };
  return (
    <form class="concordance-panel" role="search" onSubmit={(e) => void search(e)}>
      <label class="field">
        <span>{t('concordanceLabel')}</span>
        <input type="search" value={phrase} data-testid="concordance-input" onInput={(e) => setPhrase(e.currentTarget.value)} />
      </label>
      <button type="submit" disabled={result.status === 'busy'}>
        {t('concordanceSearch')}
      </button>
      {result.status === 'error' && <ErrorLine error={result.message} />}
      {result.status === 'done' && (
        <>
          <p class="muted" role="status">
            {result.hits.length === 0 ? t('concordanceNone') : tCount('concordanceFound', result.hits.length)}
          </p>
          <ol class="concordance-hits">
            {result.hits.map((hit, i) => (
              <li key={i} data-testid="concordance-hit">
                <p lang={hit.sourceLang} dir={textDirection(hit.sourceLang)}>
                  {hit.source}
                </p>
                <p lang={hit.targetLang} dir={textDirection(hit.targetLang)}>
                  {hit.target}
                </p>
                <p class="muted">
                  {hit.file ? t('memoryFromFile', hit.file, formatDateTime(hit.at)) : t('memoryFromPost', hit.title ?? hit.url ?? '', formatDateTime(hit.at))}
                </p>
              </li>
            ))}
          </ol>
        </>
      )}
    </form>
  );
}
