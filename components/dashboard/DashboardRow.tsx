// One row of the dashboard: a post in one target language, with what can be done with its drafts
// (its export panel opens in a row of its own below).
import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { siteOf } from '@/utils/dashboard/post-list';
import { formatDateTime, t } from '@/utils/i18n';
import { languageName } from '@/utils/languages';
import type { PostSummary } from '@/utils/model';
import { postDraftsQuery } from '@/utils/post-link';
import { progressLabel, progressPercents } from '@/utils/progress-label';
import { safeHttpUrl } from '@/utils/safe-url';
import { ExportPanel } from '../export/ExportPanel';
import { memo } from '../common/memo';
import { WordPressDraftLink } from '../wordpress/WordPressDraftLink';

interface Props {
  post: PostSummary;
  /** The reader's UI language, for language names. */
  ui: string;
  /** A delete of this row is on its way: its button waits. */
  deleting: boolean;
  onDelete(post: PostSummary): void;
}

export const DashboardRow = memo(function DashboardRow({ post, ui, deleting, onDelete }: Props) {
  const href = safeHttpUrl(post.url);
  const title = post.title ?? post.url;
  const language = languageName(post.lang, ui);
  const percents = progressPercents(post.progress);
  const [exporting, setExporting] = useState(false);
  const exportId = `export-${post.lang}-${encodeURIComponent(post.key)}`;
  const edited = new Date(post.updatedAt);
  const draftsHref = browser.runtime.getURL('/sidepanel.html') + postDraftsQuery({ postKey: post.key, lang: post.lang });
  return (
    <>
      <tr class="dashboard-row" data-testid="dashboard-row" data-post-key={post.key} data-lang={post.lang}>
        <th scope="row" class="dashboard-title">
          {title}
        </th>
        <td>{siteOf(post.url)}</td>
        <td lang={ui}>
          {language} <span class="muted">({post.lang})</span>
        </td>
        <td class="dashboard-progress" data-testid="row-progress">
          <span>{progressLabel(post.progress)}</span>
          <span class="progress-bar dashboard-bar" aria-hidden="true">
            <span class="progress-done" style={{ width: `${percents.done}%` }} />
            <span class="progress-drafts" style={{ width: `${percents.drafts}%` }} />
          </span>
          <WordPressDraftLink draft={post.wordpressDraft} />
        </td>
        <td>
          <time dateTime={edited.toISOString()}>
            {formatDateTime(edited)}
          </time>
        </td>
        <td>
          <div class="dashboard-actions">
            {href && (
              <a href={href} target="_blank" rel="noopener noreferrer" class="button-link" aria-label={t('dashboardOpenPostLabel', title)}>
                {t('dashboardOpenPost')}
              </a>
            )}
            <a href={draftsHref} target="_blank" class="button-link" aria-label={t('dashboardOpenDraftsLabel', title, language)}>
              {t('dashboardOpenDrafts')}
            </a>
            <button
              type="button"
              aria-expanded={exporting}
              aria-controls={exportId}
              aria-label={t('dashboardExportLabel', title, language)}
              onClick={() => setExporting(!exporting)}
            >
              {t('dashboardExport')}
            </button>
            <button
              type="button"
              disabled={deleting}
              aria-label={t('dashboardDeleteLabel', title, language)}
              onClick={() => onDelete(post)}
            >
              {t('dashboardDelete')}
            </button>
          </div>
        </td>
      </tr>
      {exporting && (
        <tr class="dashboard-export" id={exportId}>
          <td colSpan={6}>
            <ExportPanel scope={{ postKey: post.key, lang: post.lang }} />
          </td>
        </tr>
      )}
    </>
  );
});
