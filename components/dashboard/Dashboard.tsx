// The options page's dashboard: every post with drafts, one row per post and language, searchable
// by title; each row opens the post or its drafts, or deletes its drafts (undoably).
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { DeletedDrafts, PostSummary } from '@/utils/model';
import { filterByTitle, rowKey, withChangedDraft } from '@/utils/dashboard/post-list';
import { t, tCount, uiLanguage } from '@/utils/i18n';
import { languageName } from '@/utils/languages';
import { isMessage, sendMessage } from '@/utils/messaging';
import { DashboardRow } from './DashboardRow';
import { ErrorLine } from '../common/ErrorLine';

/** How long the list waits, after a change it cannot apply itself, before it asks again (changes come in bursts). */
const REFRESH_DELAY_MS = 500;

interface Undoable {
  deleted: DeletedDrafts;
  /** What was deleted, as a sentence. */
  notice: string;
}

const errorText = (error: unknown) => String((error as Error)?.message ?? error);

export function Dashboard() {
  const [posts, setPosts] = useState<PostSummary[] | null>(null);
  const shownPosts = useRef<PostSummary[] | null>(null);
  shownPosts.current = posts;
  const [listError, setListError] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [deleting, setDeleting] = useState<ReadonlySet<string>>(new Set());
  const [undoable, setUndoable] = useState<Undoable | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const ui = uiLanguage();
  const undoButton = useRef<HTMLButtonElement>(null);
  const search = useRef<HTMLInputElement>(null);

  const reload = useCallback(
    () =>
      sendMessage({ type: 'posts:list' }).then(
        (list) => {
          setPosts(list);
          setListError(null);
        },
        (error) => setListError(errorText(error)),
      ),
    [],
  );

  useEffect(() => {
    void reload();
    let pending: ReturnType<typeof setTimeout> | undefined;
    const onMessage = (message: unknown) => {
      if (!isMessage(message) || message.type !== 'draft:changed') return undefined;
      // Typing elsewhere changes one row: its progress comes with the message, no need to list all.
      const updated = shownPosts.current && withChangedDraft(shownPosts.current, message.draft, message.progress);
      if (updated) {
        shownPosts.current = updated; // the next message, before a render, builds on this one
        setPosts(updated);
      } else if (pending === undefined) {
        pending = setTimeout(() => {
          pending = undefined;
          void reload();
        }, REFRESH_DELAY_MS);
      }
      return undefined; // never answer: the background does
    };
    browser.runtime.onMessage.addListener(onMessage);
    return () => {
      clearTimeout(pending);
      browser.runtime.onMessage.removeListener(onMessage);
    };
  }, [reload]);

  const remove = useCallback(
    async (post: PostSummary) => {
      const key = rowKey(post);
      setDeleting((all) => new Set(all).add(key));
      setActionError(null);
      try {
        const deleted = await sendMessage({ type: 'drafts:delete-post', postKey: post.key, lang: post.lang });
        const notice = tCount('dashboardDeletedDrafts', deleted.segmentIds.length, post.title ?? post.url, languageName(post.lang, ui));
        setUndoable({ deleted, notice });
        await reload();
      } catch (error) {
        setActionError(t('dashboardDeleteFailed', errorText(error)));
      } finally {
        setDeleting((all) => {
          const next = new Set(all);
          next.delete(key);
          return next;
        });
      }
    },
    [reload, ui],
  );

  const undo = useCallback(async () => {
    if (!undoable) return;
    setActionError(null);
    try {
      await sendMessage({ type: 'drafts:restore', ...undoable.deleted });
      setUndoable(null);
      await reload();
      // The Undo button is gone: keep the keyboard in the list rather than lose it to the page.
      search.current?.focus();
    } catch (error) {
      setActionError(t('dashboardRestoreFailed', errorText(error)));
    }
  }, [undoable, reload]);

  const shown = useMemo(() => (posts ? filterByTitle(posts, query) : []), [posts, query]);
  useEffect(() => undoButton.current?.focus(), [undoable]);

  return (
    <section class="dashboard" aria-labelledby="dashboard-heading">
      <h2 id="dashboard-heading">{t('yourDrafts')}</h2>
      {undoable && (
        <p class="notice dashboard-undo" role="status" data-testid="dashboard-undo">
          {undoable.notice}{' '}
          <button type="button" ref={undoButton} onClick={() => void undo()}>
            {t('dashboardUndo')}
          </button>
        </p>
      )}
      <ErrorLine kind="notice" error={actionError} />
      {listError && (
        <p class="notice notice-error" role="alert">
          {t('draftsListFailed', listError)}{' '}
          <button type="button" onClick={() => void reload()}>
            {t('dashboardTryAgain')}
          </button>
        </p>
      )}
      {posts && posts.length === 0 && <p class="muted">{t('noDraftsYet')}</p>}
      {posts && posts.length > 0 && (
        <>
          <label class="dashboard-search">
            <span>{t('dashboardSearchLabel')}</span>
            <input type="search" ref={search} data-testid="dashboard-search" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
          </label>
          {shown.length === 0 ? (
            <p class="muted" data-testid="dashboard-no-match">
              {t('dashboardNoMatch', query)}
            </p>
          ) : (
            <table class="dashboard-table" data-testid="dashboard">
              <thead>
                <tr>
                  <th scope="col">{t('dashboardColumnPost')}</th>
                  <th scope="col">{t('dashboardColumnSite')}</th>
                  <th scope="col">{t('dashboardColumnLanguage')}</th>
                  <th scope="col">{t('dashboardColumnProgress')}</th>
                  <th scope="col">{t('dashboardColumnLastEdited')}</th>
                  <th scope="col">
                    <span class="visually-hidden">{t('dashboardColumnActions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {shown.map((post) => (
                  <DashboardRow
                    key={rowKey(post)}
                    post={post}
                    ui={ui}
                    deleting={deleting.has(rowKey(post))}
                    onDelete={remove}
                  />
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
