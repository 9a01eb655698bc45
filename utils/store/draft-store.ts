// The store of posts and drafts. Only the background worker writes through it; each draft write
// and its revision land in one transaction.
import { openDB, type IDBPDatabase } from 'idb';
import {
  progressOf,
  type DraftRecord,
  type PostRecord,
  type PostSnapshot,
  type PostSummary,
  type RevisionRecord,
} from '../model';
import { DB_NAME, DB_VERSION, upgradeSchema, type InterlinearDB } from './schema';

export interface DraftInput {
  postKey: string;
  lang: string;
  segmentId: string;
  text: string;
}

export class DraftStore {
  constructor(
    readonly db: IDBPDatabase<InterlinearDB>,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records a post as seen now, keeping the translator's choices and the first-seen time. */
  async savePost(snapshot: PostSnapshot): Promise<PostRecord> {
    const tx = this.db.transaction('posts', 'readwrite');
    const known = await tx.store.get(snapshot.key);
    const now = this.now();
    const record: PostRecord = {
      key: snapshot.key,
      url: snapshot.url,
      title: snapshot.title,
      sourceLanguage: snapshot.sourceLanguage,
      cta: snapshot.cta,
      segments: snapshot.segments.map(({ id, kind, text }) => ({ id, kind, text })),
      targetLanguage: known?.targetLanguage ?? null,
      firstSeen: known?.firstSeen ?? now,
      lastSeen: now,
    };
    await tx.store.put(record);
    await tx.done;
    return record;
  }

  getPost(key: string): Promise<PostRecord | undefined> {
    return this.db.get('posts', key);
  }

  async setTargetLanguage(postKey: string, lang: string): Promise<void> {
    const tx = this.db.transaction('posts', 'readwrite');
    const post = await tx.store.get(postKey);
    if (post && post.targetLanguage !== lang) await tx.store.put({ ...post, targetLanguage: lang });
    await tx.done;
  }

  /**
   * Saves a draft and keeps the change as a revision. Saving the text it already has changes
   * nothing and returns the current record.
   */
  async saveDraft(input: DraftInput): Promise<DraftRecord> {
    const tx = this.db.transaction(['drafts', 'revisions'], 'readwrite');
    const drafts = tx.objectStore('drafts');
    const current = await drafts.get([input.postKey, input.lang, input.segmentId]);
    if (current && current.text === input.text) {
      await tx.done;
      return current;
    }
    const at = Math.max(this.now(), current?.updatedAt ?? 0);
    const draft: DraftRecord = { ...input, rev: (current?.rev ?? 0) + 1, updatedAt: at };
    const revision: RevisionRecord = { ...input, rev: draft.rev, at };
    await Promise.all([drafts.put(draft), tx.objectStore('revisions').add(revision)]);
    await tx.done;
    return draft;
  }

  getDrafts(postKey: string, lang: string): Promise<DraftRecord[]> {
    return this.db.getAllFromIndex('drafts', 'byPostLang', [postKey, lang]);
  }

  /** A segment's saved changes, oldest first. */
  getRevisions(postKey: string, lang: string, segmentId: string): Promise<RevisionRecord[]> {
    return this.db.getAllFromIndex('revisions', 'bySegment', [postKey, lang, segmentId]);
  }

  /** Every (post, language) with at least one non-empty draft, most recently edited first. */
  async listPostsWithDrafts(): Promise<PostSummary[]> {
    const tx = this.db.transaction(['drafts', 'posts']);
    const byPostLang = new Map<string, DraftRecord[]>();
    for (const draft of await tx.objectStore('drafts').getAll()) {
      if (draft.text.trim() === '') continue;
      const key = JSON.stringify([draft.postKey, draft.lang]);
      const list = byPostLang.get(key) ?? [];
      list.push(draft);
      byPostLang.set(key, list);
    }
    const posts = tx.objectStore('posts');
    const summaries: PostSummary[] = [];
    for (const [key, drafts] of byPostLang) {
      const [postKey, lang] = JSON.parse(key) as [string, string];
      const post = await posts.get(postKey);
      if (!post) continue;
      summaries.push({
        key: post.key,
        url: post.url,
        title: post.title,
        lang,
        progress: progressOf(post.segments, drafts),
        updatedAt: Math.max(...drafts.map((d) => d.updatedAt)),
      });
    }
    await tx.done;
    return summaries.sort((a, b) => b.updatedAt - a.updatedAt);
  }
}

export async function openDraftStore(name = DB_NAME, now?: () => number): Promise<DraftStore> {
  // A newer version opened elsewhere (an updated extension) must not wait on this handle.
  const db: IDBPDatabase<InterlinearDB> = await openDB<InterlinearDB>(name, DB_VERSION, {
    upgrade: (database, oldVersion, _newVersion, tx) => upgradeSchema(database, oldVersion, tx),
    blocking: () => db.close(),
  });
  return new DraftStore(db, now);
}
