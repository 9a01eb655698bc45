// The dashboard's background side: a post's drafts by key, and deleting them undoably.
import { beforeEach, describe, expect, it } from 'vitest';
import { dashboardHandlers, deletePostDrafts, postDrafts, restoreDrafts, type DashboardPorts } from '../../utils/dashboard/dashboard-handlers';
import { filterByTitle, siteOf, withChangedDraft } from '../../utils/dashboard/post-list';
import type { Message } from '../../utils/messaging';
import type { PostSnapshot, PostSummary } from '../../utils/model';
import { pinnedPost, postDraftsQuery } from '../../utils/post-link';
import { openDraftStore, type DraftStore } from '../../utils/store/draft-store';

const post: PostSnapshot = {
  key: 'https://diff.wikimedia.org/2024/09/05/a-post/',
  url: 'https://diff.wikimedia.org/2024/09/05/a-post/?utm=x',
  detected: true,
  title: 'A post',
  sourceLanguage: 'en',
  cta: null,
  segments: [
    { id: 'h-1', kind: 'heading', text: 'A post' },
    { id: 'p-1', kind: 'paragraph', text: 'First.' },
    { id: 'p-2', kind: 'paragraph', text: 'Second.' },
  ],
};

let n = 0;
let store: DraftStore;
let ports: DashboardPorts;
let sent: Message[];
let badgesRefreshed: string[];

beforeEach(async () => {
  store = await openDraftStore(`dashboard-handlers-${n++}`);
  sent = [];
  badgesRefreshed = [];
  ports = {
    store,
    recentLanguages: async () => ['ru', 'kk'],
    refreshBadgesOf: async (postKey) => void badgesRefreshed.push(postKey),
    broadcast: (message) => void sent.push(message),
  };
  await store.savePost(post);
});

const save = (segmentId: string, text: string, lang = 'ru') => store.saveDraft({ postKey: post.key, lang, segmentId, text });
const texts = async (lang = 'ru') =>
  Object.fromEntries((await store.getDrafts(post.key, lang)).map((d) => [d.segmentId, d.deleted ? '(deleted)' : d.text]));

describe('a post’s drafts by its key', () => {
  it('answers the post, its drafts in the language asked and their progress, with no tab', async () => {
    await save('p-1', 'Первый.');
    await save('p-1', 'Birinşi.', 'kk');
    const shown = await postDrafts(ports, post.key, 'RU');
    expect(shown).toMatchObject({ tabId: null, lang: 'ru', progress: { total: 3, drafted: 1, done: 0 }, recentLanguages: ['ru', 'kk'] });
    expect(shown?.drafts.map((d) => d.text)).toEqual(['Первый.']);
  });

  it('answers null for a post it does not keep, and refuses a bad language tag', async () => {
    expect(await postDrafts(ports, 'https://example.org/nothing/', 'ru')).toBeNull();
    await expect(postDrafts(ports, post.key, 'not a tag!')).rejects.toThrow('“not a tag!” is not a language tag');
  });

  it('shows the post’s own target language when none is asked for', async () => {
    expect(await postDrafts(ports, post.key, '')).toMatchObject({ lang: '', drafts: [] });
    await save('p-1', 'Birinşi.', 'kk');
    await store.setTargetLanguage(post.key, 'kk');
    expect((await postDrafts(ports, post.key, ''))?.drafts.map((d) => d.text)).toEqual(['Birinşi.']);
  });
});

