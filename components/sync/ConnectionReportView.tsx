// What "Test connection" found: the summary, each check ✓, ! or ✗, and — where the server works but
// the database is missing, or lets only admins in — "Create database" or "Let the team in", with
// the team's role to make members of it (CouchDB 3 makes new databases for admins only).
import type { ConnectionReport } from '@/utils/sync/connection-test';
import { t } from '@/utils/i18n';

interface Props {
  report: ConnectionReport;
  busy: boolean;
  /** The role whose users become members; null where `_security` is not Interlinear's to set (IAM). */
  teamRole: string | null;
  onTeamRole(role: string): void;
  onCreateDatabase(): void;
  onShareDatabase(): void;
}

function mark(check: ConnectionReport['checks'][number]): [string, string] {
  if (!check.ok) return ['✗', t('checkFails')];
  return check.warning ? ['!', t('checkWarns')] : ['✓', t('checkWorks')];
}

export function ConnectionReportView({ report, busy, teamRole, onTeamRole, onCreateDatabase, onShareDatabase }: Props) {
  const offersTeam = report.canCreateDatabase || report.canShareDatabase;
  return (
    <section class={`connection-report${report.ok ? ' is-ok' : ' is-failed'}`} data-testid="connection-report" aria-live="polite">
      <p class="connection-summary">
        <strong>{report.summary}</strong>
      </p>
      <ul class="connection-checks">
        {report.checks.map((check) => {
          const [symbol, words] = mark(check);
          return (
            <li key={check.check} class={check.ok ? (check.warning ? 'check-warning' : 'check-ok') : 'check-failed'}>
              <span aria-hidden="true">{symbol}</span> <span class="visually-hidden">{words}</span>
              {check.message}
            </li>
          );
        })}
      </ul>
      {offersTeam && teamRole !== null && (
        <div class="field">
          <label for="sync-team-role">{t('syncFieldTeamRole')}</label>
          <input id="sync-team-role" value={teamRole} aria-describedby="sync-team-role-hint" onInput={(e) => onTeamRole(e.currentTarget.value)} />
          <span class="field-hint muted" id="sync-team-role-hint">
            {t('syncTeamRoleHint')}
          </span>
        </div>
      )}
      {report.canCreateDatabase && (
        <button type="button" onClick={onCreateDatabase} disabled={busy}>
          {t('createDatabase')}
        </button>
      )}
      {report.canShareDatabase && (
        <button type="button" onClick={onShareDatabase} disabled={busy}>
          {t('syncShareDatabase')}
        </button>
      )}
    </section>
  );
}
