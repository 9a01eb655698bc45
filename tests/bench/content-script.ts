// Figures 1–3: what the always-on content script costs every page it runs on: its size, and its
// share of the page's main thread, read from a trace recorded inside the page.
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import {
  DIFF_HOST,
  DIFF_POST_FIXTURE,
  DIFF_POST_PATH,
  EXTENSION_PATH,
  PROJECT_FIXTURES,
  launchExtension,
  makeTempDir,
  startFixtureServer,
} from '../e2e/harness';
import { traceContentScript, type ContentScriptTime } from './content-script-trace';
import { generateDiffPost } from './generate-post';
import { RUNS, measured, median, repeat, round, withFloor, type BenchRow, type Log } from './results';

const NO_CTA_PATH = '/about/';
/** A long post that asks for nothing, as most of a blog's posts are (longPageWithoutInvitation). */
const LONG_NO_CTA_PATH = '/2025/01/16/a-long-quiet-post/';
const QUIET_PATHS = [NO_CTA_PATH, LONG_NO_CTA_PATH];
/** The part the always-on script has the background run where a page may ask for translation. */
const PAGE_READER_FILE = 'page-reader.js';
const MS = 'ms' as const;
/** A traced page load takes about a second and sub-millisecond figures are noisy: more runs. */
const TRACE_RUNS = Math.max(RUNS, 15);

export async function measureContentScript(log: Log): Promise<BenchRow[]> {
  const server = await startFixtureServer({
    [NO_CTA_PATH]: path.join(PROJECT_FIXTURES, 'no-cta-post.html'),
    [LONG_NO_CTA_PATH]: { body: longPageWithoutInvitation() },
    [DIFF_POST_PATH]: DIFF_POST_FIXTURE,
  });
  try {
    log('▶ content script main-thread time (trace inside the page)');
    const ours = await traceLoads(server, EXTENSION_PATH, log, '');
    // The floor: the same extension with an empty always-on script, the same pages, the same run.
    log('▶ the floor: an empty content script, the same pages');
    const floor = await traceLoads(server, emptyContentScriptBuild(), log, 'floor: ');

    const sameTab =
      'Reloaded in one tab after a warm-up: the renderer and V8 are warm, as when reading one post after another.';
    const newTab = 'Each run in a new tab, so a new renderer process: the first page of a reading session.';
    const served = `served by a local HTTPS server as https://${DIFF_HOST}:PORT`;
    const noCtaPage = `tests/fixtures/no-cta-post.html ${served}${NO_CTA_PATH}.`;
    const diffPage = `tests/fixtures/diff-central-asia-wikimania-2024.html ${served} at its real path.`;
    const longPage =
      `The 300-segment post of tests/bench/generate-post.ts without the "Can you help us translate" box and its link, ` +
      `with a menu of 120 links and a sentence on translation tools in its prose, ${served}${LONG_NO_CTA_PATH}.`;
    const floorHow =
      ' Floor: the same trace of the same page with the built extension copied and its always-on script emptied, measured in the same run.';
    const row = (name: string, goal: number, times: ContentScriptTime[], floorTimes: ContentScriptTime[], where: string) =>
      withFloor(timeRow(name, goal, times, `${where}${floorHow}`), floorTimes.map((t) => t.wallMs));
    return [
      ...sizeRows(ours.scripts, ours.loaded, ours.extensionId),
      ...(ours.reader ? [readerSizeRow(ours.reader)] : []),
      row('content script main-thread time, page without a call to action', 0.5, ours.noCta, floor.noCta, `${noCtaPage} ${sameTab}`),
      row('content script main-thread time, page without a call to action, new tab', 1, ours.noCtaNewTab, floor.noCtaNewTab,
        `${noCtaPage} ${newTab}`),
      row('content script main-thread time, long page without a call to action', 0.5, ours.longNoCta, floor.longNoCta,
        `${longPage} ${sameTab}`),
      row('content script main-thread time, long page without a call to action, new tab', 1, ours.longNoCtaNewTab,
        floor.longNoCtaNewTab, `${longPage} ${newTab}`),
      row('content script main-thread time, shared Diff fixture', 5, ours.diff, floor.diff, `${diffPage} ${sameTab}`),
      row('content script main-thread time, shared Diff fixture, new tab', 15, ours.diffNewTab, floor.diffNewTab, `${diffPage} ${newTab}`),
    ];
  } finally {
    await server.close();
  }
}

