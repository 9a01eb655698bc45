import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { openFixture, openPage, fixtures } from '../support/pages';
import { detectPage, pageAddress, postKey, snapshotPage } from '../../utils/detect';
import type { Detection } from '../../utils/model';

const testsDir = import.meta.url;
const repoRoot = fileURLToPath(new URL('../../', testsDir));
const POST = 'diff-central-asia-wikimania-2024';
const CANONICAL =
  'https://diff.wikimedia.org/2024/09/05/central-asian-community-members-share-their-thoughts-on-wikimania-2024/';

interface Expected extends Omit<Detection, 'segments'> {
  segments: { kind: string; text: string }[];
  notSegments: string[];
}

function detectFixture(file: URL): Detection {
  const { doc, address } = openFixture(file);
  return detectPage(doc, address);
}

function html(body: string, head = ''): string {
  return `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;
}

const cases = ['', '.logged-in', '.edited'].map((variant) => ({
  name: `${POST}${variant}`,
  page: new URL(`${POST}${variant}.html`, fixtures),
  expected: JSON.parse(readFileSync(new URL(`${POST}${variant}.expected.json`, fixtures), 'utf8')) as Expected,
}));

describe.each(cases)('$name', ({ page, expected }) => {
  const detection = detectFixture(page);

  it('reports the call to action, title and language the page has', () => {
    expect(detection.detected).toBe(expected.detected);
    expect(detection.title).toBe(expected.title);
    expect(detection.sourceLanguage).toBe(expected.sourceLanguage);
    expect(detection.cta).toEqual(expected.cta);
  });

  it('finds exactly the expected segments, in reading order', () => {
    expect(detection.segments.map(({ kind, text }) => ({ kind, text }))).toEqual(expected.segments);
  });

  it('leaves out the page chrome', () => {
    for (const segment of detection.segments) {
      for (const chrome of expected.notSegments) expect(segment.text).not.toContain(chrome);
    }
  });

  it('gives every segment a unique id of [a-z0-9-]', () => {
    const ids = detection.segments.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('gives the same ids when the page is read again', () => {
    expect(detectFixture(page).segments).toEqual(detection.segments);
  });

  it('snapshots the post under its canonical address', () => {
    const { doc } = openFixture(page);
    const opened = `${CANONICAL}?utm_source=mastodon#translate-post`;
    const snapshot = snapshotPage(doc, opened);
    expect(snapshot).toMatchObject({ key: CANONICAL, url: opened, detected: true });
    expect(snapshot?.segments).toEqual(detection.segments);
  });
});

describe('segment ids across versions of the post', () => {
  const [original, loggedIn, edited] = cases.map((c) => detectFixture(c.page).segments);

  it('are the same for the logged-in reader', () => {
    expect(loggedIn).toEqual(original);
  });

  it('stay the same for every paragraph the edit left alone', () => {
    const editedIds = new Map(edited.map((s) => [s.text, s.id]));
    const kept = original.filter((s) => editedIds.has(s.text));
    expect(kept).toHaveLength(original.length - 2); // one reworded, one removed
    for (const segment of kept) expect(editedIds.get(segment.text)).toBe(segment.id);
  });

  it('are new for the reworded and the added paragraph', () => {
    const originalIds = new Set(original.map((s) => s.id));
    const fresh = edited.filter((s) => !originalIds.has(s.id)).map((s) => s.text);
    expect(fresh).toEqual([
      'This post was updated on 12 September 2024 to add photo credits.',
      'I’ve attended many different sessions; there are some that I haven’t watched yet, and a few that I plan to watch again online.',
    ]);
  });
});

describe('a post without a call to action', () => {
  const page = new URL('no-cta-post.html', fixtures);

  it('is not detected and has no segments', () => {
    const detection = detectFixture(page);
    expect(detection.detected).toBe(false);
    expect(detection.cta).toBeNull();
    expect(detection.segments).toEqual([]);
  });

  it('has no snapshot', () => {
    const { doc, address } = openFixture(page);
    expect(snapshotPage(doc, address)).toBeNull();
  });
});

describe('the call to action', () => {
  const url = 'https://diff.wikimedia.org/2024/01/01/post/';

  it('is detected from the "Translate this post" link alone', () => {
    const doc = openPage(html('<a href="#translate-post">Translate this post</a><article><div class="entry-content"><p>Hi.</p></div></article>'), url);
    const detection = detectPage(doc, url);
    expect(detection.detected).toBe(true);
    expect(detection.cta).toEqual({ startUrl: null, targetLanguages: [] });
    expect(detection.segments.map((s) => s.text)).toEqual(['Hi.']);
  });

  it('resolves a relative login link and refuses a javascript: one', () => {
    const box = (href: string) => html(`<div id="translate-post"><a class="translate-post-login" href="${href}">Start translation</a></div>`);
    expect(detectPage(openPage(box('/wp-login.php?x=1'), url), url).cta?.startUrl).toBe('https://diff.wikimedia.org/wp-login.php?x=1');
    expect(detectPage(openPage(box('javascript:alert(1)'), url), url).cta?.startUrl).toBeNull();
  });

  it('resolves against the page\'s <base href>', () => {
    const doc = openPage(html('<div id="translate-post"><a href="login">Start translation</a></div>', '<base href="https://diff.wikimedia.org/wp/">'), url);
    expect(detectPage(doc, url).cta?.startUrl).toBe('https://diff.wikimedia.org/wp/login');
  });

  it('turns the Polylang form into a GET address without the picked language', () => {
    const doc = openPage(html(`<div id="translate-post"><form action="/wp-admin/post-new.php?old=1">
      <input type="hidden" name="post_type" value="post"><input type="text" name="note" value="x">
      <select id="new_lang" name="new_lang"><option value="">Pick one</option><option value="pt-br"> Português
        do Brasil </option></select>
      <input type="hidden" name="_wpnonce" value="n 1"><input type="hidden" name="off" value="1" disabled></form></div>`), url);
    expect(detectPage(doc, url).cta).toEqual({
      startUrl: 'https://diff.wikimedia.org/wp-admin/post-new.php?post_type=post&_wpnonce=n+1',
      targetLanguages: [{ code: 'pt-br', name: 'Português do Brasil' }],
    });
  });
});

