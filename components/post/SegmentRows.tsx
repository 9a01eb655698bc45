// The post's segments, one row each. Typing re-renders only the row typed in (each live row reads
// its own text from SegmentTexts). Rows far from the viewport rest (row-window.ts): a 1,000-segment
// post opens with a screenful of editors, and the others become editors as they near the viewport
// or get the focus.
import { useMemo, useRef } from 'preact/hooks';
import type { ConcurrentEdit, DraftStatus, Segment } from '@/utils/model';
import { memo } from '../common/memo';
import { SegmentEditor } from './SegmentEditor';
import { RestingRange, RestingRows, type RestingRowProps } from './RestingRow';
import { useRowWindow, type SegmentFocus } from './row-window';
import { statusOf, type DoneTexts } from './segment-status';
import { useSegmentText, type SegmentTexts } from './segment-texts';

interface RowsProps {
  segments: readonly Segment[];
  texts: SegmentTexts;
  sourceLanguage: string | null;
  targetLanguage: string;
  /** True while the view switches to another language (editors read-only until it has). */
  switching?: boolean;
  concurrentEdits: Readonly<Record<string, readonly ConcurrentEdit[]>>;
  doneTexts: DoneTexts;
  changedSources: Readonly<Record<string, string>>;
  onText(segmentId: string, text: string): void;
  onKeep(segmentId: string): void;
  onHighlight(segmentId: string | null, scroll?: boolean): void;
  inPage?: boolean;
  onStatus?(segmentId: string, status: DraftStatus): void;
  /** Moves the focus to any segment, resting or not (keys, Alt+click in the page). */
  focus?: SegmentFocus;
}

export const SegmentRows = memo(function SegmentRows(props: RowsProps) {
  const { segments, texts, sourceLanguage, targetLanguage, doneTexts } = props;
  const list = useRef<HTMLOListElement>(null);
  const rows = useRowWindow({ list, segments, texts, focus: props.focus, editable: targetLanguage !== '' });
  const made = useMemo(() => new RestingRows(), []);
  const items: preact.ComponentChild[] = [];
  let rest: RestingRowProps[] = [];
  // A range's key follows the end that stays put as the translator scrolls: its first row, and
  // for the range that ends the post, that end.
  const restingRange = (endsPost: boolean) =>
    rest.length && items.push(<RestingRange key={endsPost ? 'resting:end' : `resting:${rest[0]!.segment.id}`} rows={rest} made={made} />);
  segments.forEach((segment, index) => {
    if (!rows.isLive(segment.id, index)) {
      rest.push({ segment, index, text: texts.get(segment.id), sourceLanguage, targetLanguage, height: rows.heightOf(segment.id) });
      return;
    }
    restingRange(false);
    rest = [];
    items.push(
      <SegmentRow
        key={segment.id}
        segment={segment}
        index={index}
        setSize={segments.length}
        texts={texts}
        sourceLanguage={sourceLanguage}
        targetLanguage={targetLanguage}
        switching={props.switching}
        concurrentEdits={props.concurrentEdits[segment.id]}
        doneText={doneTexts[segment.id]}
        sourceChange={props.changedSources[segment.id]}
        onText={props.onText}
        onKeep={props.onKeep}
        onHighlight={props.onHighlight}
        inPage={props.inPage}
        onStatus={props.onStatus}
      />,
    );
  });
  restingRange(true);
  return (
    <ol class="segments" ref={list}>
      {items}
    </ol>
  );
});

interface RowProps {
  segment: Segment;
  index: number;
  setSize: number;
  texts: SegmentTexts;
  sourceLanguage: string | null;
  targetLanguage: string;
  switching?: boolean;
  concurrentEdits?: readonly ConcurrentEdit[];
  doneText?: string;
  sourceChange?: string;
  onText(segmentId: string, text: string): void;
  onKeep(segmentId: string): void;
  onHighlight(segmentId: string | null, scroll?: boolean): void;
  inPage?: boolean;
  onStatus?(segmentId: string, status: DraftStatus): void;
}

const SegmentRow = memo(function SegmentRow({ texts, doneText, ...row }: RowProps) {
  const text = useSegmentText(texts, row.segment.id);
  return <SegmentEditor {...row} text={text} done={statusOf(text, doneText) === 'done'} />;
});
