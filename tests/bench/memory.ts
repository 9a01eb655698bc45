// Translation memory at 100,000 entries. In Chromium with the built extension: the extension's own
// database is filled with 100,000 drafts (posts of 13 paragraphs, tests/bench/memory-corpus.ts), a
// 13-segment post is opened in the side panel, and each segment is focused in turn: the figure is
// from the focus to its matches shown. In Node over fake-indexeddb: the index's cold build, its
// update after one save, and its size.
import '../support/node-messages'; // first: the store's messages need browser.i18n
import 'fake-indexeddb/auto';
import { MemoryService } from '../../utils/memory/memory-service';
import type { DraftRecord, PostRecord } from '../../utils/model';
import { openDraftStore } from '../../utils/store/draft-store';
import { memoryCorpus } from './memory-corpus';
import { measured, repeat, RUNS, type BenchRow, type Log } from './results';
import { openPanel, startDraftingSession } from './side-panel';

export const MEMORY_ENTRIES = 100_000;
const PER_POST = 13;

/** The records of `count` drafted segments: posts of 13 paragraphs, a Russian draft each. */
export function memoryRecords(count: number, sourceOf: (i: number) => string | null = () => null): { posts: PostRecord[]; drafts: DraftRecord[] } {
  const corpus = memoryCorpus(count);
  const posts: PostRecord[] = [];
  const drafts: DraftRecord[] = [];
  for (let p = 0; p * PER_POST < count; p++) {
    const key = `https://diff.wikimedia.org/bench/${p}/`;
    const segments = corpus.slice(p * PER_POST, (p + 1) * PER_POST).map((entry, i) => ({
      id: `p-${p}-${i}`,
      kind: 'paragraph' as const,
      text: sourceOf(p * PER_POST + i) ?? entry.source,
    }));
    posts.push({ key, url: key, title: `Bench post ${p}`, sourceLanguage: 'en', cta: null, segments, targetLanguage: 'ru', firstSeen: 1, lastSeen: 1 });
    segments.forEach((segment, i) => drafts.push({ postKey: key, lang: 'ru', segmentId: segment.id, text: corpus[p * PER_POST + i]!.target, rev: 1, updatedAt: 1_000 + p }));
  }
  return { posts, drafts };
}

/**
 * Runs in the panel (a string: the bundler's helpers do not exist there): focuses the index-th
 * editor and resolves with the milliseconds until the frame after its matches — or the words saying
 * there are none (the loading line ends with an ellipsis) — are in its row.
 */
const FOCUS_AND_WAIT = `(i) => {
  const editor = document.querySelectorAll('textarea[data-segment-id]')[i];
  const row = editor.closest('.segment');
  return new Promise((resolve) => {
    const done = () => !!row.querySelector('[data-testid="memory-match"]') ||
      [...row.querySelectorAll('.memory-status')].some((p) => !p.textContent.endsWith('…'));
    const started = performance.now();
    const observer = new MutationObserver(() => {
      if (!done()) return;
      observer.disconnect();
      requestAnimationFrame(() => resolve(performance.now() - started));
    });
    observer.observe(row, { childList: true, subtree: true, characterData: true });
    editor.focus();
  });
}`;

/** p95 of the values: what the goal is about (a slow focus now and then is what a translator feels). */
function p95(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)]!;
}

export async function measureMemory(log: Log): Promise<BenchRow[]> {
  return [await measureFocusToMatches(log), ...(await measureIndexInNode(log))];
}

