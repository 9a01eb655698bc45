// The background's answers to the message protocol: it owns the store, the tab → post map and
// the badges. Browser APIs come in as `ports` so tests can run it without a browser.
import { badgeTextFor } from '../badge';
import { t } from '../i18n';
import { defaultTargetLanguage, canonicalTag } from '../languages';
import type { Handlers, Message, TabPost } from '../messaging';
import { progressOf, type PostSnapshot, type Progress } from '../model';
import type { DraftStore } from './draft-store';
import { savePostFollowingDrafts } from './source-moves';
import type { KeyValueArea, TabRegistry } from './tab-registry';

export interface ServicePorts {
  store: DraftStore;
  tabs: TabRegistry;
  /** Where the translator's preferences live (extension storage, local). */
  prefs: KeyValueArea;
  setBadge(tabId: number, text: string): Promise<void>;
  /** Asks the content script of a tab to detect now; null when it has none or finds nothing. */
  askTab(tabId: number): Promise<PostSnapshot | null>;
  broadcast(message: Message): void;
  browserLanguages(): readonly string[];
}

const RECENT_LANGUAGES = 'recentLanguages';
const RECENT_LIMIT = 8;

export class DraftService {
  constructor(private readonly ports: ServicePorts) {}

  readonly handlers: Handlers = {
    'post:seen': async ({ post }, sender) => {
      const tabId = sender.tab?.id;
      // Seen again with other text: drafts follow their paragraphs first (utils/store/source-moves.ts).
      const { changed } = await savePostFollowingDrafts(this.ports.store, post);
      for (const draft of changed) this.ports.broadcast({ type: 'draft:changed', draft, progress: null });
      if (tabId !== undefined) {
        await this.ports.tabs.show(tabId, post.key, post.url);
        await this.refreshBadge(tabId);
        this.ports.broadcast({ type: 'tab:changed', tabId });
      }
      return { ok: true };
    },
    'page:none': async (_message, sender) => {
      const tabId = sender.tab?.id;
      if (tabId !== undefined) await this.forgetTab(tabId);
      return { ok: true };
    },
    'tab:get-post': ({ tabId, lang }) => this.tabPost(tabId, lang),
    'post:set-language': async ({ postKey, lang }) => {
      await this.chooseLanguage(postKey, lang);
      return { ok: true };
    },
    'post:set-source-language': async ({ postKey, lang }) => {
      await this.ports.store.setGuessedSourceLanguage(postKey, lang);
      return { ok: true };
    },
    'draft:save': async ({ postKey, lang, segmentId, text, status }) => {
      const post = await this.ports.store.getPost(postKey);
      // Drafting in a language makes it the post's language: the badge counts that one.
      if (post && post.targetLanguage !== lang) await this.rememberLanguage(postKey, lang);
      const draft = await this.ports.store.saveDraft({ postKey, lang, segmentId, text, status });
      // One read of the drafts serves the views and every badge showing the post.
      const progress = post ? progressOf(post.segments, await this.ports.store.getDrafts(postKey, lang)) : null;
      this.ports.broadcast({ type: 'draft:changed', draft, progress });
      await this.setBadgesOf(postKey, progress);
      return draft;
    },
    'posts:list': () => this.ports.store.listPostsWithDrafts(),
    'draft:set-status': async ({ postKey, lang, segmentId, status }) => {
      const draft = await this.ports.store.setStatus({ postKey, lang, segmentId }, status);
      const post = await this.ports.store.getPost(postKey);
      const progress = post ? progressOf(post.segments, await this.ports.store.getDrafts(postKey, lang)) : null;
      this.ports.broadcast({ type: 'draft:changed', draft, progress });
      // The badge counts the post's own target language only.
      if (post?.targetLanguage === lang) await this.setBadgesOf(postKey, progress);
      return draft;
    },
  };

