// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { progressLabel, progressPercents } from '../../utils/progress-label';

describe('progress in words and percents', () => {
  it('counts done segments, and drafts not yet done', () => {
    expect(progressLabel({ total: 13, drafted: 0, done: 0 })).toBe('0 of 13 done');
    expect(progressLabel({ total: 13, drafted: 1, done: 0 })).toBe('0 of 13 done · 1 draft');
    expect(progressLabel({ total: 13, drafted: 9, done: 7 })).toBe('7 of 13 done · 2 drafts');
    expect(progressLabel({ total: 13, drafted: 13, done: 13 })).toBe('13 of 13 done');
  });

  it('splits the bar into done and drafted parts', () => {
    expect(progressPercents({ total: 13, drafted: 9, done: 7 })).toEqual({ done: 54, drafts: 15 });
    expect(progressPercents({ total: 0, drafted: 0, done: 0 })).toEqual({ done: 0, drafts: 0 });
  });
});
