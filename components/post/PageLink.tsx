// The view's link to the page beside it: Alt+click on a paragraph there focuses its editor here,
// and "Show my drafts in the page" puts each draft under its paragraph (in a shadow root).
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { textDirection } from '@/utils/languages';
import { isMessage, sendToTab } from '@/utils/messaging';
import { t } from '@/utils/i18n';
import { useAllTexts, type SegmentTexts } from './segment-texts';
import type { SegmentFocus } from './row-window';

interface Props {
  tabId: number;
  lang: string;
  texts: SegmentTexts;
  /** Moves the focus to a segment's editor, also where its row rests. */
  focus: SegmentFocus;
}

/** How long typing may run before the page's preview follows it. */
const PREVIEW_DELAY_MS = 300;

export function PageLink({ tabId, lang, texts, focus }: Props) {
  const [previewing, setPreviewing] = useState(false);
  usePicksFromPage(tabId, focus);

  const toggle = (on: boolean) => {
    setPreviewing(on);
    if (!on) void sendToTab(tabId, { type: 'page:preview', drafts: null, lang, dir: 'auto' }).catch(() => undefined);
  };

  return (
    <div class="page-link">
      <label>
        <input
          type="checkbox"
          data-testid="preview-toggle"
          checked={previewing}
          disabled={!lang}
          onChange={(event) => toggle(event.currentTarget.checked)}
        />{' '}
        {t('previewInPage')}
      </label>
      <span class="page-link-hint">{t('altClickHint')}</span>
      {previewing && lang && <PagePreview tabId={tabId} lang={lang} texts={texts} />}
    </div>
  );
}

/**
 * While the preview is on: the drafts follow typing into the page. Apart from the link, so that
 * without a preview typing wakes nothing here.
 */
function PagePreview({ tabId, lang, texts: drafts }: Omit<Props, 'focus'>) {
  const texts = useAllTexts(drafts);
  useEffect(() => {
    const timer = setTimeout(() => {
      const drafts = Object.entries(texts).map(([segmentId, text]) => ({ segmentId, text }));
      void sendToTab(tabId, { type: 'page:preview', drafts, lang, dir: textDirection(lang) }).catch(() => undefined);
    }, PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [tabId, lang, texts]);
  return null;
}

/** Focuses the editor of the paragraph the reader Alt+clicked in this view's tab. */
function usePicksFromPage(tabId: number, focus: SegmentFocus): void {
  useEffect(() => {
    const onMessage = (message: unknown, sender: { tab?: { id?: number } }) => {
      if (!isMessage(message) || message.type !== 'page:segment-picked' || sender.tab?.id !== tabId) return undefined;
      focus.focus(message.segmentId, 'center');
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);
    return () => browser.runtime.onMessage.removeListener(onMessage);
  }, [tabId, focus]);
}
