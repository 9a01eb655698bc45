// @vitest-environment node
// Gutenberg's own validation, in Node: @wordpress/blocks with every core block registered
// (@wordpress/block-library) over a jsdom document. Every WordPress block export and every fill
// must give blocks the editor takes as valid when the post is saved and opened again. The fills
// run the very functions the extension runs in the editor's page (readBlockEditor,
// fillBlockEditor), over these real blocks; only the editor's data store is stood in for.
import 'global-jsdom/register';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportPost } from '../../utils/export/formats';
import type { DraftRecord, PostRecord } from '../../utils/model';
import { segmentArticle } from '../../utils/segment';
import { planFill, type UntranslatedInEditor } from '../../utils/wordpress/fill-plan';
import { checkedOutcome, checkedReading, type EditorReading } from '../../utils/wordpress/editor-state';
import { fillBlockEditor, readBlockEditor } from '../../utils/wordpress/page-world';
import { DIFF_FIXTURE_NAMES, SAMPLE_DRAFTS, SAMPLE_POST, draftOf, fixtureDrafts, fixturePost, postOf } from '../support/export-posts';

type Blocks = typeof import('@wordpress/blocks');
type Block = ReturnType<Blocks['parse']>[number];
let wpBlocks: Blocks;

beforeAll(() => {
  // Their CommonJS builds: Node's own loader takes no JSON module without an import attribute.
  const require = createRequire(import.meta.url);
  wpBlocks = require('@wordpress/blocks');
  require('@wordpress/block-library').registerCoreBlocks();
}, 120_000);

const fixture = (name: string) => readFileSync(new URL(`../fixtures/wordpress/${name}`, import.meta.url), 'utf8');

/** Names of the blocks (inner ones too) the editor would flag in `markup`. */
function invalidBlocks(markup: string): string[] {
  const invalid: string[] = [];
  const walk = (blocks: Block[]) => {
    for (const block of blocks) {
      if (!block.isValid) invalid.push(block.name);
      walk(block.innerBlocks);
    }
  };
  walk(wpBlocks.parse(markup));
  return invalid;
}

/** The block names of a tree, nested as the tree is: the post's layout. */
function layoutOf(blocks: Block[]): unknown[] {
  return blocks.map((block) => (block.innerBlocks.length ? [block.name, layoutOf(block.innerBlocks)] : block.name));
}

/** The block editor of a page holding `markup`, as `wp` answers in the page: the real blocks, a stand-in store. */
function editorHolding(markup: string, title: string) {
  let blocks: Block[] = wpBlocks.parse(markup);
  let content = markup;
  let currentTitle = title;
  const editor = {
    getCurrentPostId: () => 7,
    getCurrentPostType: () => 'post',
    getEditedPostAttribute: (name: string) => ({ title: currentTitle, status: 'auto-draft' })[name],
    getCurrentPostAttribute: (name: string) => ({ modified: '2024-09-05T12:00:00' })[name],
    isEditedPostDirty: () => false,
    isSavingPost: () => false,
  };
  (globalThis as { wp?: unknown }).wp = {
    blocks: wpBlocks,
    data: {
      select: (store: string) => (store === 'core/block-editor' ? { getBlocks: () => blocks } : store === 'core/editor' ? editor : null),
      dispatch: (store: string) =>
        store === 'core/editor'
          ? {
              editPost(edits: { blocks: Block[]; title?: string; content: (record: { blocks: Block[] }) => string }) {
                blocks = edits.blocks;
                content = edits.content({ blocks });
                if (edits.title !== undefined) currentTitle = edits.title;
              },
            }
          : null,
    },
  };
  return { content: () => content, title: () => currentTitle };
}

/** The post as the page reader reads it once WordPress shows it: wptexturize's quotes, dashes and dots included. */
function postAsShown(title: string, markup: string): PostRecord {
  const shown = markup
    .replace(/<div class="wp-block-embed__wrapper">[^<]*<\/div>/g, '<div class="wp-block-embed__wrapper"><iframe src="https://www.youtube.com/embed/abc"></iframe></div>')
    .replace(/>([^<]*)</g, (_, text: string) => `>${texturize(text)}<`);
  const doc = document.implementation.createHTMLDocument('post');
  doc.body.innerHTML = `<h1>${title}</h1><div class="entry-content">${shown}</div>`;
  const segments = segmentArticle({ title: doc.querySelector('h1'), content: doc.querySelector('.entry-content'), baseUrl: 'https://diff.wikimedia.org/2024/09/05/post/' });
  return postOf(
    segments.map((anchored) => anchored.segment),
    { key: 'https://diff.wikimedia.org/2024/09/05/post/', url: 'https://diff.wikimedia.org/2024/09/05/post/', title },
  );
}

