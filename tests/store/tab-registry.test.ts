import { describe, expect, it } from 'vitest';
import { TabRegistry, type KeyValueArea } from '../../utils/store/tab-registry';

/** Session storage as the worker sees it, counting reads; a read may be held back to overtake it. */
class CountingArea implements KeyValueArea {
  data: Record<string, unknown> = {};
  reads = 0;
  hold: Promise<void> | null = null;
  async get(keys: string | string[] | null) {
    this.reads++;
    const list = keys === null ? Object.keys(this.data) : Array.isArray(keys) ? keys : [keys];
    const found = Object.fromEntries(list.filter((k) => k in this.data).map((k) => [k, this.data[k]]));
    if (this.hold) await this.hold;
    return found;
  }
  async set(items: Record<string, unknown>) {
    Object.assign(this.data, items);
  }
  async remove(keys: string | string[]) {
    for (const k of Array.isArray(keys) ? keys : [keys]) delete this.data[k];
  }
}

describe('TabRegistry', () => {
  it('reads a tab from storage once, and knows what it wrote', async () => {
    const area = new CountingArea();
    area.data['tab:3'] = { postKey: 'post-a', url: 'https://example.org/a' };
    const tabs = new TabRegistry(area);
    expect(await tabs.postOf(3)).toBe('post-a');
    expect(await tabs.pageOf(3)).toBe('https://example.org/a');
    expect(await tabs.postOf(4)).toBeNull();
    expect(area.reads).toBe(2);
    await tabs.show(4, 'post-b', 'https://example.org/b');
    await tabs.forget(3);
    expect([await tabs.postOf(3), await tabs.postOf(4)]).toEqual([null, 'post-b']);
    expect(area.reads).toBe(2);
    // A restarted worker has only storage to go by, and storage has what was written.
    const restarted = new TabRegistry(area);
    expect([await restarted.postOf(3), await restarted.postOf(4)]).toEqual([null, 'post-b']);
    expect(await restarted.tabsShowing('post-b')).toEqual([4]);
  });

  it('keeps a post shown while an older read of the tab was on its way', async () => {
    const area = new CountingArea();
    let release = () => {};
    area.hold = new Promise((resolve) => (release = resolve));
    const tabs = new TabRegistry(area);
    const before = tabs.postOf(5);
    area.hold = null;
    await tabs.show(5, 'post-c', 'https://example.org/c');
    release();
    expect(await before).toBeNull();
    expect(await tabs.postOf(5)).toBe('post-c');
  });
});
