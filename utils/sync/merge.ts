// How two versions of one segment's draft become one. Pure: the replica reads both sides and the
// base, asks here, and writes the answer.
//
// - The text with the later stamp (hybrid logical clock) wins, everywhere, so all devices converge.
// - It is a conflict only when both sides changed the text since the version they last shared
//   (`base`); then the losing text is kept in `concurrentEdits` ("edited elsewhere — review"),
//   which travels with the document so every device flags it and keeps it in history.
// - A deletion is a version like any other (a tombstone): a later edit wins over it, and a losing
//   deletion has no text to keep.
import type { ConcurrentEdit, SourceChange } from '../model';
import { compareHlc, hlcNode, laterHlc } from './hlc';

/** One side of a segment as sync sees it. */
export interface SegmentState {
  text: string;
  deleted: boolean;
  hlc: string;
  device?: string;
  user?: string;
  concurrentEdits: ConcurrentEdit[];
  reviewedAt?: string;
  /** The translator marked this text done; absent: a draft. Stamped with the text's `hlc`. */
  status?: 'done';
  /** The source this text was written for, when the post's source has changed since: goes with the text. */
  sourceChange?: SourceChange;
  /** For a server version: the stamp of the text its writer had last shared with the server. */
  base?: string;
}

export interface SegmentMerge {
  state: SegmentState;
  /** The local text was replaced by a different remote one (history gets a revision for it). */
  textChanged: boolean;
  /** The remote version won with another status than the local one (history gets a revision for it). */
  statusChanged: boolean;
  /** Anything local changed (text, flags or review marks). */
  localChanged: boolean;
  /** The merged state is not what the server has: it must be pushed. */
  needsPush: boolean;
  /** Both sides edited since they last agreed. */
  conflict: boolean;
  /** Texts from other devices that this device's history does not have yet. */
  newHistory: ConcurrentEdit[];
  /**
   * A remote text that lost to this device's without a conflict, though this text does not descend
   * from it: only a writer whose clock never saw this text makes one. Kept in history, not flagged.
   */
  overwritten: ConcurrentEdit[];
}

/** At most this many concurrent edits ride along with a document; older ones stay in history. */
export const MAX_CONCURRENT_EDITS = 20;

function asEdit(state: SegmentState): ConcurrentEdit {
  const edit: ConcurrentEdit = { text: state.text, hlc: state.hlc };
  if (state.deleted) edit.deleted = true;
  if (state.device) edit.device = state.device;
  if (state.user) edit.user = state.user;
  return edit;
}

/** Union by stamp, minus reviewed ones and the winner itself, oldest first, newest kept. */
function unionEdits(lists: ConcurrentEdit[][], reviewedAt: string | undefined, winner: string): ConcurrentEdit[] {
  const byStamp = new Map<string, ConcurrentEdit>();
  for (const list of lists) for (const edit of list) if (!byStamp.has(edit.hlc)) byStamp.set(edit.hlc, edit);
  return [...byStamp.values()]
    .filter((e) => e.hlc !== winner && !(reviewedAt && compareHlc(e.hlc, reviewedAt) <= 0))
    .sort((a, b) => compareHlc(a.hlc, b.hlc))
    .slice(-MAX_CONCURRENT_EDITS);
}

export function sameSegmentState(a: SegmentState, b: SegmentState): boolean {
  return (
    a.hlc === b.hlc &&
    a.text === b.text &&
    a.deleted === b.deleted &&
    a.status === b.status &&
    (a.reviewedAt ?? '') === (b.reviewedAt ?? '') &&
    a.concurrentEdits.length === b.concurrentEdits.length &&
    a.concurrentEdits.every((e, i) => e.hlc === b.concurrentEdits[i]!.hlc)
  );
}

/**
 * Merges the server's version of a segment into this device's.
 * @param base the stamp of the text this device last had in common with the server, or null.
 * @param ownNode this device's clock node, whose texts are in its history already.
 */
