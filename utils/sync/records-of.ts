// Reading many records of a store keyed by document id, as a sync does by the thousand.

export interface KeyedByDocId<T extends { docId: string }> {
  get(key: string): Promise<T | undefined>;
  getAll(query: IDBKeyRange, count: number): Promise<T[]>;
}

/**
 * The records of these documents, in one range read when their ids lie close together (a batch
 * of the outbox is a run of consecutive ids), else one read each: IndexedDB answers one request
 * at a time, and a sync reads thousands.
 */
export async function recordsOf<T extends { docId: string }>(store: KeyedByDocId<T>, docIds: string[]): Promise<Map<string, T>> {
  if (docIds.length === 0) return new Map();
  const sorted = [...docIds].sort(); // code-unit order, as IndexedDB orders string keys
  const limit = 2 * docIds.length + 8;
  const inRange = await store.getAll(IDBKeyRange.bound(sorted[0], sorted[sorted.length - 1]), limit);
  if (inRange.length < limit) return new Map(inRange.map((record) => [record.docId, record]));
  const each = await Promise.all(docIds.map((id) => store.get(id)));
  return new Map(each.flatMap((record) => (record ? [[record.docId, record] as const] : [])));
}
