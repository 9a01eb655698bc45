// Golden files: Markdown and WordPress block markup of the hand-built sample post and of the shared
// Diff fixture (read by the real segmenter) with a few drafts. UPDATE_GOLDEN=1 rewrites them after a
// deliberate change; review the diff before committing it.
import { describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { exportPost, type ExportFormat } from '../../utils/export/formats';
import type { DraftRecord, PostRecord } from '../../utils/model';
import { draftOf, fixturePost, readGolden, SAMPLE_DRAFTS, SAMPLE_POST } from '../support/export-posts';

// Through a variable: vitest rewrites `new URL('…', import.meta.url)` to an http address.
const testsDir = import.meta.url;
const goldenDir = new URL('../golden/', testsDir);

function fixtureWithDrafts(): { post: PostRecord; drafts: DraftRecord[] } {
  const post = fixturePost('diff-central-asia-wikimania-2024');
  const [title, intro, linked, ...rest] = post.segments;
  const caption = rest.find((s) => s.kind === 'caption')!;
  const tokens = (linked!.tagged ?? '').match(/⟨[^⟩]*⟩/g) ?? [];
  const drafts = [
    draftOf(post, title!.id, 'Участники из Центральной Азии делятся впечатлениями о Викимании 2024', 'done'),
    draftOf(post, intro!.id, 'На Викимании 2024 в Катовице участники сообществ Центральной Азии собрались вместе.'),
    // The link's placeholders kept around the translated words, as a translator keeps them.
    draftOf(post, linked!.id, `Подробнее о сообществах Центральной Азии — в ${tokens[0] ?? ''}прошлой записи${tokens[1] ?? ''}.`),
    draftOf(post, caption.id, 'Участники из Центральной Азии (фото: AAkhmedova (WMF), CC BY 4.0)'),
  ];
  return { post, drafts };
}

const cases: { name: string; post: PostRecord; drafts: DraftRecord[] }[] = [
  { name: 'sample-post.ru', post: SAMPLE_POST, drafts: SAMPLE_DRAFTS },
  { name: 'diff-central-asia-wikimania-2024.ru', ...fixtureWithDrafts() },
];

const formats: [ExportFormat, string][] = [
  ['markdown', 'md'],
  ['wordpress', 'blocks.html'],
];

describe.each(cases)('golden exports of $name', ({ name, post, drafts }) => {
  it.each(formats)('%s matches its golden file', (format, ext) => {
    const file = new URL(`${name}.${ext}`, goldenDir);
    const { content } = exportPost(format, post, 'ru', drafts);
    if (process.env.UPDATE_GOLDEN) {
      mkdirSync(goldenDir, { recursive: true });
      writeFileSync(file, content);
    }
    const golden = readGolden(file);
    expect(golden, `missing ${file.pathname}: run with UPDATE_GOLDEN=1 once`).not.toBeNull();
    expect(content).toBe(golden);
  });
});

it('the fixture golden files restore the source link around the translated words', () => {
  const { post, drafts } = fixtureWithDrafts();
  const markdown = exportPost('markdown', post, 'ru', drafts).content;
  const blocks = exportPost('wordpress', post, 'ru', drafts).content;
  expect(markdown).toContain('[прошлой записи](<https://diff.wikimedia.org/2024/08/20/wikimedians-of-central-asia/>)');
  expect(blocks).toContain('<a href="https://diff.wikimedia.org/2024/08/20/wikimedians-of-central-asia/">прошлой записи</a>');
});
