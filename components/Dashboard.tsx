// The options page's dashboard: every post with drafts, one row per post and language, searchable
// by title; each row opens the post or its drafts, or deletes its drafts (undoably).
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { DeletedDrafts } from '@/utils/dashboard/dashboard-handlers';
import { filterByTitle, rowKey, withChangedDraft } from '@/utils/dashboard/post-list';
import { languageName } from '@/utils/languages';
import { isMessage, sendMessage } from '@/utils/messaging';
import type { PostSummary } from '@/utils/model';
import { DashboardRow } from './DashboardRow';

/** How long the list waits, after a change it cannot apply itself, before it asks again (changes come in bursts). */
const REFRESH_DELAY_MS = 500;

interface Undoable {
  deleted: DeletedDrafts;
  /** What was deleted, in words. */
  what: string;
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
  const ui = navigator.language;
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
        const count = deleted.segmentIds.length;
        const what = `${count} ${count === 1 ? 'draft' : 'drafts'} of “${post.title ?? post.url}” in ${languageName(post.lang, ui)}`;
        setUndoable({ deleted, what });
        await reload();
      } catch (error) {
        setActionError(`The drafts were not deleted: ${errorText(error)}`);
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
      setActionError(`The drafts were not restored: ${errorText(error)}`);
    }
  }, [undoable, reload]);

  const shown = useMemo(() => (posts ? filterByTitle(posts, query) : []), [posts, query]);
  useEffect(() => undoButton.current?.focus(), [undoable]);

  return (
    <section class="dashboard" aria-labelledby="dashboard-heading">
      <h2 id="dashboard-heading">Your drafts</h2>
      {undoable && (
        <p class="notice dashboard-undo" role="status" data-testid="dashboard-undo">
          Deleted {undoable.what}.{' '}
          <button type="button" ref={undoButton} onClick={() => void undo()}>
            Undo
          </button>
        </p>
      )}
      {actionError && (
        <p class="notice notice-error" role="alert">
          {actionError}
        </p>
      )}
      {listError && (
        <p class="notice notice-error" role="alert">
          Your drafts could not be listed: {listError}{' '}
          <button type="button" onClick={() => void reload()}>
            Try again
          </button>
        </p>
      )}
      {posts && posts.length === 0 && <p class="muted">You have no drafts yet.</p>}
      {posts && posts.length > 0 && (
        <>
          <label class="dashboard-search">
            <span>Search by title</span>
            <input type="search" ref={search} data-testid="dashboard-search" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
          </label>
          {shown.length === 0 ? (
            <p class="muted" data-testid="dashboard-no-match">
              No post title matches “{query}”.
            </p>
          ) : (
            <table class="dashboard-table" data-testid="dashboard">
              <thead>
                <tr>
                  <th scope="col">Post</th>
                  <th scope="col">Site</th>
                  <th scope="col">Language</th>
                  <th scope="col">Progress</th>
                  <th scope="col">Last edited</th>
                  <th scope="col">
                    <span class="visually-hidden">Actions</span>
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
