// Sudden death during sync, in real Chromium: device A drafts, starts a sync and has its service
// worker stopped at a random moment of it, round after round. Nothing typed is lost, and once the
// worker is left alone both devices converge on the same texts.
// `npm test` runs a few rounds; `npm run test:stress` runs STRESS_RUNS=100.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startCouchServer, type CouchServer } from '../support/couch-server';
import { DIFF_POST_PATH, pollUntil, startFixtureServer, type FixtureServer } from './harness';
import { journeyRoutes } from './journey-shared';
import { openSyncDevice, syncNow, type SyncDevice } from './sync-device';

const RUNS = Number(process.env.STRESS_RUNS ?? 6);
const DATABASE = 'stress-drafts';
const SEGMENTS = 13;

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<any> } };

describe('sudden death during sync', () => {
  let couch: CouchServer;
  let pages: FixtureServer;
  let a: SyncDevice;
  let b: SyncDevice;
  const expected = new Map<number, string>();

  const editor = (device: SyncDevice, index: number) => device.panel.locator('textarea[data-segment-id]').nth(index);
  const texts = (page: Page) =>
    page.locator('textarea[data-segment-id]').evaluateAll((es) => es.map((e) => (e as HTMLTextAreaElement).value));

  beforeAll(async () => {
    couch = await startCouchServer({ cors: true });
    // Anyone may use it, as on a CouchDB with default_security = everyone (3.x makes it admins only).
    await couch.configure({ defaultSecurity: 'everyone' });
    await couch.createDatabase(DATABASE);
    pages = await startFixtureServer(journeyRoutes());
    const postUrl = pages.origin('diff.wikimedia.org') + DIFF_POST_PATH;
    const server = { serverUrl: couch.url, database: DATABASE, username: '', password: '' };
    a = await openSyncDevice('laptop', postUrl, server);
    b = await openSyncDevice('office', postUrl, server);
  }, 120_000);

  afterAll(async () => {
    await a?.browser.close();
    await b?.browser.close();
    await pages?.close();
    await couch?.stop();
  });

  it(`loses nothing and converges (${RUNS} rounds)`, async () => {
    const cdp = await a.browser.context.newCDPSession(a.options);
    for (let round = 0; round < RUNS; round++) {
      const index = (round * 5) % SEGMENTS;
      const text = `${expected.get(index) ?? ''} р${round}`.trim();
      await editor(a, index).fill(text);
      expected.set(index, text);
      // Let the view hand the text over, start a sync, and stop the worker somewhere in it.
      await a.panel.waitForTimeout(300);
      await a.options.evaluate(() => void chrome.runtime.sendMessage({ type: 'sync:now' }).catch(() => undefined));
      await a.panel.waitForTimeout(Math.floor(Math.random() * 250));
      const { targetInfos } = await cdp.send('Target.getTargets');
      const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${a.browser.extensionId}/`));
      if (worker) await cdp.send('Target.closeTarget', { targetId: worker.targetId });
    }
    await cdp.detach();

    const wanted = Array.from({ length: SEGMENTS }, (_, i) => expected.get(i) ?? '');
    await pollUntil(async () => (await syncNow(a))?.state === 'synced', { timeout: 30_000, message: 'A synced' });
    expect(await texts(a.panel)).toEqual(wanted);
    await pollUntil(
      async () => {
        await syncNow(b);
        return JSON.stringify(await texts(b.panel)) === JSON.stringify(wanted);
      },
      { timeout: 30_000, message: 'B shows every text A typed' },
    );
  }, 120_000 + RUNS * 3_000);
});
