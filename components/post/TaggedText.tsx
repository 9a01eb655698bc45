// A segment's source with its inline markup as numbered chips. The chips' numbers are drawn by CSS
// from data-chip, so the source still reads (and copies) as its words; each chip names its element.
import { parseTagged, type TaggedPart } from '@/utils/segment/placeholders';
import type { InlineElement, Segment } from '@/utils/model';
import { describeInline } from './placeholder-labels';
import { formatNumber, t, uiLanguage } from '@/utils/i18n';
import { useTermMatcher } from '../memory/memory-context';
import { TermMarks } from '../glossary/TermMarks';

interface Props {
  segment: Pick<Segment, 'text' | 'tagged' | 'inline'>;
}

export function TaggedText({ segment }: Props) {
  const { tagged, inline } = segment;
  // Glossary terms are marked in the text between chips, once a glossary has loaded.
  const matcher = useTermMatcher();
  const words = (text: string, key?: number) => (matcher ? <TermMarks key={key} text={text} matcher={matcher} /> : text);
  if (!tagged || !inline || inline.length === 0) return <>{words(segment.text)}</>;
  return (
    <>
      {parseTagged(tagged).map((part, index) =>
        part.type === 'text' ? (
          words(part.text, index)
        ) : inline[part.n - 1]?.tag === 'br' ? (
          // A line break's chip ends the line, as the break does in the page.
          <span key={index}>
            <PlaceholderChip part={part} element={inline[part.n - 1]} />
            <br />
          </span>
        ) : (
          <PlaceholderChip key={index} part={part} element={inline[part.n - 1]} />
        ),
      )}
    </>
  );
}

function PlaceholderChip({ part, element }: { part: Exclude<TaggedPart, { type: 'text' }>; element?: InlineElement }) {
  const what = element ? describeInline(element) : t('editorUnknownMarkup');
  const { n, type } = part;
  const number = formatNumber(n);
  const label = type === 'open' ? t('editorChipStart', number, what) : type === 'close' ? t('editorChipEnd', number) : t('editorChipEmpty', number, what);
  const chip = type === 'open' ? `${n}` : type === 'close' ? `/${n}` : `${n}/`;
  return (
    <span
      class={`placeholder-chip placeholder-${type}`}
      data-chip={chip}
      data-placeholder={n}
      role="img"
      // Named in the UI language, inside the source's text.
      lang={uiLanguage()}
      aria-label={label}
      title={t('editorChipTitle', number, what)}
    />
  );
}
