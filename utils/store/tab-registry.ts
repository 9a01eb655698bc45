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
    const key = PREFIX + tabId;
    const found = (await this.area.get(key))[key];
    return typeof found === 'string' ? found : null;
  }

  async show(tabId: number, postKey: string): Promise<void> {
    await this.area.set({ [PREFIX + tabId]: postKey });
  }

  async forget(tabId: number): Promise<void> {
    await this.area.remove(PREFIX + tabId);
  }

  /** The tabs that show a post, so their badges can follow its drafts. */
  async tabsShowing(postKey: string): Promise<number[]> {
    const all = await this.area.get(null);
    return Object.entries(all)
      .filter(([key, value]) => key.startsWith(PREFIX) && value === postKey)
      .map(([key]) => Number(key.slice(PREFIX.length)));
  }
}