async function measureFocusToMatches(log: Log): Promise<BenchRow> {
  const session = await startDraftingSession(log, PER_POST);
  try {
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
          const tx = db.transaction(['posts', 'drafts'], 'readwrite');
          for (const post of posts) tx.objectStore('posts').put(post);
          for (const draft of drafts) tx.objectStore('drafts').put(draft);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
        db.close();
      },
      { posts, drafts },
    );
    const panel = await openPanel(session);
    const editors = panel.locator('textarea[data-segment-id]');
    await editors.nth(PER_POST - 1).waitFor();
    const count = await editors.count();
    // One focus of a segment: from focus to its matches (or "no match") on screen.
    const focus = (index: number) => panel.evaluate(`(${FOCUS_AND_WAIT})(${index})`) as Promise<number>;
    log('  warm-up: the first focus builds the index (cold)');
    const cold = await focus(0);
    log(`  cold: ${Math.round(cold)} ms`);
    const values: number[] = [];
    await repeat('focus → matches shown', log, async (run) => {
      const round: number[] = [];
      for (let i = 1; i < count; i++) round.push(await focus(i), await focus(0));
      if (run >= 0) values.push(...round);
      return p95(round);
    });
    const row = measured(
      { name: `memory matches for one segment, ${MEMORY_ENTRIES.toLocaleString('en-US')} entries: focus → shown (p95)`, unit: 'ms', goal: 20 },
      [p95(values)],
      `Chromium, the built extension; its database filled with ${MEMORY_ENTRIES.toLocaleString('en-US')} drafts of 13-paragraph posts ` +
        `(20–80 words each, Zipf-like vocabulary; every 7th a variant of the opened post's paragraphs), a 13-segment post in the side panel. ` +
        `Each segment's editor is focused in turn (${values.length} focuses after a warm-up): from focus() to the frame after its matches ` +
        `are in the page. Value: the p95 of all focuses; median ${Math.round(values.sort((a, b) => a - b)[values.length >> 1]! * 100) / 100} ms. ` +
        `The first focus after the worker started built the index: ${Math.round(cold)} ms.`,
    );
    return { ...row, runs: values.length, min: Math.min(...values), max: Math.max(...values) };
  } finally {
    await session.close();
  }
}

async function measureIndexInNode(log: Log): Promise<BenchRow[]> {
  const store = await openDraftStore(`bench-memory-${Date.now()}`);
  const { posts, drafts } = memoryRecords(MEMORY_ENTRIES);
  log(`  Node: ${drafts.length.toLocaleString('en-US')} drafts into fake-indexeddb`);
  const tx = store.db.transaction(['posts', 'drafts'], 'readwrite');
  for (const post of posts) void tx.objectStore('posts').put(post);
  for (const draft of drafts) void tx.objectStore('drafts').put(draft);
  await tx.done;
  const service = new MemoryService(store.db);
  store.onDraftWritten = () => service.changed();
  let started = performance.now();
  await service.ready();
  const build = performance.now() - started;
  log(`  cold build: ${Math.round(build)} ms`);
  let n = 0;
  const updates = await repeat('save → index up to date', log, async () => {
    const post = posts[n++ % posts.length]!;
    await store.saveDraft({ postKey: post.key, lang: 'ru', segmentId: post.segments[0]!.id, text: `Новый перевод ${n}.` });
    await store.saveDraft({ postKey: post.key, lang: 'fa', segmentId: post.segments[1]!.id, text: `ترجمهٔ تازه ${n}` });
    started = performance.now();
    await service.ready();
    return (performance.now() - started) / 2;
  }, { runs: Math.max(RUNS, 20) });
  const bytes = service.index.approximateBytes();
  store.db.close();
  return [
    measured(
      { name: `memory index update per save, ${MEMORY_ENTRIES.toLocaleString('en-US')} entries`, unit: 'ms', goal: 5 },
      updates,
      'Node, fake-indexeddb: the index built over 100,000 drafts, then each run saves two drafts (a new entry of a new ' +
        'language pair each) and times the index taking them in (reading the new revisions, the drafts and their post), per save.',
    ),
    measured(
      { name: `memory index cold build, ${MEMORY_ENTRIES.toLocaleString('en-US')} entries`, unit: 'ms', goal: null },
      [build],
      'Node, fake-indexeddb: from an empty index to one holding 100,000 drafts, reading drafts and posts from the store — what ' +
        'the first match after a worker start costs (in Chromium: the "cold" figure of the focus row).',
    ),
    measured(
      { name: `memory index size, ${MEMORY_ENTRIES.toLocaleString('en-US')} entries`, unit: 'bytes', goal: null },
      [bytes],
      'The index in the worker’s memory: 32-bit word hashes per entry and the postings of every word, counted from its typed arrays ' +
        '(plus an estimate for each entry’s id and the maps). It holds no text; nothing of it is stored.',
    ),
  ];
}
