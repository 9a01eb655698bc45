// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { badgeTextFor } from '../utils/badge';

const progress = (total: number, drafted: number, done: number) => ({ total, drafted, done });

describe('the toolbar badge', () => {
  it('says nothing without a post, or for a post with nothing to translate', () => {
    expect(badgeTextFor(null)).toBe('');
    expect(badgeTextFor(progress(0, 0, 0))).toBe('');
  });

  it('counts the segments waiting until the post has a draft', () => {
    expect(badgeTextFor(progress(13, 0, 0))).toBe('13');
    expect(badgeTextFor(progress(2500, 0, 0))).toBe('999+');
  });

  it('shows the percent done once the post has any draft', () => {
    expect(badgeTextFor(progress(13, 1, 0))).toBe('0%');
    expect(badgeTextFor(progress(13, 9, 7))).toBe('54%');
    expect(badgeTextFor(progress(13, 13, 13))).toBe('✓');
  });

  it('never rounds to 100% before the last segment, nor to 0% after the first', () => {
    expect(badgeTextFor(progress(1000, 1000, 999))).toBe('99%');
    expect(badgeTextFor(progress(1000, 1, 1))).toBe('1%');
  });
});
