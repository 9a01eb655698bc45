// The posts this translator has drafts for, so they can go back to them.
import { useEffect, useState } from 'preact/hooks';
import { languageName } from '@/utils/languages';
import { sendMessage } from '@/utils/messaging';
import type { PostSummary } from '@/utils/model';
import { safeHttpUrl } from '@/utils/safe-url';

export function DraftedPosts() {
  const [posts, setPosts] = useState<PostSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    sendMessage({ type: 'posts:list' }).then(setPosts, (e) => setError(String(e?.message ?? e)));
  }, []);

  if (error) return <p class="notice notice-error">Your drafts could not be listed: {error}</p>;
  if (!posts) return null;
  if (posts.length === 0) return <p class="muted">You have no drafts yet.</p>;
  return (
    <section class="drafted-posts" aria-labelledby="drafted-posts-heading">
      <h2 id="drafted-posts-heading">Your drafts</h2>
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
                · {languageName(post.lang, navigator.language)} · {post.progress.drafted} of {post.progress.total}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
