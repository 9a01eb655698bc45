// Which post each tab shows. Kept in session storage so that a restarted service worker still
// knows, and forgotten with the browser session (the content script reports again on load). The
// worker is its only writer, so what it read or wrote is kept in memory too: every view's opening
// asks which post its tab shows.
export interface KeyValueArea {
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

const PREFIX = 'tab:';

export class TabRegistry {
  /** Entries read or written by this worker (null: the tab shows no post). */
  private readonly known = new Map<number, TabEntry | null>();

  constructor(private readonly area: KeyValueArea) {}

  async postOf(tabId: number): Promise<string | null> {
    return (await this.entry(tabId))?.postKey ?? null;
  }

  /** The address the tab had when its page reported the post. */
  async pageOf(tabId: number): Promise<string | null> {
    return (await this.entry(tabId))?.url ?? null;
  }

  async show(tabId: number, postKey: string, url: string): Promise<void> {
    const entry: TabEntry = { postKey, url };
    await this.area.set({ [PREFIX + tabId]: entry });
    this.known.set(tabId, entry);
  }

  async forget(tabId: number): Promise<void> {
    await this.area.remove(PREFIX + tabId);
    this.known.set(tabId, null);
  }

  /** The tabs that show a post, so their badges can follow its drafts. */
  async tabsShowing(postKey: string): Promise<number[]> {
    const all = await this.area.get(null);
    return Object.entries(all)
      .filter(([key, value]) => key.startsWith(PREFIX) && isEntry(value) && value.postKey === postKey)
      .map(([key]) => Number(key.slice(PREFIX.length)));
  }

  private async entry(tabId: number): Promise<TabEntry | null> {
    const kept = this.known.get(tabId);
    if (kept !== undefined) return kept;
    const key = PREFIX + tabId;
    const found = (await this.area.get(key))[key];
    const entry = isEntry(found) ? found : null;
    // A show or forget that finished while this read was on its way knows better.
    if (!this.known.has(tabId)) this.known.set(tabId, entry);
    return entry;
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
