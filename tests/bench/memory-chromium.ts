// Translation memory at 100,000 entries in Chromium with the built extension: the extension's own
// database is filled with 100,000 drafts (posts of 13 paragraphs, tests/bench/memory-corpus.ts),
// a 13-segment post is opened in the side panel, and each segment is focused in turn: the figure is
// from the focus to its matches shown — as a translator meets them (the post's matches worked out
// when it opened), right after memory changed (a new entry unlike the segment, and one like it,
// whose matches are worked out anew), right after the translator's own draft of the segment
// before, and right after the service worker was stopped.
import type { Page, Worker } from 'playwright-core';
import { pollUntil, runningServiceWorker, stopServiceWorker } from '../e2e/harness';
import { measured, median, percentile95, type BenchRow, type Log } from './results';
import { openPanel, startDraftingSession, type DraftingSession } from './side-panel';
import { memoryCorpus } from './memory-corpus';
import { MEMORY_ENTRIES, memoryRecords, PER_POST } from './memory-records';

const RESTARTS = 5;
const ENTRIES = MEMORY_ENTRIES.toLocaleString('en-US');

/**
 * Runs in the panel (a string: the bundler's helpers do not exist there): focuses the index-th
 * editor and resolves with the milliseconds until the frame after its matches — or the words saying
 * there are none (the loading line ends with an ellipsis) — are in its row (\`shown\`: what the view
 * held, or the answer), and until the frame after the background's answer to this focus is
 * (\`confirmed\`: the matches no longer busy).
 */
const FOCUS_AND_WAIT = `(i) => {
  const editor = document.querySelectorAll('textarea[data-segment-id]')[i];
  const row = editor.closest('.segment');
  return new Promise((resolve, reject) => {
    const shown = () => !!row.querySelector('[data-testid="memory-match"]') ||
      [...row.querySelectorAll('.memory-status')].some((p) => !p.textContent.endsWith('…'));
    const confirmed = () => shown() && !!row.querySelector('[data-testid="memory-matches"][aria-busy="false"]');
    const times = {};
    const started = performance.now();
    const at = (name) => {
      times[name] = null;
      requestAnimationFrame(() => {
        times[name] = performance.now() - started;
        if (times.shown != null && times.confirmed != null) resolve(times);
      });
    };
    const observer = new MutationObserver(() => {
      if (!('shown' in times) && shown()) at('shown');
      if (!('confirmed' in times) && confirmed()) {
        observer.disconnect();
        at('confirmed');
      }
    });
    observer.observe(row, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['aria-busy'] });
    setTimeout(() => {
      observer.disconnect();
      reject(new Error('no matches shown within 180 s of focusing segment ' + i + '; its row: ' + row.textContent.slice(0, 300)));
    }, 180000);
    editor.focus();
  });
}`;

/** Runs in the panel: one message to the background and back (a glossary with no terms): the floor of any answer. */
const ROUND_TRIP = `async () => {
  const started = performance.now();
  await chrome.runtime.sendMessage({ type: 'glossary:list', sourceLang: 'en', targetLang: 'x-none' });
  return performance.now() - started;
}`;

// p95: what the goal is about (a slow focus now and then is what a translator feels).
const p95 = percentile95;
const ms = (value: number) => `${Math.round(value * 10) / 10} ms`;

