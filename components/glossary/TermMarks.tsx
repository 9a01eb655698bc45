// A source text with the glossary's terms marked: hovering (or focusing) a term shows its agreed
// translation and the team's note.
import { t } from '@/utils/i18n';
import type { TermMatcher } from '@/utils/glossary/term-matcher';

export function TermMarks({ text, matcher }: { text: string; matcher: TermMatcher }) {
  const spans = matcher.findTerms(text);
  if (spans.length === 0) return <>{text}</>;
  const out: preact.ComponentChildren[] = [];
  let at = 0;
  for (const { start, end, entry } of spans) {
    if (start > at) out.push(text.slice(at, start));
    const hint = entry.note ? t('glossaryTermHintNote', entry.targets.join(', '), entry.note) : t('glossaryTermHint', entry.targets.join(', '));
    out.push(
      <mark key={start} class="glossary-term" title={hint} tabIndex={0} aria-label={`${text.slice(start, end)}: ${hint}`} data-testid="glossary-term">
        {text.slice(start, end)}
      </mark>,
    );
    at = end;
  }
  if (at < text.length) out.push(text.slice(at));
  return <>{out}</>;
}
