import { afterAll, describe, expect, it } from 'vitest';
import { Window } from 'happy-dom';
import { EXPORT_FORMATS, exportPost, exportPosts, exportScope, translationsOf, type ExportFormat } from '../../utils/export/formats';
import { postSlug } from '../../utils/export/file-name';
import { draftOf, postOf, SAMPLE_DRAFTS, SAMPLE_POST } from '../support/export-posts';

const ALL_FORMATS = Object.keys(EXPORT_FORMATS) as ExportFormat[];

const windows: Window[] = [];
afterAll(async () => {
  await Promise.all(windows.map((w) => w.happyDOM.close()));
});

function parseHtml(html: string): Document {
  const window = new Window();
  windows.push(window);
  window.document.write(html);
  return window.document as unknown as Document;
}

describe('file names', () => {
  it('are <post-slug>.<lang>.<ext>, from the post address, in safe characters', () => {
    expect(exportPost('markdown', SAMPLE_POST, 'ru', SAMPLE_DRAFTS).filename).toBe('sample-post.ru.md');
    expect(exportPost('xliff2', SAMPLE_POST, 'pt-BR', []).filename).toBe('sample-post.pt-BR.xlf');
    expect(postSlug('https://diff.wikimedia.org/2024/09/05/caf%C3%A9-et-cr%C3%A8me/')).toBe('cafe-et-creme');
    expect(postSlug('https://blog.example.org/posts/../../etc/passwd?x=1')).toBe('passwd');
    expect(postSlug('https://blog.example.org/p/%D0%BF%D1%80%D0%B8%D0%B2%D0%B5%D1%82/')).toBe('p');
    expect(postSlug('https://blog.example.org/')).toBe('post');
    expect(exportPost('text', SAMPLE_POST, '../../x', []).filename).toBe('sample-post.x.txt');
  });

  it('differ between formats, so one post exported in every format gives distinct files', () => {
    const names = ALL_FORMATS.map((f) => exportPost(f, SAMPLE_POST, 'ru', SAMPLE_DRAFTS).filename);
    expect(new Set(names).size).toBe(ALL_FORMATS.length);
  });
});

describe('untranslated segments', () => {
  const drafts = [draftOf(SAMPLE_POST, 'intro', 'Смотрите ⟨1⟩прошлую запись⟨/1⟩.')];

  it('keep their source, marked, by default', () => {
    const out = (f: ExportFormat) => exportPost(f, SAMPLE_POST, 'ru', drafts).content;
    expect(out('markdown')).toContain('Thank you. <!-- untranslated -->');
    expect(out('text')).toContain('Thank you. [untranslated]');
    expect(out('wordpress')).toContain(
      '<!-- wp:paragraph {"className":"interlinear-untranslated"} -->\n<p class="interlinear-untranslated">Thank you.</p>',
    );
    expect(out('html')).toContain('<p class="untranslated" lang="en" dir="ltr">Thank you.</p>');
    expect(out('review')).toContain('class="untranslated">Thank you.<span class="state">untranslated: source shown</span>');
    expect(out('xliff2')).toContain('<segment state="initial">\n        <source>Thank you.</source>\n        <target>Thank you.</target>');
    expect(out('xliff12')).toContain('<source>Thank you.</source>\n        <target state="new">Thank you.</target>');
  });

  it('are left out with "skip"', () => {
    for (const format of ALL_FORMATS) {
      const { content } = exportPost(format, SAMPLE_POST, 'ru', drafts, { untranslated: 'skip' });
      expect(content, format).toContain('прошлую запись');
      expect(content, format).not.toContain('Thank you');
      expect(content, format).not.toContain('Second thing');
    }
  });

  it('stay in place, empty, with "empty"', () => {
    const out = (f: ExportFormat) => exportPost(f, SAMPLE_POST, 'ru', drafts, { untranslated: 'empty' }).content;
    for (const format of ALL_FORMATS.filter((f) => f !== 'review' && !f.startsWith('xliff'))) {
      expect(out(format), format).not.toContain('Thank you');
    }
    expect(out('wordpress')).toContain('<!-- wp:paragraph -->\n<p></p>\n<!-- /wp:paragraph -->');
    expect(out('xliff2')).toContain('<source>Thank you.</source>\n        <target></target>');
    expect(out('xliff12')).toContain('<target state="needs-translation"></target>');
    // The review page still shows the source beside the empty translation.
    expect(out('review')).toContain('>Thank you.</td><td lang="ru" dir="ltr"><span class="state"');
  });
});

