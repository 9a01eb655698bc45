// A segment's history, restoring, deleting undoably, and drafts following their paragraphs when
// a post's source changes — the background's side, over a real (fake-indexeddb) store.
import { beforeEach, describe, expect, it } from 'vitest';
import { openFixture, fixtures } from '../support/pages';
import { dashboardHandlers } from '../../utils/dashboard/dashboard-handlers';
import { snapshotPage } from '../../utils/detect';
import { dispatch, type Message } from '../../utils/messaging';
import type { DraftRecord, PostSnapshot } from '../../utils/model';
import { openDraftStore, type DraftStore } from '../../utils/store/draft-store';
import { historyHandlers } from '../../utils/store/history-service';
import { savePostFollowingDrafts } from '../../utils/store/source-moves';
import { sourceFlagsOf } from '../../components/history/use-source-flags';
import { draftDoc, parseDraftDoc } from '../../utils/sync/documents';
import { draftDocId } from '../../utils/sync/doc-ids';
import { hlcAt } from '../../utils/sync/hlc';
import { mergeSegment, type SegmentState } from '../../utils/sync/merge';

const OWN_ID = 'interlinear-test';
let n = 0;
let store: DraftStore;
let sent: Message[];
let send: (message: Message) => Promise<unknown>;

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
  ],
};
const key = { postKey: post.key, lang: 'ru', segmentId: 'p-1' };

beforeEach(async () => {
  store = await openDraftStore(`history-${n++}`);
  sent = [];
  const ports = {
    store,
    recentLanguages: async () => [],
    refreshBadgesOf: async () => undefined,
    broadcast: (message: Message) => void sent.push(message),
  };
  const handlers = { ...dashboardHandlers(ports), ...historyHandlers(ports) };
  send = (message) => dispatch(handlers, message, { id: OWN_ID }, OWN_ID)!;
  await store.savePost(post);
});

const current = async (segmentId = 'p-1', lang = 'ru') => store.db.get('drafts', [post.key, lang, segmentId]);

describe('a segment’s history', () => {
  it('lists every saved change, newest first, with time, device, text and origin', async () => {
    await store.saveDraft({ ...key, text: 'Перв' });
    await store.saveDraft({ ...key, text: 'Первый.' });
    const history = (await send({ type: 'draft:history', ...key })) as { entries: { id: number; text: string; origin?: string; at: number }[]; total: number };
    expect(history.total).toBe(2);
    expect(history.entries.map((e) => [e.text, e.origin])).toEqual([
      ['Первый.', 'local'],
      ['Перв', 'local'],
    ]);
    expect(history.entries[0]!.at).toBeGreaterThanOrEqual(history.entries[1]!.at);
  });

  it('restores an earlier text as a new revision, losing none, and tells every view', async () => {
    await store.saveDraft({ ...key, text: 'Первый.' });
    await store.saveDraft({ ...key, text: 'Первое и неверное.' });
    const { entries } = (await send({ type: 'draft:history', ...key })) as { entries: { id: number; text: string }[] };
    const restored = (await send({ type: 'draft:restore-revision', ...key, revisionId: entries[1]!.id })) as DraftRecord;
    expect(restored).toMatchObject({ text: 'Первый.', rev: 3 });
    expect((await current())?.text).toBe('Первый.');
    const after = (await send({ type: 'draft:history', ...key })) as { entries: { text: string; origin?: string }[] };
    expect(after.entries.map((e) => [e.text, e.origin])).toEqual([
      ['Первый.', 'restored'],
      ['Первое и неверное.', 'local'],
      ['Первый.', 'local'],
    ]);
    expect(sent).toContainEqual(expect.objectContaining({ type: 'draft:changed', draft: expect.objectContaining({ text: 'Первый.' }) }));
  });

  it('refuses, plainly, a version from another segment', async () => {
    await store.saveDraft({ postKey: post.key, lang: 'ru', segmentId: 'h-1', text: 'Пост' });
    const [other] = await store.db.getAllKeys('revisions');
    await expect(send({ type: 'draft:restore-revision', ...key, revisionId: other! })).rejects.toThrow('not in this segment’s history');
    expect(await current()).toBeUndefined();
  });
});

describe('deleting one draft', () => {
  it('leaves a tombstone that sync carries, and an undo brings the text back as a new revision', async () => {
    await store.saveDraft({ ...key, text: 'Первый.' });
    const deleted = await send({ type: 'draft:delete', ...key });
    expect(deleted).toEqual({ postKey: post.key, lang: 'ru', segmentIds: ['p-1'] });
    expect(await current()).toMatchObject({ text: '', deleted: true });
    expect(await store.db.get('outbox', draftDocId(post.key, 'ru', 'p-1'))).toBeDefined();

    await expect(send({ type: 'drafts:restore', ...(deleted as { postKey: string; lang: string; segmentIds: string[] }) })).resolves.toEqual({ restored: 1 });
    expect(await current()).toMatchObject({ text: 'Первый.', rev: 3 });
    expect(await current()).not.toHaveProperty('deleted');
    expect((await store.getRevisions(post.key, 'ru', 'p-1')).map((r) => r.text)).toEqual(['Первый.', '', 'Первый.']);
  });

  it('has nothing to undo when there was no text', async () => {
    await expect(send({ type: 'draft:delete', ...key })).resolves.toEqual({ postKey: post.key, lang: 'ru', segmentIds: [] });
  });
});