function texturize(text: string): string {
  return text.replace(/'/g, '’').replace(/"([^"]*)"/g, '“$1”').replace(/ -- /g, ' – ').replace(/\.\.\./g, '…');
}

/** A Russian-looking draft of every segment, placeholders kept where they were. */
function draftsOf(post: PostRecord, skip: (index: number) => boolean = () => false): DraftRecord[] {
  return post.segments.flatMap((segment, i) => (skip(i) ? [] : [draftOf(post, segment.id, `Перевод: ${segment.tagged ?? segment.text}`)]));
}

function fill(markup: string, title: string, post: PostRecord, drafts: DraftRecord[], untranslated: UntranslatedInEditor = 'source') {
  const page = editorHolding(markup, title);
  const reading = checkedReading(readBlockEditor()) as EditorReading;
  expect(reading).not.toBeNull();
  const { plan, summary } = planFill({ post, lang: 'ru', drafts, editor: reading, untranslated });
  const outcome = checkedOutcome(fillBlockEditor(plan));
  expect(outcome).not.toBeNull();
  return { content: page.content(), title: page.title(), summary, outcome: outcome! };
}

describe('every WordPress block export passes Gutenberg’s validation', () => {
  it.each(['source', 'skip', 'empty'] as const)('the sample post, untranslated segments: %s', (untranslated) => {
    const { content } = exportPost('wordpress', SAMPLE_POST, 'ru', SAMPLE_DRAFTS, { untranslated });
    expect(invalidBlocks(content)).toEqual([]);
    expect(wpBlocks.parse(content).length).toBeGreaterThan(5);
  });

  it.each(DIFF_FIXTURE_NAMES)('%s', (name) => {
    const post = fixturePost(name);
    for (const lang of ['ru', 'fa'] as const) {
      const { content } = exportPost('wordpress', post, lang, fixtureDrafts(post, lang));
      expect(invalidBlocks(content)).toEqual([]);
    }
  });
});

describe('every fill passes Gutenberg’s validation and keeps the post’s layout', () => {
  const everyBlock = () => fixture('every-block.blocks.html');

  it('a post of every core block kind, filled in place', () => {
    const markup = everyBlock();
    const post = postAsShown('Every block', markup);
    const { content, title, summary, outcome } = fill(markup, 'Every block', post, draftsOf(post));
    expect(outcome.invalid).toEqual([]);
    expect(invalidBlocks(content)).toEqual([]);
    expect(layoutOf(wpBlocks.parse(content))).toEqual(layoutOf(wpBlocks.parse(markup)));
    expect(summary.notFound).toEqual([]);
    expect(summary.filled).toBe(post.segments.length);
    expect(title).toBe('Перевод: Every block');
    // Every text of the post is now its draft; links, images and the embed's address are the source's.
    const shownAgain = postAsShown(title, content);
    expect(shownAgain.segments.map((s) => s.text).filter((text) => !text.startsWith('Перевод:'))).toEqual([]);
    for (const address of markup.match(/(?:src|href)="[^"]+"|https:\/\/www\.youtube\.com\/watch\?v=abc/g)!) {
      expect(content).toContain(address);
    }
    expect(content).toContain('<cite>Перевод: A <em>volunteer</em></cite>');
    expect(content).toContain('target="_blank" rel="noreferrer noopener">previous post</a>');
  });

  it('the same post, untranslated segments kept marked or left out', () => {
    const markup = everyBlock();
    const post = postAsShown('Every block', markup);
    for (const untranslated of ['source', 'skip'] as const) {
      const { content, summary } = fill(markup, 'Every block', post, draftsOf(post, (i) => i % 2 === 1), untranslated);
      expect(invalidBlocks(content)).toEqual([]);
      expect(layoutOf(wpBlocks.parse(content))).toEqual(layoutOf(wpBlocks.parse(markup)));
      expect(untranslated === 'source' ? summary.kept : summary.leftOut).toBe(Math.floor(post.segments.length / 2));
    }
  });

  it('the Diff post as its authors wrote it, filled in place', () => {
    const markup = fixture('diff-central-asia-wikimania-2024.blocks.html');
    const post = fixturePost('diff-central-asia-wikimania-2024.logged-in');
    const { content, summary, outcome } = fill(markup, post.title!, post, draftsOf(post));
    expect(outcome.invalid).toEqual([]);
    expect(invalidBlocks(content)).toEqual([]);
    expect(summary).toMatchObject({ filled: 13, kept: 0, notFound: [] });
    expect(layoutOf(wpBlocks.parse(content))).toEqual(layoutOf(wpBlocks.parse(markup)));
  });

  it('an empty editor gets the post inserted as valid blocks', () => {
    const post = postAsShown('Every block', everyBlock());
    const { content, summary, outcome } = fill('', '', post, draftsOf(post, (i) => i % 3 === 0));
    expect(summary.mode).toBe('inserted');
    expect(outcome.invalid).toEqual([]);
    expect(invalidBlocks(content)).toEqual([]);
    expect(outcome.blockCount).toBeGreaterThan(10);
  });

  it('names the blocks the editor would flag', () => {
    const markup = '<!-- wp:image -->\n<figure class="wp-block-image"><img src="https://upload.wikimedia.org/a.jpg" alt=""/></figure>\n<!-- /wp:image -->';
    editorHolding(markup, '');
    const outcome = checkedOutcome(
      fillBlockEditor({ title: null, edits: [], markup: '<!-- wp:image -->\n<figure class="wp-block-image"><span>not an image</span></figure>\n<!-- /wp:image -->' }),
    );
    expect(outcome?.invalid).toEqual(['core/image']);
  });
});
