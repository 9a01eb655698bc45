// A segment's status: said in words (untranslated, draft, done), and a "Done" toggle.
import { keyOf } from '@/utils/keyboard/key-map';
import type { SegmentState } from '@/utils/keyboard/segment-order';
import type { DraftStatus } from '@/utils/model';

const STATE_LABEL: Record<SegmentState, string> = {
  untranslated: 'Untranslated',
  draft: 'Draft',
  done: 'Done',
};

interface Props {
  state: SegmentState;
  /** Says which segment, for screen readers: "paragraph 3". */
  segmentName: string;
  onStatus(status: DraftStatus): void;
}

export function StatusControl({ state, segmentName, onStatus }: Props) {
  const done = state === 'done';
  return (
    <span class="segment-status" data-status={state}>
      <span class="status-label" data-testid="segment-status">
        {STATE_LABEL[state]}
      </span>
      <button
        type="button"
        class="status-toggle"
        aria-pressed={done}
        title={
          state === 'untranslated'
            ? 'Write a draft first'
            : done
              ? 'Done: press to make it a draft again'
              : `Mark done (${keyOf('mark-done-and-next')} also moves on)`
        }
        disabled={state === 'untranslated'}
        onClick={() => onStatus(done ? 'draft' : 'done')}
      >
        {done && <span aria-hidden="true">✓ </span>}
        Done<span class="visually-hidden"> ({segmentName})</span>
      </button>
    </span>
  );
}
