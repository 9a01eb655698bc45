// The target language: the page's own offers first, then recent ones, then the browser's, then
// any BCP-47 tag typed in. Names come from Intl.DisplayNames in the reader's UI language.
import { useMemo, useState } from 'preact/hooks';
import { memo } from '../common/memo';
import { COMMON_LANGUAGES, canonicalTag, knownLanguageName, languageName, primaryLanguage } from '@/utils/languages';
import type { TargetLanguage } from '@/utils/model';
import { t, uiLanguage } from '@/utils/i18n';

interface Props {
  value: string;
  offered: TargetLanguage[];
  recent: string[];
  sourceLanguage: string | null;
  onChange(lang: string): void;
}

const OTHER = '__other__';

function uniqueTags(tags: (string | null)[], exclude: Set<string>): string[] {
  const out: string[] = [];
  for (const tag of tags) {
    if (tag && !exclude.has(tag) && !out.includes(tag)) out.push(tag);
  }
  return out;
}

export const LanguagePicker = memo(function LanguagePicker({ value, offered, recent, sourceLanguage, onChange }: Props) {
  const [typing, setTyping] = useState(false);
  const [draftTag, setDraftTag] = useState('');
  const ui = uiLanguage();
  const offeredTags = uniqueTags(offered.map((l) => canonicalTag(l.code)), new Set());
  const taken = new Set([...offeredTags, sourceLanguage ?? '']);
  const recentTags = uniqueTags([...recent, ...navigator.languages.map(primaryLanguage)], taken);
  const mine = new Set([...offeredTags, ...recentTags, sourceLanguage ?? '']);
  const otherTags = useMemo(() => {
    const collator = new Intl.Collator(ui);
    return COMMON_LANGUAGES.filter((tag) => !mine.has(tag))
      .map((tag) => ({ tag, name: languageName(tag, ui) }))
      .sort((a, b) => collator.compare(a.name, b.name));
  }, [offered, recent, sourceLanguage, ui]);
  const all = [...offeredTags, ...recentTags, ...otherTags.map((l) => l.tag)];
  const pageName = (tag: string) => offered.find((l) => canonicalTag(l.code) === tag)?.name;
  const label = (tag: string) => {
    const own = pageName(tag);
    const name = languageName(tag, ui);
    return own && own !== name ? `${own} — ${name}` : name;
  };

  if (typing) {
    const typed = draftTag.trim();
    const tag = canonicalTag(typed);
    // Said as soon as it applies: a malformed tag cannot be used, an unknown one only warned about.
    const problem = typed && !tag ? t('languageTagInvalid', typed) : null;
    const unknown = tag && !knownLanguageName(tag, ui) ? t('languageTagUnknown', tag) : null;
    return (
      <form
        class="language-other"
        onSubmit={(event) => {
          event.preventDefault();
          if (tag) {
            setTyping(false);
            onChange(tag);
          }
        }}
        onKeyDown={(event) => event.key === 'Escape' && setTyping(false)}
      >
        <input
          aria-label={t('languageTagLabel')}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem || unknown ? 'language-tag-message' : undefined}
          placeholder={t('languageTagPlaceholder')}
          value={draftTag}
          onInput={(e) => setDraftTag(e.currentTarget.value)}
          autoFocus
        />
        <button type="submit" disabled={!tag}>
          {tag ? t('languageUseNamed', languageName(tag, ui)) : t('languageUse')}
        </button>
        <button type="button" onClick={() => setTyping(false)}>
          {t('languageCancel')}
        </button>
        {(problem || unknown) && (
          <p id="language-tag-message" class={problem ? 'field-error' : 'field-hint'} role="status" data-testid="language-tag-message">
            {problem ?? unknown}
          </p>
        )}
      </form>
    );
  }

  return (
    <label class="language-picker">
      <span>{t('languageTranslateInto')}</span>
      <select
        data-testid="target-language"
        value={value || ''}
        onChange={(event) => {
          const chosen = event.currentTarget.value;
          if (chosen === OTHER) setTyping(true);
          else if (chosen) onChange(chosen);
        }}
      >
        {!value && <option value="">{t('languageChoose')}</option>}
        {value && !all.includes(value) && <option value={value}>{label(value)}</option>}
        {offeredTags.length > 0 && (
          <optgroup label={t('languageGroupWanted')}>
            {offeredTags.map((tag) => (
              <option value={tag}>{label(tag)}</option>
            ))}
          </optgroup>
        )}
        {recentTags.length > 0 && (
          <optgroup label={t('languageGroupYours')}>
            {recentTags.map((tag) => (
              <option value={tag}>{label(tag)}</option>
            ))}
          </optgroup>
        )}
        <optgroup label={t('languageGroupAll')}>
          {otherTags.map(({ tag, name }) => (
            <option value={tag}>{name}</option>
          ))}
        </optgroup>
        <option value={OTHER}>{t('languageAnother')}</option>
      </select>
    </label>
  );
});