describe('deleting a post’s drafts in one language', () => {
  it('deletes only that language’s non-empty drafts, tells the views and the badge, and undoes', async () => {
    await save('h-1', 'Пост');
    await save('p-1', 'Первый.');
    await save('p-2', ''); // cleared by the translator: nothing to delete, nothing to bring back
    await save('p-1', 'Birinşi.', 'kk');
    const deleted = await deletePostDrafts(ports, post.key, 'ru');
    expect(deleted).toEqual({ postKey: post.key, lang: 'ru', segmentIds: ['h-1', 'p-1'] });
    expect(await texts()).toEqual({ 'h-1': '(deleted)', 'p-1': '(deleted)', 'p-2': '' });
    expect(await texts('kk')).toEqual({ 'p-1': 'Birinşi.' });
    expect(sent.map((m) => m.type === 'draft:changed' && [m.draft.segmentId, m.draft.text, m.progress?.drafted])).toEqual([
      ['h-1', '', 0],
      ['p-1', '', 0],
    ]);
    expect(badgesRefreshed).toEqual([post.key]);
    expect((await store.listPostsWithDrafts()).map((s) => s.lang)).toEqual(['kk']);

    expect(await restoreDrafts(ports, deleted)).toEqual({ restored: 2 });
    expect(await texts()).toEqual({ 'h-1': 'Пост', 'p-1': 'Первый.', 'p-2': '' });
    expect((await store.listPostsWithDrafts()).map((s) => s.lang).sort()).toEqual(['kk', 'ru']);
  });

  it('keeps a draft’s done mark across delete and undo', async () => {
    await save('p-1', 'Первый.');
    await store.setStatus({ postKey: post.key, lang: 'ru', segmentId: 'p-1' }, 'done');
    await restoreDrafts(ports, await deletePostDrafts(ports, post.key, 'ru'));
    const [restored] = await store.getDrafts(post.key, 'ru');
    expect(restored).toMatchObject({ text: 'Первый.', status: 'done' });
    expect(restored!.deleted).toBeUndefined();
  });

  it('never lets an undo overwrite a draft written after the delete', async () => {
    await save('h-1', 'Пост');
    await save('p-1', 'Первый.');
    const deleted = await deletePostDrafts(ports, post.key, 'ru');
    await save('p-1', 'Written again.');
    expect(await restoreDrafts(ports, deleted)).toEqual({ restored: 1 });
    expect(await texts()).toEqual({ 'h-1': 'Пост', 'p-1': 'Written again.' });
  });

  it('answers the protocol’s messages', async () => {
    await save('p-1', 'Первый.');
    const handlers = dashboardHandlers(ports);
    const sender = {};
    const deleted = await handlers['drafts:delete-post']!({ type: 'drafts:delete-post', postKey: post.key, lang: 'ru' }, sender);
    expect(deleted.segmentIds).toEqual(['p-1']);
    expect(await handlers['drafts:restore']!({ type: 'drafts:restore', ...deleted }, sender)).toEqual({ restored: 1 });
    const shown = await handlers['post:get-drafts']!({ type: 'post:get-drafts', postKey: post.key, lang: 'ru' }, sender);
    expect(shown?.drafts.map((d) => d.text)).toEqual(['Первый.']);
  });
});

describe('the dashboard’s list', () => {
  const summary = (title: string | null, url = 'https://www.example.org/p/'): PostSummary => ({
    key: url,
    url,
    title,
    lang: 'ru',
    progress: { total: 1, drafted: 0, done: 0 },
    updatedAt: 0,
  });
  const posts = [summary('Wikimania 2024: Central Asia'), summary('WIKIMÁNIA in Kraków'), summary(null, 'https://x.org/untitled-post/')];

  it('filters by every word of the title, ignoring case and accents', () => {
    expect(filterByTitle(posts, 'wikimania').map((p) => p.title)).toEqual(['Wikimania 2024: Central Asia', 'WIKIMÁNIA in Kraków']);
    expect(filterByTitle(posts, ' krakow  WIKI ').map((p) => p.title)).toEqual(['WIKIMÁNIA in Kraków']);
    expect(filterByTitle(posts, 'untitled').map((p) => p.url)).toEqual(['https://x.org/untitled-post/']);
    expect(filterByTitle(posts, 'nothing like it')).toEqual([]);
    expect(filterByTitle(posts, '  ')).toHaveLength(3);
  });

  it('moves a changed row to the top with the progress its change came with', () => {
    const list = [summary('Newer', 'https://a.org/1/'), summary('Older', 'https://a.org/2/')].map((p, i) => ({ ...p, updatedAt: 10 - i }));
    const progress = { total: 1, drafted: 1, done: 1 };
    const moved = withChangedDraft(list, { postKey: 'https://a.org/2/', lang: 'ru', updatedAt: 20 }, progress);
    expect(moved?.map((p) => [p.title, p.updatedAt, p.progress.done])).toEqual([
      ['Older', 20, 1],
      ['Newer', 10, 0],
    ]);
    // A new row, an emptied one, or a change without progress: only a fresh list can say.
    expect(withChangedDraft(list, { postKey: 'https://a.org/3/', lang: 'ru', updatedAt: 20 }, progress)).toBeNull();
    expect(withChangedDraft(list, { postKey: 'https://a.org/2/', lang: 'kk', updatedAt: 20 }, progress)).toBeNull();
    expect(withChangedDraft(list, { postKey: 'https://a.org/2/', lang: 'ru', updatedAt: 20 }, { ...progress, drafted: 0, done: 0 })).toBeNull();
    expect(withChangedDraft(list, { postKey: 'https://a.org/2/', lang: 'ru', updatedAt: 20 }, null)).toBeNull();
  });

  it('names a post’s site by its host', () => {
    expect(siteOf('https://www.example.org/p/')).toBe('example.org');
    expect(siteOf('https://diff.wikimedia.org/2024/')).toBe('diff.wikimedia.org');
    expect(siteOf('not a url')).toBe('not a url');
  });

  it('links a post’s drafts by key and language, and reads the link back', () => {
    const query = postDraftsQuery({ postKey: post.key, lang: 'pt-BR' });
    expect(pinnedPost(query)).toEqual({ postKey: post.key, lang: 'pt-BR' });
    expect(pinnedPost('?post=x&lang=not%20a%20tag')).toEqual({ postKey: 'x', lang: 'not a tag' }); // refused by the background
    expect(pinnedPost('?post=x')).toEqual({ postKey: 'x', lang: '' }); // the post's own language
    expect(pinnedPost('?tab=3')).toBeNull();
  });
});
