// The page reader reads a huge post in slices (readPostInSteps), letting the page run between
// them: the same post and anchors as reading it at once, whatever the slices.
import { describe, expect, it } from 'vitest';
import { readPost, readPostInSteps } from '../../utils/detect';
import { timeBudget } from '../../utils/detect/time-budget';
import { generateDiffPost } from '../bench/generate-post';
import { openPage } from '../support/pages';

describe('reading a post in steps', () => {
  const post = generateDiffPost({ segments: 300 });

  it('gives the same post and anchors as reading it at once, yielding between slices', async () => {
    const doc = openPage(post.html, post.canonicalUrl);
    const atOnce = readPost(doc, post.canonicalUrl);
    let waits = 0;
    const always = { due: () => true, wait: async () => void waits++ };
    const inSteps = await readPostInSteps(doc, post.canonicalUrl, always);
    expect(inSteps.post).toEqual(atOnce.post);
    expect(inSteps.anchors.map((a) => a.element)).toEqual(atOnce.anchors.map((a) => a.element));
    expect(atOnce.post?.segments).toHaveLength(post.segmentCount);
    expect(waits).toBeGreaterThan(100);
  });

  it('yields only when the slice is spent', async () => {
    const doc = openPage(post.html, post.canonicalUrl);
    let waits = 0;
    const never = { due: () => false, wait: async () => void waits++ };
    await readPostInSteps(doc, post.canonicalUrl, never);
    expect(waits).toBe(0);
    const budget = timeBudget(1_000);
    expect(budget.due()).toBe(false);
    expect(budget.longestMs).toBeLessThan(1_000);
  });

  it('reads nothing more of a page without a call to action', async () => {
    const doc = openPage('<!doctype html><html><body><article><p>Nothing to translate here.</p></article></body></html>');
    expect(await readPostInSteps(doc, 'https://blog.example.org/a/', timeBudget(20))).toEqual({ post: null, anchors: [] });
  });
});
