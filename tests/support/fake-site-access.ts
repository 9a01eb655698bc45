// The browser's permissions and scripting APIs as a small stateful fake on top of WXT's fake
// browser (which leaves both unimplemented). The browser's prompt is `prompt`: the test answers it.
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { isReadFromInstall } from '../../utils/site-access/site-patterns';

type Registered = { id: string; matches?: string[]; js?: string[]; runAt?: string; persistAcrossSessions?: boolean };
type Listener = (permissions: { origins?: string[] }) => void;

export interface FakeSiteAccess {
  granted: Set<string>;
  scripts: Map<string, Registered>;
  /** Tabs lent by a toolbar click (activeTab). */
  activeTabs: Set<number>;
  /** Files run in tabs, as `tabId file`. */
  executed: string[];
  /** What happened, in order: `request […]`, `register id`, `unregister id`, `remove […]`. */
  log: string[];
  /** Fires the browser's own events, as when the reader changes access in the browser's settings. */
  fireAdded(origins: string[]): void;
  fireRemoved(origins: string[]): void;
  listeners: { added: Listener[]; removed: Listener[] };
}

export function installFakeSiteAccess(
  prompt: (origins: string[]) => boolean | Promise<boolean> = () => true,
  { refuseRemoval = false } = {},
): FakeSiteAccess {
  const fake: FakeSiteAccess = {
    granted: new Set(),
    scripts: new Map(),
    activeTabs: new Set(),
    executed: [],
    log: [],
    listeners: { added: [], removed: [] },
    fireAdded: (origins) => fake.listeners.added.forEach((l) => l({ origins })),
    fireRemoved: (origins) => fake.listeners.removed.forEach((l) => l({ origins })),
  };
  const { permissions, scripting, tabs } = fakeBrowser;
  const siteOf = (url: string) => `${new URL(url).protocol}//${new URL(url).hostname}/*`;
  // As Chrome without the `tabs` permission: a tab's address only where the extension may read the
  // page (a site granted, diff.wikimedia.org from install, or a tab lent by a toolbar click).
  const readTab = tabs.get.bind(tabs);
  vi.spyOn(tabs, 'get').mockImplementation((async (tabId: number) => {
    const tab = await readTab(tabId);
    const web = tab.url?.startsWith('http') === true;
    const readable = fake.activeTabs.has(tabId) || (web && (fake.granted.has(siteOf(tab.url!)) || isReadFromInstall(tab.url)));
    return readable ? tab : { ...tab, url: undefined, title: undefined };
  }) as never);
  vi.spyOn(permissions, 'request').mockImplementation((({ origins = [] }: { origins?: string[] }) => {
    fake.log.push(`request ${JSON.stringify(origins)}`);
    if (origins.every((o) => fake.granted.has(o))) return Promise.resolve(true);
    return Promise.resolve(prompt(origins)).then((answer) => {
      if (answer) {
        origins.forEach((o) => fake.granted.add(o));
        fake.fireAdded(origins);
      }
      return answer;
    });
  }) as never);
  vi.spyOn(permissions, 'contains').mockImplementation((async ({ origins = [] }: { origins?: string[] }) =>
    origins.every((o) => fake.granted.has(o))) as never);
  vi.spyOn(permissions, 'remove').mockImplementation((async ({ origins = [] }: { origins?: string[] }) => {
    fake.log.push(`remove ${JSON.stringify(origins)}`);
    if (refuseRemoval) return false;
    origins.forEach((o) => fake.granted.delete(o));
    fake.fireRemoved(origins);
    return true;
  }) as never);
  vi.spyOn(permissions.onAdded, 'addListener').mockImplementation(((l: Listener) => void fake.listeners.added.push(l)) as never);
  vi.spyOn(permissions.onRemoved, 'addListener').mockImplementation(((l: Listener) => void fake.listeners.removed.push(l)) as never);

  // As Chrome does: a registration takes a moment, and a second one of the same id made meanwhile
  // (from another of the extension's contexts) is never answered.
  const registering = new Set<string>();
  vi.spyOn(scripting, 'registerContentScripts').mockImplementation((async (scripts: Registered[]) => {
    if (scripts.some((script) => registering.has(script.id))) return new Promise<never>(() => undefined);
    for (const script of scripts) {
      if (fake.scripts.has(script.id)) throw new Error(`Duplicate script ID '${script.id}'`);
      if (!script.matches?.every((m) => fake.granted.has(m))) throw new Error(`No host permission for ${script.matches}`);
    }
    scripts.forEach((script) => registering.add(script.id));
    await new Promise((resolve) => setTimeout(resolve, 1));
    for (const script of scripts) {
      registering.delete(script.id);
      fake.log.push(`register ${script.id}`);
      fake.scripts.set(script.id, structuredClone(script));
    }
  }) as never);
  vi.spyOn(scripting, 'getRegisteredContentScripts').mockImplementation((async (filter?: { ids?: string[] }) =>
    [...fake.scripts.values()].filter((s) => !filter?.ids || filter.ids.includes(s.id)).map((s) => structuredClone(s))) as never);
  vi.spyOn(scripting, 'unregisterContentScripts').mockImplementation((async (filter?: { ids?: string[] }) => {
    for (const id of filter?.ids ?? [...fake.scripts.keys()]) {
      if (!fake.scripts.has(id)) throw new Error(`Nonexistent script ID '${id}'`);
      fake.log.push(`unregister ${id}`);
      fake.scripts.delete(id);
    }
  }) as never);
  vi.spyOn(scripting, 'executeScript').mockImplementation((async ({ target, files }: { target: { tabId: number }; files: string[] }) => {
    const tab = await readTab(target.tabId);
    const site = tab.url ? siteOf(tab.url) : '';
    if (!fake.activeTabs.has(target.tabId) && !fake.granted.has(site)) {
      throw new Error('Cannot access contents of the page. Extension manifest must request permission to access the respective host.');
    }
    fake.executed.push(...files.map((file) => `${target.tabId} ${file}`));
    return [];
  }) as never);
  return fake;
}
