// The posts this translator has drafts for, so they can go back to them.
import { useEffect, useState } from 'preact/hooks';
import { languageName } from '@/utils/languages';
import { sendMessage } from '@/utils/messaging';
import type { PostSummary } from '@/utils/model';
import { progressLabel } from '@/utils/progress-label';
import { safeHttpUrl } from '@/utils/safe-url';
import { t, uiLanguage } from '@/utils/i18n';
import { ErrorLine } from '../common/ErrorLine';

export function DraftedPosts() {
  const [posts, setPosts] = useState<PostSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    sendMessage({ type: 'posts:list' }).then(setPosts, (e) => setError(String(e?.message ?? e)));
  }, []);

  if (error) return <ErrorLine kind="notice" error={t('draftsListFailed', error)} />;
  if (!posts) return null;
  if (posts.length === 0) return <p class="muted">{t('noDraftsYet')}</p>;
  return (
    <section class="drafted-posts" aria-labelledby="drafted-posts-heading">
      <h2 id="drafted-posts-heading">{t('yourDrafts')}</h2>
      <ul data-testid="drafted-posts">
        {posts.map((post) => {
          const href = safeHttpUrl(post.url);
          const title = post.title ?? post.url;
          return (
            <li key={`${post.key} ${post.lang}`}>
              {href ? (
                <a href={href} target="_blank" rel="noopener noreferrer">
                  {title}
                </a>
              ) : (
                <span>{title}</span>
              )}
              <span class="muted">
                {' '}
                · {languageName(post.lang, uiLanguage())} · {progressLabel(post.progress)}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
