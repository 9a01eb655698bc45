// The options page's translation memory: TMX export (one language pair, or all) and import, and
// the fuzzy threshold. A broken or hostile file is refused with why, and nothing is written.
import { useEffect, useState } from 'preact/hooks';
import { formatNumber, t, tCount } from '@/utils/i18n';
import { sendMessage } from '@/utils/messaging';
import { MAX_IMPORT_BYTES } from '@/utils/export/import-plan';
import { megabytes } from '@/utils/export/import-file';
import type { MemoryPair } from '@/utils/memory/memory-store';
import { readTmx } from '@/utils/memory/tmx';
import { downloadFile } from '../export/ExportPanel';
import { errorText } from '../post/draft-context';
import { fuzzyThreshold, setFuzzyThreshold } from './memory-settings';

export function MemoryFiles() {
  const [pairs, setPairs] = useState<MemoryPair[]>([]);
  const [pair, setPair] = useState('');
  const [threshold, setThreshold] = useState<number | null>(null);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const refresh = () => sendMessage({ type: 'memory:pairs' }).then(setPairs, () => undefined);
  useEffect(() => {
    void refresh();
    void fuzzyThreshold().then(setThreshold);
  }, []);

  const exportTmx = async () => {
    setMessage(null);
    try {
      const chosen = pairs.find((p) => `${p.sourceLang}>${p.targetLang}` === pair);
      downloadFile(await sendMessage({ type: 'memory:export-tmx', pair: chosen ? { sourceLang: chosen.sourceLang, targetLang: chosen.targetLang } : null }));
    } catch (error) {
      setMessage({ error: true, text: errorText(error) });
    }
  };
  const importTmx = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    setBusy(true);
    setMessage(null);
    try {
      if (file.size > MAX_IMPORT_BYTES) throw new Error(t('importTooLarge', megabytes(file.size), megabytes(MAX_IMPORT_BYTES)));
      const units = readTmx(await file.text());
      const report = await sendMessage({ type: 'memory:import-tmx', units, origin: file.name });
      setMessage({ error: false, text: t('tmxImported', file.name, tCount('tmxUnitsAdded', report.added), tCount('tmxUnitsSkipped', report.skipped)) });
      void refresh();
    } catch (error) {
      setMessage({ error: true, text: t('importFailed', file.name, errorText(error)) });
    } finally {
      setBusy(false);
      input.value = '';
    }
  };

  return (
    <section class="memory-files" aria-labelledby="memory-heading">
      <h2 id="memory-heading">{t('memoryHeading')}</h2>
      <p class="muted">{t('memoryIntro')}</p>
      <div class="field-row">
        <label class="field">
          <span>{t('memoryPairLabel')}</span>
          <select value={pair} data-testid="memory-pair" onChange={(e) => setPair(e.currentTarget.value)}>
            <option value="">{t('memoryAllPairs')}</option>
            {pairs.map((p) => (
              <option key={`${p.sourceLang}>${p.targetLang}`} value={`${p.sourceLang}>${p.targetLang}`}>
                {t('memoryPairOption', p.sourceLang, p.targetLang, formatNumber(p.entries))}
              </option>
            ))}
          </select>
        </label>
        <button type="button" data-action="export-tmx" onClick={() => void exportTmx()}>
          {t('memoryExportTmx')}
        </button>
      </div>
      <label class="field">
        <span>{t('memoryImportTmx')}</span>
        <input type="file" accept=".tmx,.xml" data-testid="tmx-file" disabled={busy} onChange={(e) => void importTmx(e.currentTarget)} />
      </label>
      {threshold !== null && (
        <label class="field">
          <span>{t('memoryThresholdLabel')}</span>
          <input
            type="number"
            min={50}
            max={100}
            value={threshold}
            onChange={(e) => {
              const value = Number(e.currentTarget.value);
              void setFuzzyThreshold(value).then(fuzzyThreshold).then(setThreshold);
            }}
          />
        </label>
      )}
      {message && (
        <p class={message.error ? 'notice notice-error' : 'notice'} role={message.error ? 'alert' : 'status'} data-testid="memory-message">
          {message.text}
        </p>
      )}
    </section>
  );
}
