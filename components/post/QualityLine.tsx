// Under each editor: what the draft still lacks against its source (placeholders, numbers),
// updated as the translator types (after the frame that shows the keystroke) and announced politely.
import { useMemo } from 'preact/hooks';
import type { Segment } from '@/utils/model';
import { useAfterFrame } from '../common/after-frame';
import { checkDraft } from '@/utils/segment/quality';
import { useGlossaryIssues } from '../glossary/glossary-issues';

interface Props {
  segment: Pick<Segment, 'text' | 'tagged' | 'inline'>;
  text: string;
}

export function QualityLine({ segment, text }: Props) {
  const checked = useAfterFrame(text);
  const issues = [...useMemo(() => checkDraft(segment, checked), [segment, checked]), ...useGlossaryIssues(segment.text, checked)];
  return (
    <div class={`quality-line${issues.length > 0 ? ' has-issues' : ''}`} role="status" aria-live="polite" data-testid="quality-line">
      {issues.length > 0 && (
        <ul>
          {issues.map((issue) => (
            <li key={`${issue.kind}-${issue.placeholder ?? issue.message}`} data-kind={issue.kind}>
              {issue.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
