// The background's side of the hand-off, against the real store: which post a tab's block editor
// is for, filling it, and marking the drafts once the translator saved the post. The editor's page
// answers through a stand-in for scripting.executeScript (the real page is in tests/e2e/wordpress.test.ts).
import { beforeEach, describe, expect, it } from 'vitest';
import type { Message } from '../../utils/messaging';
import type { PostSnapshot } from '../../utils/model';
import { openDraftStore, type DraftStore } from '../../utils/store/draft-store';
import type { KeyValueArea } from '../../utils/store/tab-registry';
import type { EditorBlock, EditorReading, FillOutcome } from '../../utils/wordpress/editor-state';
import type { FillPlan } from '../../utils/wordpress/fill-plan';
import { WordPressHandOff } from '../../utils/wordpress/hand-off';
import { fillBlockEditor, readBlockEditor } from '../../utils/wordpress/page-world';

const SITE = 'https://diff.wikimedia.org';
const POST: PostSnapshot = {
  key: `${SITE}/2024/09/05/post/`,
  url: `${SITE}/2024/09/05/post/`,
  detected: true,
  title: 'A post',
  sourceLanguage: 'en',
  cta: null,
  segments: [
    { id: 'h', kind: 'heading', text: 'A post', layout: { tag: 'h1' } },
    { id: 'p', kind: 'paragraph', text: 'First paragraph.' },
  ],
  wordpressPostId: 139270,
};
const OTHER_SITE: PostSnapshot = { ...POST, key: 'https://blog.example.org/p/', url: 'https://blog.example.org/p/', title: 'Elsewhere', wordpressPostId: 5 };

const paragraph: EditorBlock = { clientId: 'b1', name: 'core/paragraph', texts: [{ path: ['content'], html: 'First paragraph.', selector: 'p' }], innerBlocks: [] };

class SessionArea implements KeyValueArea {
  readonly items = new Map<string, unknown>();
  async get(key: string | string[] | null) {
    const keys = key === null ? [...this.items.keys()] : Array.isArray(key) ? key : [key];
    return Object.fromEntries(keys.filter((k) => this.items.has(k)).map((k) => [k, this.items.get(k)]));
  }
  async set(items: Record<string, unknown>) {
    for (const [k, v] of Object.entries(items)) this.items.set(k, v);
  }
  async remove(key: string | string[]) {
    for (const k of Array.isArray(key) ? key : [key]) this.items.delete(k);
  }
}

let n = 0;
let store: DraftStore;
let handOff: WordPressHandOff;
let broadcasts: Message[];
/** The tab's page: its address and what its editor answers. */
let page: { url: string | null; reading: EditorReading | null; outcome: FillOutcome | null; plans: FillPlan[]; readable: boolean };

const reading = (over: Partial<EditorReading> = {}): EditorReading => ({
  postId: 139272,
  postType: 'post',
  status: 'auto-draft',
  title: 'A post',
  modified: '2026-12-07T03:00:00',
  dirty: true,
  saving: false,
  blocks: [paragraph],
  ...over,
});

beforeEach(async () => {
  store = await openDraftStore(`hand-off-${n++}`);
  broadcasts = [];
  page = {
    url: `${SITE}/wp-admin/post-new.php?post_type=post&from_post=139270&new_lang=ru&_wpnonce=x`,
    reading: reading(),
    outcome: { applied: 1, missing: [], invalid: [], blockCount: 1 },
    plans: [],
    readable: true,
  };
  let clock = 1_000;
  handOff = new WordPressHandOff({
    store,
    tabUrl: async () => page.url,
    async runInPage(_tabId, func, args) {
      if (!page.readable) throw new Error('Cannot access contents of the page');
      if (func === (readBlockEditor as unknown)) return page.reading;
      if (func === (fillBlockEditor as unknown)) {
        page.plans.push(args[0] as FillPlan);
        return page.outcome;
      }
      throw new Error('not an editor function');
    },
    session: new SessionArea(),
    broadcast: (message) => broadcasts.push(message),
    now: () => clock++,
  });
  await store.savePost(POST);
  await store.savePost(OTHER_SITE);
  await store.saveDraft({ postKey: POST.key, lang: 'ru', segmentId: 'h', text: 'Запись' });
  await store.saveDraft({ postKey: POST.key, lang: 'ru', segmentId: 'p', text: 'Первый абзац.' });
  await store.saveDraft({ postKey: OTHER_SITE.key, lang: 'ru', segmentId: 'p', text: 'Другой сайт.' });
});

