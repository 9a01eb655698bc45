import { beforeEach, describe, expect, it } from 'vitest';
import { dispatch, type Message } from '../../utils/messaging';
import type { PostSnapshot } from '../../utils/model';
import { DraftService } from '../../utils/store/draft-service';
import { openDraftStore } from '../../utils/store/draft-store';
import { TabRegistry, type KeyValueArea } from '../../utils/store/tab-registry';

class MemoryArea implements KeyValueArea {
  data: Record<string, unknown> = {};
  async get(keys: string | string[] | null) {
    if (keys === null) return { ...this.data };
    const list = Array.isArray(keys) ? keys : [keys];
    return Object.fromEntries(list.filter((k) => k in this.data).map((k) => [k, this.data[k]]));
  }
  async set(items: Record<string, unknown>) {
    Object.assign(this.data, items);
  }
  async remove(keys: string | string[]) {
    for (const k of Array.isArray(keys) ? keys : [keys]) delete this.data[k];
  }
}

const post: PostSnapshot = {
  key: 'https://diff.wikimedia.org/2024/09/05/a-post/',
  url: 'https://diff.wikimedia.org/2024/09/05/a-post/',
  detected: true,
  title: 'A post',
  sourceLanguage: 'en',
  cta: { startUrl: null, targetLanguages: [{ code: 'ru', name: 'Русский' }] },
  segments: [
    { id: 'h-1', kind: 'heading', text: 'A post' },
    { id: 'p-1', kind: 'paragraph', text: 'First.' },
  ],
};

const OWN_ID = 'interlinear-test';
let n = 0;

async function setup(options: { pageAnswers?: PostSnapshot | null; browserLanguages?: string[] } = {}) {
  const badges = new Map<number, string>();
  const broadcasts: Message[] = [];
  const asked: number[] = [];
  const service = new DraftService({
    store: await openDraftStore(`service-${n++}`),
    tabs: new TabRegistry(new MemoryArea()),
    prefs: new MemoryArea(),
    setBadge: async (tabId, text) => void badges.set(tabId, text),
    askTab: async (tabId) => {
      asked.push(tabId);
      return options.pageAnswers ?? null;
    },
    broadcast: (m) => void broadcasts.push(m),
    browserLanguages: () => options.browserLanguages ?? ['en-US'],
  });
  const send = (message: Message, tabId?: number) =>
    dispatch(service.handlers, message, { id: OWN_ID, tab: tabId === undefined ? undefined : { id: tabId } }, OWN_ID);
  return { service, badges, broadcasts, asked, send };
}

