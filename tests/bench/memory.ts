// Translation memory at 100,000 entries: in Chromium with the built extension (memory-chromium.ts),
// and in Node over fake-indexeddb: the index's first build, its reading back at a worker start,
// its update after one save, its packing anew, and its size in memory and as stored.
import '../support/node-messages'; // first: the store's messages need browser.i18n
import 'fake-indexeddb/auto';
import { MemoryService } from '../../utils/memory/memory-service';
import { packedBytes } from '../../utils/memory/packed-index';
import { openDraftStore } from '../../utils/store/draft-store';
import { measureMemoryInChromium } from './memory-chromium';
import { MEMORY_ENTRIES, memoryRecords } from './memory-records';
import { measured, repeat, RUNS, type BenchRow, type Log } from './results';

const ENTRIES = MEMORY_ENTRIES.toLocaleString('en-US');

export async function measureMemory(log: Log): Promise<BenchRow[]> {
  return [...(await measureMemoryInChromium(log)), ...(await measureIndexInNode(log))];
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
  log(`  first build: ${Math.round(build)} ms`);
  await service.store();
  const stored = (await store.db.get('memoryIndex', 'packed'))!;
  const storedBytes = stored.kind === 'packed' ? packedBytes(stored.index) : 0;
  const inMemory = service.index.approximateBytes();

  const reads = await repeat('worker start → index ready', log, async () => {
    started = performance.now();
    await new MemoryService(store.db).ready();
    return performance.now() - started;
  });
  const rawReads = await repeat('the stored records read alone', log, async () => {
    started = performance.now();
    await Promise.all([store.db.get('memoryIndex', 'packed'), store.db.get('memoryIndex', 'delta')]);
    return performance.now() - started;
  });

  let n = 0;
  const updates = await repeat('save → index up to date', log, async () => {
    const post = posts[n++ % posts.length]!;
    await store.saveDraft({ postKey: post.key, lang: 'ru', segmentId: post.segments[0]!.id, text: `Новый перевод ${n}.` });
    await store.saveDraft({ postKey: post.key, lang: 'fa', segmentId: post.segments[1]!.id, text: `ترجمهٔ تازه ${n}` });
    started = performance.now();
    await service.ready();
    return (performance.now() - started) / 2;
  }, { runs: Math.max(RUNS, 20) });

  // 5% of the index changed: what makes the stored index be packed anew (the worker is busy meanwhile).
  const changes = MEMORY_ENTRIES / 20;
  for (let i = 0; i < changes; i++) {
    const post = posts[(i * 7) % posts.length]!;
    service.index.put(`d\u0001${post.key}\u0001uk\u0001${post.segments[i % 13]!.id}`, 'en>uk', post.segments[(i + 1) % 13]!.text, 2_000_000);
  }
  started = performance.now();
  service.index.pack();
  const pack = performance.now() - started;
  store.db.close();
  return [
    measured({ name: `memory index update per save, ${ENTRIES} entries`, unit: 'ms', goal: 5 }, updates,
      'Node, fake-indexeddb: the index over 100,000 drafts, then each run saves two drafts (a new entry of a new language pair ' +
        'each) and times the index taking them in (reading the new revisions and change feed, the drafts and their post), per save.'),
    measured({ name: `memory index first build (no stored index), ${ENTRIES} entries, Node`, unit: 'ms', goal: null }, [build],
      'Node, fake-indexeddb: every draft and post read, every source tokenised, the index packed — once per database; every later ' +
        'worker start reads the stored index instead (next row).'),
    measured({ name: `memory index read at a worker start, ${ENTRIES} entries, Node`, unit: 'ms', goal: null }, reads,
      `Node, fake-indexeddb: a new MemoryService over the same database until ready — the stored packed index and its delta read, ` +
        `and the journal since. The two records read alone took ${Math.round(Math.min(...rawReads))}–${Math.round(Math.max(...rawReads))} ms.`),
    measured({ name: `memory index packed anew after ${changes.toLocaleString('en-US')} changes, ${ENTRIES} entries`, unit: 'ms', goal: null }, [pack],
      'Node: the index merges the entries written since it was last packed into new typed arrays — what happens, once changes ' +
        'settle, when they reach 5% of the index (fewer are stored as a small delta). The worker answers nothing meanwhile.'),
    measured({ name: `memory index size in memory, ${ENTRIES} entries`, unit: 'bytes', goal: null }, [inMemory],
      'The index in the worker: its typed arrays and strings (the packed part: entry ids as post groups and segment ids, each ' +
        'source\u2019s word hashes as gaps between entry numbers, exact hashes, dates), plus the few entries added since.'),
    measured({ name: `memory index size stored, ${ENTRIES} entries`, unit: 'bytes', goal: null }, [storedBytes],
      'The packed index as stored in IndexedDB (the memoryIndex store, one record; strings counted at two bytes a character): ' +
        'what a worker start reads.'),
  ];
}
