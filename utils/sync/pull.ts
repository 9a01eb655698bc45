// Pulling `_changes` from the checkpoint, page by page, the next page asked for while this one is
// merged. Each document comes with its conflict branches, if any: a cluster's internal replication
// or a database replicated in leaves them, and their texts are merged like any other edit (the
// documented way: docs/src/replication/conflicts.rst, "Suggested algorithm to fetch a document
// with conflict resolution"). On a slow link a page that times out is asked for again, smaller.
import { CouchError, NetworkError, type ChangesResult, type CouchClient } from './couch-client';
import { isInterlinearDocId } from './doc-ids';
import type { AppliedChanges } from './kinds';
import type { PulledDoc, SyncReplica } from './replica';
import { kindOfId } from './sync-kinds';

/** Changes a page asks for with their documents. */
export const DEFAULT_PULL_LIMIT = 1_000;
/** Pages of ids and revisions only are a tenth the size: fewer, larger pages. */
export const REVISIONS_PULL_FACTOR = 4;
/** Pages never get smaller than this, however slow the link. */
export const MIN_PULL_LIMIT = 25;

export interface PullOptions {
  replica: SyncReplica;
  client: CouchClient;
  /** After a push, the feed is mostly our own documents coming back: ask for revisions only. */
  revisionsOnly: boolean;
  /** The identity of the database (database-identity.ts), to tie a restarted feed to. */
  database: string;
  defaultLimit?: number;
  timeoutMs: number;
  /** Revisions this sync just pushed: their rows in the feed are this device's own, known already. */
  given?: ReadonlyMap<string, string>;
  apply(pulled: PulledDoc[], related: ReadonlyMap<string, unknown>, checkpoint: string | number): Promise<AppliedChanges>;
}

export interface PullOutcome {
  pulled: number;
  /** Whether merging queued anything to push. */
  queued: boolean;
  /** The whole feed was read from its start: every id the server has (for requeueMissing). */
  everyId?: Set<string>;
  /** The server refused the checkpoint, and the feed was read again from its start. */
  restarted?: boolean;
}

type Change = ChangesResult['results'][number];

export async function pullChanges(options: PullOptions): Promise<PullOutcome> {
  const { replica, client } = options;
  let revisionsOnly = options.revisionsOnly;
  const pageSize = (docsLimit: number) => (revisionsOnly ? docsLimit * REVISIONS_PULL_FACTOR : docsLimit);
  let defaultLimit = pageSize(options.defaultLimit ?? DEFAULT_PULL_LIMIT);
  let limit = Math.min(defaultLimit, (await replica.meta('pullLimit')) ?? defaultLimit);
  let since = await replica.meta('checkpoint');
  let everyId = since === undefined ? new Set<string>() : undefined;
  const outcome: PullOutcome = { pulled: 0, queued: false };

  /** One page, asked for again smaller while it times out (a slow link is not "offline"). */
  const page = async (from: typeof since, first: Promise<ChangesResult> | null): Promise<ChangesResult> => {
    let asking = first;
    for (;;) {
      const started = Date.now();
      try {
        const answer = await (asking ?? client.changes(from, limit, { docs: !revisionsOnly }));
        if (Date.now() - started < options.timeoutMs / 8 && limit < defaultLimit && answer.results.length >= limit) {
          limit = Math.min(defaultLimit, limit * 2);
          await replica.setMeta('pullLimit', limit === defaultLimit ? undefined : limit);
        }
        return answer;
      } catch (error) {
        asking = null;
        if (!(error instanceof NetworkError && error.timedOut && limit > MIN_PULL_LIMIT)) throw error;
        limit = Math.max(MIN_PULL_LIMIT, Math.floor(limit / 4));
        await replica.setMeta('pullLimit', limit);
      }
    }
  };

  let current: ChangesResult;
  try {
    current = await page(since, null);
  } catch (error) {
    // fabric_view_changes.erl validate_start_seq/1: a sequence from another server (an integer of
    // PouchDB Server or CouchDB 1.x) is "Malformed" to CouchDB 2+. Start again from the beginning.
    if (!(since !== undefined && error instanceof CouchError && error.status === 400)) throw error;
    await replica.restartFeed(options.database);
    since = undefined;
    if (!revisionsOnly) {
      revisionsOnly = true; // what this device has is skipped
      defaultLimit = pageSize(defaultLimit);
      limit = pageSize(limit);
    }
    everyId = new Set();
    outcome.restarted = true;
    current = await page(since, null);
  }
  for (;;) {
    const last = current.results.length < limit || current.pending === 0 || current.last_seq === since;
    const next = last ? null : client.changes(current.last_seq, limit, { docs: !revisionsOnly });
    next?.catch(() => undefined); // awaited below; a failure while this page is merged is not unhandled
    const rows = current.results.filter((change) => isInterlinearDocId(change.id));
    for (const row of rows) everyId?.add(row.id);
    const { pulled, related } = revisionsOnly ? await lackingDocs(client, replica, rows, options.given) : await withBranches(client, rows);
    await fetchRelated(client, pulled, related);
    const applied = await options.apply(pulled, related, current.last_seq);
    outcome.pulled += pulled.length;
    outcome.queued ||= applied.queued > 0;
    since = current.last_seq;
    if (!next) break;
    current = await page(since, next);
  }
  if (everyId) outcome.everyId = everyId;
  return outcome;
}

