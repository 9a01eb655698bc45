// What "Test connection" found: the summary, each check ✓ or ✗, and "Create database" when the
// server works but has no such database.
import type { ConnectionReport } from '@/utils/sync/connection-test';
import { t } from '@/utils/i18n';

interface Props {
  report: ConnectionReport;
  busy: boolean;
  onCreateDatabase(): void;
}

export function ConnectionReportView({ report, busy, onCreateDatabase }: Props) {
  return (
    <section class={`connection-report${report.ok ? ' is-ok' : ' is-failed'}`} data-testid="connection-report" aria-live="polite">
      <p class="connection-summary">
        <strong>{report.summary}</strong>
      </p>
      <ul class="connection-checks">
        {report.checks.map((check) => (
          <li key={check.check} class={check.ok ? 'check-ok' : 'check-failed'}>
            <span aria-hidden="true">{check.ok ? '✓' : '✗'}</span>{' '}
            <span class="visually-hidden">{check.ok ? t('checkWorks') : t('checkFails')}</span>
            {check.message}
          </li>
        ))}
      </ul>
      {report.canCreateDatabase && (
        <button type="button" onClick={onCreateDatabase} disabled={busy}>
          {t('createDatabase')}
        </button>
      )}
    </section>
  );
}
