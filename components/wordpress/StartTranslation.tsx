// The post header's link to the site's own "start translation": for a reader logged in to the
// blog, Polylang's form filled in for the language being drafted, which opens WordPress's block
// editor on the new translation; logged out, the site's link as it is.
import { t, uiLanguage } from '@/utils/i18n';
import { languageName } from '@/utils/languages';
import type { CallToAction } from '@/utils/model';
import { translationStart } from '@/utils/wordpress/addresses';

export function StartTranslation({ cta, lang }: { cta: CallToAction | null; lang: string }) {
  const start = translationStart(cta, lang);
  if (!start) return null;
  if (start.kind === 'not-offered') {
    return (
      <span class="muted" data-testid="language-not-offered">
        {t('wordpressLanguageNotOffered', languageName(lang, uiLanguage()))}
      </span>
    );
  }
  const text = start.kind === 'polylang' ? t('wordpressOpenTranslation', languageName(lang, uiLanguage())) : t('viewStartOnSite');
  return (
    <a href={start.url} target="_blank" rel="noopener noreferrer" class="button-link" data-testid="start-translation">
      {text}
    </a>
  );
}
