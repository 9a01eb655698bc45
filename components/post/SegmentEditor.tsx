// One segment: its source text beside (or above) the editor for its draft.
import { useMemo, useRef } from 'preact/hooks';
import { memo } from '../common/memo';
import { textDirection } from '@/utils/languages';
import type { ConcurrentEdit, Segment, SegmentKind } from '@/utils/model';
import { ConcurrentEditsFlag } from '../history/ConcurrentEditsFlag';
import { SetAsideNote } from '../sync/SetAsideNote';
import { SegmentDraftTools } from './SegmentDraftTools';
import { SourceChangeFlag } from '../history/SourceChangeFlag';
import { insertPlaceholderOnKey } from './placeholder-input';
import { QualityLine } from './QualityLine';
import { SegmentMeta, SegmentSource, SourceChips } from './SegmentMeta';
import { segmentState } from '@/utils/keyboard/segment-order';
import type { DraftStatus } from '@/utils/model';
import { MemorySlot } from '../memory/MemoryMatches';
import { formatNumber, t, type MessageKey } from '@/utils/i18n';

export const KIND_LABEL: Record<SegmentKind, MessageKey> = {
  heading: 'editorKindHeading',
  paragraph: 'editorKindParagraph',
  'list-item': 'editorKindListItem',
  quote: 'editorKindQuote',
  caption: 'editorKindCaption',
  'table-cell': 'editorKindTableCell',
};

/** How screen readers hear a segment inside other labels: "paragraph 3". */
export const KIND_NAME: Record<SegmentKind, MessageKey> = {
  heading: 'editorNameHeading',
  paragraph: 'editorNameParagraph',
  'list-item': 'editorNameListItem',
  quote: 'editorNameQuote',
  caption: 'editorNameCaption',
  'table-cell': 'editorNameTableCell',
};

interface Props {
  segment: Segment;
  index: number;
  /** How many segments the post has: screen readers say "3 of 1,000" though most rows rest. */
  setSize?: number;
  text: string;
  sourceLanguage: string | null;
  targetLanguage: string;
  /** True while the view switches to another language: typing would land in the one leaving. */
  switching?: boolean;
  /** Texts written elsewhere at the same time as this one (sync): flagged until kept. Keep the array stable. */
  concurrentEdits?: readonly ConcurrentEdit[];
  onText(segmentId: string, text: string): void;
  /** "Keep this text": the concurrent edits were reviewed. */
  onKeep(segmentId: string): void;
  /** Marks the segment's paragraph in the page; null clears. */
  onHighlight(segmentId: string | null, scroll?: boolean): void;
  /** False when the view shows the post without its page: nothing to show the paragraph in. */
  inPage?: boolean;
  /** The draft is marked done. */
  done?: boolean;
  /** Marks the draft done or back to draft; without it no status control shows. */
  onStatus?(segmentId: string, status: DraftStatus): void;
  /** The source the draft was written for, when the paragraph was reworded since: flagged until confirmed. */
  sourceChange?: string;
}

export const SegmentEditor = memo(function SegmentEditor(props: Props) {
  const { segment, index, text, sourceLanguage, targetLanguage, concurrentEdits, onText, onKeep, onHighlight } = props;
  const sourceId = `source-${segment.id}`;
  const editorRef = useRef<HTMLTextAreaElement>(null);
  const drafted = text.trim() !== '';
  const state = segmentState(text, props.done ? 'done' : 'draft');
  const names = useMemo(() => namesOf(segment.kind, index), [segment.kind, index]);
  return (
    <li
      class={`segment segment-${segment.kind}${drafted ? ' is-drafted' : ''}${state === 'done' ? ' is-done' : ''}`}
      data-status={state}
      aria-setsize={props.setSize}
      aria-posinset={props.setSize === undefined ? undefined : index + 1}
      onMouseEnter={() => onHighlight(segment.id)}
      onMouseLeave={() => onHighlight(null)}
    >
      <SegmentMeta
        segment={segment}
        {...names}
        state={state}
        inPage={props.inPage}
        onHighlight={onHighlight}
        onStatus={targetLanguage ? props.onStatus : undefined}
      />
      <SegmentSource id={sourceId} segment={segment} sourceLanguage={sourceLanguage} />
      {targetLanguage && <SourceChips segment={segment} editor={editorRef} />}
      <textarea
        ref={editorRef}
        class="segment-editor"
        data-segment-id={segment.id}
        aria-describedby={sourceId}
        aria-label={names.editorLabel}
        lang={targetLanguage || undefined}
        dir={targetLanguage ? textDirection(targetLanguage) : 'auto'}
        spellcheck
        rows={segment.kind === 'heading' || segment.text.length < 80 ? 1 : 3}
        disabled={!targetLanguage}
        readOnly={props.switching}
        placeholder={targetLanguage ? '' : t('editorChooseLanguage')}
        value={text}
        onInput={(event) => onText(segment.id, event.currentTarget.value)}
        onKeyDown={(event) => insertPlaceholderOnKey(event, segment.inline)}
        onFocus={() => onHighlight(segment.id)}
        onBlur={() => onHighlight(null)}
      />
      <QualityLine segment={segment} text={text} />
      <MemorySlot segmentId={segment.id} drafted={drafted} />
      {concurrentEdits && concurrentEdits.length > 0 && (
        <ConcurrentEditsFlag edits={concurrentEdits} lang={targetLanguage} onKeep={() => onKeep(segment.id)} />
      )}
      <SetAsideNote segmentId={segment.id} />
      {props.sourceChange !== undefined && drafted && (
        <SourceChangeFlag segmentId={segment.id} oldText={props.sourceChange} newText={segment.text} sourceLanguage={sourceLanguage} />
      )}
      <SegmentDraftTools segmentId={segment.id} text={text} label={names.segmentName} />
    </li>
  );
});

/** A segment's number and names, asked of the UI's messages once per row, not per keystroke. */
function namesOf(kind: SegmentKind, index: number) {
  const number = formatNumber(index + 1);
  const segmentName = t(KIND_NAME[kind], number);
  return { number, kindLabel: t(KIND_LABEL[kind]), segmentName, editorLabel: t('editorTranslationLabel', segmentName) };
}
