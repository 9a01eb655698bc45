// Every kind of document Interlinear syncs (kinds.ts says what a kind is). A new kind: one line here.
import { draftKind } from './draft-kind';
import { glossaryKind, unitKind } from './entry-kinds';
import type { SyncKind, SyncStore } from './kinds';
import { postKind } from './post-kind';

export const SYNC_KINDS: readonly SyncKind[] = [draftKind, postKind, glossaryKind, unitKind];

export function kindOfTarget(name: string): SyncKind | undefined {
  return SYNC_KINDS.find((kind) => kind.name === name);
}

export function kindOfId(docId: string): SyncKind | undefined {
  return SYNC_KINDS.find((kind) => kind.ownsId(docId));
}

/** The stores of every kind, with the sync's own: what a transaction over all of sync needs. */
export function syncStores(...own: SyncStore[]): SyncStore[] {
  return [...new Set([...own, ...SYNC_KINDS.flatMap((kind) => kind.stores)])];
}
