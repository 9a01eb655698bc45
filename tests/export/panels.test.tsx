// The export and import panels against the real background handlers, through WXT's fake browser.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ExportDisclosure, ExportPanel } from '../../components/export/ExportPanel';
import { ImportPanel } from '../../components/export/ImportPanel';
import { MAX_IMPORT_BYTES } from '../../utils/export/import-plan';
import { dispatch, type Message } from '../../utils/messaging';
import type { PostSnapshot } from '../../utils/model';
import { openDraftStore, type DraftStore } from '../../utils/store/draft-store';
import { importExportHandlers } from '../../utils/store/import-export-handlers';

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
const scope = { postKey: post.key, lang: 'ru' };

let n = 0;
let root: HTMLElement;
let store: DraftStore;
let broadcasts: Message[];

const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 20)));
async function until(check: () => boolean, what: string) {
  for (let i = 0; i < 100 && !check(); i++) await settle();
  if (!check()) throw new Error(`never happened: ${what}; the view shows: ${root.textContent}`);
}
const button = (name: string) => [...root.querySelectorAll('button')].find((b) => b.textContent === name)!;

beforeEach(async () => {
  fakeBrowser.reset();
  store = await openDraftStore(`panels-${n++}`);
  await store.savePost(post);
  await store.saveDraft({ ...scope, segmentId: 'p-1', text: 'Первый.' });
  broadcasts = [];
  const handlers = importExportHandlers({ store, refreshBadgesOf: async () => undefined, broadcast: (m) => void broadcasts.push(m) });
  fakeBrowser.runtime.onMessage.addListener((message: unknown) =>
    dispatch(handlers, message, { id: fakeBrowser.runtime.id }, fakeBrowser.runtime.id),
  );
  root = document.createElement('div');
  document.body.append(root);
});

afterEach(() => {
  render(null, root);
  root.remove();
  vi.restoreAllMocks();
});

/** Picks `file` in the panel's file input, as a person would. */
async function pick(file: File) {
  const input = root.querySelector<HTMLInputElement>('input[type=file]')!;
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  await act(() => void input.dispatchEvent(new Event('change')));
}

describe('ExportPanel', () => {
  it('downloads the file through a Blob and an <a download>', async () => {
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => (blobs.push(blob as Blob), 'blob:export'));
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    render(<ExportPanel scope={scope} defaultFormat="backup" />, root);
    await act(() => button('Download').click());
    await until(() => root.textContent!.includes('Saved a-post.ru.json.'), 'the saved message');
    expect(clicked.map((a) => [a.download, a.href])).toEqual([['a-post.ru.json', 'blob:export']]);
    const backup = JSON.parse(await blobs[0].text());
    expect(backup.posts[0].translations[0].drafts[0]).toMatchObject({ segmentId: 'p-1', text: 'Первый.' });
  });

  it('copies Markdown as text and as rich text (HTML), other formats as text', async () => {
    const items: Record<string, Blob>[] = [];
    class FakeClipboardItem {
      constructor(readonly data: Record<string, Blob>) {
        items.push(data);
      }
    }
    vi.stubGlobal('ClipboardItem', FakeClipboardItem);
    const write = vi.fn(async (_items: unknown[]) => undefined);
    const writeText = vi.fn(async (_text: string) => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { write, writeText }, configurable: true });
    render(<ExportPanel scope={scope} />, root);
    await act(() => button('Copy').click());
    await until(() => root.textContent!.includes('Copied, with formatting for rich editors.'), 'the copied message');
    expect(Object.keys(items[0]).sort()).toEqual(['text/html', 'text/plain']);
    expect(await items[0]['text/plain'].text()).toMatch(/^# A post/);
    expect(await items[0]['text/html'].text()).toContain('<p>Первый.</p>');
    vi.unstubAllGlobals();

    render(null, root);
    render(<ExportPanel scope={scope} defaultFormat="backup" />, root);
    await act(() => button('Copy').click());
    await until(() => root.textContent!.includes('Copied.'), 'the copied message');
    expect(JSON.parse(writeText.mock.calls[0][0])).toMatchObject({ format: 'interlinear-backup' });
  });

  it('shows a failure instead of swallowing it', async () => {
    render(<ExportPanel scope={{ postKey: 'https://diff.wikimedia.org/gone/', lang: 'ru' }} />, root);
    await act(() => button('Copy').click());
    await until(() => root.textContent!.includes('Could not export: This post is not in this browser.'), 'the error');
  });

  it('sits behind "Export…" in the popup and side panel, and only once a language is chosen', async () => {
    render(<ExportDisclosure postKey={post.key} lang="" />, root);
    expect(root.textContent).toBe('');
    render(<ExportDisclosure postKey={post.key} lang="ru" />, root);
    expect(root.querySelector('summary')?.textContent).toBe('Export…');
    expect(root.querySelector('[data-testid=export-panel]')).toBeNull();
    const details = root.querySelector('details')!;
    details.open = true;
    await act(() => void details.dispatchEvent(new Event('toggle')));
    expect(root.querySelector('[data-testid=export-panel]')).not.toBeNull();
  });
});

