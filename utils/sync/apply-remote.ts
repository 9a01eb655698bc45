// Merging what came from the server into the store, one transaction per call: the documents, the
// revisions they bring, the losing branches to delete later and, when given, the new checkpoint.
// A service worker stopped at any moment leaves either all of it or none.
import type { IDBPDatabase } from 'idb';
import { noteChanges, type ChangeFeedEntry } from '../store/change-feed';
import type { InterlinearDB, OutboxEntry, SetAsideDoc } from '../store/schema';
import { openDeviceClock } from './device-clock';
import { queued, type AppliedChanges, type ApplyContext, type ServerDoc } from './kinds';
import { recordsOf } from './records-of';
import { kindOfId, syncStores } from './sync-kinds';

/** A document as the server has it: its winning revision and its live conflict branches, raw. */
export interface PulledDoc {
  doc: unknown;
  branches?: unknown[];
}

const idOf = (raw: unknown): string | undefined => (raw as { _id?: unknown })?._id as string | undefined;

export async function applyRemote(
  db: IDBPDatabase<InterlinearDB>,
  pulled: PulledDoc[],
  related: ReadonlyMap<string, unknown>,
  checkpoint: string | number | undefined,
  now: () => number,
): Promise<AppliedChanges> {
  const tx = db.transaction(syncStores('outbox', 'remoteRevs', 'syncMeta', 'changeFeed'), 'readwrite');
  const [outbox, remoteRevs, meta] = [tx.objectStore('outbox'), tx.objectStore('remoteRevs'), tx.objectStore('syncMeta')];
  const clock = await openDeviceClock(meta, now);
  const changes: AppliedChanges = { drafts: [], posts: [], conflicts: 0, queued: 0 };
  const feed: Required<ChangeFeedEntry> = { drafts: [], posts: [], units: [] };
  const prune = { ...(((await meta.get('pruneBranches')) as Record<string, string[]> | undefined) ?? {}) };
  const setAside = { ...(((await meta.get('setAside')) as Record<string, SetAsideDoc> | undefined) ?? {}) };
  let pruneChanged = false;
  let setAsideChanged = false;

  const parsed = pulled.flatMap(({ doc, branches = [] }) => {
    const id = idOf(doc);
    const kind = id === undefined ? undefined : kindOfId(id);
    const main = kind?.parse(doc, related);
    if (!kind || !main?._rev) return [];
    // A branch that is not a well-formed document of the same id is left alone (and not deleted).
    const parsedBranches = branches.flatMap((b) => {
      const branch = kind.parse(b, related);
      return branch?._id === main._id && branch._rev ? [branch] : [];
    });
    return [{ kind, doc: main, branches: parsedBranches }];
  });
  // The known revisions and the records, read at once.
  const prefetched = await recordsOf(remoteRevs, parsed.map(({ doc }) => doc._id));
  const waiting = await recordsOf(outbox, parsed.map(({ doc }) => doc._id));
  const cache = new Map<string, unknown>();
  for (const kind of new Set(parsed.map((p) => p.kind))) {
    await kind.prefetch?.(tx, parsed.filter((p) => p.kind === kind).map((p) => kind.targetOf(p.doc)), cache);
  }
  for (const { kind, doc, branches } of parsed) {
    const known = prefetched.get(doc._id); // kept up to date below: a document met twice sees its first merge
    // Our own push coming back, or a version merged already.
    if (branches.length === 0 && known?.rev === doc._rev) continue;
    const context: ApplyContext = {
      tx,
      cache,
      clock,
      changes,
      feed,
      known,
      remember: async (revision) => {
        prefetched.set(revision.docId, revision);
        queued(remoteRevs.put(revision));
      },
      settleOutbox: async (docId: string, target: OutboxEntry['target'], needsPush: boolean) => {
        const pending = waiting.get(docId);
        if (needsPush) changes.queued++;
        if (needsPush && !pending) {
          const entry = { docId, target, stamp: clock.stamp() };
          queued(outbox.put(entry));
          waiting.set(docId, entry);
        }
        if (!needsPush && pending) {
          queued(outbox.delete(docId));
          waiting.delete(docId);
        }
        // What was set aside is gone or replaced by the merge: it no longer stands for this document.
        if (setAside[docId] && (!needsPush || !pending)) {
          delete setAside[docId];
          setAsideChanged = true;
        }
      },
      pruneBranches: (docId, revs) => {
        prune[docId] = [...new Set([...(prune[docId] ?? []), ...revs])];
        pruneChanged = true;
      },
    };
    await kind.apply(context, doc as ServerDoc, branches);
  }
  await noteChanges(tx.objectStore('changeFeed'), feed);
  if (pruneChanged) await meta.put(prune, 'pruneBranches');
  if (setAsideChanged) await meta.put(setAside, 'setAside');
  if (checkpoint !== undefined) await meta.put(checkpoint, 'checkpoint');
  await clock.save();
  await tx.done;
  return changes;
}
