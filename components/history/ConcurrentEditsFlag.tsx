// Under a segment's editor: the same segment was edited elsewhere at the same time. The editor
// shows the text that won (the later edit); here are the others, each also kept in the history.
import { textDirection } from '@/utils/languages';
import type { ConcurrentEdit } from '@/utils/model';
import { hlcTime } from '@/utils/sync/hlc';
import { formatDateTime, t, tCount } from '@/utils/i18n';

interface Props {
  edits: readonly ConcurrentEdit[];
  lang: string;
  onKeep(): void;
}

function whenOf(stamp: string): string {
  try {
    return formatDateTime(hlcTime(stamp));
  } catch {
    return t('atSomePoint'); // a stamp from a future format: the text matters more than its time
  }
}

export function ConcurrentEditsFlag({ edits, lang, onKeep }: Props) {
  return (
    <div class="concurrent-edits" role="note" data-testid="concurrent-edits">
      <p class="concurrent-edits-title">
        <strong>{t('editedElsewhere')}</strong>
        <span class="muted"> {tCount('editedElsewhereIntro', edits.length)}</span>
      </p>
      <ul>
        {edits.map((edit) => (
          <li key={edit.hlc}>
            {edit.deleted ? (
              <em>{t('deletedMark')}</em>
            ) : (
              <q class="concurrent-text" lang={lang || undefined} dir={lang ? textDirection(lang) : 'auto'}>
                {edit.text}
              </q>
            )}{' '}
            <span class="muted">
              {edit.user
                ? t('editorConcurrentFromUser', edit.device ?? t('anotherDevice'), edit.user, whenOf(edit.hlc))
                : t('editorConcurrentFrom', edit.device ?? t('anotherDevice'), whenOf(edit.hlc))}
            </span>
          </li>
        ))}
      </ul>
      <button type="button" onClick={onKeep}>
        {t('keepThisText')}
      </button>
    </div>
  );
}