export function mergeSegment(
  local: SegmentState | null,
  remote: SegmentState,
  base: string | null,
  ownNode: string,
): SegmentMerge {
  if (!local) {
    const { base: _ignored, ...remoteState } = remote;
    const state = { ...remoteState, concurrentEdits: unionEdits([remote.concurrentEdits], remote.reviewedAt, remote.hlc) };
    return {
      state,
      textChanged: true,
      statusChanged: state.status !== undefined,
      localChanged: true,
      needsPush: !sameSegmentState(state, remote),
      conflict: false,
      newHistory: newToHistory(state.concurrentEdits, new Set(), ownNode),
      overwritten: [],
    };
  }
  const localWins = compareHlc(local.hlc, remote.hlc) >= 0;
  const winner = localWins ? local : remote;
  const loser = localWins ? remote : local;
  // Neither side descends from the other: both edited since they last agreed. A remote text
  // written on top of ours names our stamp as its base (one level deep); a remote text this
  // device wrote itself (an answer it never got) is an ancestor of whatever it has now.
  const bothEdited =
    local.hlc !== remote.hlc &&
    local.hlc !== base &&
    remote.hlc !== base &&
    remote.base !== local.hlc &&
    !fromNode(remote, ownNode);
  const differ = local.text !== remote.text || local.deleted !== remote.deleted;
  const conflict = bothEdited && differ;
  // A losing deletion loses no text, so there is nothing to review.
  const lost = conflict && !loser.deleted ? [asEdit(loser)] : [];
  const reviewedAt = laterHlc(local.reviewedAt, remote.reviewedAt);
  const state: SegmentState = {
    text: winner.text,
    deleted: winner.deleted,
    hlc: winner.hlc,
    concurrentEdits: unionEdits([local.concurrentEdits, remote.concurrentEdits, lost], reviewedAt, winner.hlc),
  };
  if (winner.device) state.device = winner.device;
  if (winner.user) state.user = winner.user;
  if (winner.sourceChange) state.sourceChange = winner.sourceChange;
  // A status change is a change like a text change: it comes with the stamp of the version that wins.
  if (winner.status) state.status = winner.status;
  if (reviewedAt) state.reviewedAt = reviewedAt;
  const knownHere = new Set([local.hlc, ...local.concurrentEdits.map((e) => e.hlc)]);
  const overwritten = localWins && differ && !conflict && !remote.deleted && remote.hlc !== base ? newToHistory([asEdit(remote)], knownHere, ownNode) : [];
  return {
    state,
    textChanged: !localWins && differ,
    statusChanged: !localWins && local.status !== remote.status,
    localChanged: !sameSegmentState(state, local),
    needsPush: !sameSegmentState(state, remote),
    conflict,
    newHistory: newToHistory(state.concurrentEdits, knownHere, ownNode),
    overwritten,
  };
}

/** Two server versions of one segment folded into one, and whether they were concurrent edits. */
export interface BranchFold {
  state: SegmentState;
  conflict: boolean;
  /**
   * Every losing text, flagged or not: one stamped before the segment was last reviewed is not
   * flagged again (as between devices) but still goes to history, since no device may have it.
   */
  lost: ConcurrentEdit[];
}

/**
 * Folds the server's branches of one segment (the winning revision and its `_conflicts`, as a
 * cluster's internal replication or a replicated-in database leaves them) into one version, with
 * the same rules as mergeSegment: the later stamp wins; two versions are concurrent unless one was
 * written on top of the other (it names the other's stamp as its `base`), and then the losing text
 * goes to `concurrentEdits` for review.
 */
export function foldBranches(versions: readonly SegmentState[]): BranchFold {
  let conflict = false;
  const lost: ConcurrentEdit[] = [];
  let state = versions[0]!;
  for (const other of versions.slice(1)) {
    const ours = compareHlc(state.hlc, other.hlc) >= 0;
    const [winner, loser] = ours ? [state, other] : [other, state];
    const related = state.hlc === other.hlc || state.base === other.hlc || other.base === state.hlc;
    const differ = state.text !== other.text || state.deleted !== other.deleted;
    const concurrent = !related && differ;
    conflict ||= concurrent;
    const reviewedAt = laterHlc(state.reviewedAt, other.reviewedAt);
    const losing = concurrent && !loser.deleted ? [asEdit(loser)] : [];
    lost.push(...losing);
    const next: SegmentState = {
      ...winner,
      concurrentEdits: unionEdits([state.concurrentEdits, other.concurrentEdits, losing], reviewedAt, winner.hlc),
    };
    if (reviewedAt) next.reviewedAt = reviewedAt;
    state = next;
  }
  return { state, conflict, lost };
}

/** Concurrent edits this device has not kept yet: neither its own texts nor ones it already had. */
export function newToHistory(edits: ConcurrentEdit[], known: Set<string>, ownNode: string): ConcurrentEdit[] {
  return edits.filter((e) => !known.has(e.hlc) && !e.deleted && !fromNode(e, ownNode));
}

function fromNode(edit: Pick<ConcurrentEdit, 'hlc'>, node: string): boolean {
  try {
    return hlcNode(edit.hlc) === node;
  } catch {
    return false;
  }
}
