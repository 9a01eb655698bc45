// Pushing the outbox: `_bulk_docs` requests bounded by bytes as well as by count, two in flight, a
// post's source parts before the head that names them. What one document does never stops the
// others: a document the server refuses (validate_doc_update's `forbidden`, or 413 for a document
// alone too large) is set aside with the server's reason and the rest goes on; a request refused
// as too large (413) is halved until it passes; so is one that keeps meeting 429, since Cloudant
// counts each document of a `_bulk_docs` as a write against the plan's writes per second.
import { formatNumber, t } from '../i18n';
import { CouchError, type BulkDocsResult, type CouchClient } from './couch-client';
import { MAX_DOCUMENT_BYTES, utf8Bytes } from './documents';
import type { ServerDoc } from './kinds';
import { serverVersions } from './pull';
import type { Accepted, OutboxItem, PulledDoc, SyncReplica } from './replica';

export interface PushLimits {
  /** Outbox entries read at a time. */
  batchDocs: number;
  /** Bytes of one request's body: under what proxies commonly allow (1 MB), lowered after a 413. */
  requestBytes: number;
  /** Documents in one request, lowered after a 429 the waits did not end. */
  requestDocs: number;
}

export const DEFAULT_PUSH_LIMITS: PushLimits = { batchDocs: 2_000, requestBytes: 900_000, requestDocs: 2_000 };

export interface PushReport {
  pushed: number;
  conflicts: number;
}

/** Entries of the first outbox read. */
const FIRST_BATCH = 200;
/** Pushes of one document that meet a conflict again and again wait for the next sync. */
const CONFLICT_ROUNDS = 3;
const IN_FLIGHT = 2;

interface Outgoing {
  doc: ServerDoc;
  json: string;
  bytes: number;
}

interface Sending {
  item: OutboxItem;
  out: Outgoing;
}

export class Pusher {
  /** Revisions the server gave in this sync: the feed brings them back, and they need no lookup. */
  readonly given = new Map<string, string>();

  constructor(
    private readonly replica: SyncReplica,
    private readonly client: CouchClient,
    private readonly limits: PushLimits,
    private readonly report: PushReport,
    /** Merges the server's versions of documents that met a conflict, with their branches (the engine's apply). */
    private readonly mergeServerVersions: (pulled: PulledDoc[], related: ReadonlyMap<string, unknown>) => Promise<void>,
  ) {}

  /** Pushes the whole outbox. */
  async pushAll(): Promise<void> {
    let after: string | undefined;
    let exhausted = false;
    const queue: Sending[][] = [];
    // Requests are taken from one queue by IN_FLIGHT workers: while the server takes one, the next
    // is read and sent. Batches are consecutive ranges of the outbox, one entry per document, so
    // no id is ever in two requests at once, nor twice in one.
    // The first reads are small, so that the server has work while the next ones are read and
    // built; each read doubles up to the batch size.
    let size = Math.min(this.limits.batchDocs, FIRST_BATCH);
    const read = new Map<string, unknown>();
    const nextGroup = async (): Promise<Sending[] | null> => {
      while (queue.length === 0 && !exhausted) {
        const { items, last } = await this.replica.outboxBatch(after, size, read);
        size = Math.min(this.limits.batchDocs, size * 2);
        if (last === undefined) exhausted = true;
        after = last;
        queue.push(...(await this.groups(items)));
      }
      return queue.shift() ?? null;
    };
    let reading = Promise.resolve();
    let failed = false;
    const worker = async () => {
      while (!failed) {
        // One reader at a time: the outbox cursor is shared.
        const turn = reading.then(nextGroup);
        reading = turn.then(
          () => undefined,
          () => undefined,
        );
        const group = await turn;
        if (!group || failed) return;
        await this.pushGroup(group);
      }
    };
    // Nothing of a failed push goes on after it: the other worker stops at its next request.
    const workers = Array.from({ length: IN_FLIGHT }, () => worker().catch((error) => ((failed = true), Promise.reject(error))));
    const outcomes = await Promise.allSettled(workers);
    const failure = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
    if (failure) throw failure.reason;
  }

  /**
   * Items in groups whose documents fit one request, each document serialised once. An item too
   * large to ever send is set aside here; a post's parts go first, in requests of their own.
   */
  private async groups(items: OutboxItem[]): Promise<Sending[][]> {
    const tooLarge: Array<{ item: OutboxItem; error: string; reason: string }> = [];
    const groups: Sending[][] = [];
    let group: Sending[] = [];
    let bytes = 0;
    for (const item of items) {
      const out = outgoing(item.doc);
      const before = (item.before ?? []).map(outgoing);
      const largest = Math.max(out.bytes, ...before.map((b) => b.bytes));
      if (largest > MAX_DOCUMENT_BYTES) {
        tooLarge.push({ item, error: 'document_too_large', reason: tooLargeReason(largest) });
        continue;
      }
      if (before.length && !(await this.pushParts(item, before))) continue;
      if (group.length && (bytes + out.bytes > this.limits.requestBytes || group.length >= this.limits.requestDocs)) {
        groups.push(group);
        group = [];
        bytes = 0;
      }
      group.push({ item, out });
      bytes += out.bytes;
    }
    if (group.length) groups.push(group);
    await this.replica.setAside(tooLarge);
    return groups;
  }

