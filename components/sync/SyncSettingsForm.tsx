// The sync settings on the options page: which CouchDB server and database, the login, this
// device's name; "Test connection", "Save" (asking the browser for that server first) and
// "Turn sync off". The password never comes back from the background: empty keeps the stored one.
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t, type MessageKey } from '@/utils/i18n';
import { sendMessage } from '@/utils/messaging';
import type { ConnectionReport } from '@/utils/sync/connection-test';
import {
  serverOriginPattern,
  validateSyncSettings,
  type SettingsErrors,
  type SyncSettingsInput,
} from '@/utils/sync/settings';
import { ConnectionReportView } from './ConnectionReportView';

type Field = 'serverUrl' | 'database' | 'username' | 'password' | 'deviceName';
type Values = Record<Field, string>;

const EMPTY: Values = { serverUrl: '', database: '', username: '', password: '', deviceName: '' };

// The example address is the same in every language (example.org is reserved for examples).
const FIELDS: { name: Field; label: MessageKey; type?: 'url' | 'password'; placeholder?: () => string; autocomplete: string }[] = [
  { name: 'serverUrl', label: 'syncFieldServerUrl', type: 'url', placeholder: () => 'https://couch.example.org', autocomplete: 'url' },
  { name: 'database', label: 'syncFieldDatabase', placeholder: () => t('syncFieldDatabaseExample'), autocomplete: 'off' },
  { name: 'username', label: 'syncFieldUsername', autocomplete: 'username' },
  { name: 'password', label: 'syncFieldPassword', type: 'password', autocomplete: 'current-password' },
  { name: 'deviceName', label: 'syncFieldDeviceName', placeholder: () => t('syncFieldDeviceNameExample'), autocomplete: 'off' },
];

type Notice = { kind: 'ok' | 'error'; text: string } | null;

const messageOf = (error: unknown) => String((error as Error)?.message ?? error);

export function SyncSettingsForm() {
  const [values, setValues] = useState<Values>(EMPTY);
  const [hasPassword, setHasPassword] = useState(false);
  const [configured, setConfigured] = useState(false);
  const [errors, setErrors] = useState<SettingsErrors>({});
  const [report, setReport] = useState<ConnectionReport | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    sendMessage({ type: 'sync:get-settings' }).then(
      (view) => {
        if (!view) return;
        const { hasPassword: stored, ...rest } = view;
        setValues({ ...rest, password: '' });
        setHasPassword(stored);
        setConfigured(true);
      },
      (error) => setNotice({ kind: 'error', text: t('syncSettingsReadFailed', messageOf(error)) }),
    );
  }, []);

  // An empty password field means "keep the stored one" (sent as undefined).
  const input = (): SyncSettingsInput => {
    const { password, ...rest } = values;
    return { ...rest, password: password === '' ? undefined : password };
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

  const createDatabase = () =>
    run(async () => {
      const answer = await sendMessage({ type: 'sync:create-database', settings: input() });
      setNotice({ kind: answer.ok ? 'ok' : 'error', text: answer.message });
      if (answer.ok) setReport(await sendMessage({ type: 'sync:test-connection', settings: input() }));
    });

  const save = (event: Event) => {
    event.preventDefault();
    setNotice(null);
    // Checked here first, so the browser is asked only for a server address that makes sense.
    const keepsPassword = values.password === '' && hasPassword;
    const check = validateSyncSettings({ ...values, password: keepsPassword ? 'stored' : values.password });
    if (!check.ok) {
      setErrors(check.errors);
      setNotice({ kind: 'error', text: t('syncFixFieldsBelow') });
      return;
    }
    setErrors({});
    const origin = serverOriginPattern(check.settings.serverUrl);
    // No await before this: the browser asks the translator only within the click itself.
    const allowed = browser.permissions.request({ origins: [origin] });
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
      setValues((v) => ({ ...v, password: '' }));
      setNotice({ kind: 'ok', text: t('syncSaved') });
    });
  };

  const turnOff = () =>
    run(async () => {
      await sendMessage({ type: 'sync:save-settings', settings: null });
      setConfigured(false);
      setHasPassword(false);
      setValues((v) => ({ ...v, password: '' }));
      setReport(null);
      setNotice({ kind: 'ok', text: t('syncTurnedOff') });
    });

  return (
    <form class="sync-settings" onSubmit={save} aria-labelledby="sync-heading" noValidate>
      <h2 id="sync-heading">{t('syncFormHeading')}</h2>
      <p class="muted">{t('syncFormIntro')}</p>
      {FIELDS.map(({ name, label, type, placeholder, autocomplete }) => {
        const id = `sync-${name}`;
        const error = errors[name];
        const hint = name === 'password' && hasPassword ? t('syncPasswordStoredHint') : null;
        return (
          <div class="field" key={name}>
            <label for={id}>{t(label)}</label>
            <input
              id={id}
              name={name}
              // Preact types each input type's attributes apart; these three take the same ones.
              type={(type ?? 'text') as 'text'}
              value={values[name]}
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
        <button type="button" onClick={testConnection} disabled={busy}>
          {t('syncTestConnection')}
        </button>
        <button type="submit" disabled={busy}>
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
      {report && <ConnectionReportView report={report} busy={busy} onCreateDatabase={createDatabase} />}
    </form>
  );
}
