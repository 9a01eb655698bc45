// Figure 4: detect + segment (readPage) on long generated Diff posts, run in Chromium on the page
// itself. readPage is bundled for the page with esbuild, as the content script bundles it.
import { build } from 'esbuild';
import { BLOG_HOST, REPO_ROOT, launchExtension, startFixtureServer } from '../e2e/harness';
import { generateDiffPost } from './generate-post';
import { measured, median, repeat, round, type BenchRow, type Log } from './results';

const SIZES = [
  { segments: 400, goal: 10 },
  { segments: 5_000, goal: 80 },
];

/** readPage as an IIFE that puts it on the page's window, minified like the production build. */
async function readPageBundle(): Promise<string> {
  const result = await build({
    stdin: {
      contents:
        `import { readPage, readPostInSteps } from './utils/detect'; import { timeBudget } from './utils/detect/time-budget';` +
        `globalThis.__benchReadPage = readPage; globalThis.__benchReadInSteps = (d, u) => { const b = timeBudget(20);` +
        ` const t0 = performance.now(); return readPostInSteps(d, u, b).then((r) => ({ longest: b.longestMs, wall: performance.now() - t0, found: r.anchors.length })); };`,
      resolveDir: REPO_ROOT,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    minify: true,
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

export async function measureDetectInPage(log: Log): Promise<BenchRow[]> {
  const posts = SIZES.map((size) => ({ ...size, post: generateDiffPost({ segments: size.segments }) }));
  // Not the Diff host: the extension's content script must not run on these pages meanwhile.
  const server = await startFixtureServer(
    Object.fromEntries(posts.map(({ post }) => [post.path, { body: post.html }])),
  );
  const bundle = await readPageBundle();
  const browser = await launchExtension();
  const rows: BenchRow[] = [];
  try {
    const page = await browser.context.newPage();
    log('▶ detect + segment in the page (readPage, bundled with esbuild)');
    for (const { segments, goal, post } of posts) {
      const url = server.origin(BLOG_HOST) + post.path;
      const warm: number[] = [];
      const values = await repeat(`${segments.toLocaleString('en-US')} segments`, log, async (run) => {
        await page.goto(url, { waitUntil: 'load' });
        await page.addScriptTag({ content: bundle });
        const result = await page.evaluate(() => {
          const read = (globalThis as unknown as { __benchReadPage: (d: Document, u: string) => { anchors: unknown[] } })
            .__benchReadPage;
          const t0 = performance.now();
          const first = read(document, location.href);
          const t1 = performance.now();
          read(document, location.href);
          const t2 = performance.now();
          return { first: t1 - t0, again: t2 - t1, found: first.anchors.length };
        });
        if (result.found !== segments) {
          throw new Error(`readPage found ${result.found} segments in the ${segments}-segment post`);
        }
        if (run >= 0) warm.push(result.again);
        return result.first;
      });
      rows.push(
        measured(
          { name: `detect + segment, generated post of ${segments.toLocaleString('en-US')} segments`, unit: 'ms', goal },
          values,
          `tests/bench/generate-post.ts (${segments} segments: paragraphs, headings, lists, captioned ` +
            `figures, quotes, links, bold; ${(post.html.length / 1024).toFixed(0)} KB of HTML) loaded in Chromium; ` +
            `performance.now() around the first readPage(document, location.href) call on each fresh ` +
            `document, as the content script makes it. A second call on the same document (warm JIT) ` +
            `takes ${round(median(warm))} ms (median).`,
        ),
      );
    }
    // The page reader reads in slices (utils/detect/time-budget.ts): its longest task on the huge post.
    const huge = posts[posts.length - 1]!;
    const url = server.origin(BLOG_HOST) + huge.post.path;
    const walls: number[] = [];
    const longest = await repeat('longest task, page reader on the 5,000-segment post', log, async (run) => {
      await page.goto(url, { waitUntil: 'load' });
      await page.addScriptTag({ content: bundle });
      const result = await page.evaluate(() =>
        (globalThis as unknown as { __benchReadInSteps: (d: Document, u: string) => Promise<{ longest: number; wall: number; found: number }> })
          .__benchReadInSteps(document, location.href),
      );
      if (result.found !== huge.segments) throw new Error(`readPostInSteps found ${result.found} segments`);
      if (run >= 0) walls.push(result.wall);
      return result.longest;
    });
    rows.push(
      measured(
        { name: 'longest task of the page reader, generated post of 5,000 segments', unit: 'ms', goal: 50 },
        longest,
        `The same 5,000-segment post; readPostInSteps(document, location.href, timeBudget(20)) as the page reader ` +
          `calls it (entrypoints/page-reader.ts): the call to action, then the body's blocks in slices of 20 ms with ` +
          `scheduler.yield() between them. The longest slice, performance.now() inside the page. The whole read took ` +
          `${round(median(walls))} ms of wall time (median), the page running between slices.`,
      ),
    );
    await page.close();
  } finally {
    await browser.close();
    await server.close();
  }
  return rows;
}