describe('DraftService', () => {
  let env: Awaited<ReturnType<typeof setup>>;
  beforeEach(async () => {
    env = await setup();
  });

  it('badges a tab with the number of segments when its page reports a post', async () => {
    await env.send({ type: 'post:seen', post }, 7);
    expect(env.badges.get(7)).toBe('2');
    expect(env.broadcasts).toContainEqual({ type: 'tab:changed', tabId: 7 });
  });

  it('badges the percent done once a draft is written, in the language drafted', async () => {
    await env.send({ type: 'post:seen', post }, 7);
    await env.send({ type: 'draft:save', postKey: post.key, lang: 'ru', segmentId: 'p-1', text: 'Первый.' });
    expect(env.badges.get(7)).toBe('0%');
    await env.send({ type: 'draft:save', postKey: post.key, lang: 'ru', segmentId: 'h-1', text: 'Пост' });
    expect(env.badges.get(7)).toBe('0%');
    await env.send({ type: 'draft:set-status', postKey: post.key, lang: 'ru', segmentId: 'p-1', status: 'done' });
    expect(env.badges.get(7)).toBe('50%');
    await env.send({ type: 'draft:set-status', postKey: post.key, lang: 'ru', segmentId: 'h-1', status: 'done' });
    expect(env.badges.get(7)).toBe('✓');
    const shown = await env.service.tabPost(7);
    expect(shown).toMatchObject({ lang: 'ru', progress: { total: 2, drafted: 2, done: 2 }, recentLanguages: ['ru'] });
  });

  it('tells every view about a saved draft', async () => {
    await env.send({ type: 'post:seen', post }, 7);
    await env.send({ type: 'draft:save', postKey: post.key, lang: 'ru', segmentId: 'p-1', text: 'Первый.' });
    const changed = env.broadcasts.find((m) => m.type === 'draft:changed');
    expect(changed).toMatchObject({ draft: { segmentId: 'p-1', text: 'Первый.', rev: 1 }, progress: { drafted: 1 } });
  });

  it('clears the badge when the tab shows a page that does not ask', async () => {
    await env.send({ type: 'post:seen', post }, 7);
    await env.send({ type: 'page:none', url: 'https://diff.wikimedia.org/about/' }, 7);
    expect(env.badges.get(7)).toBe('');
    expect(await env.service.tabPost(7)).toBeNull();
  });

  it('keeps the post when only the #fragment changes, and drops it on a real navigation', async () => {
    await env.send({ type: 'post:seen', post }, 7);
    await env.service.tabNavigated(7, `${post.url}#translate-post`);
    expect(env.badges.get(7)).toBe('2');
    await env.service.tabNavigated(7, 'https://diff.wikimedia.org/2024/09/06/another-post/');
    expect(env.badges.get(7)).toBe('');
    expect(await env.service.tabPost(7)).toBeNull();
  });

  it('keeps the post on a reload, and drops it for a page whose address it may not see', async () => {
    await env.send({ type: 'post:seen', post }, 7);
    await env.service.tabNavigated(7, post.url);
    expect(env.badges.get(7)).toBe('2');
    await env.service.tabNavigated(7, null);
    expect(env.badges.get(7)).toBe('');
    expect(await env.service.tabPost(7)).toBeNull();
  });

  it('asks the page itself when a view opens before the page reported', async () => {
    const late = await setup({ pageAnswers: post });
    const shown = await late.service.tabPost(9);
    expect(late.asked).toEqual([9]);
    expect(shown?.post.title).toBe('A post');
    expect(late.badges.get(9)).toBe('2');
  });

  it('proposes no language until one is chosen when the browser speaks the source language', async () => {
    await env.send({ type: 'post:seen', post }, 7);
    expect((await env.service.tabPost(7))?.lang).toBe('');
    await env.send({ type: 'post:set-language', postKey: post.key, lang: 'fa' });
    expect((await env.service.tabPost(7))?.lang).toBe('fa');
  });

  it('answers a view that asks for a language with that language first among the recent ones', async () => {
    await env.send({ type: 'post:seen', post }, 7);
    await env.send({ type: 'draft:save', postKey: post.key, lang: 'ru', segmentId: 'p-1', text: 'Первый.' });
    const fa = await env.service.tabPost(7, 'fa');
    expect(fa).toMatchObject({ lang: 'fa', recentLanguages: ['fa', 'ru'] });
  });

  it('opens the post when the recent languages cannot be read', async () => {
    const unreadable = await setup();
    await unreadable.send({ type: 'post:seen', post }, 7);
    await unreadable.send({ type: 'post:set-language', postKey: post.key, lang: 'ru' });
    await unreadable.send({ type: 'draft:save', postKey: post.key, lang: 'ru', segmentId: 'p-1', text: 'Первый.' });
    const prefs = (unreadable.service as unknown as { ports: { prefs: KeyValueArea } }).ports.prefs;
    prefs.get = () => Promise.reject(new Error('storage is gone'));
    const shown = await unreadable.service.tabPost(7);
    expect(shown).toMatchObject({ lang: 'ru', recentLanguages: [], drafts: [{ segmentId: 'p-1', text: 'Первый.' }] });
  });

  it('keeps drafts per language', async () => {
    await env.send({ type: 'post:seen', post }, 7);
    await env.send({ type: 'draft:save', postKey: post.key, lang: 'ru', segmentId: 'p-1', text: 'Первый.' });
    const fa = await env.service.tabPost(7, 'fa');
    expect(fa?.drafts).toEqual([]);
    const ru = await env.service.tabPost(7, 'ru');
    expect(ru?.drafts.map((d) => d.text)).toEqual(['Первый.']);
  });

  it('answers nobody but its own extension', async () => {
    const answer = dispatch(env.service.handlers, { type: 'posts:list' }, { id: 'another-extension' }, OWN_ID);
    expect(answer).toBeUndefined();
    expect(dispatch(env.service.handlers, { type: 'nope' }, { id: OWN_ID }, OWN_ID)).toBeUndefined();
  });

  it('refuses a target language that is not a language tag', async () => {
    await env.send({ type: 'post:seen', post }, 7);
    await expect(env.send({ type: 'post:set-language', postKey: post.key, lang: '<img onerror=x>' })).rejects.toThrow(
      /not a language tag/,
    );
  });
});
