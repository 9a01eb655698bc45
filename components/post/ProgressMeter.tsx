// A post's progress in the chosen language: the words ("7 of 13 done · 2 drafts") and a bar with
// the done and the drafted part.
import type { Progress } from '@/utils/model';
import { progressLabel, progressPercents } from '@/utils/progress-label';
import { t } from '@/utils/i18n';

export function ProgressMeter({ progress }: { progress: Progress }) {
  const percents = progressPercents(progress);
  const label = progressLabel(progress);
  return (
    <div class="progress" data-testid="progress" aria-live="polite">
      <span>{label}</span>
      <span
        class="progress-bar"
        role="progressbar"
        aria-label={t('progressBarLabel')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percents.done}
        aria-valuetext={label}
      >
        <span class="progress-done" style={{ width: `${percents.done}%` }} />
        <span class="progress-drafts" style={{ width: `${percents.drafts}%` }} />
      </span>
    </div>
  );
}
