// What a fill did: how many drafts went in, what stayed in the source language or was left out,
// the drafts whose paragraph the editor does not hold (to copy by hand), and the blocks the editor
// would flag.
import { t, tCount } from '@/utils/i18n';
import type { FillReport } from '@/utils/wordpress/hand-off';
import { ErrorLine } from '../common/ErrorLine';

const WHY = {
  'no-editor': 'wordpressWhyNoEditor',
  'other-site': 'wordpressWhyOtherSite',
  'no-post': 'wordpressWhyNoPost',
} as const;

export function FillReportView({ report }: { report: FillReport | { ok: false; reason: 'error'; message: string } }) {
  if (!report.ok) {
    const why = report.reason === 'error' ? report.message : t(WHY[report.reason]);
    return <ErrorLine kind="notice" error={t('wordpressFillFailed', why)} testId="wordpress-fill-error" />;
  }
  const { summary, invalid } = report;
  return (
    <div class="wordpress-report" role="status" data-testid="wordpress-report">
      {summary.mode === 'inserted' && <p>{t('wordpressInserted')}</p>}
      <ul>
        <li data-testid="wordpress-filled">{tCount('wordpressFilled', summary.filled)}</li>
        {summary.kept > 0 && <li>{tCount('wordpressKept', summary.kept)}</li>}
        {summary.leftOut > 0 && <li>{tCount('wordpressLeftOut', summary.leftOut)}</li>}
        <li data-testid="wordpress-invalid">
          {invalid.length === 0 ? t('wordpressNoInvalidBlocks') : t('wordpressInvalidBlocks', invalid.join(', '))}
        </li>
      </ul>
      {summary.notFound.length > 0 && (
        <div data-testid="wordpress-not-found">
          <p>{tCount('wordpressNotFound', summary.notFound.length)}</p>
          <ul>
            {summary.notFound.map((missing) => (
              <li key={missing.segmentId}>
                <textarea readOnly rows={2} value={missing.text} />
              </li>
            ))}
          </ul>
        </div>
      )}
      <p class="muted">{t('wordpressNothingSaved')}</p>
    </div>
  );
}