export async function measureMemoryInChromium(log: Log): Promise<BenchRow[]> {
  const session = await startDraftingSession(log, PER_POST);
  try {
    await fillDatabase(session, log);
    await stopServiceWorker(session.browser);
    let panel = await openPanel(session);
    await panel.locator('textarea[data-segment-id]').nth(PER_POST - 1).waitFor();
    const focusTimes = (page: Page, index: number) => page.evaluate(`(${FOCUS_AND_WAIT})(${index})`) as Promise<{ shown: number; confirmed: number }>;
    const focus = async (page: Page, index: number) => (await focusTimes(page, index)).shown;
    const focusConfirmed = async (page: Page, index: number) => (await focusTimes(page, index)).confirmed;
    log('  first focus: no stored index yet, so it is built from the 100,000 drafts');
    const built = await focus(panel, 0);
    log(`  first build: ${Math.round(built)} ms`);
    await pollUntil(() => hasStoredIndex(session.browser.serviceWorker), { timeout: 120_000, message: 'the index stored' });

    const warm: number[] = [];
    const changed: number[] = [];
    const changedLike: number[] = [];
    const changedConfirmed: number[] = [];
    const unlike = memoryCorpus(MEMORY_ENTRIES + 5 * PER_POST).slice(MEMORY_ENTRIES);
    const floors: number[] = [];
    for (let round = 0; round < 5; round++) {
      for (let i = 1; i < PER_POST; i++) warm.push(await focus(panel, i), await focus(panel, 0));
      // A new entry in the same pair before each focus: one unlike the segment focused next (it
      // keeps the matches worked out ahead), then one like it (they are worked out anew). Each
      // focus moves to another segment: focusing the one focused shows nothing new.
      for (let k = 0; k < PER_POST; k++) {
        const n = round * PER_POST + k;
        const [unlikeAt, likeAt] = [(2 * k + 1) % PER_POST, (2 * k + 2) % PER_POST];
        await addDraftElsewhere(session.browser.serviceWorker, `u${n}`, unlike[n]!.source);
        const times = await focusTimes(panel, unlikeAt);
        changed.push(times.shown);
        changedConfirmed.push(times.confirmed);
        const source = (await panel.evaluate(`document.querySelectorAll('.segment-source')[${likeAt}].textContent`)) as string;
        await addDraftElsewhere(session.browser.serviceWorker, `l${n}`, source.replace(/\b(\w+)\b/, 'reworded'));
        changedLike.push(await focusConfirmed(panel, likeAt));
      }
      floors.push(...(await Promise.all([0, 1, 2].map(() => panel.evaluate(`(${ROUND_TRIP})()`) as Promise<number>))));
      log(`  round ${round + 1}: warm p95 ${ms(p95(warm))}, after a change p95 ${ms(p95(changed))} (like the segment ${ms(p95(changedLike))}), round trip ${ms(median(floors))}`);
    }

    const restarted: number[] = [];
    const firsts: number[] = [];
    const afterWrite: number[] = [];
    const reads: Array<{ duration: number; entries: number; bytes: number }> = [];
    const rawReads: number[] = [];
    for (let restart = 0; restart < RESTARTS; restart++) {
      await panel.close();
      // The browser stops a worker only once it has been idle for 30 s: its writes have settled by then.
      await pollUntil(() => matchesStored(session.browser.serviceWorker), { timeout: 30_000, message: 'the matches stored' });
      await stopServiceWorker(session.browser);
      panel = await openPanel(session);
      await panel.locator('textarea[data-segment-id]').nth(PER_POST - 1).waitFor();
      const round: number[] = [];
      for (let i = 0; i < PER_POST; i++) round.push(await focus(panel, i));
      restarted.push(...round);
      firsts.push(round[0]!);
      const worker = await runningServiceWorker(session.browser);
      // Answered from the matches stored beside the index: a write makes them stale, and the index is read.
      await addDraftElsewhere(worker, `r${restart}`, unlike[restart]!.source);
      afterWrite.push(await focusConfirmed(panel, 0));
      reads.push(await indexRead(worker));
      rawReads.push(await rawIndexRead(worker));
      log(`  restart ${restart + 1}: first focus ${ms(round[0]!)}, p95 ${ms(p95(round))}; after a write ${ms(afterWrite.at(-1)!)}; index read in ${ms(reads.at(-1)!.duration)} (the record alone: ${ms(rawReads.at(-1)!)})`);
    }
    // The translator's own drafts: one typed in a segment and saved (the view hears of it), then on to the next segment.
    // Last: the drafts leave the post's first segments translated, which the restarts above focus.
    await panel.evaluate(`chrome.runtime.onMessage.addListener((m) => { if (m?.type === 'draft:changed') globalThis.__draftsHeard = (globalThis.__draftsHeard ?? 0) + 1; })`);
    const afterOwnDraft: number[] = [];
    for (let round = 0; round < 3; round++) {
      await panel.locator('textarea[data-segment-id]').nth(PER_POST - 1).focus();
      await focus(panel, 0);
      for (let i = 0; i < PER_POST - 1; i++) {
        const heard = (await panel.evaluate('globalThis.__draftsHeard ?? 0')) as number;
        await panel.locator('textarea[data-segment-id]').nth(i).fill(`Черновик ${round + 1}, абзац ${i + 1}.`);
        await pollUntil(async () => ((await panel.evaluate('globalThis.__draftsHeard ?? 0')) as number) > heard, { message: 'the draft saved' });
        afterOwnDraft.push(await focus(panel, i + 1));
      }
    }
    log(`  after the translator's own draft: p95 ${ms(p95(afterOwnDraft))}`);

    const read = reads.at(-1)!;
    const roundTrip = `A message round trip from the panel (glossary:list, one IndexedDB read) took ${ms(median(floors))} (median) in the same session.`;
    return [
      focusRow(`memory matches for one segment, ${ENTRIES} entries: focus → shown (p95)`, warm,
        `Chromium, the built extension; its database filled with ${ENTRIES} drafts of 13-paragraph posts (20–80 words each, ` +
          `Zipf-like vocabulary; every 7th a variant of the opened post's paragraphs), a 13-segment post in the side panel, whose ` +
          `matches the background worked out when the panel opened it. Each segment's editor is focused in turn, and the first ` +
          `again between them (${warm.length} focuses): from focus() to the frame after its matches are in the page — the answer ` +
          `the view holds for a segment it went to before or asked for ahead (the one after the last answered), shown while ` +
          `its own question is answered, or that answer. Value: p95; median ${ms(median(warm))}. ${roundTrip}`),
      focusRow(`memory matches right after memory changed, ${ENTRIES} entries: focus → shown (p95)`, changed,
        `As above, but before each focus a new Russian draft of another post is written into the database behind the worker's ` +
          `back (as a sync pull brings one), its paragraph unlike the segment focused: each focus first takes the change in (the ` +
          `journal, the entry's source read and indexed, the matches kept checked against it) and the segment keeps its matches. ` +
          `Value: p95 of ${changed.length} focuses; median ${ms(median(changed))}. Shown is what the view held, where it held ` +
          `the segment's answer; the frame after the background's answer to the focus came ${ms(median(changedConfirmed))} ` +
          `(median), ${ms(p95(changedConfirmed))} (p95) after it.`),
      focusRow(`memory matches right after an entry like the segment was added, ${ENTRIES} entries: focus → shown (p95)`, changedLike,
        `As above, but the new draft's paragraph is the focused segment's with one word changed: it may be among that segment's ` +
          `candidates, so its matches are worked out anew — index lookup, the candidates read in one transaction, scoring — and ` +
          `the figure waits for that answer, not for what the view held. Value: ` +
          `p95 of ${changedLike.length} focuses; median ${ms(median(changedLike))}.`),
      focusRow(`memory matches right after the translator's draft of the segment before was saved, ${ENTRIES} entries: focus → shown (p95)`, afterOwnDraft,
        `As a translator goes on down a post: a draft typed into a segment's editor (Playwright fill) and saved — until the ` +
          `panel has heard the background's draft:changed — then the next segment focused (${afterOwnDraft.length} focuses, ` +
          `three passes over the post). The draft is a new entry of memory, unlike the next segment: what the view held of that ` +
          `segment stays shown while its own question confirms it. Value: p95; median ${ms(median(afterOwnDraft))}.`),
      focusRow(`memory matches after a worker start, ${ENTRIES} entries: focus → shown (p95)`, restarted,
        `The service worker stopped (CDP Target.closeTarget) once its writes had settled (the browser stops it only after 30 s ` +
          `idle), the side panel opened again (its first request wakes the worker), then each segment focused once, the first as soon as ` +
          `the editors are there; ${RESTARTS} restarts, ${restarted.length} focuses. Value: p95; the first focus after each start: ` +
          `${firsts.map(ms).join(', ')}. They are answered from the matches stored beside the index while nothing was written ` +
          `since; a focus after a write waits for the index: ${afterWrite.map(ms).join(', ')}. The stored index (${read.entries.toLocaleString('en-US')} entries) was read in ` +
          `${reads.map((r) => ms(r.duration)).join(', ')}; the same record read alone, afterwards: ${rawReads.map(ms).join(', ')}.`),
      measured({ name: `memory index first build (no stored index), ${ENTRIES} entries, Chromium`, unit: 'ms', goal: null }, [built],
        'The first focus after the database was filled with drafts, before any index was stored: every draft read and tokenised, ' +
          'the index packed — once per database (and after an update that changes the stored format).'),
      measured({ name: `memory index read at a worker start, ${ENTRIES} entries, Chromium`, unit: 'ms', goal: null }, reads.map((r) => r.duration),
        `In the service worker, from the first request after a start to the index ready: the stored packed index and its delta ` +
          `read from IndexedDB (${read.bytes.toLocaleString('en-US')} bytes in memory) and the journal since. Reading the same ` +
          `record alone afterwards took ${ms(median(rawReads))} (median): the floor.`),
    ];
  } finally {
    await session.close();
  }
}

