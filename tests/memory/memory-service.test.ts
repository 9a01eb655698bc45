// Translation memory in the background, over the real store: matches follow every draft write,
// whatever its path — typing, deleting and restoring, a sync pull, an import, a confirmed source —
// matches worked out ahead are dropped when what they were made of changes, and fills write drafts
// from memory that an undo takes back.
import { describe, expect, it, vi } from 'vitest';
import { MemoryIndex } from '../../utils/memory/memory-index';
import { fillExactMatches, fillRepetitions, undoFill } from '../../utils/memory/memory-fill';
import { MemoryService } from '../../utils/memory/memory-service';
import type { PostSnapshot, Segment } from '../../utils/model';
import { segmentId } from '../../utils/segment/ids';
import { openDraftStore, type DraftStore } from '../../utils/store/draft-store';
import { restoreRevision } from '../../utils/store/history-service';
import { importDrafts } from '../../utils/store/import-drafts';
import { draftDocId } from '../../utils/sync/doc-ids';
import { hlcAt } from '../../utils/sync/hlc';
import { SyncReplica } from '../../utils/sync/replica';

let n = 0;
const FIRST = 'https://diff.wikimedia.org/2024/09/05/first/';
const SECOND = 'https://diff.wikimedia.org/2024/10/14/second/';
const CAPTION = '(Central Asian community members by AAkhmedova (WMF), CC BY 4.0 via Wikimedia Commons)';
const CAPTION_RU = '(Участники сообщества Центральной Азии, фото AAkhmedova (WMF), CC BY 4.0, Викисклад)';
const SESSIONS = 'I’ve attended many different sessions, but there are some that I haven’t watched yet, and some that I plan to watch again.';
const SESSIONS_RU = 'Я побывал на многих сессиях, но некоторые ещё не посмотрел, а некоторые хочу пересмотреть.';

function post(key: string, texts: string[]): PostSnapshot {
  const segments: Segment[] = texts.map((text, i) => ({ id: segmentId('paragraph', text, texts.slice(0, i).filter((t) => t === text).length), kind: 'paragraph', text }));
  return { key, url: key, detected: true, title: key.split('/').at(-2)!, sourceLanguage: 'en', cta: null, segments };
}

const idOf = (p: PostSnapshot, text: string) => p.segments.find((s) => s.text === text)!.id;
const SECOND_SESSIONS = SESSIONS.replace('and some that I plan', 'and a few that I plan');

async function setUp(): Promise<{ store: DraftStore; service: MemoryService; first: PostSnapshot; second: PostSnapshot }> {
  const store = await openDraftStore(`memory-${n++}`, () => 1_700_000_000_000 + n);
  const service = new MemoryService(store.db);
  store.onDraftWritten = () => service.changed();
  const first = post(FIRST, ['Intro of the first post.', CAPTION, SESSIONS]);
  const second = post(SECOND, ['Another intro entirely.', CAPTION, SECOND_SESSIONS, CAPTION]);
  await store.savePost(first);
  await store.savePost(second);
  return { store, service, first, second };
}

const matchesFor = (service: MemoryService, p: PostSnapshot, text: string) =>
  service.matches({ postKey: p.key, lang: 'ru', segmentId: p.segments.find((s) => s.text === text)!.id });

