// What an import did: how many texts came in, how many were skipped, and why, segment by segment.
import { formatNumber, t, tCount } from '@/utils/i18n';
import type { ImportReport as Report, ImportReportItem } from '@/utils/store/import-drafts';

const SHOWN = 200;

export function ImportReport({ report, fileName }: { report: Omit<Report, 'changed'>; fileName: string }) {
  const { imported, skipped, items } = report;
  return (
    <section class="import-report" aria-labelledby="import-report-heading" data-testid="import-report">
      <h3 id="import-report-heading">
        {t('importReportHeading', fileName, formatNumber(imported), formatNumber(skipped))}
      </h3>
      {items.length > 0 && (
        <ul>
          {items.slice(0, SHOWN).map((item, i) => (
            <ReportLine key={i} item={item} />
          ))}
        </ul>
      )}
      {items.length > SHOWN && <p class="muted">{tCount('importReportMore', items.length - SHOWN)}</p>}
    </section>
  );
}

function ReportLine({ item }: { item: ImportReportItem }) {
  return (
    <li class={item.imported ? 'report-imported' : 'report-skipped'}>
      <span class="report-outcome">{item.imported ? t('importOutcomeImported') : t('importOutcomeSkipped')}</span>{' '}
      <span class="muted">
        {item.title ?? item.postKey} · {item.lang} · {item.segmentId}
      </span>
      : {item.reason}
    </li>
  );
}
