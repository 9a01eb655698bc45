// The background's side of handing a translation to WordPress: which post and language a tab's
// block editor is for, filling it with the drafts, and noticing when the translator saved it.
// The page is reached through `ports.runInPage` (the editor's own world); its answers are checked.
import { canonicalTag } from '../languages';
import type { Handlers, Message } from '../messaging';
import { progressOf, type PostRecord, type PostSummary, type Progress, type WordPressDraft } from '../model';
import type { DraftStore } from '../store/draft-store';
import type { KeyValueArea } from '../store/tab-registry';
import { editorAddress, type EditorAddress } from './addresses';
import { checkedOutcome, checkedReading, isEmptyEditor, type EditorReading } from './editor-state';
import { planFill, type FillSummary, type UntranslatedInEditor } from './fill-plan';
import { richTextWords } from './inline-html';
import { fillBlockEditor, readBlockEditor } from './page-world';
import { originOf, postsOfWordPressId, recordWordPressDraft } from './post-marks';

/** What a view shows of a tab's block editor. */
export interface EditorView {
  /** The site's origin. */
  site: string;
  /** The post being edited (a new one's too). */
  postId: number;
  /** The editor holds no blocks and no title: a fill inserts the post. */
  empty: boolean;
  /** The post and language this editor is for, when it can tell. */
  match: { postKey: string; lang: string; title: string | null; progress: Progress; wordpressDraft: WordPressDraft | null } | null;
  /** Otherwise, the posts of this site with drafts (in the new translation's language, when it has one). */
  candidates: PostSummary[];
}

export type FillReport =
  | {
      ok: true;
      summary: FillSummary;
      /** Names of the blocks the editor would flag once the post is saved and opened again. */
      invalid: string[];
      blockCount: number;
    }
  | { ok: false; reason: 'no-editor' | 'other-site' | 'no-post' };

export interface HandOffPorts {
  store: DraftStore;
  /** The tab's address where Interlinear may see it, else null. */
  tabUrl(tabId: number): Promise<string | null>;
  /** Runs `func` with `args` in the page's own world of the tab; what it returns (or it throws). */
  runInPage<A extends unknown[]>(tabId: number, func: (...args: A) => unknown, args: A): Promise<unknown>;
  /** Session storage: fills waiting for the translator's Save. */
  session: KeyValueArea;
  broadcast(message: Message): void;
  now(): number;
}

/** A fill made in a tab, until the translator saves that post. */
interface PendingFill {
  postKey: string;
  lang: string;
  site: string;
  postId: number;
  /** When the post was last saved before the fill: a save changes it. */
  modified: string;
}

const PENDING = 'wordpressFill:';
/** How often, and how long apart, a save still running is looked at again. */
const SAVE_CHECKS = 5;
const SAVE_CHECK_MS = 1_000;

export class WordPressHandOff {
  constructor(private readonly ports: HandOffPorts) {}

  readonly handlers: Handlers = {
    'wordpress:editor': ({ tabId }) => this.editorView(tabId),
    'wordpress:fill': ({ tabId, postKey, lang, untranslated }) => this.fill(tabId, postKey, lang, untranslated),
  };

  /** The tab's block editor as a view shows it, or null when the tab shows none (or may not be read). */
  async editorView(tabId: number): Promise<EditorView | null> {
    const editor = await this.readEditor(tabId);
    if (!editor) return null;
    const { address, reading } = editor;
    await this.noticeSave(tabId, reading);
    const posts = (await this.ports.store.db.getAll('posts')).filter((post) => originOf(post.url) === address.origin);
    const lang = canonicalTag(address.newLang);
    const found = await this.matchOf(tabId, address, reading, posts, lang);
    const match = found && {
      postKey: found.post.key,
      lang: found.lang,
      title: found.post.title,
      progress: progressOf(found.post.segments, await this.ports.store.getDrafts(found.post.key, found.lang)),
      wordpressDraft: found.post.wordpressDrafts?.[found.lang] ?? null,
    };
    const candidates = match
      ? []
      : (await this.ports.store.listPostsWithDrafts()).filter(
          (summary) => originOf(summary.url) === address.origin && (lang === null || summary.lang === lang),
        );
    return { site: address.origin, postId: reading.postId, empty: isEmptyEditor(reading), match, candidates };
  }

