// Export and import in real Chromium with the built extension: draft the Diff post, export a
// backup from the side panel (the real download), lose the drafts, import the file on the options
// page and find them back; XLIFF and bad files go through Chromium's own XML parser.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  DIFF_POST_FIXTURE,
  DIFF_POST_PATH,
  launchExtension,
  makeTempDir,
  openExtensionPage,
  openTab,
  pollUntil,
  startFixtureServer,
  type ExtensionBrowser,
  type FixtureServer,
} from './harness';

const TITLE_DRAFT = 'Участники сообщества Центральной Азии о Викимании 2024';
const THIRD_DRAFT = 'Вы можете прочитать больше о сообществах Центральной Азии.';
const NEW_TITLE = 'Участники сообщества о Викимании';
const TOOL_DRAFT = 'Больше о сообществах Центральной Азии — в предыдущем блоге.';
const BULK_TITLE = 'Центральная Азия на Викимании 2024';
const SLUG = 'central-asian-community-members-share-their-thoughts-on-wikimania-2024';

describe('export and import in Chromium', () => {
  let server: FixtureServer;
  let browser: ExtensionBrowser;
  let postUrl: string;
  let tabId: number;
  let backupPath: string;
  const dir = () => makeTempDir('interlinear-files-');

  const editors = (page: Page) => page.locator('textarea[data-segment-id]');
  const openPanel = async () => {
    const page = await openExtensionPage(browser.context, browser.extensionId, `sidepanel.html?tab=${tabId}`);
    await editors(page).first().waitFor();
    return page;
  };
  const panelTexts = async () => {
    const panel = await openPanel();
    const texts = await editors(panel).evaluateAll((els) => els.map((el) => (el as HTMLTextAreaElement).value));
    await panel.close();
    return texts;
  };
  const importOnOptionsPage = async (file: string) => {
    const options = await openExtensionPage(browser.context, browser.extensionId, 'options.html');
    await options.getByTestId('import-file').setInputFiles(file);
    const outcome = options.getByTestId('import-report').or(options.getByTestId('import-error'));
    await outcome.waitFor();
    const text = await outcome.innerText();
    await options.close();
    return text;
  };

  beforeAll(async () => {
    server = await startFixtureServer({ [DIFF_POST_PATH]: DIFF_POST_FIXTURE });
    postUrl = server.origin('diff.wikimedia.org') + DIFF_POST_PATH;
    browser = await launchExtension();
    ({ tabId } = await openTab(browser, postUrl));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('downloads a JSON backup of the drafted post from the side panel', async () => {
    const panel = await openPanel();
    await panel.getByTestId('target-language').selectOption('ru');
    await pollUntil(() => editors(panel).nth(2).isEnabled(), { message: 'editors enabled' });
    await editors(panel).nth(0).fill(TITLE_DRAFT);
    await editors(panel).nth(2).fill(THIRD_DRAFT);
    // Another view shows the texts once the background has them.
    await pollUntil(async () => {
      const saved = await panelTexts();
      return saved[0] === TITLE_DRAFT && saved[2] === THIRD_DRAFT;
    }, { message: 'the drafts saved' });
    await panel.getByText('Export…').click();
    await expect(panel.getByTestId('export-format').inputValue()).resolves.toBe('markdown');
    await panel.getByTestId('export-format').selectOption('backup');
    const [download] = await Promise.all([panel.waitForEvent('download'), panel.getByRole('button', { name: 'Download' }).click()]);
    expect(download.suggestedFilename()).toBe(`${SLUG}.ru.json`);
    backupPath = path.join(dir(), download.suggestedFilename());
    await download.saveAs(backupPath);
    await expect(panel.getByTestId('export-message').innerText()).resolves.toBe(`Saved ${SLUG}.ru.json.`);
    await panel.close();

    const backup = JSON.parse(readFileSync(backupPath, 'utf8'));
    expect(backup).toMatchObject({ format: 'interlinear-backup', version: 1 });
    const drafts = backup.posts[0].translations[0].drafts as { text: string; history: { text: string }[] }[];
    expect(drafts.map((d) => d.text).sort()).toEqual([THIRD_DRAFT, TITLE_DRAFT].sort());
    expect(drafts.every((d) => d.history.at(-1)?.text === d.text)).toBe(true);
  });

  it('brings the drafts back from the file after they were lost', async () => {
    // Lose every draft and its history, as a new browser profile would have none.
    const page = await openExtensionPage(browser.context, browser.extensionId, 'options.html');
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('interlinear');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction(['drafts', 'revisions'], 'readwrite');
            tx.objectStore('drafts').clear();
            tx.objectStore('revisions').clear();
            tx.oncomplete = () => (open.result.close(), resolve());
            tx.onerror = () => reject(tx.error);
          };
        }),
    );
    await page.close();
    const lost = await panelTexts();
    expect(lost[0]).toBe('');
    expect(lost[2]).toBe('');

    const report = await importOnOptionsPage(backupPath);
    expect(report).toMatch(new RegExp(`^${SLUG}\\.ru\\.json: imported 2, skipped 0`));
    expect(report).toContain('restored with its history');
    const back = await panelTexts();
    expect(back[0]).toBe(TITLE_DRAFT);
    expect(back[2]).toBe(THIRD_DRAFT);

    // The same file again changes nothing, and says so.
    await expect(importOnOptionsPage(backupPath)).resolves.toMatch(/imported 0, skipped 2[\s\S]*the draft already has this text/);
  });

  it('imports XLIFF as a translation tool returns it, parsed by the browser', async () => {
    const panel = await openPanel();
    const ids = await editors(panel).evaluateAll((els) => els.map((el) => el.getAttribute('data-segment-id')!));
    await panel.close();
    const postKey = JSON.parse(readFileSync(backupPath, 'utf8')).posts[0].key as string;
    const file = path.join(dir(), `${SLUG}.ru.xlf`);
    writeFileSync(
      file,
      `<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="ru">
  <file id="f1" original="${postKey}">
    <unit id="${ids[0]}"><segment state="translated"><target>${NEW_TITLE}</target></segment></unit>
    <unit id="${ids[1]}"><segment state="translated">
      <target>
        Второй   сегмент.
      </target></segment></unit>
    <unit id="${ids[2]}"><segment state="final"><target>${THIRD_DRAFT}</target></segment></unit>
  </file>
</xliff>`,
    );
    const report = await importOnOptionsPage(file);
    expect(report).toMatch(/imported 3, skipped 0/);
    expect(report).toContain('a new revision; the earlier text stays in its history');
    expect(report).toContain('a new draft');
    expect(report).toContain('marked done');
    const texts = await panelTexts();
    expect(texts[0]).toBe(NEW_TITLE);
    expect(texts[1]).toBe('Второй сегмент.');
    expect(texts[2]).toBe(THIRD_DRAFT);
  });

  it('exports XLIFF 2.0 that comes back in after a translation tool changed it', async () => {
    const panel = await openPanel();
    await panel.getByText('Export…').click();
    await panel.getByTestId('export-format').selectOption('xliff2');
    const [download] = await Promise.all([panel.waitForEvent('download'), panel.getByRole('button', { name: 'Download' }).click()]);
    expect(download.suggestedFilename()).toBe(`${SLUG}.ru.xlf`);
    const exported = path.join(dir(), download.suggestedFilename());
    await download.saveAs(exported);
    await panel.close();
    const xliff = readFileSync(exported, 'utf8');
    expect(xliff).toContain(`>${THIRD_DRAFT}</target>`);
    // The tool reflows the target and moves its text on.
    const edited = path.join(dir(), `${SLUG}.ru.edited.xlf`);
    writeFileSync(edited, xliff.replace(`>${THIRD_DRAFT}</target>`, `>\n          ${TOOL_DRAFT}\n        </target>`));
    const report = await importOnOptionsPage(edited);
    expect(report).toMatch(/imported 1, skipped 12/);
    expect(report).toContain('a new revision; the earlier text stays in its history');
    expect((await panelTexts())[2]).toBe(TOOL_DRAFT);
  });

  it('copies Markdown as text and as rich text', async () => {
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const panel = await openPanel();
    await panel.getByText('Export…').click();
    await panel.getByRole('button', { name: 'Copy' }).click();
    await expect(panel.getByTestId('export-message').innerText()).resolves.toBe('Copied, with formatting for rich editors.');
    const copied = await panel.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      const read = async (type: string) => (item!.types.includes(type) ? (await item!.getType(type)).text() : null);
      return { plain: await read('text/plain'), html: await read('text/html') };
    });
    const title = await editors(panel).nth(0).inputValue();
    expect(copied.plain).toContain(`# ${title}\n`);
    expect(copied.html).toContain(title);
    // Rich text keeps the post's links.
    expect(copied.html).toContain('<a href="https://meta.wikimedia.org/wiki/User:Mirmanova_Adeliya"');
    await panel.close();
  });

  it('backs up everything from the options page', async () => {
    const options = await openExtensionPage(browser.context, browser.extensionId, 'options.html');
    const section = options.locator('.export-all');
    await expect(section.getByTestId('export-format').inputValue()).resolves.toBe('backup');
    const [download] = await Promise.all([options.waitForEvent('download'), section.getByRole('button', { name: 'Download' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^interlinear-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const file = path.join(dir(), download.suggestedFilename());
    await download.saveAs(file);
    const backup = JSON.parse(readFileSync(file, 'utf8'));
    expect(backup.posts).toHaveLength(1);
    expect(backup.posts[0].translations.map((t: { lang: string }) => t.lang)).toEqual(['ru']);
    await options.close();
  });

  it('updates an open side panel when an import brings many drafts at once', async () => {
    const panel = await openPanel();
    // The backup made earlier, its Russian title reworded, and the post in four more languages:
    // 65 drafts, more than views are told of one by one.
    const backup = JSON.parse(readFileSync(backupPath, 'utf8'));
    const [post] = backup.posts;
    const ru = post.translations[0];
    const full = post.segments.map((segment: { id: string }, i: number) => ({
      segmentId: segment.id,
      text: i === 0 ? BULK_TITLE : `Сегмент ${i + 1}`,
      status: 'draft',
      history: [],
    }));
    post.translations = ['ru', 'uk', 'kk', 'uz', 'fa'].map((lang) => ({ ...ru, lang, drafts: full }));
    const file = path.join(dir(), `${SLUG}.all.json`);
    writeFileSync(file, JSON.stringify(backup));
    await expect(importOnOptionsPage(file)).resolves.toMatch(/imported 65, skipped 0/);
    await pollUntil(async () => (await editors(panel).nth(0).inputValue()) === BULK_TITLE, {
      message: 'the open side panel shows the imported title',
    });
    await expect(editors(panel).nth(12).inputValue()).resolves.toBe('Сегмент 13');
    await panel.close();
  });

  it('refuses malformed, hostile and foreign files with a clear message, changing nothing', async () => {
    const before = await panelTexts();
    const files: [string, string, RegExp][] = [
      ['broken.xlf', '<xliff version="2.0"><file original="x"></xliff>', /not well-formed XML/],
      [
        'bomb.xlf',
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><xliff version="2.0">&b;</xliff>',
        /declares a document type or entities/,
      ],
      ['notes.txt', 'just some notes', /neither an Interlinear backup \(JSON\) nor XLIFF/],
      ['forged.json', readFileSync(backupPath, 'utf8').replace(/"text": "[^"]*"/, '"text": 42'), /This backup is not valid: .*text: Invalid type/],
    ];
    for (const [name, content, message] of files) {
      const file = path.join(dir(), name);
      writeFileSync(file, content);
      const outcome = await importOnOptionsPage(file);
      expect(outcome).toMatch(new RegExp(`^${name.replace('.', '\\.')} was not imported, and nothing was changed: `));
      expect(outcome).toMatch(message);
    }
    expect(await panelTexts()).toEqual(before);
  });
});
