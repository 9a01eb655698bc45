// The sync settings on the options page: which CouchDB server and database, the login (a user
// name and password, or an IBM Cloud IAM API key for Cloudant), this device's name; "Test
// connection", "Save" (asking the browser for that server, and IAM's token endpoint, first) and
// "Turn sync off". Secrets never come back from the background: empty keeps the stored one.
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t, type MessageKey } from '@/utils/i18n';
import { sendMessage } from '@/utils/messaging';
import type { ConnectionReport } from '@/utils/sync/connection-test';
import {
  syncOriginPatterns,
  validateSyncSettings,
  type SettingsErrors,
  type SyncAuth,
  type SyncSettingsInput,
} from '@/utils/sync/settings';
import { ConnectionReportView } from './ConnectionReportView';

type Field = 'serverUrl' | 'database' | 'username' | 'password' | 'apiKey' | 'deviceName';
type Values = Record<Field, string>;

const EMPTY: Values = { serverUrl: '', database: '', username: '', password: '', apiKey: '', deviceName: '' };
/** A role to offer for the team when the database is made or opened to the team. */
const TEAM_ROLE = 'translators';

// The example address is the same in every language (example.org is reserved for examples).
const FIELDS: {
  name: Field;
  label: MessageKey;
  type?: 'url' | 'password';
  placeholder?: () => string;
  autocomplete: string;
  /** Shown only with this way of logging in. */
  auth?: SyncAuth;
}[] = [
  { name: 'serverUrl', label: 'syncFieldServerUrl', type: 'url', placeholder: () => 'https://couch.example.org', autocomplete: 'url' },
  { name: 'database', label: 'syncFieldDatabase', placeholder: () => t('syncFieldDatabaseExample'), autocomplete: 'off' },
  { name: 'username', label: 'syncFieldUsername', autocomplete: 'username', auth: 'password' },
  { name: 'password', label: 'syncFieldPassword', type: 'password', autocomplete: 'current-password', auth: 'password' },
  { name: 'apiKey', label: 'syncFieldApiKey', type: 'password', autocomplete: 'off', auth: 'iam' },
  { name: 'deviceName', label: 'syncFieldDeviceName', placeholder: () => t('syncFieldDeviceNameExample'), autocomplete: 'off' },
];

type Notice = { kind: 'ok' | 'error'; text: string } | null;

const messageOf = (error: unknown) => String((error as Error)?.message ?? error);

