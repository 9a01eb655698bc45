// The post's segments, one row each. Typing re-renders only the row typed in (each row reads its
// own text from SegmentTexts). A long post shows every source and editor at once; the rows' further
// controls (status, history, placeholder buttons, quality line) follow a few rows at a time, top
// first, when the view is idle: a 1,000-segment post is editable without waiting for 1,000 rows of
// buttons, and typing goes first.
import { useEffect, useState } from 'preact/hooks';
import type { ConcurrentEdit, DraftStatus, Segment } from '@/utils/model';
import { memo } from '../common/memo';
import { SegmentEditor } from './SegmentEditor';
import { statusOf, type DoneTexts } from './segment-status';
import { useSegmentText, type SegmentTexts } from './segment-texts';

/** Rows complete from the first render: more than a side panel's first screen holds. */
const FIRST_COMPLETE_ROWS = 40;
/** Rows completed per idle moment at most: small enough that a keystroke never waits long for them. */
const ROWS_PER_TASK = 10;

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
}

export const SegmentRows = memo(function SegmentRows(props: RowsProps) {
  return (
    <ol class="segments">
      {props.segments.map((segment, index) => (
        <SegmentRow
          key={segment.id}
          segment={segment}
          index={index}
          texts={props.texts}
          sourceLanguage={props.sourceLanguage}
          targetLanguage={props.targetLanguage}
          switching={props.switching}
          concurrentEdits={props.concurrentEdits[segment.id]}
          doneText={props.doneTexts[segment.id]}
          sourceChange={props.changedSources[segment.id]}
          onText={props.onText}
          onKeep={props.onKeep}
          onHighlight={props.onHighlight}
          inPage={props.inPage}
          onStatus={props.onStatus}
        />
      ))}
    </ol>
  );
});

/** Rows waiting for their controls, by segment id, in the order they were shown (top first). */
const waiting = new Map<string, () => void>();
let scheduled = false;

/** Completes the row when its turn comes (or it scrolls into view); returns how to leave the line. */
function completeInTurn(segmentId: string, complete: () => void): () => void {
  waiting.set(segmentId, complete);
  if (!scheduled) scheduleTurn();
  if (waiting.size === 1) addEventListener('scroll', onScroll, { capture: true, passive: true });
  return () => {
    if (waiting.get(segmentId) === complete) leave(segmentId);
  };
}

function leave(segmentId: string): void {
  waiting.delete(segmentId);
  if (waiting.size === 0) removeEventListener('scroll', onScroll, { capture: true });
}

function completeRow(segmentId: string): void {
  const complete = waiting.get(segmentId);
  if (!complete) return;
  leave(segmentId);
  complete();
}

function scheduleTurn(): void {
  scheduled = true;
  const turn = (deadline?: IdleDeadline) => {
    scheduled = false;
    let done = 0;
    for (const segmentId of waiting.keys()) {
      completeRow(segmentId);
      if (++done >= ROWS_PER_TASK || (deadline && deadline.timeRemaining() < 1)) break;
    }
    if (waiting.size > 0) scheduleTurn();
  };
  if (typeof requestIdleCallback === 'function') requestIdleCallback(turn, { timeout: 500 });
  else setTimeout(turn, 0);
}

/** Rows a translator scrolls to are completed before the frame that shows them, not in their turn. */
let framePending = false;
function onScroll(): void {
  if (framePending) return;
  framePending = true;
  requestAnimationFrame(() => {
    framePending = false;
    // The first row under the top of the view (a point may fall between rows).
    let row: Element | null = null;
    for (let y = 1; !row && y < innerHeight; y += 40) row = document.elementFromPoint(innerWidth / 2, y)?.closest('.segment') ?? null;
    for (let back = 0; back < 2 && row?.previousElementSibling; back++) row = row.previousElementSibling;
    // The rows on screen and half a screen below: few enough for one frame.
    const below = innerHeight * 1.5;
    for (let n = 0; row && n < 30 && row.getBoundingClientRect().top < below; n++, row = row.nextElementSibling) {
      const segmentId = row.querySelector<HTMLElement>('[data-segment-id]')?.dataset.segmentId;
      if (segmentId) completeRow(segmentId);
    }
  });
}

interface RowProps {
  segment: Segment;
  index: number;
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
  const [complete, setComplete] = useState(row.index < FIRST_COMPLETE_ROWS);
  useEffect(() => (complete ? undefined : completeInTurn(row.segment.id, () => setComplete(true))), []);
  return <SegmentEditor {...row} text={text} done={statusOf(text, doneText) === 'done'} complete={complete} />;
});
