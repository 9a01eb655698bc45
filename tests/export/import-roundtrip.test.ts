// Round trips through every importable format: export from one store, import, and find the same
// drafts, statuses and history. XLIFF is read with linkedom's XML parser (see import-xliff.test.ts).
import { DOMParser as XmlParser } from 'linkedom';
import { beforeEach, describe, expect, it } from 'vitest';
import { planFromBackup } from '../../utils/export/import-backup';
import { planFromXliff } from '../../utils/export/import-xliff';
import type { PostSnapshot } from '../../utils/model';
import { openDraftStore, type DraftStore } from '../../utils/store/draft-store';
import { buildExport, type ExportFormatId } from '../../utils/store/export-files';
import { importDrafts } from '../../utils/store/import-drafts';

const KEY = 'https://diff.wikimedia.org/2024/09/05/a-post/';
const post: PostSnapshot = {
  key: KEY,
  // Opened through the post's own call to action: XLIFF names the post by this address.
  url: `${KEY}#translate-post`,
  detected: true,
  title: 'A post',
  sourceLanguage: 'en',
  cta: null,
  segments: [
    { id: 'h-1', kind: 'heading', text: 'A post', layout: { tag: 'h1' } },
    {
      id: 'p-1',
      kind: 'paragraph',
      text: 'See our previous post.',
      tagged: 'See our ⟨1⟩previous post⟨/1⟩.',
      inline: [{ tag: 'a', attrs: { href: 'https://diff.wikimedia.org/older/' } }],
      layout: { tag: 'p' },
    },
    { id: 'p-2', kind: 'paragraph', text: 'Second <script>alert(1)</script> & more.', layout: { tag: 'p' } },
    { id: 'p-3', kind: 'paragraph', text: 'Never translated.', layout: { tag: 'p' } },
  ],
};
const DRAFTS: Record<string, [string, 'draft' | 'done']> = {
  'h-1': ['Пост', 'done'],
  'p-1': ['Смотрите наш ⟨1⟩предыдущий пост⟨/1⟩.', 'draft'],
  'p-2': ['Второй <script>alert(1)</script> & ещё.', 'done'],
};

let n = 0;
let clock = 1_000;
let store: DraftStore;

beforeEach(async () => {
  clock = 1_000;
  store = await openDraftStore(`roundtrip-${n++}`, () => clock);
  await store.savePost(post);
  for (const [segmentId, [text, status]] of Object.entries(DRAFTS)) {
    await store.saveDraft({ postKey: KEY, lang: 'ru', segmentId, text: text.slice(0, 3) });
    clock += 100;
    await store.saveDraft({ postKey: KEY, lang: 'ru', segmentId, text });
    if (status === 'done') {
      const draft = (await store.db.get('drafts', [KEY, 'ru', segmentId]))!;
      await store.db.put('drafts', { ...draft, status });
    }
  }
});

const current = async (s: DraftStore) =>
  Object.fromEntries((await s.getDrafts(KEY, 'ru')).filter((d) => !d.deleted).map((d) => [d.segmentId, [d.text, d.status ?? 'draft']]));
const texts = async (s: DraftStore, id: string) => (await s.getRevisions(KEY, 'ru', id)).map((r) => r.text);
const exported = async (format: ExportFormatId) =>
  (await buildExport(store, { scope: { postKey: KEY, lang: 'ru' }, format }, new Date(9_000))).content;

async function deleteAll() {
  clock = 5_000;
  for (const segmentId of Object.keys(DRAFTS)) await store.deleteDraft({ postKey: KEY, lang: 'ru', segmentId });
  expect(await current(store)).toEqual({});
}

describe.each([
  ['XLIFF 2.0', 'xliff2'],
  ['XLIFF 1.2', 'xliff12'],
] as const)('%s round trip', (_name, format) => {
  it('brings back the same drafts and statuses, and keeps every earlier text in history', async () => {
    const file = await exported(format);
    const before = { drafts: await current(store), history: await texts(store, 'p-1') };
    await deleteAll();
    const report = await importDrafts(store, planFromXliff(file, new XmlParser() as unknown as DOMParser));
    expect(report).toMatchObject({ imported: 3, skipped: 1 });
    expect(report.items.find((i) => i.segmentId === 'p-3')).toMatchObject({ imported: false, reason: 'marked untranslated in the file' });
    expect(await current(store)).toEqual(before.drafts);
    expect(await texts(store, 'p-1')).toEqual([...before.history, '', DRAFTS['p-1'][0]]);
  });

  it('skips every segment when imported again', async () => {
    const file = await exported(format);
    const report = await importDrafts(store, planFromXliff(file, new XmlParser() as unknown as DOMParser));
    expect(report).toMatchObject({ imported: 0, skipped: 4 });
  });
});

describe('JSON backup round trip', () => {
  it('restores drafts, statuses and the whole history into another browser', async () => {
    const file = await exported('backup');
    const other = await openDraftStore(`roundtrip-${n++}`, () => 7_000);
    const report = await importDrafts(other, planFromBackup(file));
    expect(report).toMatchObject({ imported: 3, skipped: 0 });
    expect(await current(other)).toEqual(await current(store));
    for (const id of Object.keys(DRAFTS)) {
      const strip = (s: DraftStore) => s.getRevisions(KEY, 'ru', id).then((rs) => rs.map(({ rev, text, at, origin }) => ({ rev, text, at, origin })));
      expect(await strip(other)).toEqual(await strip(store));
    }
    expect((await other.getPost(KEY))?.segments[1]).toMatchObject({ tagged: 'See our ⟨1⟩previous post⟨/1⟩.' });
  });

  it('keeps an edited source as a flagged draft, and a removed paragraph’s draft as an orphan', async () => {
    const file = await exported('backup');
    await deleteAll();
    const edited = [{ ...post.segments[0], text: 'A renamed post' }, post.segments[1], post.segments[3]];
    await store.savePost({ ...post, segments: edited });
    const report = await importDrafts(store, planFromBackup(file));
    const reasons = Object.fromEntries(report.items.map((i) => [i.segmentId, i.reason]));
    expect(reasons['h-1']).toBe('a new draft; flagged: the paragraph’s source changed since this file was made');
    expect(reasons['p-2']).toBe('a new draft; kept as an orphaned draft: its paragraph is no longer in the post');
    const drafts = await store.getDrafts(KEY, 'ru');
    expect(drafts.find((d) => d.segmentId === 'h-1')?.sourceChange).toEqual({ oldText: 'A post' });
    expect(drafts.find((d) => d.segmentId === 'p-2')?.sourceChange).toEqual({ oldText: post.segments[2].text });
    expect(drafts.find((d) => d.segmentId === 'p-1')?.sourceChange).toBeUndefined();
  });
});