describe('drafts that do not belong', () => {
  it('ignores drafts of other languages, other posts, deleted and blank drafts', () => {
    const drafts = [
      draftOf(SAMPLE_POST, 'outro', 'Merci.', 'draft', 'fr'),
      { ...draftOf(SAMPLE_POST, 'outro', 'Спасибо.'), postKey: 'https://elsewhere.example/' },
      { ...draftOf(SAMPLE_POST, 'title', ''), deleted: true },
      draftOf(SAMPLE_POST, 'section', '   '),
    ];
    const md = exportPost('markdown', SAMPLE_POST, 'ru', drafts).content;
    expect(md).not.toMatch(/Merci|Спасибо/);
    expect(md).toContain('# Sample post <!-- untranslated -->');
    expect(md).toContain('### What we did <!-- untranslated -->');
  });
});

describe('the HTML documents', () => {
  it('are complete standalone documents without scripts, under a strict policy', () => {
    for (const format of ['html', 'review'] as const) {
      const { content, mimeType } = exportPost(format, SAMPLE_POST, 'ru', SAMPLE_DRAFTS);
      expect(mimeType).toBe('text/html;charset=utf-8');
      expect(content.startsWith('<!doctype html>\n<html')).toBe(true);
      const doc = parseHtml(content);
      expect(doc.querySelectorAll('script').length).toBe(0);
      const csp = doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '';
      expect(csp).toContain("default-src 'none'");
      expect(csp).not.toContain('script-src');
      expect(doc.querySelector('meta[charset]')).not.toBeNull();
    }
  });

  it('put source and draft side by side in the review page, one row per segment, with states', () => {
    const doc = parseHtml(exportPost('review', SAMPLE_POST, 'ru', SAMPLE_DRAFTS).content);
    const rows = [...doc.querySelectorAll('tbody tr')];
    expect(rows.length).toBe(SAMPLE_POST.segments.length);
    const intro = rows[1]!.querySelectorAll('td');
    expect(intro[1]!.textContent).toBe('See our previous post and the bold news.');
    expect(intro[2]!.getAttribute('lang')).toBe('ru');
    expect(intro[2]!.querySelector('a')?.getAttribute('href')).toBe('https://diff.wikimedia.org/2024/01/01/previous/');
    expect(rows.map((r) => r.className)).toEqual([
      'state-done', 'state-draft', 'state-done', 'state-draft', 'state-untranslated', 'state-draft',
      'state-untranslated', 'state-draft', 'state-draft', 'state-untranslated', 'state-draft',
      'state-untranslated', 'state-untranslated',
    ]);
  });

  it('writes a right-to-left translation right to left', () => {
    const post = postOf([{ id: 'p', kind: 'paragraph', text: 'Hello' }]);
    const doc = parseHtml(exportPost('html', post, 'fa', [draftOf(post, 'p', 'سلام', 'draft', 'fa')]).content);
    expect(doc.documentElement.getAttribute('dir')).toBe('rtl');
    expect(doc.querySelector('article')?.getAttribute('dir')).toBe('rtl');
  });
});

