import { beforeEach, describe, expect, it } from 'vitest';
import { BACKUP_FORMAT, BACKUP_VERSION, type Backup } from '../../utils/export/backup';
import { planFromBackup } from '../../utils/export/import-backup';
import { ImportError, MAX_TEXT_LENGTH, validatePlan, type ImportPlan } from '../../utils/export/import-plan';
import type { PostSnapshot } from '../../utils/model';
import { openDraftStore, type DraftStore } from '../../utils/store/draft-store';
import { buildExport } from '../../utils/store/export-files';
import { importDrafts } from '../../utils/store/import-drafts';

const post: PostSnapshot = {
  key: 'https://diff.wikimedia.org/2024/09/05/a-post/',
  url: 'https://diff.wikimedia.org/2024/09/05/a-post/',
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
const scope = { postKey: post.key, lang: 'ru' };

let n = 0;
let clock = 1_000;
const open = () => openDraftStore(`import-${n++}`, () => clock);

/** A store with a post drafted in Russian: p-1 typed twice and marked done, h-1 once. */
async function draftedStore(): Promise<DraftStore> {
  const store = await open();
  await store.savePost(post);
  await store.saveDraft({ ...scope, segmentId: 'p-1', text: 'Пер' });
  clock = 2_000;
  await store.saveDraft({ ...scope, segmentId: 'p-1', text: 'Первый.' });
  await store.saveDraft({ ...scope, segmentId: 'h-1', text: 'Пост' });
  const done = (await store.db.get('drafts', [post.key, 'ru', 'p-1']))!;
  await store.db.put('drafts', { ...done, status: 'done' });
  return store;
}

async function snapshot(store: DraftStore) {
  const drafts = (await store.getDrafts(post.key, 'ru')).filter((d) => !d.deleted);
  const history = await Promise.all(
    ['h-1', 'p-1', 'p-2'].map(async (id) => (await store.getRevisions(post.key, 'ru', id)).map((r) => [r.rev, r.text, r.at])),
  );
  return { drafts: drafts.map((d) => [d.segmentId, d.text, d.status ?? 'draft', d.rev, d.updatedAt]), history };
}

async function backupText(store: DraftStore, request = scope as typeof scope | 'all') {
  return (await buildExport(store, { scope: request, format: 'backup' }, new Date(5_000))).content;
}

beforeEach(() => {
  clock = 1_000;
});

describe('the JSON backup', () => {
  it('is versioned, named after the post, and holds drafts, statuses and history', async () => {
    const store = await draftedStore();
    const file = await buildExport(store, { scope, format: 'backup' }, new Date(5_000));
    expect(file).toMatchObject({ filename: 'a-post.ru.json', mimeType: 'application/json' });
    const backup = JSON.parse(file.content) as Backup;
    expect(backup).toMatchObject({ format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: '1970-01-01T00:00:05.000Z' });
    const [saved] = backup.posts;
    expect(saved.segments.map((s) => s.id)).toEqual(['h-1', 'p-1', 'p-2']);
    const p1 = saved.translations[0].drafts.find((d) => d.segmentId === 'p-1')!;
    expect(p1).toMatchObject({ text: 'Первый.', status: 'done', rev: 2 });
    expect(p1.history.map((r) => r.text)).toEqual(['Пер', 'Первый.']);
  });

  it('round-trips into an empty browser: the same drafts, statuses and history', async () => {
    const source = await draftedStore();
    const target = await open();
    const report = await importDrafts(target, planFromBackup(await backupText(source)));
    expect(report).toMatchObject({ imported: 2, skipped: 0 });
    expect(report.items.every((i) => i.reason === 'restored with its history')).toBe(true);
    expect(await snapshot(target)).toEqual(await snapshot(source));
    expect((await target.getPost(post.key))?.segments).toEqual(post.segments);
  });

  it('round-trips everything: every post and language', async () => {
    const source = await draftedStore();
    await source.saveDraft({ ...scope, lang: 'fa', segmentId: 'p-2', text: 'دوم.' });
    const target = await open();
    const report = await importDrafts(target, planFromBackup(await backupText(source, 'all')));
    expect(report.imported).toBe(3);
    expect((await target.getDrafts(post.key, 'fa')).map((d) => d.text)).toEqual(['دوم.']);
    expect(await snapshot(target)).toEqual(await snapshot(source));
  });

  it('brings deleted drafts back as new revisions, keeping the deletion in history', async () => {
    const store = await draftedStore();
    const text = await backupText(store);
    clock = 3_000;
    await store.deleteDraft({ ...scope, segmentId: 'p-1' });
    clock = 4_000;
    const report = await importDrafts(store, planFromBackup(text));
    expect(report.items.find((i) => i.segmentId === 'p-1')).toMatchObject({ imported: true, reason: 'a new draft' });
    const p1 = (await store.db.get('drafts', [post.key, 'ru', 'p-1']))!;
    expect(p1).toMatchObject({ text: 'Первый.', status: 'done', rev: 4, updatedAt: 4_000 });
    expect(p1.deleted).toBeUndefined();
    expect((await store.getRevisions(post.key, 'ru', 'p-1')).map((r) => [r.text, r.origin])).toEqual([
      ['Пер', 'local'],
      ['Первый.', 'local'],
      ['', 'local'],
      ['Первый.', 'imported'],
    ]);
    const queued = await store.db.getAll('outbox');
    expect(queued.some((e) => e.target.join() === ['draft', post.key, 'ru', 'p-1'].join())).toBe(true);
  });

  it('skips identical texts and keeps a replaced text in history', async () => {
    const store = await draftedStore();
    const text = await backupText(store);
    await store.saveDraft({ ...scope, segmentId: 'h-1', text: 'Пост, исправленный' });
    const report = await importDrafts(store, planFromBackup(text));
    expect(report).toMatchObject({ imported: 1, skipped: 1 });
    expect(report.items.find((i) => i.segmentId === 'p-1')).toMatchObject({ imported: false, reason: 'the draft already has this text' });
    expect(report.items.find((i) => i.segmentId === 'h-1')?.reason).toBe('a new revision; the earlier text stays in its history');
    expect((await store.getRevisions(post.key, 'ru', 'h-1')).map((r) => r.text)).toEqual(['Пост', 'Пост, исправленный', 'Пост']);
  });

  it('flags a draft whose source changed, keeps a removed paragraph’s draft, and skips one it cannot place', async () => {
    const source = await draftedStore();
    const backup = JSON.parse(await backupText(source)) as Backup;
    // This browser knows the post after its author edited it.
    const target = await open();
    await target.savePost({ ...post, segments: [{ id: 'h-1', kind: 'heading', text: 'A renamed post' }, post.segments[2]] });
    // A draft of a segment the backup does not describe cannot be placed anywhere.
    backup.posts[0].translations[0].drafts.push({ segmentId: 'p-9', text: 'Где?', status: 'draft', rev: 1, updatedAt: 1, history: [] });
    const report = await importDrafts(target, planFromBackup(JSON.stringify(backup)));
    expect(report).toMatchObject({ imported: 2, skipped: 1 });
    expect(Object.fromEntries(report.items.map((i) => [i.segmentId, i.reason]))).toEqual({
      'h-1': 'restored with its history; flagged: the paragraph’s source changed since this file was made',
      'p-1': 'restored with its history; kept as an orphaned draft: its paragraph is no longer in the post',
      'p-9': 'this paragraph is no longer in the post',
    });
    expect((await target.db.get('drafts', [post.key, 'ru', 'h-1']))?.sourceChange).toEqual({ oldText: 'A post' });
  });

  it('writes nothing when any write fails half-way', async () => {
    const source = await draftedStore();
    const plan = planFromBackup(await backupText(source));
    plan.targets.push({ ...plan.targets[0], lang: 'uk' });
    const target = await open();
    let calls = 0;
    (target as { now: () => number }).now = () => {
      if (++calls > 2) throw new Error('disk full');
      return 9_000;
    };
    await expect(importDrafts(target, plan)).rejects.toThrow('disk full');
    expect(await target.db.count('drafts')).toBe(0);
    expect(await target.db.count('revisions')).toBe(0);
    expect(await target.db.count('posts')).toBe(0);
    expect(await target.db.count('outbox')).toBe(0);
  });
});

describe('reading a backup file', () => {
  const valid = async () => JSON.parse(await backupText(await draftedStore())) as Backup;
  const reject = (text: string) => {
    try {
      planFromBackup(text);
    } catch (error) {
      expect(error).toBeInstanceOf(ImportError);
      return (error as Error).message;
    }
    throw new Error('accepted');
  };

  it('says plainly what is wrong', async () => {
    expect(reject('{"format": "interlinear-backup", ')).toMatch(/^This file is not valid JSON/);
    expect(reject('{"posts": []}')).toBe('This JSON file is not an Interlinear backup (it has no "format": "interlinear-backup").');
    const newer = { ...(await valid()), version: BACKUP_VERSION + 1 };
    expect(reject(JSON.stringify(newer))).toMatch(/made by a newer Interlinear.*Update Interlinear/);
    const broken = await valid();
    (broken.posts[0].translations[0].drafts[0] as { text: unknown }).text = 42;
    broken.posts[0].translations[0].lang = 'not a tag!';
    expect(reject(JSON.stringify(broken))).toBe(
      'This backup is not valid: posts.0.translations.0.lang: is not a language tag (such as "ru" or "pt-BR"); ' +
        'posts.0.translations.0.drafts.0.text: Invalid type: Expected string but received 42.',
    );
  });

  it('refuses hostile and oversized content', async () => {
    const hostile = await valid();
    hostile.posts[0].url = 'javascript:alert(1)';
    expect(reject(JSON.stringify(hostile))).toBe("This backup is not valid: posts.0.url: is not a web address (http or https).");
    const huge = await valid();
    huge.posts[0].translations[0].drafts[0].text = 'x'.repeat(MAX_TEXT_LENGTH + 1);
    expect(reject(JSON.stringify(huge))).toMatch(/text: is longer than 100,000 characters/);
    // Extra keys, __proto__ included, do not reach the plan.
    const polluted = JSON.parse(JSON.stringify(await valid()).replace('"format"', '"__proto__": {"polluted": true}, "format"'));
    const plan = planFromBackup(JSON.stringify(polluted)) as ImportPlan & { polluted?: unknown };
    expect(plan.polluted).toBeUndefined();
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('checks a plan again in the background: a forged one is refused whole', () => {
    const forged = { format: 'backup', targets: [{ postKey: 'https://x.org/p/', lang: 'ru', units: [{ segmentId: 'p', text: 7 }] }] };
    expect(() => validatePlan(forged)).toThrow('The import is not valid: targets.0.units.0.text: Invalid type: Expected string but received 7.');
  });
});