describe('when the post’s source changes', () => {
  const fixture = (variant: string) => snapshotPage(...page(variant))!;
  const page = (variant: string): [Document, string] => {
    const { doc, address } = openFixture(new URL(`diff-central-asia-wikimania-2024${variant}.html`, fixtures));
    return [doc, address];
  };
  const original = fixture('');
  const edited = fixture('.edited');
  const reworded = original.segments[7]!;
  const removed = original.segments[12]!;
  const kept = original.segments[2]!;
  const rewordedNow = edited.segments.find((s) => s.text.startsWith('I’ve attended many different sessions'))!;
  const draftAt = (segmentId: string, lang = 'ru') => store.db.get('drafts', [original.key, lang, segmentId]);

  beforeEach(async () => {
    await store.savePost(original);
    for (const [segment, text] of [
      [kept, 'Подробнее о сообществах Центральной Азии.'],
      [reworded, 'Я побывал на многих сессиях.'],
      [removed, 'Главный вывод для меня.'],
    ] as const) {
      await store.saveDraft({ postKey: original.key, lang: 'ru', segmentId: segment.id, text });
    }
    await store.saveDraft({ postKey: original.key, lang: 'kk', segmentId: reworded.id, text: 'Көп сессияға қатыстым.' });
  });

  it('moves a draft whose paragraph was reworded to its new segment, flagged with the old source', async () => {
    expect(rewordedNow.id).not.toBe(reworded.id);
    await savePostFollowingDrafts(store, edited);
    for (const [lang, text] of [['ru', 'Я побывал на многих сессиях.'], ['kk', 'Көп сессияға қатыстым.']]) {
      const moved = await draftAt(rewordedNow.id, lang);
      expect(moved).toMatchObject({ text, sourceChange: { oldText: reworded.text } });
      // The old id keeps a tombstone, so every synced device agrees the draft moved.
      expect(await draftAt(reworded.id, lang)).toMatchObject({ text: '', deleted: true });
      expect((await store.getRevisions(original.key, lang!, rewordedNow.id)).map((r) => r.origin)).toEqual(['moved']);
    }
    expect((await draftAt(kept.id))?.text).toBe('Подробнее о сообществах Центральной Азии.');
    expect(await draftAt(kept.id)).not.toHaveProperty('sourceChange');
  });

  it('keeps the draft of the removed paragraph as an orphan, with the removed text', async () => {
    const { post: saved } = await savePostFollowingDrafts(store, edited);
    const { orphans, changed } = sourceFlagsOf(saved.segments, await store.getDrafts(original.key, 'ru'));
    expect(changed).toEqual({ [rewordedNow.id]: reworded.text });
    expect(orphans).toHaveLength(1);
    expect(orphans[0]).toMatchObject({ segmentId: removed.id, text: 'Главный вывод для меня.', sourceChange: { oldText: removed.text } });
  });

  it('sends the flag to the sync server with the draft, and reads it back', async () => {
    await savePostFollowingDrafts(store, edited);
    const doc = draftDoc((await draftAt(rewordedNow.id))!, undefined, undefined);
    expect(doc.sourceChange).toEqual({ oldText: reworded.text });
    expect(parseDraftDoc({ ...doc, _rev: '1-a' })?.sourceChange).toEqual({ oldText: reworded.text });
    expect(parseDraftDoc({ ...doc, sourceChange: { oldText: 42 } })).toBeNull();
  });

  it('clears the flag when the translator confirms, and changes nothing on the next sighting', async () => {
    await savePostFollowingDrafts(store, edited);
    const confirmed = (await send({ type: 'draft:confirm-source', postKey: original.key, lang: 'ru', segmentId: rewordedNow.id })) as DraftRecord;
    expect(confirmed).toMatchObject({ segmentId: rewordedNow.id });
    expect(confirmed).not.toHaveProperty('sourceChange');
    expect(await draftAt(rewordedNow.id)).not.toHaveProperty('sourceChange');
    expect(confirmed.text).toBe('Я побывал на многих сессиях.');
    const revisions = await store.db.count('revisions');
    await expect(savePostFollowingDrafts(store, edited)).resolves.toMatchObject({ changed: [] });
    expect(await store.db.count('revisions')).toBe(revisions);
  });

  it('keeps an unconfirmed flag’s first source through a second change', async () => {
    await savePostFollowingDrafts(store, edited);
    const twice = structuredClone(edited);
    const target = twice.segments.find((s) => s.id === rewordedNow.id)!;
    target.text += ' And more.';
    target.id = 'p-reworded-again';
    await savePostFollowingDrafts(store, twice);
    expect(await draftAt('p-reworded-again')).toMatchObject({ sourceChange: { oldText: reworded.text } });
  });
});

describe('the source-change flag in sync', () => {
  const state = (text: string, wall: number, node: string, extra: Partial<SegmentState> = {}): SegmentState => ({
    text, deleted: false, hlc: hlcAt(wall, node), concurrentEdits: [], ...extra,
  });

  it('goes with the text that wins', () => {
    const flagged = state('Перевод.', 20, 'b', { sourceChange: { oldText: 'Old source.' } });
    expect(mergeSegment(state('Перевод.', 10, 'a'), flagged, hlcAt(10, 'a'), 'a').state.sourceChange).toEqual({ oldText: 'Old source.' });
    // Confirmed on this device later: the flag stays cleared.
    const confirmed = state('Перевод.', 30, 'a');
    expect(mergeSegment(confirmed, flagged, hlcAt(20, 'b'), 'a').state).not.toHaveProperty('sourceChange');
  });
});