describe('memory matches', () => {
  it('finds exact and fuzzy matches of drafts, with the words that differ, best first', async () => {
    const { store, service, first, second } = await setUp();
    await store.saveDraft({ postKey: FIRST, lang: 'ru', segmentId: idOf(first, CAPTION), text: CAPTION_RU });
    await store.saveDraft({ postKey: FIRST, lang: 'ru', segmentId: idOf(first, SESSIONS), text: SESSIONS_RU });
    const [exact] = await matchesFor(service, second, CAPTION);
    expect(exact).toMatchObject({ kind: 'exact', percent: 100, target: CAPTION_RU, from: { title: 'first', url: FIRST } });
    const [fuzzy] = await service.matches({ postKey: SECOND, lang: 'ru', segmentId: second.segments[2]!.id });
    expect(fuzzy!.kind).toBe('fuzzy');
    expect(fuzzy!.percent).toBeGreaterThanOrEqual(85);
    expect(fuzzy!.diff.filter((p) => p.change === 'removed').map((p) => p.text.trim())).toContain('some');
    expect(fuzzy!.diff.filter((p) => p.change === 'added').map((p) => p.text.trim())).toContain('a few');
    // Only the language asked for, and never the segment's own draft.
    expect(await service.matches({ postKey: SECOND, lang: 'fa', segmentId: second.segments[1]!.id })).toEqual([]);
    expect(await matchesFor(service, first, CAPTION)).toEqual([]);
  });

  it('calls the same text between the same neighbours a context match (101%)', async () => {
    const { store, service, first } = await setUp();
    const copy = post('https://diff.wikimedia.org/2024/11/01/copy/', ['Intro of the first post.', CAPTION, 'Something else.']);
    await store.savePost(copy);
    await store.saveDraft({ postKey: FIRST, lang: 'ru', segmentId: idOf(first, CAPTION), text: CAPTION_RU });
    expect((await matchesFor(service, copy, CAPTION)).map((m) => m.percent)).toEqual([100]);
    const same = post('https://diff.wikimedia.org/2024/11/02/same/', ['Intro of the first post.', CAPTION, SESSIONS]);
    await store.savePost(same);
    expect((await matchesFor(service, same, CAPTION)).map((m) => m.percent)).toEqual([101]);
  });

  it('follows a draft deleted and restored, once the index is built', async () => {
    const { store, service, first, second } = await setUp();
    const key = { postKey: FIRST, lang: 'ru', segmentId: idOf(first, CAPTION) };
    await store.saveDraft({ ...key, text: CAPTION_RU });
    expect(await matchesFor(service, second, CAPTION)).toHaveLength(1);
    await store.deleteDraft(key);
    expect(await matchesFor(service, second, CAPTION)).toEqual([]);
    const [revision] = await store.getRevisions(FIRST, 'ru', key.segmentId);
    const ids = await store.db.getAllKeys('revisions');
    await restoreRevision(store, key, ids[0]!);
    expect(revision!.text).toBe(CAPTION_RU);
    expect((await matchesFor(service, second, CAPTION))[0]?.target).toBe(CAPTION_RU);
  });

  it('follows drafts a sync pulled and an import wrote, which no store hook tells it of', async () => {
    const { store, service, first, second } = await setUp();
    await service.ready(); // built before the writes: only following them finds them
    const replica = new SyncReplica(store.db);
    await replica.applyRemote([
      { doc: { _id: draftDocId(FIRST, 'ru', idOf(first, CAPTION)), _rev: '1-a', type: 'draft', post: FIRST, lang: 'ru', segment: idOf(first, CAPTION), text: CAPTION_RU, hlc: hlcAt(1_700_000_000_000, 'othernode0000') } },
    ]);
    expect((await matchesFor(service, second, CAPTION))[0]?.target).toBe(CAPTION_RU);
    await importDrafts(store, { format: 'backup', targets: [{ postKey: FIRST, lang: 'ru', units: [{ segmentId: idOf(first, SESSIONS), text: SESSIONS_RU }] }] });
    expect((await service.matches({ postKey: SECOND, lang: 'ru', segmentId: second.segments[2]!.id }))[0]?.target).toBe(SESSIONS_RU);
  });
});

describe('memory kept in step', () => {
  it('follows a source confirmed after the index was built, which leaves no revision', async () => {
    const { store, service, first, second } = await setUp();
    const key = { postKey: FIRST, lang: 'ru', segmentId: idOf(first, CAPTION) };
    await store.saveDraft({ ...key, text: CAPTION_RU });
    await store.changeDraft(key, () => ({ sourceChange: { oldText: 'The caption as it was before the post was edited.' } }));
    expect(await matchesFor(service, second, CAPTION)).toEqual([]);
    const revisions = await store.db.count('revisions');
    // What the view's "Confirm" sends (draft:confirm-source).
    await store.changeDraft(key, (current) => (current?.sourceChange ? { sourceChange: null } : null));
    expect(await store.db.count('revisions')).toBe(revisions);
    expect((await matchesFor(service, second, CAPTION))[0]?.target).toBe(CAPTION_RU);
  });

  it('answers from matches worked out ahead only while nothing they were made of changed', async () => {
    const { store, service, first, second } = await setUp();
    await store.saveDraft({ postKey: FIRST, lang: 'ru', segmentId: idOf(first, CAPTION), text: CAPTION_RU });
    await service.warm(SECOND, 'ru');
    expect((await matchesFor(service, second, CAPTION))[0]?.target).toBe(CAPTION_RU);
    // The matched draft's text changes in place; then a new entry matches another segment.
    await store.saveDraft({ postKey: FIRST, lang: 'ru', segmentId: idOf(first, CAPTION), text: `${CAPTION_RU}!` });
    expect((await matchesFor(service, second, CAPTION))[0]?.target).toBe(`${CAPTION_RU}!`);
    expect(await service.matches({ postKey: SECOND, lang: 'ru', segmentId: second.segments[2]!.id })).toEqual([]);
    await store.saveDraft({ postKey: FIRST, lang: 'ru', segmentId: idOf(first, SESSIONS), text: SESSIONS_RU });
    expect((await service.matches({ postKey: SECOND, lang: 'ru', segmentId: second.segments[2]!.id }))[0]?.target).toBe(SESSIONS_RU);
  });
});

