// The store of posts and drafts. Only the background worker writes through it; each draft write,
// its revision, its clock stamp and its sync outbox entry land in one transaction.
import { openDB, type IDBPDatabase } from 'idb';
import {
  progressOf,
  type DraftRecord,
  type DraftStatus,
  type PostRecord,
  type PostSnapshot,
  type PostSummary,
  type RevisionRecord,
  type SourceChange,
} from '../model';
import { storedSegment } from '../segment/stored-segment';
import { t } from '../i18n';
import { openDeviceClock } from '../sync/device-clock';
import { draftDocId, postDocId } from '../sync/doc-ids';
import { noteChanges } from './change-feed';
import { RecentPosts, watchingPostWrites } from './recent-posts';
import { DB_NAME, DB_VERSION, upgradeSchema, type InterlinearDB, type SyncIdentity } from './schema';
import { keptWordPressFields } from '../wordpress/post-marks';

export interface DraftInput {
  postKey: string;
  lang: string;
  segmentId: string;
  text: string;
  /** The status the text is saved with; absent: a done draft whose text changes becomes a draft again. */
  status?: DraftStatus;
}

/** One local change of a draft; see `writeDraft`. */
export interface DraftChange {
  text?: string;
  status?: DraftStatus;
  deleted?: true;
  reviewed?: true;
  /** Sets the flag that the source changed under the draft; null clears it (the translator confirmed). */
  sourceChange?: SourceChange | null;
  /** Where the new text came from, for the history; 'local' (typed) by default. */
  origin?: RevisionRecord['origin'];
  /** With origin 'memory': the percent of the match inserted. */
  memoryMatch?: number;
}

export interface DraftKey {
  postKey: string;
  lang: string;
  segmentId: string;
}

type DraftWriteTx = ['drafts', 'revisions', 'outbox', 'syncMeta', 'changeFeed'];
const DRAFT_WRITE: DraftWriteTx = ['drafts', 'revisions', 'outbox', 'syncMeta', 'changeFeed'];

export class DraftStore {
  /** Called after a local change was queued for sync, so the background can schedule a sync. */
  onLocalChange: (() => void) | undefined;
  /** Called after each draft written here, so translation memory stores its index once writes settle (utils/memory/). */
  onDraftWritten: ((draft: DraftRecord) => void) | undefined;

  readonly db: IDBPDatabase<InterlinearDB>;
  /** The posts read last, forgotten on any write to the posts (recent-posts.ts). */
  private readonly posts = new RecentPosts();

  constructor(
    db: IDBPDatabase<InterlinearDB>,
    readonly now: () => number = Date.now,
  ) {
    this.db = watchingPostWrites(db, this.posts);
  }

  /**
   * Records a post as seen now, keeping the translator's choices and the first-seen time. A new
   * post, or a changed source, is queued for sync.
   */
  async savePost(snapshot: PostSnapshot): Promise<PostRecord> {
    const tx = this.db.transaction(['posts', 'outbox', 'syncMeta', 'changeFeed'], 'readwrite');
    const posts = tx.objectStore('posts');
    const known = await posts.get(snapshot.key);
    const now = this.now();
    const record: PostRecord = {
      key: snapshot.key,
      url: snapshot.url,
      title: snapshot.title,
      // A page that names no language keeps the one guessed from its text (setGuessedSourceLanguage).
      sourceLanguage: snapshot.sourceLanguage ?? known?.sourceLanguage ?? null,
      cta: snapshot.cta,
      segments: snapshot.segments.map(storedSegment),
      targetLanguage: known?.targetLanguage ?? null,
      firstSeen: known?.firstSeen ?? now,
      lastSeen: now,
      ...keptWordPressFields(known, snapshot),
    };
    const changed = !known || sourceChanged(known, record);
    if (changed) {
      const clock = await openDeviceClock(tx.objectStore('syncMeta'), this.now);
      record.hlc = clock.stamp(known?.hlc);
      const entry = { docId: postDocId(record.key), target: ['post', record.key] as ['post', string], stamp: record.hlc };
      await Promise.all([posts.put(record), tx.objectStore('outbox').put(entry), clock.save(), noteChanges(tx.objectStore('changeFeed'), { posts: [record.key] })]);
    } else {
      if (known.hlc) record.hlc = known.hlc;
      await posts.put(record);
    }
    await tx.done;
    this.posts.remember(record);
    if (changed) this.onLocalChange?.();
    return record;
  }

