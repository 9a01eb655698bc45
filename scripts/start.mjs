// `npm start`: a demo of the built extension in Debian's Chromium on a real Diff post, served
// locally as https://diff.wikimedia.org:PORT/… in a throw-away profile.
// With a display: a browser window, until you close it (or press Ctrl-C).
// Without one: headless; prints what the extension detected, saves screenshots, exits.
// `npm start -- --lang=fa` shows the interface in another language (en, ru, fa).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BADGE_TIMEOUT = 15_000;
const VIEW_TIMEOUT = 10_000;

function run(command, args) {
  console.log(`$ ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`✗ ${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status || 1);
  }
}

if (!existsSync(path.join(ROOT, 'node_modules/.bin/wxt'))) run('npm', ['install']);
run('npx', ['wxt', 'build']);

const { ensureChromium, ensureChromiumTranslations } = await import('./programs.mjs');
const chromiumPath = await ensureChromium({ interactive: Boolean(process.stdin.isTTY) });
const uiLanguage = process.argv.find((arg) => arg.startsWith('--lang='))?.slice('--lang='.length);
if (uiLanguage) await ensureChromiumTranslations(chromiumPath, { interactive: Boolean(process.stdin.isTTY) });

// The harness is TypeScript; tsx compiles it on the fly so the demo and the e2e tests share it.
const { tsImport } = await import('tsx/esm/api');
const h = await tsImport('../tests/e2e/harness.ts', import.meta.url);

if (!existsSync(h.DIFF_POST_FIXTURE)) {
  console.error(`✗ The Diff post fixture is missing: ${h.DIFF_POST_FIXTURE}`);
  process.exit(1);
}
const headless = !process.env.DISPLAY;
const server = await h.startFixtureServer({ [h.DIFF_POST_PATH]: h.DIFF_POST_FIXTURE });
// We handle Ctrl-C ourselves: Playwright's handler exits before Chromium has finished writing
// its profile, and the harness could not remove it.
const browser = await h.launchExtension({
  headless,
  executablePath: chromiumPath,
  launchOptions: { handleSIGINT: false, handleSIGTERM: false },
  uiLanguage,
});
const { context, extensionId, serviceWorker } = browser;
const stop = async (code) => {
  await browser.close().catch(() => {});
  await server.close();
  console.log('Stopped.');
  process.exit(code); // the harness removes the temp profile on exit
};
process.once('SIGINT', () => void stop(130));
process.once('SIGTERM', () => void stop(143));

const postUrl = server.origin(h.DIFF_HOST) + h.DIFF_POST_PATH;
const post = context.pages()[0] ?? (await context.newPage());
await post.goto(postUrl);
const tabId = await h.tabIdOf(context, serviceWorker, postUrl);
const sidepanelPath = `sidepanel.html?tab=${tabId}`;
let sidepanel = null;
try {
  sidepanel = await h.openExtensionPage(context, extensionId, sidepanelPath);
} catch (error) {
  console.warn(`! Could not open ${sidepanelPath} (is the side panel built yet?): ${firstLine(error)}`);
}

console.log(`
Chromium      ${chromiumPath} (${headless ? 'headless' : 'headed'})
Extension id  ${extensionId}
Post          ${postUrl}  (tab ${tabId}, served from ${path.relative(ROOT, h.DIFF_POST_FIXTURE)})
Side panel    chrome-extension://${extensionId}/${sidepanelPath}
`);

const waitForBadge = () =>
  h.pollUntil(() => h.badgeText(serviceWorker, tabId), { timeout: BADGE_TIMEOUT, message: 'a badge' });

if (!headless) {
  waitForBadge().then(
    (badge) => console.log(`Badge         "${badge}"`),
    () => console.log(`Badge         (none after ${BADGE_TIMEOUT / 1000} s)`),
  );
  console.log('Close the browser window (or press Ctrl-C) to stop.');
  await new Promise((resolve) => context.once('close', resolve));
  await stop(0);
}

let badge = '';
try {
  badge = await waitForBadge();
  console.log(`Badge         "${badge}"`);
} catch {
  console.log(`Badge         (none: the extension set no badge for tab ${tabId} within ${BADGE_TIMEOUT / 1000} s)`);
}
if (sidepanel) {
  await sidepanel.setViewportSize({ width: 420, height: 900 }); // the width of a side panel
  const view = await readView(sidepanel);
  console.log(`Segments      ${view.segments}`);
  console.log(`Title         ${view.title ?? '(none shown)'}`);
}

const outDir = path.join(ROOT, '.output');
mkdirSync(outDir, { recursive: true });
const shots = [];
if (sidepanel) {
  shots.push(path.join(outDir, 'demo-sidepanel.png'));
  await sidepanel.screenshot({ path: shots.at(-1), fullPage: true });
}
shots.push(path.join(outDir, 'demo-post.png'));
await post.bringToFront();
await post.screenshot({ path: shots.at(-1) });
console.log(`\nScreenshots:\n${shots.map((file) => `  ${file}`).join('\n')}`);

if (!badge) console.error('\n✗ The extension did not report this post (no badge).');
await stop(badge ? 0 : 1);

/** Segment editors and the post title, as far as the side panel shows them yet. */
async function readView(page) {
  const editors = page.locator('textarea[data-segment-id]');
  const segments = await h
    .pollUntil(() => editors.count(), { timeout: VIEW_TIMEOUT, message: 'segment editors' })
    .catch(() => 0);
  let title = null;
  for (const selector of ['[data-testid=post-title]', 'h1']) {
    const heading = page.locator(selector).first();
    if (await heading.count()) {
      title = (await heading.innerText()).trim();
      break;
    }
  }
  return { segments, title };
}

function firstLine(error) {
  return String(error?.message ?? error).split('\n')[0];
}
