// Which post each tab shows. Kept in session storage so that a restarted service worker still
// knows, and forgotten with the browser session (the content script reports again on load).
export interface KeyValueArea {
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

const PREFIX = 'tab:';

export class TabRegistry {
  constructor(private readonly area: KeyValueArea) {}

  async postOf(tabId: number): Promise<string | null> {
    return (await this.entry(tabId))?.postKey ?? null;
  }

  /** The address the tab had when its page reported the post. */
  async pageOf(tabId: number): Promise<string | null> {
    return (await this.entry(tabId))?.url ?? null;
  }

  async show(tabId: number, postKey: string, url: string): Promise<void> {
    await this.area.set({ [PREFIX + tabId]: { postKey, url } satisfies TabEntry });
  }

  async forget(tabId: number): Promise<void> {
    await this.area.remove(PREFIX + tabId);
  }

  /** The tabs that show a post, so their badges can follow its drafts. */
  async tabsShowing(postKey: string): Promise<number[]> {
    const all = await this.area.get(null);
    return Object.entries(all)
      .filter(([key, value]) => key.startsWith(PREFIX) && isEntry(value) && value.postKey === postKey)
      .map(([key]) => Number(key.slice(PREFIX.length)));
  }

  private async entry(tabId: number): Promise<TabEntry | null> {
    const key = PREFIX + tabId;
    const found = (await this.area.get(key))[key];
    return isEntry(found) ? found : null;
  }
}

interface TabEntry {
  postKey: string;
  url: string;
}

function isEntry(value: unknown): value is TabEntry {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as TabEntry).postKey === 'string' &&
    typeof (value as TabEntry).url === 'string'
  );
}
