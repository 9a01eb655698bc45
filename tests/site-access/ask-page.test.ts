// A view asking a page what it offers (utils/site-access/ask-page.ts): the function the background
// runs in the page calls the answer the first look left there, and what comes back is checked as a
// reported post — a page's world is not trusted.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { askPage } from '../../utils/site-access/ask-page';
import { PAGE_ANSWER, publishPageAnswer } from '../../utils/site-access/run-once';
import type { PostSnapshot } from '../../utils/model';
import { SAMPLE_POST } from '../support/export-posts';

/** What a page reports: a post as the store keeps it, without what the store adds. */
const { key, url, title, sourceLanguage, cta, segments } = SAMPLE_POST;
const POST: PostSnapshot = { key, url, detected: true, title, sourceLanguage, cta, segments };

beforeEach(() => {
  fakeBrowser.reset();
  // The browser runs the function in the page's content-script world: here, this test's globals.
  const run = vi.fn(async ({ func }: { func: () => unknown }) => [{ frameId: 0, result: await func() }]);
  (fakeBrowser as unknown as { scripting: { executeScript: typeof run } }).scripting = { executeScript: run };
});

afterEach(() => {
  delete (globalThis as Record<string, unknown>)[PAGE_ANSWER];
});

describe('asking a page what it offers', () => {
  it('gets the answer the first look left in the page', async () => {
    publishPageAnswer(async () => POST);
    expect(await askPage(7)).toEqual(POST);
  });

  it('gets null where no first look ran, and where the page answers nothing', async () => {
    expect(await askPage(7)).toBeNull();
    publishPageAnswer(async () => null);
    expect(await askPage(7)).toBeNull();
  });

  it('refuses an answer that is not a post', async () => {
    publishPageAnswer(async () => ({ ...POST, segments: 'not a list' }) as unknown as PostSnapshot);
    expect(await askPage(7)).toBeNull();
    publishPageAnswer(async () => ({ ...POST, key: 'x'.repeat(10_000) }));
    expect(await askPage(7)).toBeNull();
  });
});