interface TracedLoads {
  scripts: string[];
  reader: string | null;
  loaded: string[];
  extensionId: string;
  noCta: ContentScriptTime[];
  noCtaNewTab: ContentScriptTime[];
  longNoCta: ContentScriptTime[];
  longNoCtaNewTab: ContentScriptTime[];
  diff: ContentScriptTime[];
  diffNewTab: ContentScriptTime[];
}

/** Traces the two pages, in one tab and in new tabs, with the extension built at `extensionPath`. */
async function traceLoads(
  server: Awaited<ReturnType<typeof startFixtureServer>>,
  extensionPath: string,
  log: Log,
  label: string,
): Promise<TracedLoads> {
  const browser = await launchExtension({ extensionPath });
  try {
    const scripts = contentScriptFiles(extensionPath);
    const scriptUrl = (file: string) => `chrome-extension://${browser.extensionId}/${file}`;
    // The scripts whose runs the trace shows: the first one the manifest injects, and the page
    // reader it loads (both count where both run).
    const reader = existsSync(path.join(extensionPath, PAGE_READER_FILE)) ? PAGE_READER_FILE : null;
    const traced = [scriptUrl(scripts[0]!), ...(reader ? [scriptUrl(reader)] : [])];
    const loaded = new Set<string>();
    const trace = async (page: Page, pagePath: string): Promise<ContentScriptTime> => {
      const url = server.origin(DIFF_HOST) + pagePath;
      // A loaded machine can run a document_idle script late: look twice before concluding.
      const time =
        (await traceContentScript(browser.context, page, url, traced)) ??
        (await traceContentScript(browser.context, page, url, traced));
      if (!time && !QUIET_PATHS.includes(pagePath)) throw new Error(`The content script did not run on ${url}`);
      // Not injected at all (e.g. a manifest that matches only post addresses) costs the page nothing.
      const cost = time ?? { wallMs: 0, cpuMs: 0, compileMs: 0, extensionUrls: [], ran: false };
      if (QUIET_PATHS.includes(pagePath)) for (const loadedUrl of cost.extensionUrls) loaded.add(loadedUrl);
      return cost;
    };
    const inOneTab = async (name: string, pagePath: string) => {
      const page = await browser.context.newPage();
      const times: ContentScriptTime[] = [];
      await repeat(label + name, log, async (run) => kept(times, run, await trace(page, pagePath)).wallMs, {
        runs: TRACE_RUNS,
      });
      await page.close();
      return times;
    };
    const inNewTabs = async (name: string, pagePath: string) => {
      const times: ContentScriptTime[] = [];
      await repeat(label + name, log, async (run) => {
        const page = await browser.context.newPage();
        const time = await trace(page, pagePath);
        await page.close();
        return kept(times, run, time).wallMs;
      }, { runs: TRACE_RUNS });
      return times;
    };
    return {
      scripts,
      reader,
      extensionId: browser.extensionId,
      noCta: await inOneTab('page without a call to action', NO_CTA_PATH),
      noCtaNewTab: await inNewTabs('page without a call to action, new tab', NO_CTA_PATH),
      longNoCta: await inOneTab('long page without a call to action', LONG_NO_CTA_PATH),
      longNoCtaNewTab: await inNewTabs('long page without a call to action, new tab', LONG_NO_CTA_PATH),
      diff: await inOneTab('Diff fixture', DIFF_POST_PATH),
      diffNewTab: await inNewTabs('Diff fixture, new tab', DIFF_POST_PATH),
      loaded: [...loaded],
    };
  } finally {
    await browser.close();
  }
}

/**
 * A long Diff post that asks for nothing: the generated post without the box and its link, with a
 * site menu of links, and translation spoken of in its prose, as posts about a community's work do.
 */
function longPageWithoutInvitation(): string {
  const menu = Array.from({ length: 120 }, (_, i) => `<li><a href="/category/topic-${i}/">Topic ${i}</a></li>`).join('');
  const page = generateDiffPost({ segments: 300 })
    // The generated prose speaks of translation in its headings too: here it does once, in passing.
    .html.replace(/translation/gi, 'documentation')
    .replace(/<div class="translate-post-anchor">.*?<\/div>/, '')
    .replace(/<div id="translate-post"[\s\S]*?<\/a>\s*<\/div>\s*<\/div>/, '')
    .replace('<header id="masthead" class="site-header">', `$&<nav class="main-navigation"><ul>${menu}</ul></nav>`)
    .replace('<div class="entry-content wrapper-small">', '$&\n<p>Several sessions were about translation tools, and who builds them.</p>');
  if (page.includes('translate-post')) throw new Error('The long page without a call to action still has the Diff box');
  return page;
}