describe('several posts in one file', () => {
  const second = postOf([{ id: 'p', kind: 'paragraph', text: 'Second post body' }], {
    key: 'https://diff.wikimedia.org/2024/10/01/second/',
    url: 'https://diff.wikimedia.org/2024/10/01/second/',
    title: null,
    sourceLanguage: 'de',
  });
  const drafts = [...SAMPLE_DRAFTS, draftOf(second, 'p', 'Тело второй записи')];
  const both = (f: ExportFormat) => exportPosts(f, [SAMPLE_POST, second], 'ru', drafts);

  it('joins one document per post, in order, and names the file for the collection', () => {
    expect(both('markdown').filename).toBe('interlinear-2-posts.ru.md');
    expect(both('markdown').content).toMatch(/# Пример записи[\s\S]*\n---\n\nТело второй записи\n$/);
    expect(both('wordpress').content).toContain('<!-- /wp:paragraph -->\n\n<!-- wp:separator -->');
    expect(both('text').content).toContain(`\n${'='.repeat(40)}\n\nТело второй записи`);
    expect(parseHtml(both('html').content).querySelectorAll('article').length).toBe(2);
    expect(parseHtml(both('review').content).querySelectorAll('section').length).toBe(2);
  });

  it('gives XLIFF one <file> per post, each naming its post', () => {
    const xliff2 = both('xliff2').content;
    expect(xliff2.match(/<file /g)?.length).toBe(2);
    expect(xliff2).toContain('<file id="f2" original="https://diff.wikimedia.org/2024/10/01/second/">');
    const xliff12 = both('xliff12').content;
    expect(xliff12).toContain('original="https://diff.wikimedia.org/2024/10/01/second/" source-language="de" target-language="ru"');
  });

  it('names a one-post collection as the post', () => {
    expect(exportPosts('markdown', [SAMPLE_POST], 'ru', drafts).filename).toBe('sample-post.ru.md');
  });
});

describe('states', () => {
  it('map untranslated, draft and done to initial, translated and final (1.2: new, translated, final)', () => {
    const xliff2 = exportPost('xliff2', SAMPLE_POST, 'ru', SAMPLE_DRAFTS).content;
    const states = [...xliff2.matchAll(/<segment state="(\w+)">/g)].map((m) => m[1]);
    expect(states.slice(0, 5)).toEqual(['final', 'translated', 'final', 'translated', 'initial']);
    const xliff12 = exportPost('xliff12', SAMPLE_POST, 'ru', SAMPLE_DRAFTS).content;
    const states12 = [...xliff12.matchAll(/<target state="([\w-]+)">/g)].map((m) => m[1]);
    expect(states12.slice(0, 5)).toEqual(['final', 'translated', 'final', 'translated', 'new']);
    expect(xliff12).toContain('<trans-unit id="title" resname="title" approved="yes">');
  });
});

describe('everything: every post in every language it has drafts in', () => {
  const drafts = [...SAMPLE_DRAFTS, draftOf(SAMPLE_POST, 'outro', 'Merci.', 'done', 'fr')];
  const source = { posts: [SAMPLE_POST], drafts };

  it('writes each language of each post, and names the file for several languages', () => {
    expect(translationsOf(source.posts, source.drafts).map((t) => [t.lang, t.drafts.length])).toEqual([['fr', 1], ['ru', 8]]);
    const file = exportScope('markdown', source, 'all');
    expect(file.filename).toBe('interlinear-1-posts.mul.md');
    expect(file.content).toMatch(/Merci\.[\s\S]*\n---\n\n# Пример записи/);
    const xliff12 = exportScope('xliff12', source, 'all').content;
    expect(xliff12).toContain('target-language="fr"');
    expect(xliff12).toContain('target-language="ru"');
  });

  it('refuses XLIFF 2.0 for several languages, saying what to do instead', () => {
    expect(() => exportScope('xliff2', source, 'all')).toThrow(/one target language per file.*XLIFF 1\.2/);
  });

  it('says so when there is nothing to export, or the post is unknown', () => {
    expect(() => exportScope('markdown', { posts: [SAMPLE_POST], drafts: [] }, 'all')).toThrow('There are no drafts to export.');
    expect(() => exportScope('markdown', source, { postKey: 'https://x.example/', lang: 'ru' })).toThrow('This post is not in this browser.');
  });
});

describe('Markdown', () => {
  it('writes an image with its caption in emphasis below it, marked after the emphasis when untranslated', () => {
    const md = exportPost('markdown', SAMPLE_POST, 'ru', SAMPLE_DRAFTS).content;
    expect(md).toContain('![People](<https://upload.wikimedia.org/photo.jpg>)\n*Общее фото*\n');
    const untranslated = exportPost('markdown', SAMPLE_POST, 'ru', []).content;
    expect(untranslated).toContain('\n*Group photo* <!-- untranslated -->\n');
  });

  it('keeps a text from starting a heading, list or quote of its own', () => {
    const post = postOf([
      { id: 'a', kind: 'paragraph', text: '# not a heading' },
      { id: 'b', kind: 'paragraph', text: '- not a list' },
      { id: 'c', kind: 'paragraph', text: '2024. A year' },
      { id: 'd', kind: 'paragraph', text: '> not a quote' },
    ], { title: null });
    expect(exportPost('markdown', post, 'ru', []).content.replace(/ <!-- untranslated -->/g, '')).toBe(
      '\\# not a heading\n\n\\- not a list\n\n2024\\. A year\n\n\\> not a quote\n',
    );
  });
});
