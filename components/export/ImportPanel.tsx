// Import a JSON backup or an XLIFF file: the view reads and checks it (XML needs the page's
// DOMParser), the background merges it in one transaction, and the report says what happened.
import { useState } from 'preact/hooks';
import { megabytes, planFromFile } from '@/utils/export/import-file';
import { MAX_IMPORT_BYTES } from '@/utils/export/import-plan';
import { t } from '@/utils/i18n';
import { sendMessage, type Response } from '@/utils/messaging';
import { ImportReport } from './ImportReport';
import { ErrorLine } from '../common/ErrorLine';

type Result = { fileName: string } & ({ error: string } | { report: Extract<Response<'import:apply'>, { ok: true }>['report'] });

export function ImportPanel() {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Result | null>(null);

  const importFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    setBusy(true);
    setResult(null);
    try {
      const plan = await planFromFile(file);
      const answer = await sendMessage({ type: 'import:apply', plan });
      setResult(answer.ok ? { fileName: file.name, report: answer.report } : { fileName: file.name, error: answer.message });
    } catch (error) {
      setResult({ fileName: file.name, error: String((error as Error)?.message ?? error) });
    } finally {
      setBusy(false);
      input.value = ''; // the same file can be picked again
    }
  };

  return (
    <section class="import-panel" aria-labelledby="import-heading">
      <h2 id="import-heading">{t('importHeading')}</h2>
      <p class="muted">{t('importIntro', megabytes(MAX_IMPORT_BYTES))}</p>
      <label class="field">
        <span>{t('importFileLabel')}</span>
        <input
          type="file"
          accept=".json,.xlf,.xliff,.xml,application/json,application/xliff+xml"
          data-testid="import-file"
          disabled={busy}
          onChange={(e) => void importFile(e.currentTarget)}
        />
      </label>
      {busy && (
        <p class="muted" role="status">
          {t('importBusy')}
        </p>
      )}
      {result && 'error' in result && <ErrorLine kind="notice" error={t('importFailed', result.fileName, result.error)} testId="import-error" />}
      {result && 'report' in result && <ImportReport report={result.report} fileName={result.fileName} />}
    </section>
  );
}
