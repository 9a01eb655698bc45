// @vitest-environment node
// Memory across worker starts: a new MemoryService over the same database answers from the stored
// index, without reading every draft, and takes in what was written while no service ran — typed,
// pulled, deleted, a source confirmed (no revision), a post's language guessed, units imported.
// A stored index of another format is built anew. The matches worked out ahead are stored too, and
// answer a start's first focuses while nothing was written since, without reading the index.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MemoryIndex } from '../../utils/memory/memory-index';
import type { StoredMatches } from '../../utils/memory/stored-matches';
import { importUnits } from '../../utils/memory/memory-store';
import { MemoryService } from '../../utils/memory/memory-service';
import type { PostSnapshot, Segment } from '../../utils/model';
import { segmentId } from '../../utils/segment/ids';
import { openDraftStore, type DraftStore } from '../../utils/store/draft-store';
import { draftDocId } from '../../utils/sync/doc-ids';
import { hlcAt } from '../../utils/sync/hlc';
import { SyncReplica } from '../../utils/sync/replica';

let n = 0;
const FIRST = 'https://diff.wikimedia.org/2024/09/05/first/';
const SECOND = 'https://diff.wikimedia.org/2024/10/14/second/';
const UNKNOWN = 'https://diff.wikimedia.org/2024/11/02/no-language/';
const CAPTION = '(Central Asian community members by AAkhmedova (WMF), CC BY 4.0 via Wikimedia Commons)';
const CAPTION_RU = '(Участники сообщества Центральной Азии, фото AAkhmedova (WMF), CC BY 4.0, Викисклад)';
const SESSIONS = 'I’ve attended many different sessions, but there are some that I haven’t watched yet.';
const SESSIONS_RU = 'Я побывал на многих сессиях, но некоторые ещё не посмотрел.';
const SCHOLARS = 'Scholarship recipients from Kazakhstan and Uzbekistan travelled to Katowice together.';
const SCHOLARS_RU = 'Стипендиаты из Казахстана и Узбекистана вместе приехали в Катовице.';
const THANKS = 'Thanks to every volunteer who translated the programme into their language.';
const THANKS_RU = 'Спасибо всем волонтёрам, которые перевели программу на свой язык.';

function post(key: string, texts: string[], sourceLanguage: string | null = 'en'): PostSnapshot {
  const segments: Segment[] = texts.map((text) => ({ id: segmentId('paragraph', text), kind: 'paragraph', text }));
  return { key, url: key, detected: true, title: key.split('/').at(-2)!, sourceLanguage, cta: null, segments };
}

const idOf = (p: PostSnapshot, text: string) => p.segments.find((s) => s.text === text)!.id;

/** Bulk reads of the drafts store (every draft at once): what building the index costs. */
function countWholeDraftReads(): () => number {
  let reads = 0;
  for (const method of ['getAll', 'getAllKeys', 'openCursor', 'openKeyCursor'] as const) {
    const original = IDBObjectStore.prototype[method] as (this: IDBObjectStore, ...args: unknown[]) => unknown;
    vi.spyOn(IDBObjectStore.prototype, method).mockImplementation(function (this: IDBObjectStore, ...args: unknown[]) {
      if (this.name === 'drafts' && args[0] == null) reads++;
      return original.apply(this, args);
    } as never);
  }
  return () => reads;
}

afterEach(() => {
  vi.restoreAllMocks();
});

async function setUp(): Promise<{ store: DraftStore; first: PostSnapshot; second: PostSnapshot; unknown: PostSnapshot }> {
  const store = await openDraftStore(`memory-restart-${n++}`, () => 1_700_000_000_000 + n * 1000);
  const first = post(FIRST, ['Intro of the first post.', CAPTION, SESSIONS, SCHOLARS]);
  const second = post(SECOND, ['Another intro entirely.', CAPTION, SESSIONS, SCHOLARS, THANKS]);
  const unknown = post(UNKNOWN, [THANKS, 'Something else.'], null);
  for (const p of [first, second, unknown]) await store.savePost(p);
  return { store, first, second, unknown };
}

const best = async (service: MemoryService, p: PostSnapshot, text: string) =>
  (await service.matches({ postKey: p.key, lang: 'ru', segmentId: idOf(p, text) }))[0];

