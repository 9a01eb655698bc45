// Import a JSON backup or an XLIFF file: the view reads and checks it (XML needs the page's
// DOMParser), the background merges it in one transaction, and the report says what happened.
import { useState } from 'preact/hooks';
import { planFromFile } from '@/utils/export/import-file';
import { MAX_IMPORT_BYTES } from '@/utils/export/import-plan';
import { sendMessage, type Response } from '@/utils/messaging';
import { ImportReport } from './ImportReport';

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
      <h2 id="import-heading">Import drafts</h2>
      <p class="muted">
        A JSON backup or an XLIFF file (2.0 or 1.2, also as a translation tool returns it), up to{' '}
        {MAX_IMPORT_BYTES / 1024 / 1024} MB. Each imported text becomes a new revision of its segment; what it replaces
        stays in the history.
      </p>
      <label class="field">
        <span>File to import</span>
        <input
          type="file"
          accept=".json,.xlf,.xliff,.xml,application/json,application/xliff+xml"
          data-testid="import-file"
          disabled={busy}
          onChange={(e) => void importFile(e.currentTarget)}
        />
      </label>
      {busy && <p class="muted" role="status">Importing…</p>}
      {result && 'error' in result && (
        <p class="notice notice-error" role="alert" data-testid="import-error">
          {result.fileName} was not imported, and nothing was changed: {result.error}
        </p>
      )}
      {result && 'report' in result && <ImportReport report={result.report} fileName={result.fileName} />}
    </section>
  );
}
