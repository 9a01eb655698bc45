// Part of a view's state (owned by use-tab-post.ts): which drafts are flagged because their source
// changed, and which are orphaned because their paragraph left the post.
import { useCallback, useState } from 'preact/hooks';
import type { DraftRecord, Segment } from '@/utils/model';
import { hasText } from '@/utils/store/source-moves';

export interface SourceFlags {
  /** segment id → the source the draft was written for, for drafts of segments still in the post. */
  changed: Readonly<Record<string, string>>;
  /** Drafts whose segment is no longer in the post, in the order the store keeps them. */
  orphans: readonly DraftRecord[];
}

export const NO_SOURCE_FLAGS: SourceFlags = { changed: {}, orphans: [] };

export function sourceFlagsOf(segments: readonly Pick<Segment, 'id'>[], drafts: readonly DraftRecord[]): SourceFlags {
  const ids = new Set(segments.map((s) => s.id));
  const changed: Record<string, string> = {};
  const orphans: DraftRecord[] = [];
  for (const draft of drafts) {
    if (!ids.has(draft.segmentId)) {
      if (hasText(draft)) orphans.push(draft);
    } else if (draft.sourceChange && hasText(draft)) {
      changed[draft.segmentId] = draft.sourceChange.oldText;
    }
  }
  return { changed, orphans };
}

/** The flags with one draft's news taken in; the same object when nothing changed (memoized editors). */
export function withDraftFlags(flags: SourceFlags, segments: readonly Pick<Segment, 'id'>[], draft: DraftRecord): SourceFlags {
  const inPost = segments.some((s) => s.id === draft.segmentId);
  if (inPost) {
    const oldText = draft.sourceChange && hasText(draft) ? draft.sourceChange.oldText : undefined;
    if (flags.changed[draft.segmentId] === oldText) return flags;
    const changed = { ...flags.changed };
    if (oldText === undefined) delete changed[draft.segmentId];
    else changed[draft.segmentId] = oldText;
    return { ...flags, changed };
  }
  const others = flags.orphans.filter((d) => d.segmentId !== draft.segmentId);
  if (!hasText(draft)) return others.length === flags.orphans.length ? flags : { ...flags, orphans: others };
  const at = flags.orphans.findIndex((d) => d.segmentId === draft.segmentId);
  const orphans = [...flags.orphans];
  if (at === -1) orphans.push(draft);
  else orphans[at] = draft;
  return { ...flags, orphans };
}

/** The flags of the post shown: `reset` when a post loads, `take` each draft that changed. */
export function useSourceFlags() {
  const [flags, setFlags] = useState<SourceFlags>(NO_SOURCE_FLAGS);
  const reset = useCallback((segments: readonly Segment[], drafts: readonly DraftRecord[]) => setFlags(sourceFlagsOf(segments, drafts)), []);
  const take = useCallback(
    (segments: readonly Segment[], draft: DraftRecord) => setFlags((all) => withDraftFlags(all, segments, draft)),
    [],
  );
  return { flags, reset, take };
}