  /** The post a tab shows, asking its page when this worker does not know yet. */
  async tabPost(tabId: number, requestedLang?: string): Promise<TabPost | null> {
    // Every view's opening waits for this answer: what does not need the post is read beside it.
    // The recent languages are a hint: the post opens without them.
    let recent = this.recentLanguages().catch((): string[] => []);
    let postKey = await this.ports.tabs.postOf(tabId);
    if (!postKey) {
      const snapshot = await this.ports.askTab(tabId).catch(() => null);
      if (!snapshot) return null;
      await savePostFollowingDrafts(this.ports.store, snapshot);
      await this.ports.tabs.show(tabId, snapshot.key, snapshot.url);
      postKey = snapshot.key;
      await this.refreshBadge(tabId);
    }
    const post = await this.ports.store.getPost(postKey);
    if (!post) return null;
    const wanted = canonicalTag(requestedLang);
    if (wanted && wanted !== post.targetLanguage) {
      await this.chooseLanguage(post.key, wanted);
      post.targetLanguage = wanted;
      recent = this.recentLanguages().catch((): string[] => []); // now led by the one just chosen
    }
    const [recentLanguages, chosenDrafts] = await Promise.all([
      recent,
      post.targetLanguage ? this.ports.store.getDrafts(post.key, post.targetLanguage) : undefined,
    ]);
    const lang =
      post.targetLanguage ??
      defaultTargetLanguage({
        chosen: null,
        recent: recentLanguages,
        browserLanguages: this.ports.browserLanguages(),
        sourceLanguage: post.sourceLanguage,
      });
    const drafts = chosenDrafts ?? (lang ? await this.ports.store.getDrafts(post.key, lang) : []);
    return {
      tabId,
      post,
      lang: lang ?? '',
      drafts,
      progress: progressOf(post.segments, drafts),
      recentLanguages,
    };
  }

  /**
   * A tab went to another address (null: one Interlinear may not see): its post is gone unless
   * only the #fragment changed.
   */
  async tabNavigated(tabId: number, url: string | null): Promise<void> {
    const shown = await this.ports.tabs.pageOf(tabId);
    if (shown !== null && (url === null || withoutFragment(shown) !== withoutFragment(url))) await this.forgetTab(tabId);
  }

  async forgetTab(tabId: number): Promise<void> {
    if (!(await this.ports.tabs.postOf(tabId))) return;
    await this.ports.tabs.forget(tabId);
    await this.ports.setBadge(tabId, '');
    this.ports.broadcast({ type: 'tab:changed', tabId });
  }

  async recentLanguages(): Promise<string[]> {
    const stored = (await this.ports.prefs.get(RECENT_LANGUAGES))[RECENT_LANGUAGES];
    return Array.isArray(stored) ? stored.filter((tag): tag is string => typeof tag === 'string') : [];
  }

  private async chooseLanguage(postKey: string, lang: string): Promise<void> {
    await this.rememberLanguage(postKey, lang);
    await this.refreshBadgesOf(postKey);
  }

  /** Makes `lang` the post's target language and the translator's most recent one. */
  private async rememberLanguage(postKey: string, lang: string): Promise<void> {
    const tag = canonicalTag(lang);
    if (!tag) throw new Error(t('languageNotATag', lang));
    await this.ports.store.setTargetLanguage(postKey, tag);
    const recent = [tag, ...(await this.recentLanguages()).filter((t) => t !== tag)].slice(0, RECENT_LIMIT);
    await this.ports.prefs.set({ [RECENT_LANGUAGES]: recent });
  }

  /** How far the post is drafted in its current target language (null: no such post). */
  private async postProgress(postKey: string): Promise<Progress | null> {
    const post = await this.ports.store.getPost(postKey);
    if (!post) return null;
    const { targetLanguage: lang } = post;
    return progressOf(post.segments, lang ? await this.ports.store.getDrafts(postKey, lang) : []);
  }

  private async refreshBadge(tabId: number): Promise<void> {
    const postKey = await this.ports.tabs.postOf(tabId);
    await this.ports.setBadge(tabId, badgeTextFor(postKey ? await this.postProgress(postKey) : null));
  }

  /** Updates the badge of every tab showing the post (after a save here, or drafts pulled by sync). */
  async refreshBadgesOf(postKey: string): Promise<void> {
    await this.setBadgesOf(postKey, await this.postProgress(postKey));
  }

  private async setBadgesOf(postKey: string, progress: Progress | null): Promise<void> {
    const text = badgeTextFor(progress);
    for (const tabId of await this.ports.tabs.tabsShowing(postKey)) {
      await this.ports.setBadge(tabId, text).catch(() => undefined); // the tab may be gone
    }
  }
}

function withoutFragment(url: string): string {
  const hash = url.indexOf('#');
  return hash === -1 ? url : url.slice(0, hash);
}