/** A copy of the built extension whose always-on scripts are empty: what any content script costs. */
function emptyContentScriptBuild(): string {
  const copy = makeTempDir('interlinear-floor-');
  cpSync(EXTENSION_PATH, copy, { recursive: true });
  for (const file of contentScriptFiles(copy)) if (file.endsWith('.js')) writeFileSync(path.join(copy, file), '');
  return copy;
}

/** Keeps a measured run's details (not a warm-up's, whose run number is negative). */
function kept(times: ContentScriptTime[], run: number, time: ContentScriptTime): ContentScriptTime {
  if (run >= 0) times.push(time);
  return time;
}

function timeRow(name: string, goal: number | null, times: ContentScriptTime[], where: string): BenchRow {
  const cpu = round(median(times.map((t) => t.cpuMs)));
  const compile = round(median(times.map((t) => t.compileMs)));
  const notRun = times.filter((t) => t.ran === false).length;
  const skipped = notRun ? ` In ${notRun} of ${times.length} runs the script was not injected at all (0 ms).` : '';
  return measured(
    { name, unit: MS, goal },
    times.map((t) => t.wallMs),
    `CDP trace (devtools.timeline, v8) of the page load: wall time of the main-thread events of ` +
      `the always-on first-look.js and, where it has it run, page-reader.js (EvaluateScript, FunctionCall, v8.compile; ` +
      `nested ones once). ${where} ` +
      `Median thread CPU time ${cpu} ms, of which compile ${compile} ms.${skipped}`,
  );
}

/** The scripts and styles the manifest injects on a Diff page (all of them, as it matches every page). */
function contentScriptFiles(extensionPath = EXTENSION_PATH): string[] {
  const manifest = JSON.parse(readFileSync(path.join(extensionPath, 'manifest.json'), 'utf8')) as {
    content_scripts?: { js?: string[]; css?: string[] }[];
  };
  const files = (manifest.content_scripts ?? []).flatMap((entry) => [...(entry.js ?? []), ...(entry.css ?? [])]);
  if (files.length === 0) throw new Error('The built manifest has no content script');
  return files;
}

/** The page reader: never loaded on a page without a call to action, so not part of the always-on size. */
function readerSizeRow(file: string): BenchRow {
  const bytes = readFileSync(path.join(EXTENSION_PATH, file));
  return measured(
    { name: 'page reader (loaded only where a call to action may be), gzip -9', unit: 'bytes', goal: null },
    [gzipSync(bytes, { level: 9 }).length],
    `.output/chrome-mv3/${file}, gzip -9 (Node zlib); ${bytes.length} B raw. The detector, segmenter and ` +
      `in-page overlay, which the background runs only where the always-on script's first look finds ` +
      `a possible call to action. No goal; for comparison. A size: one run.`,
  );
}

/** Figure 1: the injected files, plus any extension file the page loaded while the traces ran. */
function sizeRows(injected: string[], loadedUrls: string[], extensionId: string): BenchRow[] {
  const prefix = `chrome-extension://${extensionId}/`;
  const fetched = loadedUrls.filter((url) => url.startsWith(prefix)).map((url) => url.slice(prefix.length));
  const files = [...new Set([...injected, ...fetched])];
  const bytes = files.map((file) => readFileSync(path.join(EXTENSION_PATH, file)));
  const raw = bytes.reduce((sum, b) => sum + b.length, 0);
  const gzip = bytes.reduce((sum, b) => sum + gzipSync(b, { level: 9 }).length, 0);
  const list = files.map((f) => `.output/chrome-mv3/${f}`).join(' + ');
  const more = fetched.length ? `; fetched at run time: ${fetched.join(', ')}` : '; it fetches nothing more';
  return [
    measured({ name: 'always-on content script, gzip -9', unit: 'bytes', goal: 3 * 1024 }, [gzip],
      `${list}, each file gzip -9 (Node zlib), summed. Files from the built manifest's content_scripts${more} ` +
        `(extension URLs the page requested during the no-call-to-action traces). A size: one run.`),
    measured({ name: 'always-on content script, raw', unit: 'bytes', goal: null }, [raw],
      `the same files, uncompressed. No goal; for comparison.`),
  ];
}
