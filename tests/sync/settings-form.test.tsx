// The options page's sync form against the real SyncController, through WXT's fake browser: what
// it checks before asking for the server, that it asks before anything else happens in the click
// (the browser only shows its prompt within the click), and what a refusal says.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SyncSettingsForm } from '../../components/sync/SyncSettingsForm';
import { dispatch, type Message } from '../../utils/messaging';
import { openDraftStore } from '../../utils/store/draft-store';
import { SyncController } from '../../utils/sync/sync-controller';

let n = 0;
let root: HTMLElement;
let controller: SyncController;
let sent: string[];
let log: string[];
let answerPermission: (granted: boolean) => void;
/** What the stored settings' answer waits for: a test may hold it back. */
let settingsRead: Promise<unknown>;

const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 20)));
async function until(check: () => boolean, what: string) {
  for (let i = 0; i < 100 && !check(); i++) await settle();
  if (!check()) throw new Error(`never happened: ${what}; the form shows: ${root.textContent}`);
}
const field = (label: string) => {
  const element = [...root.querySelectorAll('label')].find((l) => l.textContent === label);
  return root.querySelector<HTMLInputElement>(`#${element!.htmlFor}`)!;
};
const type = (label: string, value: string) =>
  act(() => {
    const input = field(label);
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
const button = (name: string) => [...root.querySelectorAll('button')].find((b) => b.textContent === name)!;

beforeEach(async () => {
  fakeBrowser.reset();
  sent = [];
  log = [];
  controller = new SyncController({
    store: await openDraftStore(`sync-form-${n++}`),
    settingsArea: fakeBrowser.storage.local,
    fetch: async () => {
      throw new TypeError('Failed to fetch');
    },
    broadcast: () => undefined,
    extensionOrigin: fakeBrowser.runtime.getURL('/'),
  });
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
    sent.push((message as Message).type);
    log.push((message as Message).type);
    const sender = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/options.html') };
    const answer = () => dispatch(controller.handlers, message, sender, fakeBrowser.runtime.id);
    return (message as Message).type === 'sync:get-settings' ? settingsRead.then(answer) : answer();
  });
  vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation((permissions) => {
    log.push(`permissions.request ${JSON.stringify(permissions.origins)}`);
    return new Promise<boolean>((resolve) => (answerPermission = resolve));
  });
  settingsRead = Promise.resolve();
  root = document.createElement('div');
  document.body.append(root);
  render(<SyncSettingsForm />, root);
  await until(() => sent.includes('sync:get-settings') && !field('Server address').disabled, 'settings read');
});

afterEach(() => {
  controller.scheduler.stop();
  vi.restoreAllMocks();
  render(null, root);
  root.remove();
});

async function fillIn() {
  await type('Server address', 'https://couch.example.org/couchdb/');
  await type('Database', 'team-drafts');
  await type('User name', 'ana');
  await type('Password', 'secret words');
  await type('This device’s name', 'laptop');
}

describe('the sync settings form', () => {
  it('keeps its fields shut until the stored settings arrive, so nothing typed is replaced by them', async () => {
    let release!: () => void;
    settingsRead = new Promise<void>((resolve) => (release = resolve));
    render(null, root);
    render(<SyncSettingsForm />, root);
    await settle();
    expect(root.querySelector('form')!.getAttribute('aria-busy')).toBe('true');
    expect(field('Server address').disabled).toBe(true);
    expect(button('Save').disabled).toBe(true);
    await act(async () => release());
    await until(() => !field('Server address').disabled, 'the fields open');
    expect(root.querySelector('form')!.hasAttribute('aria-busy')).toBe(false);
    expect(button('Save').disabled).toBe(false);
  });

  it('points at each field to fix, and asks the browser for nothing, when the settings are wrong', async () => {
    await type('Server address', 'couch.example.org');
    await type('Database', 'Team Drafts');
    await act(() => button('Save').click());
    await settle();
    expect(fakeBrowser.permissions.request).not.toHaveBeenCalled();
    expect(sent).not.toContain('sync:save-settings');
    expect(root.textContent).toContain('Some settings need fixing');
    expect(field('Server address').getAttribute('aria-invalid')).toBe('true');
    const error = document.getElementById(field('Database').getAttribute('aria-describedby')!);
    expect(error?.textContent).toMatch(/starts with a lowercase letter/);
    expect(root.textContent).toMatch(/Give this device a name/);
  });

  it('asks for the server’s origin within the click, before any message, then saves', async () => {
    await fillIn();
    log.length = 0;
    button('Save').click(); // no act(), no await: the request must already have happened
    expect(log).toEqual(['permissions.request ["https://couch.example.org/*"]']);
    await act(async () => answerPermission(true));
    await until(() => root.textContent!.includes('Saved.'), 'saved');
    expect(log.slice(1)).toContain('sync:save-settings');
    const view = await dispatch(controller.handlers, { type: 'sync:get-settings' }, { id: 'x', url: fakeBrowser.runtime.getURL('/options.html') }, 'x');
    expect(view).toEqual({
      serverUrl: 'https://couch.example.org/couchdb',
      database: 'team-drafts',
      auth: 'password',
      username: 'ana',
      hasPassword: true,
      hasApiKey: false,
      deviceName: 'laptop',
    });
    expect(field('Password').value).toBe(''); // never shown again
    expect(root.textContent).toContain('A password is stored: leave this empty to keep it.');
  });

  it('saves nothing, and says why, when the translator refuses the permission', async () => {
    await fillIn();
    button('Save').click();
    await act(async () => answerPermission(false));
    await until(() => root.textContent!.includes('Not saved'), 'the refusal explained');
    expect(root.textContent).toContain('needs your permission to connect to couch.example.org');
    expect(sent).not.toContain('sync:save-settings');
  });

  it('shows each check of "Test connection" with ✓ or ✗ and its summary', async () => {
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true);
    await fillIn();
    await act(() => button('Test connection').click());
    await until(() => root.querySelector('[data-testid=connection-report]') !== null, 'the report');
    const report = root.querySelector('[data-testid=connection-report]')!.textContent!;
    expect(report).toContain('✗');
    expect(report).toMatch(/Cannot reach https:\/\/couch\.example\.org\/couchdb/);
  });

  it('with an IAM API key, asks for IBM Cloud IAM’s token endpoint too, and keeps the key out of sight', async () => {
    await type('Server address', 'https://team.cloudant.com');
    await type('Database', 'team-drafts');
    await act(() => {
      const choice = root.querySelector<HTMLSelectElement>('#sync-auth')!;
      choice.value = 'iam';
      choice.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(root.querySelector('#sync-username')).toBeNull(); // no user name, no password with IAM
    await type('API key', 'an-iam-api-key');
    await type('This device’s name', 'laptop');
    log.length = 0;
    button('Save').click();
    expect(log).toEqual(['permissions.request ["https://team.cloudant.com/*","https://iam.cloud.ibm.com/*"]']);
    await act(async () => answerPermission(true));
    await until(() => root.textContent!.includes('Saved.'), 'saved');
    expect(field('API key').value).toBe('');
    expect(root.textContent).toContain('An API key is stored: leave this empty to keep it.');
    const view = await dispatch(controller.handlers, { type: 'sync:get-settings' }, { id: 'x', url: fakeBrowser.runtime.getURL('/options.html') }, 'x');
    expect(view).toMatchObject({ auth: 'iam', hasApiKey: true, username: '' });
    expect(JSON.stringify(view)).not.toContain('an-iam-api-key');
  });
});