describe('which post a block editor is for', () => {
  it('a new translation: the post its page named (from_post), in the language Polylang was asked for', async () => {
    const view = await handOff.editorView(1);
    expect(view).toMatchObject({ site: SITE, postId: 139272, empty: false, candidates: [] });
    expect(view?.match).toMatchObject({ postKey: POST.key, lang: 'ru', title: 'A post', progress: { total: 2, drafted: 2 }, wordpressDraft: null });
  });

  it('otherwise the posts of that site with drafts, in the new translation’s language when it has one', async () => {
    page.url = `${SITE}/wp-admin/post-new.php`;
    const view = await handOff.editorView(1);
    expect(view?.match).toBeNull();
    expect(view?.candidates.map((c) => [c.key, c.lang])).toEqual([[POST.key, 'ru']]);
    page.url = `${SITE}/wp-admin/post-new.php?post_type=post&new_lang=fa`;
    expect((await handOff.editorView(1))?.candidates).toEqual([]);
  });

  it('never the source post itself: its translations are other posts', async () => {
    page.url = `${SITE}/wp-admin/post.php?post=139270&action=edit`;
    page.reading = reading({ postId: 139270, status: 'publish', dirty: false });
    expect((await handOff.editorView(1))?.match).toBeNull();
  });

  it('none for a tab that shows no block editor, or that Interlinear may not read', async () => {
    page.url = `${SITE}/2024/09/05/post/`;
    expect(await handOff.editorView(1)).toBeNull();
    page.url = `${SITE}/wp-admin/post-new.php`;
    page.reading = null; // a wp-admin page without the block editor
    expect(await handOff.editorView(1)).toBeNull();
    page.reading = { ...reading(), blocks: 'lots' } as unknown as EditorReading; // a page answering nonsense
    expect(await handOff.editorView(1)).toBeNull();
    page.reading = reading();
    page.readable = false;
    expect(await handOff.editorView(1)).toBeNull();
  });
});

describe('filling it', () => {
  it('sends the page a plan of the drafts and reports what it did', async () => {
    const report = await handOff.fill(1, POST.key, 'ru', 'source');
    expect(report).toEqual({ ok: true, summary: { mode: 'in-place', filled: 2, kept: 0, leftOut: 0, notFound: [] }, invalid: [], blockCount: 1 });
    expect(page.plans).toEqual([{ title: 'Запись', edits: [{ clientId: 'b1', path: ['content'], value: 'Первый абзац.', segmentId: 'p' }], markup: null }]);
  });

  it('gives the drafts of blocks removed meanwhile back to copy', async () => {
    page.outcome = { applied: 0, missing: ['b1'], invalid: [], blockCount: 0 };
    const report = await handOff.fill(1, POST.key, 'ru', 'source');
    expect(report.ok && report.summary).toMatchObject({ filled: 1, notFound: [{ segmentId: 'p', text: 'Первый абзац.' }] });
  });

  it('sends no drafts to another site’s editor, nor to a page that is no editor', async () => {
    expect(await handOff.fill(1, OTHER_SITE.key, 'ru', 'source')).toEqual({ ok: false, reason: 'other-site' });
    page.outcome = null;
    expect(await handOff.fill(1, POST.key, 'ru', 'source')).toEqual({ ok: false, reason: 'no-editor' });
    expect(await handOff.fill(1, 'https://diff.wikimedia.org/gone/', 'ru', 'source')).toEqual({ ok: false, reason: 'no-post' });
  });
});

describe('after the translator saves', () => {
  it('marks the drafts as saved in WordPress, once saved since the fill', async () => {
    await handOff.fill(1, POST.key, 'ru', 'source');
    await handOff.tabUpdated(1); // filled, not saved
    expect((await store.getPost(POST.key))?.wordpressDrafts).toBeUndefined();

    // An undo back to the last saved text leaves nothing unsaved, but saved nothing either.
    page.reading = reading({ status: 'draft', dirty: false });
    await handOff.tabUpdated(1);
    expect((await store.getPost(POST.key))?.wordpressDrafts).toBeUndefined();

    // Saved: WordPress gives the post its address (post.php?post=N) and a new modified time.
    page.url = `${SITE}/wp-admin/post.php?post=139272&action=edit`;
    page.reading = reading({ status: 'draft', dirty: false, modified: '2026-12-07T03:05:00' });
    await handOff.tabUpdated(1);
    expect((await store.getPost(POST.key))?.wordpressDrafts).toEqual({ ru: { site: SITE, postId: 139272, savedAt: expect.any(Number) } });
    expect(broadcasts).toContainEqual({ type: 'tab:changed', tabId: 1 });
    expect((await store.listPostsWithDrafts()).find((p) => p.key === POST.key)?.wordpressDraft).toMatchObject({ postId: 139272 });

    // That post, opened again, is that translation.
    expect((await handOff.editorView(2))?.match).toMatchObject({ postKey: POST.key, lang: 'ru', wordpressDraft: { postId: 139272 } });
  });

  it('waits for a save still running', async () => {
    await handOff.fill(1, POST.key, 'ru', 'source');
    page.reading = reading({ status: 'draft', dirty: false, saving: true, modified: '2026-12-07T03:05:00' });
    setTimeout(() => {
      page.reading = reading({ status: 'draft', dirty: false, modified: '2026-12-07T03:05:00' });
    }, 300);
    await handOff.tabUpdated(1);
    expect((await store.getPost(POST.key))?.wordpressDrafts?.ru?.postId).toBe(139272);
  });

  it('keeps the marks and the post’s WordPress id when the post is seen again', async () => {
    await handOff.fill(1, POST.key, 'ru', 'source');
    page.reading = reading({ status: 'draft', dirty: false, modified: 'later' });
    await handOff.tabUpdated(1);
    await store.savePost({ ...POST, wordpressPostId: undefined, title: 'A post, retitled' });
    const post = await store.getPost(POST.key);
    expect(post?.wordpressPostId).toBe(139270);
    expect(post?.wordpressDrafts?.ru?.postId).toBe(139272);
  });
});