describe('matches worked out ahead', () => {
  it('keep through a new entry that cannot be among their candidates, and drop for one that can', async () => {
    const { store, service, first, second } = await setUp();
    await store.saveDraft({ postKey: FIRST, lang: 'ru', segmentId: idOf(first, CAPTION), text: CAPTION_RU });
    await service.warm(SECOND, 'ru');
    const lookups = vi.spyOn(MemoryIndex.prototype, 'candidates');
    try {
      // A new draft of a paragraph like no other: every segment keeps its matches.
      await store.saveDraft({ postKey: FIRST, lang: 'ru', segmentId: idOf(first, 'Intro of the first post.'), text: 'Вступление.' });
      expect((await matchesFor(service, second, CAPTION))[0]?.target).toBe(CAPTION_RU);
      expect(await matchesFor(service, second, SECOND_SESSIONS)).toEqual([]);
      expect(lookups).not.toHaveBeenCalled();
      // A draft of a paragraph like one of them: that one's matches are worked out again, and show it.
      await store.saveDraft({ postKey: FIRST, lang: 'ru', segmentId: idOf(first, SESSIONS), text: SESSIONS_RU });
      expect((await matchesFor(service, second, SECOND_SESSIONS))[0]).toMatchObject({ target: SESSIONS_RU, kind: 'fuzzy' });
      expect(lookups).toHaveBeenCalledTimes(1);
      expect((await matchesFor(service, second, CAPTION))[0]?.target).toBe(CAPTION_RU);
      expect(lookups).toHaveBeenCalledTimes(1);
    } finally {
      lookups.mockRestore();
    }
  });


  it('works out the next segments only once the answer is on its way', async () => {
    const { store, service, first, second } = await setUp();
    await store.saveDraft({ postKey: FIRST, lang: 'ru', segmentId: idOf(first, CAPTION), text: CAPTION_RU });
    // The index is read; the last segment has none after it to work out.
    await service.matches({ postKey: SECOND, lang: 'ru', segmentId: second.segments.at(-1)!.id });
    const lookups = vi.spyOn(MemoryIndex.prototype, 'candidates');
    try {
      await service.matches({ postKey: SECOND, lang: 'ru', segmentId: second.segments[0]!.id });
      expect(lookups).toHaveBeenCalledTimes(1); // this segment's alone: the answer waits for nothing else
      await vi.waitFor(() => expect(lookups.mock.calls.length).toBeGreaterThan(1)); // then the ones after it
    } finally {
      lookups.mockRestore();
    }
  });
});

describe('filling from memory', () => {
  it('fills untranslated segments with exact matches as drafts from memory, and undoes it', async () => {
    const { store, service, first, second } = await setUp();
    await store.saveDraft({ postKey: FIRST, lang: 'ru', segmentId: idOf(first, CAPTION), text: CAPTION_RU });
    await store.saveDraft({ postKey: FIRST, lang: 'ru', segmentId: idOf(first, SESSIONS), text: SESSIONS_RU });
    const { filled } = await fillExactMatches(service, store, SECOND, 'ru');
    // Both captions (the repeated one too); the reworded paragraph is no exact match.
    expect(filled.map((f) => f.segmentId)).toEqual([second.segments[1]!.id, second.segments[3]!.id]);
    const drafts = await store.getDrafts(SECOND, 'ru');
    expect(drafts.map((d) => [d.text, d.status ?? 'draft'])).toEqual([
      [CAPTION_RU, 'draft'],
      [CAPTION_RU, 'draft'],
    ]);
    const [revision] = await store.getRevisions(SECOND, 'ru', second.segments[1]!.id);
    expect(revision).toMatchObject({ origin: 'memory', memoryMatch: 100 });
    // Typed over since: that one stays.
    await store.saveDraft({ postKey: SECOND, lang: 'ru', segmentId: second.segments[3]!.id, text: 'Своя подпись.' });
    expect((await undoFill(store, SECOND, 'ru', filled)).map((d) => d.segmentId)).toEqual([second.segments[1]!.id]);
    expect((await store.getDrafts(SECOND, 'ru')).map((d) => d.text)).toEqual(['', 'Своя подпись.']);
  });

  it('fills a drafted segment’s repetitions in the same post', async () => {
    const { store, second } = await setUp();
    await store.saveDraft({ postKey: SECOND, lang: 'ru', segmentId: second.segments[1]!.id, text: CAPTION_RU });
    const { filled } = await fillRepetitions(store, SECOND, 'ru', second.segments[1]!.id);
    expect(filled).toEqual([{ segmentId: second.segments[3]!.id, text: CAPTION_RU }]);
  });
});
