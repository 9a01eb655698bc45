// One segment: its source text beside (or above) the editor for its draft.
import { useRef, useState } from 'preact/hooks';
import { memo } from '../common/memo';
import { textDirection } from '@/utils/languages';
import type { ConcurrentEdit, Segment, SegmentKind } from '@/utils/model';
import { ConcurrentEditsFlag } from '../history/ConcurrentEditsFlag';
import { SetAsideNote } from '../sync/SetAsideNote';
import { SegmentDraftTools } from './SegmentDraftTools';
import { SourceChangeFlag } from '../history/SourceChangeFlag';
import { PlaceholderChips } from './PlaceholderChips';
import { insertPlaceholderOnKey } from './placeholder-input';
import { QualityLine } from './QualityLine';
import { TaggedText } from './TaggedText';
import { segmentState } from '@/utils/keyboard/segment-order';
import type { DraftStatus } from '@/utils/model';
import { StatusControl } from './StatusControl';
import { formatNumber, t, type MessageKey } from '@/utils/i18n';

const KIND_LABEL: Record<SegmentKind, MessageKey> = {
  heading: 'editorKindHeading',
  paragraph: 'editorKindParagraph',
  'list-item': 'editorKindListItem',
  quote: 'editorKindQuote',
  caption: 'editorKindCaption',
  'table-cell': 'editorKindTableCell',
};

/** How screen readers hear a segment inside other labels: "paragraph 3". */
const KIND_NAME: Record<SegmentKind, MessageKey> = {
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
  /**
   * False while a long post's row waits its turn for its controls (SegmentRows): it shows its number,
   * source and editor only, and completes at once when hovered or focused. Default true.
   */
  complete?: boolean;
}

export const SegmentEditor = memo(function SegmentEditor(props: Props) {
  const { segment, index, text, sourceLanguage, targetLanguage, concurrentEdits, onText, onKeep, onHighlight } = props;
  const sourceId = `source-${segment.id}`;
  const editorRef = useRef<HTMLTextAreaElement>(null);
  const drafted = text.trim() !== '';
  const state = segmentState(text, props.done ? 'done' : 'draft');
  const onStatus = props.onStatus;
  const number = formatNumber(index + 1);
  const segmentName = t(KIND_NAME[segment.kind], number);
  const [reached, setReached] = useState(false);
  const complete = props.complete !== false || reached;
  return (
    <li
      class={`segment segment-${segment.kind}${drafted ? ' is-drafted' : ''}${state === 'done' ? ' is-done' : ''}`}
      data-status={state}
      onMouseEnter={() => {
        setReached(true);
        onHighlight(segment.id);
      }}
      onMouseLeave={() => onHighlight(null)}
      onFocusCapture={complete ? undefined : () => setReached(true)}
    >
      <div class="segment-meta">
        <span class="segment-number">{number}</span>
        <span class="segment-kind">{t(KIND_LABEL[segment.kind])}</span>
        {complete && props.inPage !== false && (
          <button
            type="button"
            class="segment-locate"
            title={t('editorLocateTitle')}
            onClick={() => onHighlight(segment.id, true)}
          >
            {t('editorLocate')}
          </button>
        )}
        {complete && onStatus && targetLanguage && (
          <StatusControl
            state={state}
            segmentName={segmentName}
            onStatus={(status) => onStatus(segment.id, status)}
          />
        )}
      </div>
      <p
        class="segment-source"
        id={sourceId}
        lang={sourceLanguage ?? undefined}
        dir={sourceLanguage ? textDirection(sourceLanguage) : 'auto'}
      >
        {complete ? <TaggedText segment={segment} /> : segment.text}
      </p>
      {complete && targetLanguage && <PlaceholderChips segment={segment} editor={editorRef} />}
      <textarea
        ref={editorRef}
        class="segment-editor"
        data-segment-id={segment.id}
        aria-describedby={sourceId}
        aria-label={t('editorTranslationLabel', segmentName)}
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
      {complete && <QualityLine segment={segment} text={text} />}
      {concurrentEdits && concurrentEdits.length > 0 && (
        <ConcurrentEditsFlag edits={concurrentEdits} lang={targetLanguage} onKeep={() => onKeep(segment.id)} />
      )}
      {complete && <SetAsideNote segmentId={segment.id} />}
      {props.sourceChange !== undefined && drafted && (
        <SourceChangeFlag segmentId={segment.id} oldText={props.sourceChange} newText={segment.text} sourceLanguage={sourceLanguage} />
      )}
      {complete && <SegmentDraftTools segmentId={segment.id} text={text} label={segmentName} />}
    </li>
  );
});
