// Translation memory and the glossary in real Chromium with the built extension: draft one Diff post
// in Russian, open a second that shares its caption and licence lines and rewords paragraphs
// (tests/fixtures/diff-central-asia-wikimania-2024.followup.html): exact matches fill, a fuzzy match
// shows its differences and goes in with Alt+M; a glossary term added from a selection is marked
// and checked; the TMX export is read by translate-toolkit and imported into a fresh profile; a
// second profile gets the glossary entry through the sync server.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Worker } from 'playwright-core';
import { startCouchServer, type CouchServer } from '../support/couch-server';
import {
  DIFF_POST_FIXTURE,
  DIFF_POST_PATH,
  fixturePath,
  launchExtension,
  makeTempDir,
  openExtensionPage,
  openTab,
  pollUntil,
  runningServiceWorker,
  startFixtureServer,
  stopServiceWorker,
  type ExtensionBrowser,
  type FixtureServer,
} from './harness';
import { openSyncDevice, syncNow, type SyncDevice } from './sync-device';

const FOLLOWUP_PATH = '/2024/10/14/central-asian-wikimedians-look-back-on-wikimania-2024/';
const DATABASE = 'team-memory';
const USER = { name: 'ana', password: 'correct horse battery' };

/** Drafts of the first post, by the start of their source. */
const DRAFTS: Array<[RegExp, string]> = [
  [/^You can read more/, 'Подробнее о сообществах Центральной Азии — в предыдущем блоге.'],
  [/^\(Central Asian community members/, '(Участники сообщества Центральной Азии, фото AAkhmedova (WMF), CC BY 4.0, Викисклад)'],
  [/^\(Wikimedians of Central Asia/, '(Викимедийцы Центральной Азии на Викимании 2024, фото AAkhmedova (WMF), CC BY 4.0, Викисклад)'],
  [/^I’ve attended many different sessions/, 'Я побывал на многих сессиях, но некоторые ещё не посмотрел, а некоторые хочу пересмотреть.'],
];

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<any> } };

