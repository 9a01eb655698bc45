// The options page's glossary: every term of every language pair, to edit or delete, and files
// to import (OmegaT's TSV, or CSV with a header row) into a pair, or to export from one.
import { useEffect, useState } from 'preact/hooks';
import { t, tCount } from '@/utils/i18n';
import { browser } from 'wxt/browser';
import { isMessage, sendMessage } from '@/utils/messaging';
import { MAX_GLOSSARY_BYTES, glossaryFromFile, writeCsv, writeTsv } from '@/utils/glossary/glossary-files';
import type { GlossaryEntry } from '@/utils/memory/memory-types';
import { downloadFile } from '../export/ExportPanel';
import { errorText } from '../post/draft-context';

const split = (forms: string) => forms.split('|').map((f) => f.trim()).filter(Boolean);
const pairOf = (e: Pick<GlossaryEntry, 'sourceLang' | 'targetLang'>) => `${e.sourceLang}>${e.targetLang}`;

export function GlossaryManager() {
  const [entries, setEntries] = useState<GlossaryEntry[]>([]);
  const [editing, setEditing] = useState<GlossaryEntry | null>(null);
  const [pair, setPair] = useState({ sourceLang: 'en', targetLang: '' });
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const load = () => sendMessage({ type: 'glossary:list' }).then(setEntries, (e) => setMessage({ error: true, text: errorText(e) }));
  useEffect(() => {
    void load();
    const onMessage = (m: unknown) => {
      if (isMessage(m) && m.type === 'glossary:changed') void load();
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);
    return () => browser.runtime.onMessage.removeListener(onMessage);
  }, []);
  const act = async (work: () => Promise<unknown>) => {
    setMessage(null);
    try {
      await work();
      await load();
    } catch (error) {
      setMessage({ error: true, text: errorText(error) });
    }
  };
  const importFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    try {
      if (!pair.sourceLang.trim() || !pair.targetLang.trim()) throw new Error(t('glossaryPairNeeded'));
      if (file.size > MAX_GLOSSARY_BYTES) throw new Error(t('glossaryFileTooLarge'));
      const inputs = glossaryFromFile(file.name, await file.text(), pair.sourceLang.trim(), pair.targetLang.trim());
      const report = await sendMessage({ type: 'glossary:import', entries: inputs });
      setMessage({ error: false, text: t('glossaryImported', file.name, tCount('glossaryTermsAdded', report.added), tCount('glossaryTermsSkipped', report.skipped)) });
      await load();
    } catch (error) {
      setMessage({ error: true, text: t('importFailed', file.name, errorText(error)) });
    } finally {
      input.value = '';
    }
  };
  const exportAs = (kind: 'tsv' | 'csv') => {
    const chosen = entries.filter((e) => pairOf(e) === `${pair.sourceLang.trim()}>${pair.targetLang.trim()}`);
    const rows = chosen.length ? chosen : entries;
    const name = `glossary.${pair.sourceLang || 'all'}-${pair.targetLang || 'all'}.${kind}`.replace(/[^A-Za-z0-9.-]/g, '');
    downloadFile({ filename: name, mimeType: kind === 'csv' ? 'text/csv' : 'text/tab-separated-values', content: kind === 'csv' ? writeCsv(rows) : writeTsv(rows) });
  };

  return (
    <section class="glossary-manager" aria-labelledby="glossary-heading">
      <h2 id="glossary-heading">{t('glossaryHeading')}</h2>
      <p class="muted">{t('glossaryIntro')}</p>
      {entries.length === 0 ? (
        <p class="muted">{t('glossaryEmpty')}</p>
      ) : (
        <table class="glossary-table" data-testid="glossary-table">
          <thead>
            <tr>
              <th scope="col">{t('glossaryPairColumn')}</th>
              <th scope="col">{t('glossaryTermLabel')}</th>
              <th scope="col">{t('glossaryTranslationColumn')}</th>
              <th scope="col">{t('glossaryNoteLabel')}</th>
              <th scope="col">{t('glossaryActionsColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) =>
              editing?.id === entry.id ? (
                <tr key={entry.id} data-testid="glossary-row">
                  <td>{pairOf(entry)}</td>
                  <td>
                    <input aria-label={t('glossaryTermLabel')} value={editing.source} onInput={(e) => setEditing({ ...editing, source: e.currentTarget.value })} />
                  </td>
                  <td>
                    <input aria-label={t('glossaryTranslationLabel')} value={editing.targets.join(' | ')} onInput={(e) => setEditing({ ...editing, targets: split(e.currentTarget.value) })} />
                    <input aria-label={t('glossaryAvoidLabel')} value={editing.avoid.join(' | ')} onInput={(e) => setEditing({ ...editing, avoid: split(e.currentTarget.value) })} />
                  </td>
                  <td>
                    <input aria-label={t('glossaryNoteLabel')} value={editing.note} onInput={(e) => setEditing({ ...editing, note: e.currentTarget.value })} />
                  </td>
                  <td>
                    <button type="button" onClick={() => void act(() => sendMessage({ type: 'glossary:save', entry: editing }).then(() => setEditing(null)))}>
                      {t('glossarySave')}
                    </button>{' '}
                    <button type="button" onClick={() => setEditing(null)}>
                      {t('glossaryCancel')}
                    </button>
                  </td>
                </tr>
              ) : (
                <tr key={entry.id} data-testid="glossary-row">
                  <td>{pairOf(entry)}</td>
                  <td lang={entry.sourceLang}>{entry.source}</td>
                  <td lang={entry.targetLang}>
                    {entry.targets.join(' / ')}
                    {entry.avoid.length > 0 && <span class="muted"> {t('glossaryNotForms', entry.avoid.join(', '))}</span>}
                  </td>
                  <td>{entry.note}</td>
                  <td>
                    <button type="button" aria-label={t('glossaryEditLabel', entry.source)} onClick={() => setEditing(entry)}>
                      {t('glossaryEdit')}
                    </button>{' '}
                    <button type="button" aria-label={t('glossaryDeleteLabel', entry.source)} data-action="delete-term" onClick={() => void act(() => sendMessage({ type: 'glossary:delete', id: entry.id }))}>
                      {t('glossaryDelete')}
                    </button>
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      )}
      <fieldset class="glossary-files">
        <legend>{t('glossaryFilesLegend')}</legend>
        <label class="field">
          <span>{t('glossarySourceLangLabel')}</span>
          <input value={pair.sourceLang} size={8} onInput={(e) => setPair({ ...pair, sourceLang: e.currentTarget.value })} />
        </label>
        <label class="field">
          <span>{t('glossaryTargetLangLabel')}</span>
          <input value={pair.targetLang} size={8} data-testid="glossary-target-lang" onInput={(e) => setPair({ ...pair, targetLang: e.currentTarget.value })} />
        </label>
        <label class="field">
          <span>{t('glossaryImportLabel')}</span>
          <input type="file" accept=".tsv,.csv,.txt,.utf8,text/csv,text/tab-separated-values" data-testid="glossary-file" onChange={(e) => void importFile(e.currentTarget)} />
        </label>
        <button type="button" onClick={() => exportAs('tsv')} disabled={entries.length === 0}>
          {t('glossaryExportTsv')}
        </button>{' '}
        <button type="button" onClick={() => exportAs('csv')} disabled={entries.length === 0}>
          {t('glossaryExportCsv')}
        </button>
      </fieldset>
      {message && (
        <p class={message.error ? 'notice notice-error' : 'notice'} role={message.error ? 'alert' : 'status'} data-testid="glossary-message">
          {message.text}
        </p>
      )}
    </section>
  );
}
