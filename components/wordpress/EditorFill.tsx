// The view of a tab showing WordPress's block editor: fill the post being edited with the drafts
// of the post it translates (or of one the translator picks), then a report of what went where.
// Shown in place of "this page does not ask for translation"; any other tab shows `children`.
import { useState } from 'preact/hooks';
import { t, uiLanguage } from '@/utils/i18n';
import { languageName } from '@/utils/languages';
import { sendMessage } from '@/utils/messaging';
import { progressLabel } from '@/utils/progress-label';
import type { FillReport } from '@/utils/wordpress/hand-off';
import type { UntranslatedInEditor } from '@/utils/wordpress/fill-plan';
import { FillReportView } from './FillReportView';
import { postNumber } from './post-number';
import { useEditorView } from './use-editor-view';

interface Chosen {
  postKey: string;
  lang: string;
  title: string | null;
}

export function EditorFill({ tabId, children }: { tabId: number; children: preact.ComponentChildren }) {
  const [filledAt, setFilledAt] = useState<number | null>(null);
  const { view, refresh } = useEditorView(tabId, filledAt);
  const [picked, setPicked] = useState<Chosen | null>(null);
  const [untranslated, setUntranslated] = useState<UntranslatedInEditor>('source');
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<FillReport | { ok: false; reason: 'error'; message: string } | null>(null);
  if (!view) return <>{children}</>;

  const chosen: Chosen | null = view.match ?? picked;
  const ui = uiLanguage();
  const fill = async () => {
    if (!chosen) return;
    setBusy(true);
    const at = Date.now();
    try {
      setReport(await sendMessage({ type: 'wordpress:fill', tabId, postKey: chosen.postKey, lang: chosen.lang, untranslated }));
      setFilledAt(at);
    } catch (error) {
      setReport({ ok: false, reason: 'error', message: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
      refresh();
    }
  };

  return (
    <section class="wordpress-fill" data-testid="wordpress-fill">
      <h1>{t('wordpressEditorHeading')}</h1>
      {!chosen && view.candidates.length === 0 && <p class="notice">{t('wordpressNoDrafts')}</p>}
      {!view.match && view.candidates.length > 0 && (
        <fieldset class="field">
          <legend>{t('wordpressChoosePost')}</legend>
          {view.candidates.map((candidate) => (
            <label key={`${candidate.key}\n${candidate.lang}`} class="choice">
              <input
                type="radio"
                name="wordpress-post"
                checked={picked?.postKey === candidate.key && picked.lang === candidate.lang}
                onChange={() => setPicked({ postKey: candidate.key, lang: candidate.lang, title: candidate.title })}
              />{' '}
              {t('wordpressChooseRow', candidate.title ?? candidate.url, languageName(candidate.lang, ui), progressLabel(candidate.progress))}
            </label>
          ))}
        </fieldset>
      )}
      {chosen && (
        <>
          <fieldset class="field">
            <legend>{t('exportUntranslatedLegend')}</legend>
            <label class="choice">
              <input type="radio" name="wordpress-untranslated" checked={untranslated === 'source'} onChange={() => setUntranslated('source')} />{' '}
              {t('exportUntranslatedSource')}
            </label>
            <label class="choice">
              <input type="radio" name="wordpress-untranslated" checked={untranslated === 'skip'} onChange={() => setUntranslated('skip')} />{' '}
              {t('exportUntranslatedSkip')}
            </label>
          </fieldset>
          <button type="button" data-testid="wordpress-fill-button" disabled={busy} onClick={() => void fill()}>
            {busy ? t('wordpressFilling') : t('wordpressFill', languageName(chosen.lang, ui), chosen.title ?? chosen.postKey)}
          </button>
        </>
      )}
      {report && <FillReportView report={report} />}
      {view.match?.wordpressDraft && (
        <p class="notice" role="status" data-testid="wordpress-saved">
          {t('wordpressSavedAs', postNumber(view.match.wordpressDraft.postId))}
        </p>
      )}
    </section>
  );
}
