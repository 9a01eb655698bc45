// The parts of a segment's row that its draft's every keystroke leaves as they are: its number,
// kind, "Show in page" and status line, and its source. Each redraws only when what it shows
// changes, so a keystroke redraws little more than the editor typed in.
import { memo } from '../common/memo';
import { textDirection } from '@/utils/languages';
import type { SegmentState } from '@/utils/keyboard/segment-order';
import type { DraftStatus, Segment } from '@/utils/model';
import { PlaceholderChips } from './PlaceholderChips';
import { StatusControl } from './StatusControl';
import { TaggedText } from './TaggedText';
import { t } from '@/utils/i18n';

interface MetaProps {
  segment: Segment;
  /** The segment's number, as the UI language writes it. */
  number: string;
  kindLabel: string;
  /** How screen readers name the segment: "paragraph 3". */
  segmentName: string;
  state: SegmentState;
  /** False when the view shows the post without its page. */
  inPage?: boolean;
  onHighlight(segmentId: string | null, scroll?: boolean): void;
  /** Without it (or before a language is chosen) no status control shows. */
  onStatus?(segmentId: string, status: DraftStatus): void;
}

export const SegmentMeta = memo(function SegmentMeta({ segment, number, kindLabel, segmentName, state, inPage, onHighlight, onStatus }: MetaProps) {
  return (
    <div class="segment-meta">
      <span class="segment-number">{number}</span>
      <span class="segment-kind">{kindLabel}</span>
      {inPage !== false && (
        <button type="button" class="segment-locate" title={t('editorLocateTitle')} onClick={() => onHighlight(segment.id, true)}>
          {t('editorLocate')}
        </button>
      )}
      {onStatus && <StatusControl state={state} segmentName={segmentName} onStatus={(status) => onStatus(segment.id, status)} />}
    </div>
  );
});

/** The source with its inline markup as chips. */
export const SegmentSource = memo(function SegmentSource(props: { id: string; segment: Segment; sourceLanguage: string | null }) {
  const { sourceLanguage } = props;
  return (
    <p class="segment-source" id={props.id} lang={sourceLanguage ?? undefined} dir={sourceLanguage ? textDirection(sourceLanguage) : 'auto'}>
      <TaggedText segment={props.segment} />
    </p>
  );
});

/** The buttons under the source that insert its placeholders. */
export const SourceChips = memo(PlaceholderChips);