describe('translation memory and glossary in Chromium', () => {
  let couch: CouchServer;
  let pages: FixtureServer;
  let a: SyncDevice;
  let followup: Page;
  let tmxPath: string;
  const others: ExtensionBrowser[] = [];

  const editors = (page: Page) => page.locator('textarea[data-segment-id]');
  /** The editor whose source starts so. */
  const editorFor = (page: Page, source: RegExp) => page.locator('.segment', { has: page.locator('.segment-source', { hasText: source }) }).locator('textarea');
  const send = (page: Page, message: object) => page.evaluate((m) => chrome.runtime.sendMessage(m), message);

  beforeAll(async () => {
    couch = await startCouchServer({ cors: true });
    await couch.createUser(USER.name, USER.password);
    await couch.createDatabase(DATABASE);
    await couch.restrictDatabase(DATABASE, [USER.name]);
    pages = await startFixtureServer({
      [DIFF_POST_PATH]: DIFF_POST_FIXTURE,
      [FOLLOWUP_PATH]: fixturePath('diff-central-asia-wikimania-2024.followup.html'),
    });
    const settings = { serverUrl: couch.url, database: DATABASE, username: USER.name, password: USER.password };
    a = await openSyncDevice('laptop', pages.origin('diff.wikimedia.org') + DIFF_POST_PATH, settings);
  }, 120_000);

  afterAll(async () => {
    await a?.browser.close();
    for (const browser of others) await browser.close();
    await pages?.close();
    await couch?.stop();
  });

  it('fills the second post’s exact matches from the first one’s drafts, undoably', async () => {
    for (const [source, text] of DRAFTS) await editorFor(a.panel, source).fill(text);
    await pollUntil(
      async () => {
        const post = await send(a.panel, { type: 'tab:get-post', tabId: Number(new URL(a.panel.url()).searchParams.get('tab')) });
        return post.drafts.filter((d: { text: string }) => d.text).length === DRAFTS.length;
      },
      { message: 'the first post’s drafts stored' },
    );
    const { tabId } = await openTab(a.browser, pages.origin('diff.wikimedia.org') + FOLLOWUP_PATH);
    followup = await openExtensionPage(a.browser.context, a.browser.extensionId, `sidepanel.html?tab=${tabId}`);
    await editors(followup).first().waitFor();
    await followup.getByTestId('target-language').selectOption('ru');
    await pollUntil(() => editors(followup).first().isEnabled(), { message: 'editors enabled' });

    await followup.locator('[data-action="fill-exact"]').click();
    await expect(followup.getByTestId('memory-filled').innerText()).resolves.toMatch(/^3 segments filled from memory/);
    for (const [source, text] of DRAFTS.slice(0, 3)) await expect(editorFor(followup, source).inputValue()).resolves.toBe(text);
    // Reworded paragraphs are not exact matches: left for the translator.
    await expect(editorFor(followup, /^I’ve attended/).inputValue()).resolves.toBe('');
    await expect(followup.locator('.segment.is-done').count()).resolves.toBe(0);

    // Undo takes the three back out, and a second fill puts them in again.
    await followup.getByTestId('memory-filled').getByRole('button', { name: 'Undo' }).click();
    await pollUntil(async () => (await editorFor(followup, /^You can read more/).inputValue()) === '', { message: 'fill undone' });
    await followup.locator('[data-action="fill-exact"]').click();
    await pollUntil(async () => (await editorFor(followup, /^You can read more/).inputValue()) === DRAFTS[0]![1], { message: 'filled again' });
  });

  it('shows a fuzzy match with the words that differ, and inserts it with Alt+M as a revision from memory', async () => {
    const editor = editorFor(followup, /^I’ve attended/);
    await editor.focus();
    const match = followup.getByTestId('memory-match').first();
    await match.waitFor();
    const percent = Number(await match.getAttribute('data-percent'));
    expect(percent).toBeGreaterThanOrEqual(70);
    expect(percent).toBeLessThan(100);
    await expect(match.locator('del').allInnerTexts()).resolves.toContain('some');
    await expect(match.locator('ins').allInnerTexts()).resolves.toContain('a few');
    await editor.press('Alt+m');
    await expect(editor.inputValue()).resolves.toBe(DRAFTS[3]![1]);
    await editor.press('Alt+r');
    const history = followup.getByTestId('history-entry').first();
    await history.waitFor();
    await expect(history.innerText()).resolves.toContain(`from memory (${percent}%)`);
  });

  /** Focuses a row's editor after `delayMs`: whether its matches showed the loading line before they were confirmed. */
  const focusShowsLoading = (index: number, delayMs: number) =>
    followup.evaluate(
      ({ index, delayMs }) =>
        new Promise<boolean>((resolve) => {
          const row = document.querySelectorAll('.segment')[index]!;
          let loading = false;
          const observer = new MutationObserver(() => {
            if (row.querySelector('.memory-status')?.textContent?.endsWith('…')) loading = true;
            if (row.querySelector('[data-testid="memory-matches"][aria-busy="false"]')) {
              observer.disconnect();
              resolve(loading);
            }
          });
          observer.observe(row, { childList: true, subtree: true, characterData: true, attributes: true });
          setTimeout(() => row.querySelector<HTMLTextAreaElement>('textarea')!.focus(), delayMs);
        }),
      { index, delayMs },
    );

  it('shows the next segment’s matches as the focus moves on, held ahead, while its own answer confirms them', async () => {
    const rows = followup.locator('.segment');
    const busyOf = (i: number) => rows.nth(i).getByTestId('memory-matches').getAttribute('aria-busy');
    await editors(followup).nth(0).focus();
    await pollUntil(async () => (await busyOf(0)) === 'false', { message: 'the first segment’s matches' });
    // The next segment was asked for ahead: its row never shows the loading line.
    expect(await focusShowsLoading(1, 200)).toBe(false);
  });

  it('answers the focuses after a worker start from the matches stored beside the index, until a draft is typed', async () => {
    // The panel opened again works out the matches of its untranslated segments; they are stored
    // with the index once writes settle.
    await followup.reload();
    await pollUntil(() => editors(followup).first().isEnabled(), { message: 'editors enabled' });
    const untranslated = await followup.evaluate(
      () => [...document.querySelectorAll<HTMLTextAreaElement>('textarea[data-segment-id]')].filter((t) => t.value === '').map((t) => t.dataset.segmentId!),
    );
    await pollUntil(async () => storedMatchesCover(await runningServiceWorker(a.browser), untranslated.slice(0, 20)), {
      timeout: 20_000,
      message: 'the matches of the untranslated segments stored',
    });
    await stopServiceWorker(a.browser);
    await followup.reload();
    await pollUntil(() => editors(followup).first().isEnabled(), { message: 'editors enabled after the start' });
    const first = followup.locator(`textarea[data-segment-id="${untranslated[0]}"]`);
    await first.focus();
    const status = followup.getByTestId('memory-matches');
    await pollUntil(async () => !(await status.innerText()).endsWith('…'), { message: 'matches shown after the start' });
    const worker = await runningServiceWorker(a.browser);
    const indexReads = () => worker.evaluate(() => performance.getEntriesByName('memory index read').length);
    expect(await indexReads()).toBe(0);
    // A draft typed: the stored matches no longer hold, and the index is read at once.
    await first.fill('Черновик.');
    await pollUntil(async () => (await indexReads()) === 1, { message: 'the index read after a draft' });
    await followup.locator(`textarea[data-segment-id="${untranslated[1]}"]`).focus();
    await pollUntil(async () => !(await status.innerText()).endsWith('…'), { message: 'matches shown after the draft' });
  });

  it('keeps what it held of a segment visited before through a draft typed and saved that cannot be one of its matches', async () => {
    const at = await followup.evaluate(() => [...document.querySelectorAll('textarea[data-segment-id]')].indexOf(document.activeElement!));
    expect(at).toBeGreaterThanOrEqual(0);
    const confirmed = (i: number) =>
      pollUntil(async () => (await followup.locator('.segment').nth(i).getByTestId('memory-matches').getAttribute('aria-busy')) === 'false', {
        message: `segment ${i} confirmed`,
      });
    // Two segments on, then back: both answers held. (The one right after is asked for again at any change.)
    await editors(followup).nth(at + 2).focus();
    await confirmed(at + 2);
    await editors(followup).nth(at).focus();
    await confirmed(at);
    await followup.evaluate(() => {
      const heard = globalThis as { draftsHeard?: number };
      heard.draftsHeard = 0;
      (chrome.runtime as unknown as { onMessage: { addListener(f: (m: { type?: string }) => void): void } }).onMessage.addListener((m) => {
        if (m?.type === 'draft:changed') heard.draftsHeard! += 1;
      });
    });
    await editors(followup).nth(at).fill('Черновик абзаца.');
    await pollUntil(async () => ((await followup.evaluate(() => (globalThis as { draftsHeard?: number }).draftsHeard)) ?? 0) > 0, {
      message: 'the draft saved and heard',
    });
    expect(await focusShowsLoading(at + 2, 0)).toBe(false);
  });

  it('adds a glossary term from a selection in a source, marks it, and flags a draft without it', async () => {
    await followup.evaluate(() => {
      const source = [...document.querySelectorAll('.segment-source')].find((el) => el.textContent!.startsWith('At Wikimania'))!;
      const text = source.firstChild!;
      const range = document.createRange();
      range.setStart(text, 3);
      range.setEnd(text, 12);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    });
    await followup.getByRole('button', { name: 'Add “Wikimania” to the glossary' }).click();
    const form = followup.getByTestId('glossary-form');
    await form.locator('[data-field="targets"]').fill('Викимания');
    await form.locator('[data-field="note"]').fill('Название конференции не переводим на латиницу');
    await form.getByRole('button', { name: 'Save term' }).click();
    await pollUntil(async () => (await followup.getByTestId('glossary-term').count()) >= 3, { message: 'terms marked in sources' });
    await expect(followup.getByTestId('glossary-term').first().getAttribute('title')).resolves.toContain('Викимания');

    const intro = editorFor(followup, /^At Wikimania/);
    const quality = followup.locator('.segment', { has: followup.locator('.segment-source', { hasText: /^At Wikimania/ }) }).getByTestId('quality-line');
    await intro.fill('На конференции в Катовице викимедийцы Центральной Азии рассказали о своих планах.');
    await quality.locator('[data-kind="glossary-missing"]').waitFor();
    await intro.fill('На Викимании 2024 в Катовице викимедийцы Центральной Азии рассказали о своих планах.');
    await pollUntil(async () => (await quality.locator('[data-kind="glossary-missing"]').count()) === 0, { message: 'an inflected form passes' });
  });

  it('exports TMX that translate-toolkit reads unit by unit, and imports it into a fresh profile', async () => {
    const options = await openExtensionPage(a.browser.context, a.browser.extensionId, 'options.html');
    await options.getByTestId('memory-pair').locator('option', { hasText: 'en → ru' }).waitFor({ state: 'attached' });
    await options.getByTestId('memory-pair').selectOption({ label: (await options.getByTestId('memory-pair').locator('option', { hasText: 'en → ru' }).innerText()).trim() });
    const [download] = await Promise.all([options.waitForEvent('download'), options.locator('[data-action="export-tmx"]').click()]);
    expect(download.suggestedFilename()).toBe('interlinear-memory.en-ru.tmx');
    tmxPath = path.join(makeTempDir('interlinear-tmx-'), download.suggestedFilename());
    await download.saveAs(tmxPath);
    await options.close();

    const listed = execFileSync(
      '/usr/bin/python3',
      ['-c', 'import sys, json\nfrom translate.storage import tmx\nstore = tmx.tmxfile.parsefile(sys.argv[1])\nprint(json.dumps([[u.source, u.target] for u in store.units]))', tmxPath],
      { encoding: 'utf8' },
    );
    const units = JSON.parse(listed) as Array<[string, string]>;
    const entries = (await send(a.panel, { type: 'memory:pairs' })).find((p: { targetLang: string }) => p.targetLang === 'ru').entries;
    expect(units).toHaveLength(entries);
    expect(units).toContainEqual(['(Central Asian community members by AAkhmedova (WMF), CC BY 4.0 via Wikimedia Commons)', DRAFTS[1]![1]]);

    const fresh = await launchExtension();
    others.push(fresh);
    const freshOptions = await openExtensionPage(fresh.context, fresh.extensionId, 'options.html');
    await freshOptions.getByTestId('tmx-file').setInputFiles(tmxPath);
    // The second post's filled drafts repeat the first one's: one unit each.
    const distinct = new Set(units.map((u) => u.join('\u0000'))).size;
    await expect(freshOptions.getByTestId('memory-message').innerText()).resolves.toContain(
      `${distinct} units added, ${entries - distinct} identical ones skipped`,
    );
    const hits = await send(freshOptions, { type: 'memory:search', phrase: 'previous blog' });
    expect(hits.map((h: { target: string }) => h.target)).toContain(DRAFTS[0]![1]);
    // The same file again adds nothing.
    await freshOptions.getByTestId('tmx-file').setInputFiles(tmxPath);
    await expect(freshOptions.getByTestId('memory-message').innerText()).resolves.toContain('0 units added');
  });

  it('shares the glossary entry with a second profile through the sync server', async () => {
    const b = await openSyncDevice('office', pages.origin('diff.wikimedia.org') + FOLLOWUP_PATH, {
      serverUrl: couch.url,
      database: DATABASE,
      username: USER.name,
      password: USER.password,
    });
    others.push(b.browser);
    await expect(syncNow(a)).resolves.toMatchObject({ state: 'synced' });
    await pollUntil(
      async () => {
        await syncNow(b);
        const entries = await send(b.options, { type: 'glossary:list', sourceLang: 'en', targetLang: 'ru' });
        return entries.some((e: { source: string; targets: string[] }) => e.source === 'Wikimania' && e.targets[0] === 'Викимания');
      },
      { timeout: 20_000, message: 'the glossary entry on the second profile' },
    );
    await pollUntil(async () => (await b.panel.getByTestId('glossary-term').count()) > 0, { message: 'the term marked on the second profile' });
  });
});

/** Whether the stored matches hold these segments', with nothing written after them. */
async function storedMatchesCover(worker: Worker, segmentIds: string[]): Promise<boolean> {
  return worker.evaluate(async (ids) => {
    const request = <T,>(r: IDBRequest<T>) => new Promise<T>((resolve, reject) => ((r.onsuccess = () => resolve(r.result)), (r.onerror = () => reject(r.error))));
    const db = await request(indexedDB.open('interlinear'));
    try {
      const tx = db.transaction(['memoryIndex', 'revisions', 'changeFeed']);
      const stored = await request(tx.objectStore('memoryIndex').get('matches'));
      if (!stored) return false;
      const after = await Promise.all([
        request(tx.objectStore('revisions').getKey(IDBKeyRange.lowerBound(stored.journal.revision, true))),
        request(tx.objectStore('changeFeed').getKey(IDBKeyRange.lowerBound(stored.journal.feed, true))),
      ]);
      const held = stored.posts.map(([, segments]: [string, Array<[string, unknown]>]) => new Set(segments.map(([id]) => id)));
      return after.every((key) => key === undefined) && held.some((segments: Set<string>) => ids.every((id) => segments.has(id)));
    } finally {
      db.close();
    }
  }, segmentIds);
}
