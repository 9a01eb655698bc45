// Under the segment being edited: its best memory matches (context 101%, exact 100%, fuzzy), each
// with its percent, the words its source differs in, and where it came from; a click (or the key)
// inserts one as the draft, and the history says "from memory (n%)". A drafted paragraph the post
// repeats offers to fill its repetitions. Asked for once on focus, never per keystroke.
import { useLayoutEffect, useState } from 'preact/hooks';
import { memo } from '../common/memo';
import { formatDateTime, formatNumber, t, tCount } from '@/utils/i18n';
import { keyOf } from '@/utils/keyboard/key-map';
import { textDirection } from '@/utils/languages';
import { sendMessage } from '@/utils/messaging';
import type { MemoryMatch } from '@/utils/memory/memory-types';
import { errorText } from '../post/draft-context';
import { replaceAsTyped } from '../post/use-segment-keys';
import { useIsEditing, useMemoryContext, type MemoryContextValue } from './memory-context';
import { segmentAfter } from './match-questions';
import { FillUndo } from './FillUndo';
import { ErrorLine } from '../common/ErrorLine';

/** In each row: the matches, while this segment is the one being edited. */
export const MemorySlot = memo(function MemorySlot({ segmentId, drafted }: { segmentId: string; drafted: boolean }) {
  const editing = useIsEditing(segmentId);
  const context = useMemoryContext();
  if (!editing || !context?.lang) return null;
  return <MemoryMatches context={context} segmentId={segmentId} drafted={drafted} />;
});

/** Ready matches are `confirming` while they are the held ones and the background's answer is on its way. */
type Loaded = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; matches: MemoryMatch[]; confirming?: boolean };

const KIND_LABEL = { context: 'memoryKindContext', exact: 'memoryKindExact', fuzzy: 'memoryKindFuzzy' } as const;

function MemoryMatches({ context, segmentId, drafted }: { context: MemoryContextValue; segmentId: string; drafted: boolean }) {
  const { postKey, lang } = context;
  const shownAtOnce = (): Loaded => {
    const held = context.questions.heldFor(segmentId);
    return held ? { status: 'ready', matches: held, confirming: true } : { status: 'loading' };
  };
  const [loaded, setLoaded] = useState<Loaded>(shownAtOnce);
  // Taken as the row renders for the focus, not a frame later: the answer is what the translator
  // waits for (and was asked for as the focus landed). What was held shows until it comes.
  useLayoutEffect(() => {
    let current = true;
    setLoaded(shownAtOnce());
    context.questions.matchesOf(segmentId).then(
      (matches) => {
        if (!current) return;
        setLoaded({ status: 'ready', matches });
        const next = segmentAfter(context.segments, segmentId);
        if (next) context.questions.askAhead(next);
      },
      (error) => current && setLoaded({ status: 'error', message: t('memoryFailed', errorText(error)) }),
    );
    return () => {
      current = false;
    };
  }, [context.questions, segmentId]);

  const insert = (match: MemoryMatch) => {
    const editor = document.querySelector<HTMLTextAreaElement>(`textarea[data-segment-id="${CSS.escape(segmentId)}"]`);
    if (!editor || editor.disabled || editor.readOnly) return;
    context.flush();
    // Stored first, with its origin; the editor then changes as if typed (Ctrl+Z undoes it), and
    // the save that follows finds the same text and changes nothing.
    sendMessage({ type: 'memory:insert', postKey, lang, segmentId, text: match.target, percent: match.percent }).catch((error) =>
      setLoaded({ status: 'error', message: t('memoryFailed', errorText(error)) }),
    );
    replaceAsTyped(editor, match.target);
  };

  const dir = textDirection(lang);
  return (
    <section
      class="memory-matches"
      aria-label={t('memoryHeading')}
      aria-busy={loaded.status === 'loading' || (loaded.status === 'ready' && loaded.confirming === true)}
      data-testid="memory-matches"
    >
      {loaded.status === 'loading' && <p class="muted memory-status">{t('memoryLoading')}</p>}
      {loaded.status === 'error' && <ErrorLine error={loaded.message} />}
      {loaded.status === 'ready' && loaded.matches.length === 0 && <p class="muted memory-status">{t('memoryNone')}</p>}
      {loaded.status === 'ready' && loaded.matches.length > 0 && (
        <ol class="memory-list">
          {loaded.matches.map((match, i) => (
            <li key={i} class={`memory-match memory-${match.kind}`} data-testid="memory-match" data-percent={match.percent}>
              <p class="memory-meta">
                <strong class="memory-percent">{t('memoryPercent', formatNumber(match.percent))}</strong> {t(KIND_LABEL[match.kind])} ·{' '}
                <span class="muted">{originOf(match)}</span>
              </p>
              <p class="memory-source" data-testid="memory-diff">
                {match.diff.map((part, k) =>
                  part.change === 'same' ? part.text : part.change === 'removed' ? <del key={k}>{part.text}</del> : <ins key={k}>{part.text}</ins>,
                )}
              </p>
              <button
                type="button"
                class="memory-insert"
                data-action={i === 0 ? 'insert-match' : undefined}
                lang={lang}
                dir={dir}
                title={i === 0 ? t('memoryInsertBestTitle', keyOf('insert-memory-match')) : t('memoryInsertTitle')}
                onClick={() => insert(match)}
              >
                {match.target}
              </button>
            </li>
          ))}
        </ol>
      )}
      {drafted && <RepetitionsOffer context={context} segmentId={segmentId} />}
    </section>
  );
}

function originOf(match: MemoryMatch): string {
  const when = formatDateTime(match.at);
  if (match.from.file) return t('memoryFromFile', match.from.file, when);
  return t('memoryFromPost', match.from.title ?? match.from.url ?? '', when);
}

/** "Fill 2 repetitions": the post's other untranslated segments with this very source. */
function RepetitionsOffer({ context, segmentId }: { context: MemoryContextValue; segmentId: string }) {
  const source = context.segments.find((s) => s.id === segmentId);
  const tagged = source?.tagged ?? source?.text;
  const repetitions = context.segments.filter((s) => s.id !== segmentId && (s.tagged ?? s.text) === tagged && context.textOf(s.id).trim() === '');
  const [filled, setFilled] = useState<Awaited<ReturnType<typeof fill>> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const fill = () => sendMessage({ type: 'memory:fill-repetitions', postKey: context.postKey, lang: context.lang, segmentId });
  if (filled) return <FillUndo context={context} filled={filled.filled} onDone={() => setFilled(null)} />;
  if (repetitions.length === 0) return null;
  return (
    <p class="memory-repetitions">
      <button
        type="button"
        data-action="fill-repetitions"
        onClick={() => {
          context.flush();
          fill().then(setFilled, (e) => setError(t('memoryFailed', errorText(e))));
        }}
      >
        {tCount('memoryFillRepetitions', repetitions.length)}
      </button>
      <ErrorLine error={error} kind="inline" />
    </p>
  );
}