  getPost(key: string): Promise<PostRecord | undefined> {
    return this.posts.read(key, () => this.db.get('posts', key));
  }

  /** The language a view guessed from the post's text; a language the page names always wins. */
  async setGuessedSourceLanguage(postKey: string, lang: string): Promise<void> {
    const tx = this.db.transaction(['posts', 'changeFeed'], 'readwrite');
    const posts = tx.objectStore('posts');
    const post = await posts.get(postKey);
    if (post && post.sourceLanguage === null) {
      // Memory pairs its drafts by the source language.
      await Promise.all([posts.put({ ...post, sourceLanguage: lang }), noteChanges(tx.objectStore('changeFeed'), { posts: [postKey] })]);
    }
    await tx.done;
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
    const saved = await this.writeDraft(input, (current) => {
      const status = statusAfterSave(current, input);
      return current?.text === input.text && statusOf(current) === status ? null : { text: input.text, status };
    });
    return saved!; // a draft with this text exists now, written or already there
  }

  /**
   * Marks a draft done or back to draft: a change like a text change (a revision, a clock stamp,
   * an outbox entry). Only a non-empty draft can be done; the same status again changes nothing.
   */
  async setStatus(key: DraftKey, status: DraftStatus): Promise<DraftRecord> {
    const saved = await this.writeDraft(key, (current) => {
      if (!current || current.deleted || current.text.trim() === '') {
        if (status === 'draft') return null;
        throw new Error(t('viewMarkDoneNoDraft'));
      }
      return statusOf(current) === status ? null : { text: current.text, status };
    });
    return saved!; // the draft exists: checked above
  }

  /** Deletes a draft: a tombstone (empty, `deleted`) that syncs, and that any later edit wins over. */
  async deleteDraft(key: DraftKey): Promise<DraftRecord | undefined> {
    return this.writeDraft(key, (current) => (!current || current.deleted ? null : { text: '', deleted: true }));
  }

  /**
   * A change beyond typing (utils/store/history-service.ts, source-moves.ts): a text restored or
   * moved, kept with that origin, and the source-change flag set or (null) cleared.
   */
  changeDraft(key: DraftKey, change: (current: DraftRecord | undefined) => DraftChange | null): Promise<DraftRecord | undefined> {
    return this.writeDraft(key, change);
  }

  /** The translator has looked at the concurrent edits of a segment: stop flagging them, everywhere. */
  async markReviewed(key: DraftKey): Promise<DraftRecord | undefined> {
    return this.writeDraft(key, (current) => (current?.concurrentEdits?.length ? { reviewed: true } : null));
  }

