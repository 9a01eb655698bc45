// The view shared by the popup (quick work) and the side panel (long work).
import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { pinnedPost } from '@/utils/post-link';
import { canOpenSidePanel, openSidePanel } from '@/utils/side-panel';
import { CheckThisSite } from '../site-access/CheckThisSite';
import { DraftedPosts } from '../dashboard/DraftedPosts';
import { PostView } from '../post/PostView';
import { EditorFill } from '../wordpress/EditorFill';
import { useShownTab } from './use-shown-tab';
import { useTabPost } from '../post/use-tab-post';
import { t } from '@/utils/i18n';
import { ErrorLine } from '../common/ErrorLine';

export type Layout = 'popup' | 'panel';

export function App({ layout }: { layout: Layout }) {
  // `?post=…&lang=…` (from the dashboard): that post's drafts, without its page.
  const pinned = useMemo(() => pinnedPost(location.search), []);
  const shownTab = useShownTab(layout === 'panel' && !pinned);
  const tabId = pinned ? null : shownTab;
  const model = useTabPost(tabId ?? null, pinned);
  const { state } = model;
  const [windowId, setWindowId] = useState<number | undefined>();
  useEffect(() => {
    browser.windows.getCurrent().then((w) => setWindowId(w.id), () => undefined);
  }, []);

  if (tabId === undefined || state.status === 'loading') return <p class="muted loading">{t('viewReadingPage')}</p>;
  if (state.status === 'error') {
    const message = pinned ? t('viewCouldNotShowDrafts', state.message) : t('viewCouldNotReadTab', state.message);
    return <ErrorLine kind="notice" error={message} />;
  }
  if (state.status === 'none' && pinned) {
    return (
      <p class="notice" data-testid="post-not-kept">
        {t('viewPostNotKept')}
      </p>
    );
  }
  if (state.status === 'none') {
    const notAsking = (
      <p class="notice" data-testid="not-asking">
        {t('viewNotAsking')}
      </p>
    );
    const notAskingView = (
      <div class="not-asking">
        {/* The view's name for screen readers, where no post title heads it. */}
        <h1 class="visually-hidden">{t('extName')}</h1>
        {tabId !== null ? <CheckThisSite tabId={tabId}>{notAsking}</CheckThisSite> : notAsking}
        <DraftedPosts />
      </div>
    );
    // WordPress's block editor is no post to translate: it is where the drafts go.
    return tabId !== null ? <EditorFill key={tabId} tabId={tabId}>{notAskingView}</EditorFill> : notAskingView;
  }

  const panelButton =
    layout === 'popup' && canOpenSidePanel() ? (
      <button
        type="button"
        onClick={() => {
          // No await before opening: the browser allows it only within the click itself.
          openSidePanel(windowId).then(() => window.close(), () => undefined);
        }}
      >
        {t('popupOpenInSidePanel')}
      </button>
    ) : null;

  return (
    <PostView
      tabPost={state.tabPost}
      texts={model.texts}
      concurrentEdits={model.concurrentEdits}
      saveError={model.saveError}
      onText={model.setText}
      onKeep={model.markReviewed}
      onLanguage={model.chooseLanguage}
      switchingTo={model.switchingTo}
      onHighlight={model.highlight}
      doneTexts={model.doneTexts}
      onStatus={model.setStatus}
      sourceFlags={model.sourceFlags}
      onFlush={model.flush}
      inPage={!pinned}
      actions={panelButton}
    />
  );
}
