// Which database a checkpoint belongs to. A `_changes` sequence is opaque and means something only
// to the database that gave it (docs/src/api/database/changes.rst); a team that moves from PouchDB
// Server or CouchDB 1.x to CouchDB 3 or Cloudant at the same address gets another database under
// the same name, whose sequences are strings where the old ones were numbers. What `GET /{db}`
// reports tells them apart: its name, `instance_start_time` (a time on CouchDB 1.x and PouchDB
// Server, "0" since 2.0) and the shape of `update_seq`.

export interface DatabaseInfo {
  db_name?: unknown;
  instance_start_time?: unknown;
  update_seq?: unknown;
}

export function databaseIdentity(info: DatabaseInfo): string {
  const seqShape = typeof info.update_seq === 'number' ? 'integer' : 'opaque';
  return JSON.stringify([String(info.db_name ?? ''), String(info.instance_start_time ?? ''), seqShape]);
}

/**
 * Whether a stored checkpoint can be sent to this database: it must come from the same one and not
 * lie ahead of the database's own sequence — else the database was deleted and made again, and
 * may lack what this device pushed. Opaque sequences are compared by their "N-" prefix, the sum of
 * the shards' sequences, which CouchDB keeps "as a visual heuristic" (fabric_view_changes.erl,
 * pack_seqs/1): the only use made of it here.
 */
export function checkpointFits(stored: string | undefined, identity: string, checkpoint: unknown, info: DatabaseInfo): boolean {
  if (stored !== identity) return false;
  const [ours, theirs] = [sequenceCount(checkpoint), sequenceCount(info.update_seq)];
  return ours === null || theirs === null || ours <= theirs;
}

function sequenceCount(seq: unknown): number | null {
  if (typeof seq === 'number') return seq;
  const prefix = typeof seq === 'string' ? /^(\d+)-/.exec(seq) : null;
  return prefix ? Number(prefix[1]) : null;
}
