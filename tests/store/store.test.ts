import { describe, expect, it, beforeEach } from 'vitest';
import { openDraftStore, type DraftStore } from '../../utils/store/draft-store';
import type { PostSnapshot } from '../../utils/model';

const post: PostSnapshot = {
  key: 'https://diff.wikimedia.org/2024/09/05/a-post/',
  url: 'https://diff.wikimedia.org/2024/09/05/a-post/#translate-post',
  detected: true,
  title: 'A post',
  sourceLanguage: 'en',
  cta: { startUrl: 'https://diff.wikimedia.org/wp-login.php', targetLanguages: [] },
  segments: [
    { id: 'h-1', kind: 'heading', text: 'A post' },
    { id: 'p-1', kind: 'paragraph', text: 'First.' },
    { id: 'p-2', kind: 'paragraph', text: 'Second.' },
  ],
};

let dbCount = 0;
let clock = 1_000;
let store: DraftStore;

beforeEach(async () => {
  clock = 1_000;
  store = await openDraftStore(`test-${dbCount++}`, () => clock);
});

describe('DraftStore', () => {
  it('keeps a post and the target language chosen for it across sightings', async () => {
    await store.savePost(post);
    await store.setTargetLanguage(post.key, 'ru');
    clock = 2_000;
    const again = await store.savePost({ ...post, title: 'A post, renamed' });
    expect(again).toMatchObject({ title: 'A post, renamed', targetLanguage: 'ru', firstSeen: 1_000, lastSeen: 2_000 });
    expect((await store.getPost(post.key))?.segments).toHaveLength(3);
  });

  it('keeps every saved change of a draft as a revision, per language', async () => {
    await store.saveDraft({ postKey: post.key, lang: 'ru', segmentId: 'p-1', text: 'Пер' });
    clock = 1_500;
    const second = await store.saveDraft({ postKey: post.key, lang: 'ru', segmentId: 'p-1', text: 'Первый.' });
    await store.saveDraft({ postKey: post.key, lang: 'fa', segmentId: 'p-1', text: 'اول.' });
    expect(second).toMatchObject({ rev: 2, text: 'Первый.', updatedAt: 1_500 });
    const revisions = await store.getRevisions(post.key, 'ru', 'p-1');
    expect(revisions.map((r) => [r.rev, r.text, r.at])).toEqual([
      [1, 'Пер', 1_000],
      [2, 'Первый.', 1_500],
    ]);
    expect((await store.getDrafts(post.key, 'ru')).map((d) => d.text)).toEqual(['Первый.']);
    expect((await store.getDrafts(post.key, 'fa')).map((d) => d.text)).toEqual(['اول.']);
  });

  it('does not make a revision when the text did not change', async () => {
    await store.saveDraft({ postKey: post.key, lang: 'ru', segmentId: 'p-1', text: 'Да' });
    const same = await store.saveDraft({ postKey: post.key, lang: 'ru', segmentId: 'p-1', text: 'Да' });
    expect(same.rev).toBe(1);
    expect(await store.getRevisions(post.key, 'ru', 'p-1')).toHaveLength(1);
  });

  it('never lets a revision time go backwards when the wall clock does', async () => {
    clock = 5_000;
    await store.saveDraft({ postKey: post.key, lang: 'ru', segmentId: 'p-1', text: 'a' });
    clock = 4_000;
    const later = await store.saveDraft({ postKey: post.key, lang: 'ru', segmentId: 'p-1', text: 'ab' });
    expect(later.updatedAt).toBe(5_000);
  });

  it('lists the posts with drafts, most recent first, with their progress', async () => {
    const other: PostSnapshot = { ...post, key: 'https://diff.wikimedia.org/other/', title: 'Other' };
    await store.savePost(post);
    await store.savePost(other);
    await store.saveDraft({ postKey: post.key, lang: 'ru', segmentId: 'p-1', text: 'Первый.' });
    await store.saveDraft({ postKey: post.key, lang: 'ru', segmentId: 'p-2', text: '   ' });
    clock = 3_000;
    await store.saveDraft({ postKey: other.key, lang: 'de', segmentId: 'h-1', text: 'Anderer' });
    const list = await store.listPostsWithDrafts();
    expect(list.map((s) => [s.title, s.lang, s.progress.drafted, s.progress.total])).toEqual([
      ['Other', 'de', 1, 3],
      ['A post', 'ru', 1, 3],
    ]);
  });

  it('keeps drafts when the post is seen again without their paragraph', async () => {
    await store.savePost(post);
    await store.saveDraft({ postKey: post.key, lang: 'ru', segmentId: 'p-2', text: 'Второй.' });
    await store.savePost({ ...post, segments: post.segments.slice(0, 2) });
    expect((await store.getDrafts(post.key, 'ru')).map((d) => d.text)).toEqual(['Второй.']);
  });

  it('reopens an existing database with its data', async () => {
    const name = `reopen-${dbCount++}`;
    const first = await openDraftStore(name);
    await first.saveDraft({ postKey: post.key, lang: 'ru', segmentId: 'p-1', text: 'Сохранено' });
    first.db.close();
    const second = await openDraftStore(name);
    expect((await second.getDrafts(post.key, 'ru'))[0]?.text).toBe('Сохранено');
  });
});