describe('memory after a worker start', () => {
  it('answers from the stored index without reading every draft, and takes in what was written since', async () => {
    const { store, first, second, unknown } = await setUp();
    await store.saveDraft({ postKey: FIRST, lang: 'ru', segmentId: idOf(first, CAPTION), text: CAPTION_RU });
    await store.saveDraft({ postKey: FIRST, lang: 'ru', segmentId: idOf(first, SESSIONS), text: SESSIONS_RU });
    // A post that names no language: its drafts pair with no source language yet.
    await store.saveDraft({ postKey: UNKNOWN, lang: 'ru', segmentId: idOf(unknown, THANKS), text: THANKS_RU });
    const before = new MemoryService(store.db);
    expect((await best(before, second, CAPTION))?.target).toBe(CAPTION_RU);
    expect(await best(before, second, THANKS)).toBeUndefined();
    await before.store();

    // Written with no service running: typed, pulled, deleted, a source flagged and confirmed, a
    // post's language guessed.
    await store.saveDraft({ postKey: FIRST, lang: 'ru', segmentId: idOf(first, SESSIONS), text: `${SESSIONS_RU} Правка.` });
    await new SyncReplica(store.db).applyRemote([
      { doc: { _id: draftDocId(FIRST, 'ru', idOf(first, SCHOLARS)), _rev: '1-a', type: 'draft', post: FIRST, lang: 'ru', segment: idOf(first, SCHOLARS), text: SCHOLARS_RU, hlc: hlcAt(1_700_000_000_000, 'othernode0000') } },
    ]);
    await store.deleteDraft({ postKey: FIRST, lang: 'ru', segmentId: idOf(first, CAPTION) });
    await store.setGuessedSourceLanguage(UNKNOWN, 'en');

    const reads = countWholeDraftReads();
    const after = new MemoryService(store.db);
    expect(await best(after, second, CAPTION)).toBeUndefined();
    expect((await best(after, second, SESSIONS))?.target).toBe(`${SESSIONS_RU} Правка.`);
    expect((await best(after, second, SCHOLARS))?.target).toBe(SCHOLARS_RU);
    expect((await best(after, second, THANKS))?.target).toBe(THANKS_RU);
    expect(reads()).toBe(0);
  });

  it('takes in sources confirmed while no service ran, here and elsewhere, which leave no revision', async () => {
    const { store, first, second } = await setUp();
    const sessions = { postKey: FIRST, lang: 'ru', segmentId: idOf(first, SESSIONS) };
    const scholars = { postKey: FIRST, lang: 'ru', segmentId: idOf(first, SCHOLARS) };
    await store.saveDraft({ ...sessions, text: SESSIONS_RU });
    await store.saveDraft({ ...scholars, text: SCHOLARS_RU });
    // Both paragraphs were reworded: the drafts translated their old texts.
    for (const key of [sessions, scholars]) await store.changeDraft(key, () => ({ sourceChange: { oldText: `An old wording of ${key.segmentId}.` } }));
    const before = new MemoryService(store.db);
    expect(await best(before, second, SESSIONS)).toBeUndefined();
    expect(await best(before, second, SCHOLARS)).toBeUndefined();
    await before.store();
    const revisions = await store.db.count('revisions');
    await store.changeDraft(sessions, (current) => (current?.sourceChange ? { sourceChange: null } : null));
    const flagged = (await store.db.get('drafts', [FIRST, 'ru', scholars.segmentId]))!;
    await new SyncReplica(store.db).applyRemote([
      { doc: { _id: draftDocId(FIRST, 'ru', scholars.segmentId), _rev: '2-b', type: 'draft', post: FIRST, lang: 'ru', segment: scholars.segmentId, text: SCHOLARS_RU, hlc: hlcAt(1_800_000_000_000, 'othernode0000'), base: flagged.hlc! } },
    ]);
    expect((await store.db.get('drafts', [FIRST, 'ru', scholars.segmentId]))?.sourceChange).toBeUndefined();
    expect(await store.db.count('revisions')).toBe(revisions);
    const after = new MemoryService(store.db);
    expect((await best(after, second, SESSIONS))?.target).toBe(SESSIONS_RU);
    expect((await best(after, second, SCHOLARS))?.target).toBe(SCHOLARS_RU);
  });

  it('reads back what changed since the index was last packed, and units imported since', async () => {
    const { store, first, second } = await setUp();
    await store.saveDraft({ postKey: FIRST, lang: 'ru', segmentId: idOf(first, CAPTION), text: CAPTION_RU });
    const before = new MemoryService(store.db);
    await before.ready();
    await before.store();
    // Few changes: only they are stored, beside the packed index.
    await store.saveDraft({ postKey: FIRST, lang: 'ru', segmentId: idOf(first, SESSIONS), text: SESSIONS_RU });
    await before.store();
    expect((await store.db.get('memoryIndex', 'delta'))?.kind).toBe('delta');
    await importUnits(store, [{ sourceLang: 'en', targetLang: 'ru', source: THANKS, target: THANKS_RU }], 'team.tmx');

    const reads = countWholeDraftReads();
    const after = new MemoryService(store.db);
    expect((await best(after, second, SESSIONS))?.target).toBe(SESSIONS_RU);
    expect((await best(after, second, THANKS))).toMatchObject({ target: THANKS_RU, from: { file: 'team.tmx' } });
    expect((await best(after, second, CAPTION))?.target).toBe(CAPTION_RU);
    expect(reads()).toBe(0);
  });

  it('builds the index anew from the drafts when the stored one is of another format', async () => {
    const { store, first, second } = await setUp();
    await store.saveDraft({ postKey: FIRST, lang: 'ru', segmentId: idOf(first, CAPTION), text: CAPTION_RU });
    const before = new MemoryService(store.db);
    await before.ready();
    await before.store();
    const stored = (await store.db.get('memoryIndex', 'packed'))!;
    await store.db.put('memoryIndex', { ...stored, format: -1 }, 'packed');
    const reads = countWholeDraftReads();
    expect((await best(new MemoryService(store.db), second, CAPTION))?.target).toBe(CAPTION_RU);
    expect(reads()).toBe(1);
  });
});

