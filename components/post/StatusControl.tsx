// A segment's status: said in words (untranslated, draft, done), and a "Done" toggle.
import { keyOf } from '@/utils/keyboard/key-map';
import type { SegmentState } from '@/utils/keyboard/segment-order';
import type { DraftStatus } from '@/utils/model';
import { t, type MessageKey } from '@/utils/i18n';

const STATE_LABEL: Record<SegmentState, MessageKey> = {
  untranslated: 'statusUntranslated',
  draft: 'statusDraft',
  done: 'statusDone',
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
        {t(STATE_LABEL[state])}
      </span>
      <button
        type="button"
        class="status-toggle"
        aria-pressed={done}
        title={
          state === 'untranslated'
            ? t('statusWriteFirst')
            : done
              ? t('statusDoneTitle')
              : t('statusMarkDoneTitle', keyOf('mark-done-and-next'))
        }
        disabled={state === 'untranslated'}
        onClick={() => onStatus(done ? 'draft' : 'done')}
      >
        {done && <span aria-hidden="true">✓ </span>}
        {t('statusDoneToggle')}
        <span class="visually-hidden"> {t('statusDoneToggleWhich', segmentName)}</span>
      </button>
    </span>
  );
}