/** With documents: each winning revision, and its live conflict branches fetched by revision. */
async function withBranches(client: CouchClient, rows: Change[]): Promise<{ pulled: PulledDoc[]; related: Map<string, unknown> }> {
  const related = new Map<string, unknown>();
  const docs: Array<Record<string, unknown>> = [];
  for (const row of rows) {
    const doc = row.doc as Record<string, unknown> | undefined;
    if (!doc || row.deleted) continue;
    related.set(row.id, doc);
    if (!kindOfId(row.id)?.isPart?.(row.id)) docs.push(doc);
  }
  const conflicts = docs.flatMap((doc) =>
    Array.isArray(doc._conflicts) ? doc._conflicts.filter((rev): rev is string => typeof rev === 'string').map((rev) => ({ id: doc._id as string, rev })) : [],
  );
  const branches = groupById(liveBodies(await client.bulkGet(conflicts)));
  return { pulled: docs.map((doc) => ({ doc, branches: branches.get(doc._id as string) ?? [] })), related };
}

/**
 * Revisions only: the leaves this device lacks. A document with one leaf comes from `_all_docs`;
 * one with several (conflict branches, or branches deleted since) has each leaf fetched, and the
 * winner chosen as CouchDB chooses it.
 */
async function lackingDocs(
  client: CouchClient,
  replica: SyncReplica,
  rows: Change[],
  given: ReadonlyMap<string, string> = new Map(),
): Promise<{ pulled: PulledDoc[]; related: Map<string, unknown> }> {
  const ours = (row: Change) => row.changes.length === 1 && given.get(row.id) === row.changes[0]!.rev;
  const candidates = rows.filter((row) => !row.deleted && !kindOfId(row.id)?.isPart?.(row.id) && !ours(row));
  const lacking = await replica.unknownRevisions(candidates.map((row) => ({ id: row.id, revs: row.changes.map((c) => c.rev) })));
  const leaves = new Map(candidates.map((row) => [row.id, row.changes.map((c) => c.rev)]));
  const single = lacking.filter(({ id }) => leaves.get(id)!.length === 1).map(({ id }) => id);
  const several = lacking.filter(({ id }) => leaves.get(id)!.length > 1);
  const pulled: PulledDoc[] = (await client.getDocs(single)).flatMap((row) => (row.doc && !row.value?.deleted ? [{ doc: row.doc }] : []));
  pulled.push(...(await leafVersions(client, new Map(several.map(({ id }) => [id, leaves.get(id)!])))).values());
  return { pulled, related: new Map() };
}

/**
 * The server's versions of these documents now, each with its live conflict branches (a push that
 * met a conflict merges them all: the winner alone may be a branch older than this device's text),
 * the documents they need (a post's parts), and the ids the server has no live version of.
 */
export async function serverVersions(
  client: CouchClient,
  ids: string[],
): Promise<{ pulled: PulledDoc[]; related: Map<string, unknown>; gone: string[] }> {
  const found = await leafVersions(client, await client.leafRevisions(ids));
  const pulled = [...found.values()];
  const related = new Map<string, unknown>();
  await fetchRelated(client, pulled, related);
  return { pulled, related, gone: ids.filter((id) => !found.has(id)) };
}

/** These leaves' live bodies, as CouchDB's winner with the other leaves as its branches. */
async function leafVersions(client: CouchClient, leaves: ReadonlyMap<string, string[]>): Promise<Map<string, PulledDoc>> {
  const bodies = groupById(liveBodies(await client.bulkGet([...leaves].flatMap(([id, revs]) => revs.map((rev) => ({ id, rev }))))));
  const found = new Map<string, PulledDoc>();
  for (const [id, versions] of bodies) {
    const [winner, ...branches] = [...versions].sort(byCouchWinner);
    found.set(id, { doc: winner!, branches });
  }
  return found;
}

/** The documents other documents need (a post's parts), from this page or else from the server. */
async function fetchRelated(client: CouchClient, pulled: PulledDoc[], related: Map<string, unknown>): Promise<void> {
  const wanted = new Set<string>();
  for (const { doc } of pulled) {
    const id = (doc as { _id?: unknown })._id;
    const kind = typeof id === 'string' ? kindOfId(id) : undefined;
    for (const need of kind?.needs?.(doc) ?? []) if (!related.has(need)) wanted.add(need);
  }
  for (const row of await client.getDocs([...wanted])) if (row.doc && !row.value?.deleted) related.set(row.key, row.doc);
}

function liveBodies(results: Awaited<ReturnType<CouchClient['bulkGet']>>): Array<Record<string, unknown>> {
  return results.flatMap((result) => {
    const body = 'ok' in result ? result.ok : undefined;
    return body && typeof body._id === 'string' && body._deleted !== true ? [body] : [];
  });
}

function groupById(bodies: Array<Record<string, unknown>>): Map<string, Array<Record<string, unknown>>> {
  const groups = new Map<string, Array<Record<string, unknown>>>();
  for (const body of bodies) groups.set(body._id as string, [...(groups.get(body._id as string) ?? []), body]);
  return groups;
}

/** CouchDB's winning revision first: the longest revision path, then the greater revision id. */
function byCouchWinner(a: Record<string, unknown>, b: Record<string, unknown>): number {
  const [posA, idA] = String(a._rev).split('-');
  const [posB, idB] = String(b._rev).split('-');
  if (Number(posA) !== Number(posB)) return Number(posB) - Number(posA);
  return idA! < idB! ? 1 : idA! > idB! ? -1 : 0;
}
