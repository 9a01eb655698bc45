// "Fill a 400-segment post in the real editor": a generated Diff post of 400 segments, drafted in
// Russian, its source inserted in a real WordPress (tests/support/wordpress-site.ts), and the new
// translation's block editor filled from the popup. Each run opens a fresh editor (a new
// translation from from_post) and times the popup from the click on Fill to its report shown.
import { Window } from 'happy-dom';
import { detectPage } from '../../utils/detect';
import { preparePost } from '../../utils/export/blocks';
import { blockMarkupOfPost } from '../../utils/export/wordpress';
import type { DraftRecord, PostRecord } from '../../utils/model';
import { launchExtension, openExtensionPage, openTab, startFixtureServer } from '../e2e/harness';
import { startWordPressSite } from '../support/wordpress-site';
import { generateDiffPost, type GeneratedPost } from './generate-post';
import { measured, repeat, type BenchRow, type Log } from './results';

const SEGMENTS = 400;
/** The generated page's postid-N: the source post's id on the test site. */
const SOURCE_ID = 150000;

export async function measureWordPressFill(log: Log): Promise<BenchRow[]> {
  const generated = generateDiffPost({ segments: SEGMENTS });
  const post = readPost(generated);
  const server = await startFixtureServer({ [generated.path]: { body: generated.html } });
  const site = await startWordPressSite(server).catch(async (error) => {
    await server.close();
    throw error;
  });
  const browser = await launchExtension();
  try {
    log(`▶ WordPress: the ${SEGMENTS}-segment post's source as post ${SOURCE_ID}, drafted in Russian`);
    site.insertPost({ id: SOURCE_ID, title: generated.title, content: sourceMarkup(post) });
    await site.logIn(await browser.context.newPage());
    const { tabId: postTab } = await openTab(browser, server.origin() + generated.path);
    const views = await openExtensionPage(browser.context, browser.extensionId, `sidepanel.html?tab=${postTab}`);
    await views.getByTestId('target-language').waitFor();
    await views.evaluate(saveDrafts, { postKey: post.key, drafts: post.segments.map((s) => [s.id, `Перевод: ${s.tagged ?? s.text}`]) });
    await views.close();

    const editorUrl = `${site.origin}/wp-admin/post-new.php?post_type=post&from_post=${SOURCE_ID}&new_lang=ru`;
    let report = '';
    const values = await repeat('click on Fill → report shown', log, async () => {
      const { page: editor, tabId } = await openTab(browser, editorUrl);
      await editor.waitForFunction(() => (globalThis as any).wp?.data?.select('core/block-editor')?.getBlocks().length > 0, null, { timeout: 30_000 });
      const popup = await openExtensionPage(browser.context, browser.extensionId, `popup.html?tab=${tabId}`);
      await popup.getByTestId('wordpress-fill-button').waitFor();
      const elapsed = await popup.evaluate(clickAndWaitForReport);
      report = (await popup.getByTestId('wordpress-report').innerText()).replace(/\s+/g, ' ');
      await popup.close();
      await editor.close();
      return elapsed;
    });
    log(`  the popup's report: ${report}`);
    if (!report.includes(`${SEGMENTS} segments filled`) || !report.includes('0 invalid blocks')) {
      throw new Error(`the fill did not fill every segment validly: ${report}`);
    }
    return [
      measured(
        { name: `fill a ${SEGMENTS}-segment post in the real editor`, unit: 'ms', goal: 1_000 },
        values,
        `Debian's WordPress 6.1 on MariaDB behind php -S; a new translation (post-new.php?from_post) of a generated ` +
          `${SEGMENTS}-segment Diff post holding its English blocks; in the popup, from the click on Fill to the report ` +
          `shown: the editor read, the drafts matched, the blocks filled in one edit and checked by parsing them again`,
      ),
    ];
  } finally {
    await browser.close();
    await site.stop();
    await server.close();
  }
}

/** The post as the page reader reads the generated page. */
function readPost(generated: GeneratedPost): PostRecord {
  const window = new Window({ url: generated.canonicalUrl });
  try {
    window.document.write(generated.html);
    const detection = detectPage(window.document as unknown as Document, generated.canonicalUrl);
    if (detection.segments.length !== SEGMENTS) throw new Error(`${detection.segments.length} segments, not ${SEGMENTS}`);
    return { ...detection, key: generated.canonicalUrl, url: generated.canonicalUrl, targetLanguage: null, firstSeen: 0, lastSeen: 0 };
  } finally {
    void window.happyDOM.close();
  }
}

/** The post's own blocks as its author saved them: the block markup export of its source text. */
function sourceMarkup(post: PostRecord): string {
  const asWritten: DraftRecord[] = post.segments.map((segment) => ({
    postKey: post.key,
    lang: 'en',
    segmentId: segment.id,
    text: segment.tagged ?? segment.text,
    rev: 1,
    updatedAt: 0,
  }));
  const prepared = preparePost(post, 'en', asWritten);
  return blockMarkupOfPost({ ...prepared, blocks: prepared.blocks.filter((block) => block.kind !== 'title') });
}

/** Runs in an extension page: one draft per segment, through the background as typing would. */
async function saveDrafts({ postKey, drafts }: { postKey: string; drafts: string[][] }): Promise<void> {
  const runtime = (globalThis as any).chrome.runtime;
  for (const [segmentId, text] of drafts) await runtime.sendMessage({ type: 'draft:save', postKey, lang: 'ru', segmentId, text });
}

/** Runs in the popup: clicks Fill and resolves with the milliseconds until the report is in the page. */
function clickAndWaitForReport(): Promise<number> {
  return new Promise((resolve) => {
    const started = performance.now();
    const observer = new MutationObserver(() => {
      if (!document.querySelector('[data-testid=wordpress-report]')) return;
      observer.disconnect();
      resolve(performance.now() - started);
    });
    observer.observe(document.body, { childList: true, subtree: true });
    document.querySelector<HTMLButtonElement>('[data-testid=wordpress-fill-button]')!.click();
  });
}

