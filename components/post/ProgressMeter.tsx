// A post's progress in the chosen language: the words ("7 of 13 done · 2 drafts") and a bar with
// the done and the drafted part.
import { useMemo } from 'preact/hooks';
import { progressOf, type Progress, type Segment } from '@/utils/model';
import { progressLabel, progressPercents } from '@/utils/progress-label';
import { t } from '@/utils/i18n';
import { statusOf, type DoneTexts } from './segment-status';
import { useAllTexts, type SegmentTexts } from './segment-texts';

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

interface PostProgressProps {
  segments: Segment[];
  texts: SegmentTexts;
  doneTexts: DoneTexts;
}

/** The progress of the drafts shown, counted after the frame that shows a keystroke. */
export function PostProgress({ segments, texts, doneTexts }: PostProgressProps) {
  const all = useAllTexts(texts);
  const progress = useMemo(
    () =>
      progressOf(
        segments,
        Object.entries(all).map(([segmentId, text]) => ({ segmentId, text, status: statusOf(text, doneTexts[segmentId]) })),
      ),
    [segments, all, doneTexts],
  );
  return <ProgressMeter progress={progress} />;
}