/** Reads of the stored index's packed part: what a worker start waits for. */
function countIndexReads(): () => number {
  let reads = 0;
  const original = IDBObjectStore.prototype.get;
  vi.spyOn(IDBObjectStore.prototype, 'get').mockImplementation(function (this: IDBObjectStore, key: IDBValidKey | IDBKeyRange) {
    if (this.name === 'memoryIndex' && key === 'packed') reads++;
    return original.call(this, key);
  });
  return () => reads;
}

describe('matches stored beside the index', () => {
  async function storedAhead() {
    const { store, first, second } = await setUp();
    await store.saveDraft({ postKey: FIRST, lang: 'ru', segmentId: idOf(first, CAPTION), text: CAPTION_RU });
    await store.saveDraft({ postKey: FIRST, lang: 'ru', segmentId: idOf(first, SESSIONS), text: SESSIONS_RU });
    const before = new MemoryService(store.db);
    await before.warm(SECOND, 'ru');
    await before.store();
    return { store, first, second };
  }

  it('answer the focuses after a worker start without reading the index, while nothing was written', async () => {
    const { store, second } = await storedAhead();
    const reads = countIndexReads();
    const after = new MemoryService(store.db);
    await after.warm(SECOND, 'ru');
    const atHand = await after.atHand(SECOND, 'ru', [idOf(second, CAPTION), idOf(second, THANKS), 'p-none']);
    expect(Object.keys(atHand).sort()).toEqual([idOf(second, CAPTION), idOf(second, THANKS)].sort());
    expect(atHand[idOf(second, CAPTION)]?.[0]?.target).toBe(CAPTION_RU);
    expect((await best(after, second, CAPTION))?.target).toBe(CAPTION_RU);
    expect((await best(after, second, SESSIONS))?.target).toBe(SESSIONS_RU);
    expect(await best(after, second, THANKS)).toBeUndefined();
    expect(reads()).toBe(0);
    // Read once it is wanted, they are its matches again: none is worked out anew.
    const lookups = vi.spyOn(MemoryIndex.prototype, 'candidates');
    await after.ready();
    expect((await best(after, second, CAPTION))?.target).toBe(CAPTION_RU);
    expect((await after.atHand(SECOND, 'ru', [idOf(second, SESSIONS)]))[idOf(second, SESSIONS)]?.[0]?.target).toBe(SESSIONS_RU);
    expect(reads()).toBe(1);
    expect(lookups).not.toHaveBeenCalled();
  });

  it('are not used once anything was written after them, by any path', async () => {
    const { store, first, second } = await storedAhead();
    await store.saveDraft({ postKey: FIRST, lang: 'ru', segmentId: idOf(first, CAPTION), text: `${CAPTION_RU} Правка.` });
    expect((await best(new MemoryService(store.db), second, CAPTION))?.target).toBe(`${CAPTION_RU} Правка.`);
    await new SyncReplica(store.db).applyRemote([
      { doc: { _id: draftDocId(FIRST, 'ru', idOf(first, SESSIONS)), _rev: '9-z', type: 'draft', post: FIRST, lang: 'ru', segment: idOf(first, SESSIONS), text: 'Пришло с другого устройства.', hlc: hlcAt(1_900_000_000_000, 'othernode0000') } },
    ]);
    expect((await best(new MemoryService(store.db), second, SESSIONS))?.target).toBe('Пришло с другого устройства.');
    await importUnits(store, [{ sourceLang: 'en', targetLang: 'ru', source: THANKS, target: THANKS_RU }], 'team.tmx');
    expect((await best(new MemoryService(store.db), second, THANKS))?.target).toBe(THANKS_RU);
  });

  it('read the index as soon as a write makes them stale, once a view was answered from them', async () => {
    const { store, first, second } = await storedAhead();
    const reads = countIndexReads();
    const after = new MemoryService(store.db);
    store.onDraftWritten = () => after.changed();
    expect((await best(after, second, CAPTION))?.target).toBe(CAPTION_RU);
    expect(reads()).toBe(0);
    // The view will ask again, and the stored matches no longer hold: the index is read now.
    await store.saveDraft({ postKey: FIRST, lang: 'ru', segmentId: idOf(first, CAPTION), text: `${CAPTION_RU}!` });
    await vi.waitFor(() => expect(reads()).toBe(1));
    expect((await best(after, second, CAPTION))?.target).toBe(`${CAPTION_RU}!`);
  });

  it('cover again, once stored, the segments of an opened post that a change made work out anew', async () => {
    const { store, first, second } = await setUp();
    await store.saveDraft({ postKey: FIRST, lang: 'ru', segmentId: idOf(first, CAPTION), text: CAPTION_RU });
    const before = new MemoryService(store.db);
    await before.warm(SECOND, 'ru');
    // The caption's draft changed: the second post's caption must be worked out anew.
    await store.saveDraft({ postKey: FIRST, lang: 'ru', segmentId: idOf(first, CAPTION), text: `${CAPTION_RU}!` });
    await before.store();
    const reads = countIndexReads();
    const after = new MemoryService(store.db);
    await after.warm(SECOND, 'ru');
    expect((await best(after, second, CAPTION))?.target).toBe(`${CAPTION_RU}!`);
    expect(reads()).toBe(0);
  });

  it('are stored in the same step as the index, at its position, and of the posts opened only', async () => {
    const { store, first, second } = await setUp();
    await store.saveDraft({ postKey: FIRST, lang: 'ru', segmentId: idOf(first, CAPTION), text: CAPTION_RU });
    const service = new MemoryService(store.db);
    await service.warm(SECOND, 'ru');
    await best(service, first, SESSIONS); // worked out, but of no post opened
    await service.store(); // the first store packs the index
    const positionOf = async (key: 'packed' | 'delta') => ((await store.db.get('memoryIndex', key)) as { journal: unknown } | undefined)?.journal;
    const matches = async () => (await store.db.get('memoryIndex', 'matches')) as StoredMatches;
    expect((await matches()).journal).toEqual(await positionOf('packed'));
    expect((await matches()).posts.map(([key]) => key)).toEqual([`${SECOND}\u0001ru`]);
    // Units imported leave only the feed, which a packed index drops: the matches move with the index.
    await importUnits(store, [{ sourceLang: 'en', targetLang: 'ru', source: THANKS, target: THANKS_RU }], 'team.tmx');
    await service.store();
    expect((await matches()).journal).toEqual(await positionOf('delta'));
    expect((await best(new MemoryService(store.db), second, THANKS))?.target).toBe(THANKS_RU);
  });
});