  /** A post's source parts, before its head; false when the server refused one (the post waits). */
  private async pushParts(item: OutboxItem, parts: Outgoing[]): Promise<boolean> {
    const results: BulkDocsResult[] = [];
    for (const request of this.requests(parts)) results.push(...(await this.send(request)));
    // A part the server has already (409) is there: parts never change.
    await this.replica.acknowledge(results.flatMap((r): Accepted[] => (r.rev && !r.error ? [{ docId: r.id, rev: r.rev, hlc: '' }] : [])));
    const refused = results.find((r) => !r.rev && r.error !== 'conflict');
    if (!refused) return true;
    await this.replica.setAside([{ item, error: refused.error ?? 'refused', reason: refused.reason ?? t('syncServerRefusedDocument', refused.id) }]);
    return false;
  }

  /** Documents in requests within the limits of bytes and count. */
  private requests(docs: Outgoing[]): Outgoing[][] {
    const requests: Outgoing[][] = [];
    let bytes = 0;
    for (const doc of docs) {
      const last = requests[requests.length - 1];
      if (!last || bytes + doc.bytes > this.limits.requestBytes || last.length >= this.limits.requestDocs) {
        requests.push([doc]);
        bytes = doc.bytes;
      } else {
        last.push(doc);
        bytes += doc.bytes;
      }
    }
    return requests;
  }

  private async pushGroup(group: Sending[]): Promise<void> {
    for (let round = 0; group.length > 0 && round < CONFLICT_ROUNDS; round++) {
      const byId = new Map(group.map((sending) => [sending.item.doc._id, sending.item]));
      const results = await this.send(group.map((sending) => sending.out));
      const accepted: Accepted[] = [];
      const conflicted: string[] = [];
      const refused: Array<{ item: OutboxItem; error: string; reason: string }> = [];
      for (const result of results) {
        const item = byId.get(result.id);
        if (!item) continue;
        if (result.rev && !result.error) {
          const { parts, hlc } = item.doc as { parts?: string[]; hlc?: string };
          accepted.push({ docId: result.id, stamp: item.entry.stamp, rev: result.rev, hlc: hlc ?? '', ...(parts ? { parts } : {}) });
        } else if (result.error === 'conflict') conflicted.push(result.id);
        else refused.push({ item, error: result.error ?? 'refused', reason: result.reason ?? t('syncServerRefusedDocument', result.id) });
      }
      await this.replica.acknowledge(accepted);
      for (const { docId, rev } of accepted) this.given.set(docId, rev);
      await this.replica.setAside(refused);
      this.report.pushed += accepted.length;
      if (conflicted.length === 0) return;
      // Someone else wrote these first: merge the server's version, then push what is still ours.
      const { pulled, related, gone } = await serverVersions(this.client, conflicted);
      await this.mergeServerVersions(pulled, related);
      if (gone.length) await this.replica.forgetRemote(gone); // deleted on the server by other tools
      const again = await this.replica.outboxItems(conflicted);
      group = again.filter((item) => byId.has(item.doc._id)).map((item) => ({ item, out: outgoing(item.doc) }));
    }
  }

  /**
   * One `_bulk_docs`, or — refused as too large (413), or too many writes at once (429) — its
   * halves, down to single documents: a document alone too large comes back as refused with the
   * server's words, for the caller to set aside; one alone still too many ends the sync as a pause.
   * The next requests are kept under the size that failed.
   */
  private async send(docs: Outgoing[]): Promise<BulkDocsResult[]> {
    if (docs.length === 0) return [];
    const body = `{"docs":[${docs.map((d) => d.json).join(',')}]}`;
    try {
      return await this.client.bulkDocsBody(body, docs.map((d) => d.doc));
    } catch (error) {
      if (error instanceof CouchError && error.status === 429 && docs.length > 1) {
        const half = Math.ceil(docs.length / 2);
        this.limits.requestDocs = Math.min(this.limits.requestDocs, half);
        return [...(await this.send(docs.slice(0, half))), ...(await this.send(docs.slice(half)))];
      }
      if (!(error instanceof CouchError && error.status === 413)) throw error;
      if (docs.length === 1) {
        const reason = error.error === 'document_too_large' ? tooLargeReason(docs[0]!.bytes) : requestTooLargeReason(docs[0]!.bytes, error);
        return [{ id: docs[0]!.doc._id, error: error.error, reason }];
      }
      this.limits.requestBytes = Math.max(1, Math.min(this.limits.requestBytes, Math.floor(utf8Bytes(body) / 2)));
      const half = Math.ceil(docs.length / 2);
      return [...(await this.send(docs.slice(0, half))), ...(await this.send(docs.slice(half)))];
    }
  }
}

function outgoing(doc: ServerDoc): Outgoing {
  const json = JSON.stringify(doc);
  return { doc, json, bytes: utf8Bytes(json) };
}

function kilobytes(bytes: number): string {
  return formatNumber(Math.ceil(bytes / 1024));
}

function tooLargeReason(bytes: number): string {
  return t('syncDocumentTooLarge', kilobytes(bytes));
}

function requestTooLargeReason(bytes: number, error: CouchError): string {
  return t('syncRequestTooLarge', kilobytes(bytes), `${error.error}, HTTP ${error.status}`);
}
