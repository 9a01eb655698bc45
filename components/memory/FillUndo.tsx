// After a fill from memory: how many segments it filled, with Undo (drafts typed in since stay).
import { t, tCount } from '@/utils/i18n';
import { sendMessage } from '@/utils/messaging';
import type { FilledSegment } from '@/utils/memory/memory-fill';
import { UndoNotice } from '../common/UndoNotice';
import type { MemoryContextValue } from './memory-context';

interface Props {
  context: Pick<MemoryContextValue, 'postKey' | 'lang'>;
  filled: FilledSegment[];
  onDone(): void;
}

export function FillUndo({ context, filled, onDone }: Props) {
  if (filled.length === 0) {
    return (
      <p class="muted" role="status" data-testid="memory-fill-none">
        {t('memoryFillNone')}
      </p>
    );
  }
  return (
    <UndoNotice
      message={tCount('memoryFilled', filled.length)}
      testId="memory-filled"
      onUndo={() => sendMessage({ type: 'memory:undo-fill', postKey: context.postKey, lang: context.lang, filled })}
      onDismiss={onDone}
    />
  );
}
