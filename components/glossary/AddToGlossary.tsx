// "Add to glossary": select words in a segment's source, and this offers to make them a term of
// the pair, with its translation, a note and forms to avoid. The team shares it through sync.
import { useEffect, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { textDirection } from '@/utils/languages';
import { sendMessage } from '@/utils/messaging';
import { errorText } from '../post/draft-context';
import { useMemoryContext } from '../memory/memory-context';

const MAX_TERM = 200;

/** The words selected inside one segment source, or ''. */
function selectedSourceWords(): string {
  const selection = document.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return '';
  const within = (node: Node | null) => (node instanceof Element ? node : node?.parentElement)?.closest('.segment-source');
  const source = within(selection.anchorNode);
  if (!source || source !== within(selection.focusNode)) return '';
  const words = selection.toString().replace(/\s+/g, ' ').trim();
  return words.length <= MAX_TERM ? words : '';
}

const split = (forms: string) => forms.split(/[|,;]/).map((f) => f.trim()).filter(Boolean);

export function AddToGlossary() {
  const context = useMemoryContext();
  const [selected, setSelected] = useState('');
  const [form, setForm] = useState<{ source: string; targets: string; note: string; avoid: string } | null>(null);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  useEffect(() => {
    const onChange = () => setSelected(selectedSourceWords());
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, []);
  if (!context?.lang) return null;

  const save = async (event: Event) => {
    event.preventDefault();
    if (!form) return;
    try {
      const entry = await sendMessage({
        type: 'glossary:save',
        entry: { sourceLang: context.sourceLanguage ?? 'und', targetLang: context.lang, source: form.source, targets: split(form.targets), note: form.note, avoid: split(form.avoid) },
      });
      setForm(null);
      setMessage({ error: false, text: t('glossaryAdded', entry.source) });
    } catch (error) {
      setMessage({ error: true, text: errorText(error) });
    }
  };

  return (
    <div class="add-to-glossary">
      {!form && selected && (
        <button
          type="button"
          data-action="add-to-glossary"
          // Pressing the button must not clear the selection before it is read.
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => {
            setMessage(null);
            setForm({ source: selected, targets: '', note: '', avoid: '' });
          }}
        >
          {t('glossaryAddSelection', selected)}
        </button>
      )}
      {form && (
        <form class="glossary-form" data-testid="glossary-form" onSubmit={(e) => void save(e)}>
          <label class="field">
            <span>{t('glossaryTermLabel')}</span>
            <input value={form.source} lang={context.sourceLanguage ?? undefined} required onInput={(e) => setForm({ ...form, source: e.currentTarget.value })} />
          </label>
          <label class="field">
            <span>{t('glossaryTranslationLabel')}</span>
            <input value={form.targets} lang={context.lang} dir={textDirection(context.lang)} required data-field="targets" onInput={(e) => setForm({ ...form, targets: e.currentTarget.value })} />
          </label>
          <label class="field">
            <span>{t('glossaryNoteLabel')}</span>
            <input value={form.note} data-field="note" onInput={(e) => setForm({ ...form, note: e.currentTarget.value })} />
          </label>
          <label class="field">
            <span>{t('glossaryAvoidLabel')}</span>
            <input value={form.avoid} lang={context.lang} dir={textDirection(context.lang)} data-field="avoid" onInput={(e) => setForm({ ...form, avoid: e.currentTarget.value })} />
          </label>
          <button type="submit">{t('glossarySave')}</button>{' '}
          <button type="button" onClick={() => setForm(null)}>
            {t('glossaryCancel')}
          </button>
        </form>
      )}
      {message && (
        <p class={message.error ? 'field-error' : 'muted'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
    </div>
  );
}