describe('the page address, language and title', () => {
  const url = 'https://diff.wikimedia.org/?p=139270#top';

  it('takes the canonical link, resolved, else the address opened', () => {
    expect(pageAddress(openPage(html('', '<link rel="canonical" href="/2024/a/">'), url), url)).toBe('https://diff.wikimedia.org/2024/a/');
    expect(pageAddress(openPage(html(''), url), url)).toBe(url);
  });

  it('keys a post by its address without query or fragment', () => {
    expect(postKey('https://diff.wikimedia.org/2024/a/?share=x#c')).toBe('https://diff.wikimedia.org/2024/a/');
    expect(postKey('not a url?x#y')).toBe('not a url');
  });

  const languageOf = (page: string) => detectPage(openPage(page, url), url).sourceLanguage;
  it('reads the language from html[lang], og:locale, then Content-Language', () => {
    expect(languageOf('<html lang="PT-br"><head><meta property="og:locale" content="en_US"></head></html>')).toBe('pt');
    expect(languageOf(html('', '<meta property="og:locale" content="uk_UA">'))).toBe('uk');
    expect(languageOf(html('', '<meta http-equiv="content-language" content="kk, ru">'))).toBe('kk');
    expect(languageOf(html(''))).toBeNull();
  });

  const titleOf = (page: string) => detectPage(openPage(page, url), url).title;
  it('titles the post from h1.entry-title, og:title, then <title>', () => {
    const head = '<title>Doc  title</title><meta property="og:title" content="OG title">';
    expect(titleOf(html('<h1 class="entry-title"> Post\n title </h1>', head))).toBe('Post title');
    expect(titleOf(html('', head))).toBe('OG title');
    expect(titleOf(html('', '<title>Doc  title</title>'))).toBe('Doc title');
    expect(titleOf(html(''))).toBeNull();
  });
});

describe('the detect command', () => {
  const run = promisify(execFile);
  const detect = (...args: string[]) => run('npx', ['tsx', 'scripts/detect.ts', ...args], { cwd: repoRoot });

  it('prints the detection of a fixture as JSON, ids included', async () => {
    const page = new URL(`${POST}.logged-in.html`, fixtures);
    const { stdout } = await detect(fileURLToPath(page));
    const expected = cases[1].expected;
    const { segments } = detectFixture(page);
    expect(JSON.parse(stdout)).toEqual({
      detected: expected.detected,
      title: expected.title,
      sourceLanguage: expected.sourceLanguage,
      cta: expected.cta,
      confidence: expect.any(Number),
      evidence: expect.arrayContaining([expect.stringContaining('#translate-post')]),
      segments: expected.segments.map((s, i) => ({ id: segments[i].id, kind: s.kind, text: s.text })),
    });
  }, 60_000);

  it('prints confidence and evidence for a look-alike, and the markup of segments with --markup', async () => {
    const corpus = (name: string) => fileURLToPath(new URL(`corpus/${name}.html`, fixtures));
    const runs = await Promise.all([
      detect(corpus('lookalike-login-page')),
      detect(corpus('wordpress-block-fr')),
      detect(corpus('wordpress-block-fr'), '--markup'),
    ]);
    const [lookAlike, plain, marked] = runs.map((run) => JSON.parse(run.stdout));
    expect(lookAlike).toMatchObject({ detected: false, cta: null, segments: [] });
    expect(lookAlike.confidence).toBeLessThan(0.5);
    expect(lookAlike.evidence).toContain('a login page');
    expect(Object.keys(plain.segments[3])).toEqual(['id', 'kind', 'text']);
    expect(marked.segments[3]).toMatchObject({ text: plain.segments[3].text, tagged: expect.stringContaining('\u27e81\u27e9aucune\u27e8/1\u27e9') });
    expect(marked.segments.every((s: { layout?: unknown }) => s.layout !== undefined)).toBe(true);
  }, 120_000);

  it('exits 1 on a missing file and 2 on bad arguments', async () => {
    await Promise.all([
      expect(detect('no/such/page.html')).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('no such file') }),
      expect(detect('--url')).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('usage:') }),
    ]);
  }, 60_000);
});
