// Posts' sources as server documents: a head and its parts (post-documents.ts). The later sighting
// of a post wins, whole; the translator's own choices (target language, first seen) stay.
import type { PostRecord } from '../model';
import type { OutboxEntry } from '../store/schema';
import { keptWordPressFields } from '../wordpress/post-marks';
import { postDocId, POST_PART_PREFIX, POST_PREFIX } from './doc-ids';
import { compareHlc, hlcTime } from './hlc';
import { queued, type ApplyContext, type SyncKind } from './kinds';
import { parsePostDoc, partsOfHead, postDocs, type PostDoc } from './post-documents';

export const postKind: SyncKind = {
  name: 'post',
  stores: ['posts'],

  ownsId: (docId) => docId.startsWith(POST_PREFIX) || docId.startsWith(POST_PART_PREFIX),

  targetOf: (doc) => ['post', (doc as PostDoc).key],

  async build(tx, entry, { known }) {
    if (entry.target[0] !== 'post') return null;
    const post = await tx.objectStore('posts').get(entry.target[1]);
    if (!post?.hlc) return null;
    const { head, parts } = postDocs(post, known?.rev);
    // Parts the server has (this head's last version named them) are not sent again.
    const sent = new Set(known?.parts ?? []);
    return { doc: head, before: parts.filter((part) => !sent.has(part._id)) };
  },

  needs: (raw) => partsOfHead(raw),

  isPart: (docId) => docId.startsWith(POST_PART_PREFIX),

  parse: (raw, related) => parsePostDoc(raw, related),

  async apply(context, doc, branches) {
    // Branches of a head: the later sighting wins, as between devices.
    const versions = [doc, ...branches] as PostDoc[];
    const latest = versions.reduce((a, b) => (compareHlc(b.hlc, a.hlc) > 0 ? b : a));
    await applyPost(context, latest, doc as PostDoc);
    if (branches.length) context.pruneBranches(doc._id, branches.map((b) => b._rev!));
  },

  async everyEntry(tx, skip) {
    const entries: OutboxEntry[] = [];
    for (let c = await tx.objectStore('posts').openCursor(); c; c = await c.continue()) {
      const docId = postDocId(c.value.key);
      if (c.value.hlc && !skip.has(docId)) entries.push({ docId, target: ['post', c.value.key], stamp: c.value.hlc });
    }
    return entries;
  },
};

/** `doc` is the version that wins; `served` the server's winning revision (whose `_rev` is kept). */
async function applyPost(context: ApplyContext, doc: PostDoc, served: PostDoc): Promise<void> {
  const { clock, tx } = context;
  clock.observe(doc.hlc);
  const posts = tx.objectStore('posts');
  const local = await posts.get(doc.key);
  const order = local?.hlc ? compareHlc(doc.hlc, local.hlc) : 1;
  if (order > 0) {
    const seen = hlcTime(doc.hlc);
    const post: PostRecord = {
      key: doc.key,
      url: local?.url ?? doc.url,
      title: doc.title,
      sourceLanguage: doc.sourceLanguage,
      cta: doc.cta,
      segments: doc.segments,
      targetLanguage: local?.targetLanguage ?? null,
      firstSeen: local?.firstSeen ?? seen,
      lastSeen: local?.lastSeen ?? seen,
      hlc: doc.hlc,
      ...keptWordPressFields(local),
    };
    queued(posts.put(post));
    context.changes.posts.push(post);
    context.feed.posts.push(post.key);
    // Whether the segments really changed is for followParagraphs to tell (it compares them).
    if (local) {
      (context.changes.resegmented ??= []).push({ postKey: doc.key, before: local.segments, after: doc.segments });
    }
  }
  await context.remember({ docId: served._id, rev: served._rev!, hlc: served.hlc, ...(served.parts ? { parts: served.parts } : {}) });
  await context.settleOutbox(served._id, ['post', doc.key], order < 0 || doc !== served);
}