export function SyncSettingsForm() {
  const [values, setValues] = useState<Values>(EMPTY);
  const [auth, setAuth] = useState<SyncAuth>('password');
  const [teamRole, setTeamRole] = useState(TEAM_ROLE);
  const [hasPassword, setHasPassword] = useState(false);
  const [hasApiKey, setHasApiKey] = useState(false);
  const [configured, setConfigured] = useState(false);
  const [errors, setErrors] = useState<SettingsErrors>({});
  const [report, setReport] = useState<ConnectionReport | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState(false);
  // Until the stored settings arrive the fields stay shut: anything typed sooner would be replaced.
  const [ready, setReady] = useState(false);

  useEffect(() => {
    sendMessage({ type: 'sync:get-settings' }).then(
      (view) => {
        if (!view) return;
        const { hasPassword: stored, hasApiKey: storedKey, auth: storedAuth, ...rest } = view;
        setValues({ ...rest, password: '', apiKey: '' });
        setAuth(storedAuth);
        setHasPassword(stored);
        setHasApiKey(storedKey);
        setConfigured(true);
      },
      (error) => setNotice({ kind: 'error', text: t('syncSettingsReadFailed', messageOf(error)) }),
    ).finally(() => setReady(true));
  }, []);

  // An empty secret field means "keep the stored one" (sent as undefined).
  const input = (): SyncSettingsInput => {
    const { password, apiKey, ...rest } = values;
    return { ...rest, auth, password: password === '' ? undefined : password, apiKey: apiKey === '' ? undefined : apiKey };
  };
  const set = (name: Field, value: string) => setValues((v) => ({ ...v, [name]: value }));

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } catch (error) {
      setNotice({ kind: 'error', text: t('syncSomethingWentWrong', messageOf(error)) });
    } finally {
      setBusy(false);
    }
  };

  const testConnection = () =>
    run(async () => {
      setNotice(null);
      setReport(null);
      setReport(await sendMessage({ type: 'sync:test-connection', settings: input() }));
    });

  /** Makes the database, or opens an admin-only one to the team; then tests again. */
  const openToTeam = (type: 'sync:create-database' | 'sync:share-database') =>
    run(async () => {
      const answer = await sendMessage({ type, settings: input(), teamRole });
      setNotice({ kind: answer.ok ? 'ok' : 'error', text: answer.message });
      if (answer.ok) setReport(await sendMessage({ type: 'sync:test-connection', settings: input() }));
    });

  const save = (event: Event) => {
    event.preventDefault();
    setNotice(null);
    // Checked here first, so the browser is asked only for a server address that makes sense.
    const keepsPassword = values.password === '' && hasPassword;
    const keepsApiKey = values.apiKey === '' && hasApiKey;
    const check = validateSyncSettings({
      ...values,
      auth,
      password: keepsPassword ? 'stored' : values.password,
      apiKey: keepsApiKey ? 'stored' : values.apiKey,
    });
    if (!check.ok) {
      setErrors(check.errors);
      setNotice({ kind: 'error', text: t('syncFixFieldsBelow') });
      return;
    }
    setErrors({});
    // No await before this: the browser asks the translator only within the click itself.
    const allowed = browser.permissions.request({ origins: syncOriginPatterns(check.settings) });
    void run(async () => {
      if (!(await allowed)) {
        setNotice({
          kind: 'error',
          text: t('syncNotSavedNeedsPermission', new URL(check.settings.serverUrl).host),
        });
        return;
      }
      const answer = await sendMessage({ type: 'sync:save-settings', settings: input() });
      if (!answer.ok) {
        setErrors(answer.errors);
        setNotice({ kind: 'error', text: t('syncFixFieldsBelow') });
        return;
      }
      setConfigured(true);
      setHasPassword(check.settings.password !== '');
      setHasApiKey(check.settings.apiKey !== '');
      setValues((v) => ({ ...v, password: '', apiKey: '' }));
      setNotice({ kind: 'ok', text: t('syncSaved') });
    });
  };

  const turnOff = () =>
    run(async () => {
      await sendMessage({ type: 'sync:save-settings', settings: null });
      setConfigured(false);
      setHasPassword(false);
      setHasApiKey(false);
      setValues((v) => ({ ...v, password: '', apiKey: '' }));
      setReport(null);
      setNotice({ kind: 'ok', text: t('syncTurnedOff') });
    });

  return (
    <form class="sync-settings" onSubmit={save} aria-labelledby="sync-heading" aria-busy={ready ? undefined : 'true'} noValidate>
      <h2 id="sync-heading">{t('syncFormHeading')}</h2>
      <p class="muted">{t('syncFormIntro')}</p>
      <div class="field">
        <label for="sync-auth">{t('syncFieldAuth')}</label>
        <select id="sync-auth" value={auth} disabled={!ready} onChange={(e) => setAuth(e.currentTarget.value as SyncAuth)}>
          <option value="password">{t('syncAuthPassword')}</option>
          <option value="iam">{t('syncAuthIam')}</option>
        </select>
      </div>
      {FIELDS.filter((f) => !f.auth || f.auth === auth).map(({ name, label, type, placeholder, autocomplete }) => {
        const id = `sync-${name}`;
        const error = errors[name];
        const stored = (name === 'password' && hasPassword) || (name === 'apiKey' && hasApiKey);
        const hint = stored ? t(name === 'apiKey' ? 'syncApiKeyStoredHint' : 'syncPasswordStoredHint') : null;
        return (
          <div class="field" key={name}>
            <label for={id}>{t(label)}</label>
            <input
              id={id}
              name={name}
              // Preact types each input type's attributes apart; these three take the same ones.
              type={(type ?? 'text') as 'text'}
              value={values[name]}
              disabled={!ready}
              placeholder={placeholder?.()}
              autocomplete={autocomplete}
              aria-invalid={error ? 'true' : undefined}
              aria-describedby={[error && `${id}-error`, hint && `${id}-hint`].filter(Boolean).join(' ') || undefined}
              onInput={(e) => set(name, e.currentTarget.value)}
            />
            {hint && (
              <span class="field-hint muted" id={`${id}-hint`}>
                {hint}
              </span>
            )}
            {error && (
              <span class="field-error" id={`${id}-error`}>
                {error}
              </span>
            )}
          </div>
        );
      })}
      <div class="form-actions">
        <button type="button" onClick={testConnection} disabled={busy || !ready}>
          {t('syncTestConnection')}
        </button>
        <button type="submit" disabled={busy || !ready}>
          {t('syncSave')}
        </button>
        {configured && (
          <button type="button" onClick={turnOff} disabled={busy}>
            {t('syncTurnOff')}
          </button>
        )}
      </div>
      {notice && (
        <p class={`notice${notice.kind === 'error' ? ' notice-error' : ''}`} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid="sync-notice">
          {notice.text}
        </p>
      )}
      {report && (
        <ConnectionReportView
          report={report}
          busy={busy}
          teamRole={auth === 'password' ? teamRole : null}
          onTeamRole={setTeamRole}
          onCreateDatabase={() => openToTeam('sync:create-database')}
          onShareDatabase={() => openToTeam('sync:share-database')}
        />
      )}
    </form>
  );
}