describe('ImportPanel', () => {
  const backupOf = async () => {
    const source = await openDraftStore(`panels-source-${n++}`);
    await source.savePost(post);
    await source.saveDraft({ ...scope, segmentId: 'h-1', text: 'Пост' });
    await source.saveDraft({ ...scope, segmentId: 'p-1', text: 'Первый.' });
    const { buildExport } = await import('../../utils/store/export-files');
    return (await buildExport(source, { scope, format: 'backup' })).content;
  };

  it('imports a backup and reports each segment with its reason', async () => {
    render(<ImportPanel />, root);
    await pick(new File([await backupOf()], 'a-post.ru.json', { type: 'application/json' }));
    await until(() => root.querySelector('[data-testid=import-report]') !== null, 'the report');
    const report = root.querySelector('[data-testid=import-report]')!;
    expect(report.querySelector('h3')?.textContent).toBe('a-post.ru.json: imported 1, skipped 1');
    expect([...report.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'Imported A post · ru · h-1: restored with its history',
      'Skipped A post · ru · p-1: the draft already has this text (1 earlier revision added to its history)',
    ]);
    expect((await store.getDrafts(post.key, 'ru')).map((d) => d.text)).toEqual(['Пост', 'Первый.']);
    expect(broadcasts.map((m) => m.type)).toEqual(['draft:changed']);
  });

  it('tells views of each imported draft when few, and once per post when many', async () => {
    const segments = Array.from({ length: 60 }, (_, i) => ({ id: `p-${i}`, kind: 'paragraph' as const, text: `Paragraph ${i}.` }));
    const big = { ...post, key: 'https://diff.wikimedia.org/big/', url: 'https://diff.wikimedia.org/big/', segments };
    await store.savePost(big);
    const units = segments.map((s, i) => ({ segmentId: s.id, text: `Абзац ${i}.` }));
    const apply = (count: number) =>
      fakeBrowser.runtime.sendMessage({
        type: 'import:apply',
        plan: { format: 'xliff-2.0', targets: [{ postKey: big.key, lang: 'uk', units: units.slice(0, count) }] },
      });
    await expect(apply(3)).resolves.toMatchObject({ ok: true, report: { imported: 3 } });
    expect(broadcasts.map((m) => m.type)).toEqual(['draft:changed', 'draft:changed', 'draft:changed']);
    broadcasts = [];
    await expect(apply(60)).resolves.toMatchObject({ ok: true, report: { imported: 57, skipped: 3 } });
    expect(broadcasts).toEqual([
      { type: 'draft:changed', draft: expect.objectContaining({ segmentId: 'p-59' }), progress: null },
      { type: 'drafts:imported', postKeys: [big.key] },
    ]);
  });

  it('refuses a huge or broken file with a clear message, and writes nothing', async () => {
    render(<ImportPanel />, root);
    const huge = new File(['{}'], 'huge.json');
    Object.defineProperty(huge, 'size', { value: MAX_IMPORT_BYTES * 2 + 1 });
    await pick(huge);
    await until(() => root.querySelector('[data-testid=import-error]') !== null, 'the error');
    expect(root.querySelector('[data-testid=import-error]')?.textContent).toBe(
      'huge.json was not imported, and nothing was changed: This file (41 MB) is larger than the 20 MB Interlinear imports.',
    );
    await pick(new File([(await backupOf()).replace('"ru"', '"<img src=x onerror=alert(1)>"')], 'evil.json'));
    await until(() => root.textContent!.includes('evil.json was not imported'), 'the second error');
    expect(root.querySelector('[data-testid=import-error]')?.textContent).toContain('is not a language tag');
    expect(root.querySelector('img')).toBeNull();
    expect(await store.getRevisions(post.key, 'ru', 'h-1')).toEqual([]);
  });
});
