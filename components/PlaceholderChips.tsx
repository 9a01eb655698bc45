// Under a segment's source: one button per placeholder, inserting it into the draft as Alt+n does.
import type { RefObject } from 'preact';
import type { Segment } from '@/utils/model';
import { closeToken, emptyToken, openToken } from '@/utils/segment/placeholders';
import { describeInline, shortName } from './placeholder-labels';
import { insertPlaceholder } from './placeholder-input';

interface Props {
  segment: Pick<Segment, 'inline'>;
  /** The draft's editor. */
  editor: RefObject<HTMLTextAreaElement | null>;
}

export function PlaceholderChips({ segment, editor }: Props) {
  const inline = segment.inline;
  if (!inline || inline.length === 0) return null;
  return (
    <div class="placeholder-chips" role="group" aria-label="Insert a placeholder">
      {inline.map((element, index) => {
        const n = index + 1;
        const token = element.empty ? emptyToken(n) : `${openToken(n)}…${closeToken(n)}`;
        const key = n <= 9 ? ` (Alt+${n})` : '';
        return (
          <button
            key={n}
            type="button"
            class="placeholder-insert"
            title={`Insert ${token}: ${describeInline(element)}${key}`}
            aria-keyshortcuts={n <= 9 ? `Alt+${n}` : undefined}
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
