import type { Progress } from '@/utils/model';

export function ProgressMeter({ progress }: { progress: Progress }) {
  const percent = progress.total ? Math.round((progress.drafted / progress.total) * 100) : 0;
  return (
    <div class="progress" data-testid="progress" aria-live="polite">
      <span>
        {progress.drafted} of {progress.total}
      </span>
      <span class="progress-bar" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
        <span style={{ width: `${percent}%` }} />
      </span>
    </div>
  );
}