  /** Fills the tab's editor with the post's drafts in `lang`; nothing is saved. */
  async fill(tabId: number, postKey: string, lang: string, untranslated: UntranslatedInEditor): Promise<FillReport> {
    const editor = await this.readEditor(tabId);
    if (!editor) return { ok: false, reason: 'no-editor' };
    const post = await this.ports.store.getPost(postKey);
    if (!post) return { ok: false, reason: 'no-post' };
    // Drafts go only to the site the post came from.
    if (originOf(post.url) !== editor.address.origin) return { ok: false, reason: 'other-site' };
    const drafts = await this.ports.store.getDrafts(postKey, lang);
    const { plan, summary } = planFill({ post, lang, drafts, editor: editor.reading, untranslated });
    const outcome = checkedOutcome(await this.ports.runInPage(tabId, fillBlockEditor, [plan]).catch(() => null));
    if (!outcome) return { ok: false, reason: 'no-editor' };
    // Blocks removed between reading and filling: their drafts are for the translator to copy.
    for (const edit of plan.edits) {
      if (!outcome.missing.includes(edit.clientId) || !edit.segmentId) continue;
      summary.filled--;
      summary.notFound.push({ segmentId: edit.segmentId, text: richTextWords(edit.value) });
    }
    const { postId, modified } = editor.reading;
    const pending: PendingFill = { postKey, lang, site: editor.address.origin, postId, modified };
    await this.ports.session.set({ [PENDING + tabId]: pending });
    return { ok: true, summary, invalid: outcome.invalid, blockCount: outcome.blockCount };
  }

  /** A tab changed address or finished loading: a post filled there may just have been saved. */
  async tabUpdated(tabId: number): Promise<void> {
    if (!(await this.pendingOf(tabId))) return;
    for (let check = 0; check < SAVE_CHECKS; check++) {
      const editor = await this.readEditor(tabId);
      if (!editor || !editor.reading.saving) {
        if (editor) await this.noticeSave(tabId, editor.reading);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, SAVE_CHECK_MS));
    }
  }

  async forgetTab(tabId: number): Promise<void> {
    await this.ports.session.remove(PENDING + tabId);
  }

  private async readEditor(tabId: number): Promise<{ address: EditorAddress; reading: EditorReading } | null> {
    const address = editorAddress(await this.ports.tabUrl(tabId).catch(() => null));
    if (!address) return null;
    const reading = checkedReading(await this.ports.runInPage(tabId, readBlockEditor, []).catch(() => null));
    return reading ? { address, reading } : null;
  }

  /**
   * The post and language the editor is for: the fill made in this tab; the post a new
   * translation starts from (from_post, in new_lang or the post's language); or the translation
   * this WordPress post was saved as before.
   */
  private async matchOf(
    tabId: number,
    address: EditorAddress,
    reading: EditorReading,
    posts: PostRecord[],
    lang: string | null,
  ): Promise<{ post: PostRecord; lang: string } | null> {
    const pending = await this.pendingOf(tabId);
    const pendingPost = pending?.postId === reading.postId ? posts.find((post) => post.key === pending.postKey) : undefined;
    if (pending && pendingPost) return { post: pendingPost, lang: pending.lang };
    if (address.fromPost !== null) {
      const source = posts.find((post) => post.wordpressPostId === address.fromPost);
      const sourceLang = lang ?? source?.targetLanguage ?? null;
      if (source && sourceLang) return { post: source, lang: sourceLang };
    }
    // The source post itself is never filled: its translations are other posts.
    const saved = postsOfWordPressId(posts, address.origin, reading.postId).find((found) => found.lang !== null);
    return saved ? { post: saved.post, lang: saved.lang! } : null;
  }

  /** Marks the post's drafts as saved in WordPress once the translator saved the post they filled. */
  private async noticeSave(tabId: number, reading: EditorReading): Promise<void> {
    const pending = await this.pendingOf(tabId);
    if (!pending || pending.postId !== reading.postId) return;
    // Saved since the fill: not a new post any more, nothing left unsaved, and saved again (an
    // undo back to the last saved text also leaves nothing unsaved).
    if (reading.status === 'auto-draft' || reading.dirty || reading.saving || reading.modified === pending.modified) return;
    await recordWordPressDraft(this.ports.store, pending.postKey, pending.lang, {
      site: pending.site,
      postId: pending.postId,
      savedAt: this.ports.now(),
    });
    await this.ports.session.remove(PENDING + tabId);
    this.ports.broadcast({ type: 'tab:changed', tabId });
  }

  private async pendingOf(tabId: number): Promise<PendingFill | null> {
    const value = (await this.ports.session.get(PENDING + tabId))[PENDING + tabId] as PendingFill | undefined;
    return value && typeof value.postKey === 'string' && typeof value.postId === 'number' ? value : null;
  }
}
