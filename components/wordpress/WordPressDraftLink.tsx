// A dashboard row's note that its drafts were saved in WordPress: "in WordPress: draft #N",
// linking to that post in the block editor.
import { t } from '@/utils/i18n';
import type { WordPressDraft } from '@/utils/model';
import { safeHttpUrl } from '@/utils/safe-url';
import { editPostUrl } from '@/utils/wordpress/addresses';
import { postNumber } from './post-number';

export function WordPressDraftLink({ draft }: { draft: WordPressDraft | undefined }) {
  if (!draft) return null;
  const href = safeHttpUrl(editPostUrl(draft.site, draft.postId));
  const text = t('dashboardInWordPress', postNumber(draft.postId));
  return (
    <span class="wordpress-draft" data-testid="row-wordpress">
      {href ? (
        <a href={href} target="_blank" rel="noopener noreferrer">
          {text}
        </a>
      ) : (
        text
      )}
    </span>
  );
}