  /**
   * One local change of a draft: stamped by this device's clock, kept as a revision when its text
   * changes, and queued for sync — in one transaction.
   */
  private async writeDraft(
    key: DraftKey,
    change: (current: DraftRecord | undefined) => DraftChange | null,
  ): Promise<DraftRecord | undefined> {
    const tx = this.db.transaction(DRAFT_WRITE, 'readwrite');
    const drafts = tx.objectStore('drafts');
    const current = await drafts.get([key.postKey, key.lang, key.segmentId]);
    const wanted = change(current);
    if (!wanted) {
      await tx.done;
      return current;
    }
    const clock = await openDeviceClock(tx.objectStore('syncMeta'), this.now);
    const hlc = clock.stamp(current?.hlc);
    const ids = { postKey: key.postKey, lang: key.lang, segmentId: key.segmentId };
    const writes: Promise<unknown>[] = [clock.save()];
    let draft: DraftRecord;
    let revised = false;
    if (wanted.reviewed && current) {
      draft = { ...current, concurrentEdits: [], reviewedAt: hlc };
    } else if (wanted.sourceChange !== undefined && wanted.text === undefined && !wanted.deleted && current) {
      draft = { ...current, hlc }; // only the source-change flag below: no new text, no revision
    } else {
      const at = Math.max(this.now(), current?.updatedAt ?? 0);
      const text = wanted.text ?? '';
      draft = { ...current, ...ids, text, rev: (current?.rev ?? 0) + 1, updatedAt: at, hlc };
      // This device wrote it now: not whoever wrote the text it replaces.
      delete draft.device;
      delete draft.user;
      Object.assign(draft, authorOf(clock.identity));
      if (wanted.deleted) draft.deleted = true;
      else delete draft.deleted;
      // Absent means 'draft': a deleted or rewritten draft is not done.
      if (wanted.status === 'done') draft.status = 'done';
      else delete draft.status;
      const revision: RevisionRecord = { ...ids, rev: draft.rev, text, at, hlc, ...authorOf(clock.identity), origin: wanted.origin ?? 'local' };
      if (draft.status) revision.status = draft.status;
      if (wanted.memoryMatch !== undefined) revision.memoryMatch = wanted.memoryMatch;
      writes.push(tx.objectStore('revisions').add(revision));
      revised = true;
    }
    if (wanted.sourceChange === null) delete draft.sourceChange;
    else if (wanted.sourceChange) draft.sourceChange = wanted.sourceChange;
    // A source flagged or confirmed leaves no revision; memory translates by that source.
    if (!revised && draft.sourceChange?.oldText !== current?.sourceChange?.oldText) {
      writes.push(noteChanges(tx.objectStore('changeFeed'), { drafts: [[ids.postKey, ids.lang, ids.segmentId]] }));
    }
    const docId = draftDocId(key.postKey, key.lang, key.segmentId);
    writes.push(drafts.put(draft), tx.objectStore('outbox').put({ docId, target: ['draft', ids.postKey, ids.lang, ids.segmentId], stamp: hlc }));
    await Promise.all(writes);
    await tx.done;
    this.onLocalChange?.();
    this.onDraftWritten?.(draft);
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
        ...(post.wordpressDrafts?.[lang] && { wordpressDraft: post.wordpressDrafts[lang] }),
      });
    }
    await tx.done;
    return summaries.sort((a, b) => b.updatedAt - a.updatedAt);
  }
}

function statusOf(draft: Pick<DraftRecord, 'status'> | undefined): DraftStatus {
  return draft?.status === 'done' ? 'done' : 'draft';
}

/** As in CAT tools, changing a done draft's text makes it a draft again, unless the save says otherwise. */
function statusAfterSave(current: DraftRecord | undefined, input: DraftInput): DraftStatus {
  if (input.text.trim() === '') return 'draft';
  if (input.status) return input.status;
  return current && !current.deleted && current.text === input.text ? statusOf(current) : 'draft';
}

/** Who makes local changes; before sync is set up nobody is named (it is this device). */
function authorOf(identity: SyncIdentity | undefined): { device?: string; user?: string } {
  if (!identity) return {};
  return identity.user ? { device: identity.deviceName, user: identity.user } : { device: identity.deviceName };
}

/** Whether what the page says changed (the address the reader came by does not count). */
function sourceChanged(known: PostRecord, seen: PostRecord): boolean {
  return (
    known.title !== seen.title ||
    known.sourceLanguage !== seen.sourceLanguage ||
    JSON.stringify(known.cta) !== JSON.stringify(seen.cta) ||
    JSON.stringify(known.segments) !== JSON.stringify(seen.segments)
  );
}

export async function openDraftStore(name = DB_NAME, now?: () => number): Promise<DraftStore> {
  // A newer version opened elsewhere (an updated extension) must not wait on this handle.
  const db: IDBPDatabase<InterlinearDB> = await openDB<InterlinearDB>(name, DB_VERSION, {
    upgrade: (database, oldVersion, _newVersion, tx) => upgradeSchema(database, oldVersion, tx),
    blocking: () => db.close(),
  });
  return new DraftStore(db, now);
}
