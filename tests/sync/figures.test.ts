// @vitest-environment node
// The figures the benchmark reports, kept working: a one-paragraph edit stays under 2 KB.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCouchServer, type CouchServer } from '../support/couch-server';
import { measureFirstSync, measureOneParagraphEdit } from '../support/sync-figures';

let server: CouchServer;
beforeAll(async () => {
  server = await startCouchServer();
}, 30_000);
afterAll(() => server?.stop());

describe('sync figures', () => {
  it('uploads under 2 KB for a one-paragraph edit, whatever the size of the post', async () => {
    const small = await measureOneParagraphEdit(server, 10);
    const large = await measureOneParagraphEdit(server, 200);
    expect(large.pushRequestBytes).toBeLessThan(2048);
    expect(Math.abs(large.pushRequestBytes - small.pushRequestBytes)).toBeLessThan(8); // the post's size does not count
  });

  it('measures a first sync', async () => {
    const figures = await measureFirstSync(server, 300);
    expect(figures).toMatchObject({ segments: 300, pushRequests: expect.any(Number) });
    expect(figures.pushMs).toBeGreaterThan(0);
  }, 60_000);
});