function focusRow(name: string, values: number[], how: string): BenchRow {
  const row = measured({ name, unit: 'ms', goal: 20 }, [p95(values)], how);
  return { ...row, runs: values.length, min: Math.min(...values), max: Math.max(...values) };
}

async function fillDatabase(session: DraftingSession, log: Log): Promise<void> {
  // Every 7th entry of memory is a variant of one of the opened post's paragraphs: each segment
  // has real matches among the 100,000, exact and fuzzy.
  const texts = session.post.html.match(/<p>([^<]{40,})<\/p>/g)?.map((p) => p.slice(3, -4)) ?? [];
  const { posts, drafts } = memoryRecords(MEMORY_ENTRIES, (i) => {
    if (i % 7 !== 0 || texts.length === 0) return null;
    const text = texts[(i / 7) % texts.length]!;
    return i % 14 === 0 ? text : text.replace(/\b(\w+)\b/, 'reworded');
  });
  log(`  filling the extension's database with ${drafts.length.toLocaleString('en-US')} drafts of ${posts.length} posts`);
  await session.browser.serviceWorker.evaluate(
    async ({ posts, drafts }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('interlinear');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      await new Promise<void>((resolve, reject) => {
        // Written behind the worker's back, as no writer of the extension does: the index it may have
        // stored or holds (from choosing the language) does not know them, so both go.
        const tx = db.transaction(['posts', 'drafts', 'memoryIndex'], 'readwrite');
        tx.objectStore('memoryIndex').clear();
        for (const post of posts) tx.objectStore('posts').put(post);
        for (const draft of drafts) tx.objectStore('drafts').put(draft);
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { posts, drafts },
  );
}

/** Runs in the worker: a raw IndexedDB request, awaited. */
const IDB = `const request = (r) => new Promise((resolve, reject) => { r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
  const db = await request(indexedDB.open('interlinear'));`;

async function hasStoredIndex(worker: Worker): Promise<boolean> {
  return worker.evaluate(`(async () => { ${IDB}
    const found = await request(db.transaction('memoryIndex').objectStore('memoryIndex').getKey('packed'));
    db.close();
    return found !== undefined;
  })()`) as Promise<boolean>;
}

/** Whether the matches worked out ahead are stored, and nothing was written after them. */
async function matchesStored(worker: Worker): Promise<boolean> {
  return worker.evaluate(`(async () => { ${IDB}
    const tx = db.transaction(['memoryIndex', 'revisions', 'changeFeed']);
    const stored = await request(tx.objectStore('memoryIndex').get('matches'));
    const after = stored && await Promise.all([
      request(tx.objectStore('revisions').getKey(IDBKeyRange.lowerBound(stored.journal.revision, true))),
      request(tx.objectStore('changeFeed').getKey(IDBKeyRange.lowerBound(stored.journal.feed, true))),
    ]);
    db.close();
    return !!stored && after.every((key) => key === undefined);
  })()`) as Promise<boolean>;
}

/** A new post of one paragraph and its Russian draft (with its revision): a new entry, as a sync pull would bring. */
async function addDraftElsewhere(worker: Worker, name: string, source: string): Promise<void> {
  await worker.evaluate(
    `(async ({ name, source }) => { ${IDB}
    const tx = db.transaction(['posts', 'drafts', 'revisions'], 'readwrite');
    const postKey = 'https://diff.wikimedia.org/bench/new-' + name + '/';
    const segments = [{ id: 'p-' + name, kind: 'paragraph', text: source }];
    tx.objectStore('posts').put({ key: postKey, url: postKey, title: 'New ' + name, sourceLanguage: 'en', cta: null, segments, targetLanguage: 'ru', firstSeen: 1, lastSeen: 1 });
    const ids = { postKey, lang: 'ru', segmentId: segments[0].id };
    tx.objectStore('drafts').put({ ...ids, text: 'Новый перевод ' + name, rev: 1, updatedAt: Date.now() });
    tx.objectStore('revisions').add({ ...ids, rev: 1, text: 'Новый перевод ' + name, at: Date.now() });
    await new Promise((resolve) => { tx.oncomplete = resolve; });
    db.close();
  })(${JSON.stringify({ name, source })})`,
  );
}

/** The worker's own note of reading the index (utils/memory/memory-service.ts). */
async function indexRead(worker: Worker): Promise<{ duration: number; entries: number; bytes: number }> {
  return pollUntil(
    () =>
      worker.evaluate(`(() => {
        const [read] = performance.getEntriesByName('memory index read');
        return read ? { duration: read.duration, entries: read.detail.entries, bytes: read.detail.bytes } : null;
      })()`) as Promise<{ duration: number; entries: number; bytes: number } | null>,
    { message: 'the index read after the start' },
  );
}

/** The stored index's records read alone, raw: the floor of reading it at a start. */
async function rawIndexRead(worker: Worker): Promise<number> {
  return worker.evaluate(`(async () => { ${IDB}
    const started = performance.now();
    const store = db.transaction('memoryIndex').objectStore('memoryIndex');
    await Promise.all([request(store.get('packed')), request(store.get('delta'))]);
    const took = performance.now() - started;
    db.close();
    return took;
  })()`) as Promise<number>;
}
