// Under a segment's source: one button per placeholder, inserting it into the draft as Alt+n does.
import type { RefObject } from 'preact';
import type { Segment } from '@/utils/model';
import { closeToken, emptyToken, openToken } from '@/utils/segment/placeholders';
import { describeInline, shortName } from './placeholder-labels';
import { insertPlaceholder } from './placeholder-input';
import { t } from '@/utils/i18n';

interface Props {
  segment: Pick<Segment, 'inline'>;
  /** The draft's editor. */
  editor: RefObject<HTMLTextAreaElement | null>;
}

export function PlaceholderChips({ segment, editor }: Props) {
  const inline = segment.inline;
  if (!inline || inline.length === 0) return null;
  return (
    <div class="placeholder-chips" role="group" aria-label={t('editorPlaceholderGroup')}>
      {inline.map((element, index) => {
        const n = index + 1;
        const token = element.empty ? emptyToken(n) : `${openToken(n)}…${closeToken(n)}`;
        // Alt+1…Alt+9: key names, in the digits printed on the keys.
        const key = n <= 9 ? `Alt+${n}` : undefined;
        return (
          <button
            key={n}
            type="button"
            class="placeholder-insert"
            title={key ? t('editorInsertPlaceholderKey', token, describeInline(element), key) : t('editorInsertPlaceholder', token, describeInline(element))}
            aria-keyshortcuts={key}
            // Keep the editor's focus and selection: the chip wraps what is selected there.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => {
              if (editor.current) insertPlaceholder(editor.current, inline, n);
            }}
          >
            <span class={`placeholder-chip placeholder-${element.empty ? 'empty' : 'open'}`} data-chip={element.empty ? `${n}/` : `${n}`} aria-hidden="true" />
            {shortName(element)}
          </button>
        );
      })}
    </div>
  );
}
