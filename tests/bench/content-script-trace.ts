// How long the content script holds a page's main thread, read from a DevTools-protocol trace
// recorded inside the page's renderer: compile + evaluation of the script, and any callback of it.
import type { BrowserContext, Page } from 'playwright-core';

/** devtools.timeline has EvaluateScript/FunctionCall; v8 has v8.compile and v8.run. */
const CATEGORIES = ['devtools.timeline', 'v8'];

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; data?: { url?: string }; fileName?: string };
}

export interface ContentScriptTime {
  /** Main-thread wall time of the script's own events, nested events counted once. */
  wallMs: number;
  /** The same events' thread CPU time: wall time minus time the OS gave to other threads. */
  cpuMs: number;
  compileMs: number;
  /** chrome-extension:// addresses the page requested (a script the content script loads). */
  extensionUrls: string[];
  /** False when the script was not injected into the page at all. */
  ran?: boolean;
}

/**
 * Loads `url` in `page` while tracing it and returns the content script's share of the page's
 * main thread, or null when the script did not run there. `scriptUrls` are the chrome-extension://
 * addresses of its parts: the always-on script first, then any part it has the background run
 * (the page reader, on a page that may ask for translation); all of them count.
 */
export async function traceContentScript(
  context: BrowserContext,
  page: Page,
  url: string,
  scriptUrls: string[],
): Promise<ContentScriptTime | null> {
  const cdp = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: CATEGORIES, excludedCategories: ['*'] },
  });
  await page.goto(url, { waitUntil: 'load' });
  // document_idle scripts run right after the load event at the latest; give them and the reply time.
  await page.waitForTimeout(500);
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();
  return contentScriptShare(events, scriptUrls);
}

export function contentScriptShare(events: TraceEvent[], scriptUrls: string[]): ContentScriptTime | null {
  const mainThreads = new Set(
    events
      .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const ours = events.filter(
    (e) =>
      e.ph === 'X' &&
      mainThreads.has(`${e.pid}:${e.tid}`) &&
      (scriptUrls.includes(e.args?.data?.url ?? '') || scriptUrls.includes(e.args?.fileName ?? '')),
  );
  // Ran at all: the always-on script was evaluated (the others run only after it).
  const [alwaysOn] = scriptUrls;
  if (!ours.some((e) => e.name === 'EvaluateScript' && (e.args?.data?.url ?? e.args?.fileName) === alwaysOn)) return null;
  const compileMs = ours.filter((e) => e.name === 'v8.compile').reduce((sum, e) => sum + (e.dur ?? 0), 0) / 1000;
  const extensionUrls = events
    .filter((e) => e.name === 'ResourceSendRequest' && e.args?.data?.url?.startsWith('chrome-extension://'))
    .map((e) => e.args!.data!.url!);
  return { wallMs: outermostSum(ours, 'dur'), cpuMs: outermostSum(ours, 'tdur'), compileMs, extensionUrls };
}

/** Sums the events that no other of the list encloses, so v8.compile inside EvaluateScript counts once. */
function outermostSum(events: TraceEvent[], field: 'dur' | 'tdur'): number {
  const sorted = [...events].sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  let total = 0;
  let coveredUntil = -Infinity;
  for (const event of sorted) {
    const end = event.ts + (event.dur ?? 0);
    if (event.ts < coveredUntil) continue; // nested in the previous outermost event
    total += event[field] ?? event.dur ?? 0;
    coveredUntil = end;
  }
  return total / 1000;
}
