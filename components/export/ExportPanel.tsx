// Export one post in one language, or everything: choose a format and what untranslated segments
// become, then download the file or copy it. The background builds the file; the view saves it.
import { useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { sendMessage } from '@/utils/messaging';
import {
  EXPORT_CHOICES,
  type ExportFormatId,
  type ExportScope,
  type ExportedFile,
  type UntranslatedChoice,
} from '@/utils/store/export-files';

// Labels are read when shown, so they follow the UI language.
const UNTRANSLATED: { value: UntranslatedChoice; label: () => string }[] = [
  { value: 'source', label: () => t('exportUntranslatedSource') },
  { value: 'skip', label: () => t('exportUntranslatedSkip') },
  { value: 'empty', label: () => t('exportUntranslatedEmpty') },
];

interface Props {
  scope: ExportScope;
  /** The format chosen at first (Markdown unless said). */
  defaultFormat?: ExportFormatId;
}

let panels = 0;

export function ExportPanel({ scope, defaultFormat = 'markdown' }: Props) {
  const [id] = useState(() => `export-${++panels}`);
  const [format, setFormat] = useState<ExportFormatId>(defaultFormat);
  const [untranslated, setUntranslated] = useState<UntranslatedChoice>('source');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);
  const chosen = EXPORT_CHOICES.find((f) => f.id === format) ?? EXPORT_CHOICES[0];
  // The backup keeps everything as it is; the choice means nothing there.
  const asksUntranslated = format !== 'backup';

  const run = async (action: 'download' | 'copy') => {
    setBusy(true);
    setMessage(null);
    try {
      const build = (id: ExportFormatId) => sendMessage({ type: 'export:build', scope, format: id, untranslated });
      if (action === 'download') {
        const file = await build(format);
        downloadFile(file);
        setMessage({ text: t('exportSaved', file.filename) });
      } else if (chosen.copyAs) {
        const [plain, html] = await Promise.all([build(chosen.copyAs.plain), build(chosen.copyAs.html)]);
        const rich = await copyFile(plain, html);
        setMessage({ text: rich ? t('exportCopiedRich') : t('exportCopied') });
      } else {
        await copyFile(await build(format), null);
        setMessage({ text: t('exportCopied') });
      }
    } catch (error) {
      setMessage({ text: t('exportFailed', String((error as Error)?.message ?? error)), error: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="export-panel" data-testid="export-panel">
      <div class="field">
        <label for={`${id}-format`}>{t('exportFormatLabel')}</label>
        <select
          id={`${id}-format`}
          data-testid="export-format"
          value={format}
          onChange={(e) => setFormat(e.currentTarget.value as ExportFormatId)}
        >
          {EXPORT_CHOICES.map((f) => (
            <option key={f.id} value={f.id}>
              {f.label()}
            </option>
          ))}
        </select>
      </div>
      {asksUntranslated && (
        <fieldset class="field">
          <legend>{t('exportUntranslatedLegend')}</legend>
          {UNTRANSLATED.map((choice) => (
            <label key={choice.value} class="choice">
              <input
                type="radio"
                name={`${id}-untranslated`}
                value={choice.value}
                checked={untranslated === choice.value}
                onChange={() => setUntranslated(choice.value)}
              />{' '}
              {choice.label()}
            </label>
          ))}
        </fieldset>
      )}
      <div class="form-actions">
        <button type="button" disabled={busy} onClick={() => void run('download')}>
          {t('exportDownload')}
        </button>
        <button type="button" disabled={busy} onClick={() => void run('copy')}>
          {t('exportCopy')}
        </button>
      </div>
      {message && (
        <p class={message.error ? 'notice notice-error' : 'muted'} role="status" data-testid="export-message">
          {message.text}
        </p>
      )}
    </div>
  );
}

/** The compact form for the popup and side panel: the current post, behind "Export…". */
export function ExportDisclosure({ postKey, lang }: { postKey: string; lang: string }) {
  const [open, setOpen] = useState(false);
  if (!lang) return null;
  return (
    <details class="export-disclosure" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('exportDisclosure')}</summary>
      {open && <ExportPanel scope={{ postKey, lang }} />}
    </details>
  );
}

/** Saves the file through a Blob and an <a download>, as the browser's own download. */
export function downloadFile(file: ExportedFile): void {
  const url = URL.createObjectURL(new Blob([file.content], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once started; free the Blob a moment later.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Copies the file's text; with `html`, also as rich text so a rich editor keeps the links, where
 * the browser can (answers whether it did).
 */
export async function copyFile(file: ExportedFile, html: ExportedFile | null): Promise<boolean> {
  if (html && typeof ClipboardItem !== 'undefined' && navigator.clipboard.write) {
    await navigator.clipboard.write([
      new ClipboardItem({
        'text/plain': new Blob([file.content], { type: 'text/plain' }),
        'text/html': new Blob([html.content], { type: 'text/html' }),
      }),
    ]);
    return true;
  }
  await navigator.clipboard.writeText(file.content);
  return false;
}

/** Every post in every language, for the options page. */
export function ExportAllSection() {
  return (
    <section class="export-all" aria-labelledby="export-all-heading">
      <h2 id="export-all-heading">{t('exportAllHeading')}</h2>
      <ExportPanel scope="all" defaultFormat="backup" />
    </section>
  );
}
