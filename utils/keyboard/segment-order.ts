// Where the keys move to among a post's segments. Pure: the view passes the segment ids in reading
// order and each one's state.

/** Where a segment stands in the chosen language. */
export type SegmentState = 'untranslated' | 'draft' | 'done';

/** The segment `step` places away from `current` (the first or last one when none is current); null past either end. */
export function segmentAfter(ids: readonly string[], current: string | null, step: 1 | -1): string | null {
  if (ids.length === 0) return null;
  const at = current === null ? -1 : ids.indexOf(current);
  if (at === -1) return step === 1 ? ids[0]! : ids[ids.length - 1]!;
  return ids[at + step] ?? null;
}

/**
 * The next segment that still needs work after `current`, going round to the start: an
 * untranslated one first, else a draft not yet done. Null when every other segment is done.
 */
export function nextNeedingWork(
  ids: readonly string[],
  current: string | null,
  stateOf: (id: string) => SegmentState,
): string | null {
  const at = current === null ? -1 : ids.indexOf(current);
  const others = [...ids.slice(at + 1), ...ids.slice(0, Math.max(at, 0))];
  return others.find((id) => stateOf(id) === 'untranslated') ?? others.find((id) => stateOf(id) === 'draft') ?? null;
}

export function segmentState(text: string | undefined, status: string | undefined): SegmentState {
  if (!text || text.trim() === '') return 'untranslated';
  return status === 'done' ? 'done' : 'draft';
}
