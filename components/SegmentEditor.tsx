// One segment: its source text beside (or above) the editor for its draft.
import { memo } from './memo';
import { textDirection } from '@/utils/languages';
import type { ConcurrentEdit, Segment, SegmentKind } from '@/utils/model';
import { ConcurrentEditsFlag } from './ConcurrentEditsFlag';

const KIND_LABEL: Record<SegmentKind, string> = {
  heading: 'Heading',
  paragraph: 'Paragraph',
  'list-item': 'List item',
  quote: 'Quote',
  caption: 'Caption',
  'table-cell': 'Table cell',
};

interface Props {
  segment: Segment;
  index: number;
  text: string;
  sourceLanguage: string | null;
  targetLanguage: string;
  /** Texts written elsewhere at the same time as this one (sync): flagged until kept. Keep the array stable. */
  concurrentEdits?: readonly ConcurrentEdit[];
  onText(segmentId: string, text: string): void;
  /** "Keep this text": the concurrent edits were reviewed. */
  onKeep(segmentId: string): void;
  /** Marks the segment's paragraph in the page; null clears. */
  onHighlight(segmentId: string | null, scroll?: boolean): void;
}

export const SegmentEditor = memo(function SegmentEditor(props: Props) {
  const { segment, index, text, sourceLanguage, targetLanguage, concurrentEdits, onText, onKeep, onHighlight } = props;
  const sourceId = `source-${segment.id}`;
  const drafted = text.trim() !== '';
  return (
    <li
      class={`segment segment-${segment.kind}${drafted ? ' is-drafted' : ''}`}
      onMouseEnter={() => onHighlight(segment.id)}
      onMouseLeave={() => onHighlight(null)}
    >
      <div class="segment-meta">
        <span class="segment-number">{index + 1}</span>
        <span class="segment-kind">{KIND_LABEL[segment.kind]}</span>
        <button
          type="button"
          class="segment-locate"
          title="Scroll the page to this paragraph"
          onClick={() => onHighlight(segment.id, true)}
        >
          Show in page
        </button>
      </div>
      <p
        class="segment-source"
        id={sourceId}
        lang={sourceLanguage ?? undefined}
        dir={sourceLanguage ? textDirection(sourceLanguage) : 'auto'}
      >
        {segment.text}
      </p>
      <textarea
        class="segment-editor"
        data-segment-id={segment.id}
        aria-describedby={sourceId}
        aria-label={`Translation of ${KIND_LABEL[segment.kind].toLowerCase()} ${index + 1}`}
        lang={targetLanguage || undefined}
        dir={targetLanguage ? textDirection(targetLanguage) : 'auto'}
        spellcheck
        rows={segment.kind === 'heading' || segment.text.length < 80 ? 1 : 3}
        disabled={!targetLanguage}
        placeholder={targetLanguage ? '' : 'Choose a language to start'}
        value={text}
        onInput={(event) => onText(segment.id, event.currentTarget.value)}
        onFocus={() => onHighlight(segment.id)}
        onBlur={() => onHighlight(null)}
      />
      {concurrentEdits && concurrentEdits.length > 0 && (
        <ConcurrentEditsFlag edits={concurrentEdits} lang={targetLanguage} onKeep={() => onKeep(segment.id)} />
      )}
    </li>
  );
});
