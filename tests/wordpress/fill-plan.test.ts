// Filling the block editor's blocks with drafts, on block trees as the page reports them: every
// kind of text a post has, found through its attribute path, not its block's name.
import { describe, expect, it } from 'vitest';
import type { DraftRecord, Segment } from '../../utils/model';
import type { EditorBlock } from '../../utils/wordpress/editor-state';
import { planFill, type FillInput, type TextEdit } from '../../utils/wordpress/fill-plan';
import { matchSegments, textSlots } from '../../utils/wordpress/match-blocks';
import { draftOf, postOf } from '../support/export-posts';

let ids = 0;
const block = (name: string, texts: Record<string, string>, innerBlocks: EditorBlock[] = [], extra: Partial<EditorBlock> = {}): EditorBlock => ({
  clientId: `c${++ids}`,
  name,
  texts: Object.entries(texts).map(([path, html]) => ({ path: path.split('.').map((step) => (/^\d+$/.test(step) ? Number(step) : step)), html, ...(path === 'citation' ? { selector: 'cite' } : path === 'caption' ? { selector: 'figcaption' } : {}) })),
  innerBlocks,
  ...extra,
});

const seg = (id: string, kind: Segment['kind'], text: string, more: Partial<Segment> = {}): Segment => ({ id, kind, text, ...more });

const SEGMENTS: Segment[] = [
  seg('title', 'heading', 'Sample post', { layout: { tag: 'h1' } }),
  seg('intro', 'paragraph', 'See our previous post and the bold news.', {
    tagged: 'See our ⟨1⟩previous post⟨/1⟩ and the ⟨2⟩bold⟨/2⟩ news.',
    inline: [{ tag: 'a', attrs: { href: 'https://diff.wikimedia.org/prev/' } }, { tag: 'strong' }],
  }),
  seg('h', 'heading', 'What we did', { layout: { tag: 'h2' } }),
  seg('li-1', 'list-item', 'First thing'),
  seg('li-2', 'list-item', 'A nested step'),
  seg('q-1', 'quote', 'Knowledge is free.'),
  seg('q-cite', 'quote', 'A volunteer', { layout: { tag: 'cite' } }),
  seg('pull', 'quote', 'Translate to reach everyone.'),
  seg('cap', 'caption', 'Group photo'),
  seg('gal', 'caption', 'The first photo'),
  seg('embed', 'caption', 'The keynote on video'),
  seg('th', 'table-cell', 'Country'),
  seg('td', 'table-cell', 'Uzbekistan'),
  seg('tcap', 'caption', 'Editors by country'),
  seg('btn', 'paragraph', 'Join us'),
  // WordPress shows the editor's straight quotes, "--" and "..." as curly quotes, a dash and an ellipsis.
  seg('typo', 'paragraph', 'It’s a “quoted” word – and three dots…'),
  seg('unknown', 'paragraph', 'A block of a plugin Interlinear never heard of.'),
  seg('gone', 'paragraph', 'A paragraph the editor does not hold.'),
  seg('left', 'paragraph', 'Nobody translated this one.'),
];
const POST = postOf(SEGMENTS);

function tree(): EditorBlock[] {
  ids = 0;
  return [
    block('core/paragraph', { content: 'See our <a href="/prev/" target="_blank" rel="noopener">previous post</a> and the <strong class="x">bold</strong> news.' }),
    block('core/heading', { content: 'What we did' }, [], { className: 'is-style-fancy' }),
    block('core/list', {}, [
      block('core/list-item', { content: 'First thing' }, [block('core/list', {}, [block('core/list-item', { content: 'A nested step' })])]),
    ]),
    block('core/quote', { citation: 'A volunteer' }, [block('core/paragraph', { content: 'Knowledge is free.' })]),
    block('core/pullquote', { value: 'Translate to reach everyone.', citation: '' }),
    block('core/image', { caption: 'Group photo' }),
    block('core/gallery', { caption: '' }, [block('core/image', { caption: 'The first photo' })]),
    block('core/embed', { caption: 'The keynote on video' }),
    block('core/table', { 'head.0.cells.0.content': 'Country', 'body.0.cells.0.content': 'Uzbekistan', caption: 'Editors by country' }),
    block('core/buttons', {}, [block('core/button', { text: 'Join us' })]),
    block('core/paragraph', { content: "It's a \"quoted\" word -- and three dots..." }),
    block('acme/notice', { message: 'A block of a plugin Interlinear never heard of.' }),
    block('core/paragraph', { content: 'Nobody translated this one.' }),
  ];
}

const ALL_BUT_LEFT: DraftRecord[] = SEGMENTS.filter((s) => s.id !== 'left').map((s) =>
  draftOf(POST, s.id, s.tagged ? s.tagged.replace('See our', 'Смотрите').replace('and the', 'и') : `RU ${s.text}`),
);

/** The edit of the text that held `html` in `blocks`. */
function editOf(plan: { edits: TextEdit[] }, blocks: EditorBlock[], html: string, path?: string): TextEdit | undefined {
  for (const slot of textSlots(blocks)) {
    if (slot.html !== html) continue;
    return plan.edits.find((e) => e.clientId === slot.clientId && e.path.join('.') === (path ?? slot.path.join('.')));
  }
  return undefined;
}

const input = (over: Partial<FillInput> = {}): FillInput => ({
  post: POST,
  lang: 'ru',
  drafts: ALL_BUT_LEFT,
  editor: { blocks: tree(), title: 'Sample post' },
  untranslated: 'source',
  ...over,
});

describe('filling the editor in place', () => {
  it('puts every draft in the text it came from, whatever the block, and the drafted title in the title', () => {
    const blocks = tree();
    const { plan, summary } = planFill(input({ editor: { blocks, title: 'Sample post' } }));
    const valueOf = (html: string) => editOf(plan, blocks, html)?.value;
    expect(plan.title).toBe('RU Sample post');
    expect(plan.markup).toBeNull();
    for (const text of [
      'What we did', 'First thing', 'A nested step', 'Knowledge is free.', 'A volunteer', 'Translate to reach everyone.',
      'Group photo', 'The first photo', 'The keynote on video', 'Country', 'Uzbekistan', 'Editors by country', 'Join us',
      'A block of a plugin Interlinear never heard of.',
    ]) {
      expect(valueOf(text), text).toBe(`RU ${text}`);
    }
    expect(editOf(plan, blocks, 'Country')!.path).toEqual(['head', 0, 'cells', 0, 'content']);
    expect(valueOf("It's a \"quoted\" word -- and three dots...")).toBe('RU It’s a “quoted” word – and three dots…');
    expect(summary).toMatchObject({ mode: 'in-place', filled: 17, kept: 1, leftOut: 0 });
    expect(summary.notFound).toEqual([{ segmentId: 'gone', text: 'RU A paragraph the editor does not hold.' }]);
  });

  it('turns placeholders into the editor’s own inline tags, attributes and all', () => {
    const blocks = tree();
    const { plan } = planFill(input({ editor: { blocks, title: '' } }));
    expect(plan.edits.find((e) => e.clientId === blocks[0]!.clientId)!.value).toBe(
      'Смотрите <a href="/prev/" target="_blank" rel="noopener">previous post</a> и <strong class="x">bold</strong> news.',
    );
  });

  it('falls back to the page’s markup when the editor’s inline elements differ from the segment’s', () => {
    const blocks = tree();
    blocks[0]!.texts[0]!.html = 'See our previous post and the <em>bold</em> news.';
    const { plan } = planFill(input({ editor: { blocks, title: '' } }));
    expect(plan.edits.find((e) => e.clientId === blocks[0]!.clientId)!.value).toBe(
      'Смотрите <a href="https://diff.wikimedia.org/prev/">previous post</a> и <strong>bold</strong> news.',
    );
  });

  it('marks a kept source as the export does: the class of a paragraph, a span elsewhere', () => {
    const blocks = tree();
    const drafts = ALL_BUT_LEFT.filter((d) => d.segmentId !== 'li-1');
    const { plan, summary } = planFill(input({ drafts, editor: { blocks, title: '' } }));
    expect(editOf(plan, blocks, 'Nobody translated this one.', 'className')!.value).toBe('interlinear-untranslated');
    expect(editOf(plan, blocks, 'First thing')!.value).toBe('<span class="interlinear-untranslated">First thing</span>');
    expect(summary.kept).toBe(2);
  });

  it('keeps a heading’s own classes beside the mark', () => {
    const blocks = tree();
    const drafts = ALL_BUT_LEFT.filter((d) => d.segmentId !== 'h');
    const { plan } = planFill(input({ drafts, editor: { blocks, title: '' } }));
    expect(editOf(plan, blocks, 'What we did', 'className')!.value).toBe('is-style-fancy interlinear-untranslated');
  });

  it('empties the texts without a draft when they are to be left out, the title included', () => {
    const blocks = tree();
    const drafts = ALL_BUT_LEFT.filter((d) => d.segmentId !== 'title');
    const { plan, summary } = planFill(input({ drafts, untranslated: 'skip', editor: { blocks, title: 'Sample post' } }));
    expect(plan.title).toBe('');
    expect(editOf(plan, blocks, 'Nobody translated this one.')!.value).toBe('');
    expect(summary).toMatchObject({ leftOut: 2, kept: 0 });
  });

  it('leaves an untranslated title as it is when the source is kept', () => {
    const drafts = ALL_BUT_LEFT.filter((d) => d.segmentId !== 'title');
    expect(planFill(input({ drafts })).plan.title).toBeNull();
  });

  it('fills a text said twice in turn, and finds a post filled before by its drafts', () => {
    const segments = [seg('a', 'paragraph', 'Thanks!'), seg('b', 'paragraph', 'Middle.'), seg('a-1', 'paragraph', 'Thanks!')];
    const post = postOf(segments, { title: null });
    const drafts = [draftOf(post, 'a', 'Спасибо (1)'), draftOf(post, 'b', 'Середина.'), draftOf(post, 'a-1', 'Спасибо (2)')];
    ids = 0;
    const blocks = [block('core/paragraph', { content: 'Thanks!' }), block('core/paragraph', { content: 'Середина.' }), block('core/paragraph', { content: 'Thanks!' })];
    const { plan, summary } = planFill({ post, lang: 'ru', drafts, editor: { blocks, title: 'x' }, untranslated: 'source' });
    expect(plan.edits.map((e) => [e.clientId, e.value])).toEqual([
      ['c1', 'Спасибо (1)'],
      ['c2', 'Середина.'],
      ['c3', 'Спасибо (2)'],
    ]);
    expect(summary.notFound).toEqual([]);
  });
});

describe('filling an empty editor', () => {
  it('inserts the post as block markup, its title in the title field', () => {
    const { plan, summary } = planFill(input({ editor: { blocks: [], title: '' } }));
    expect(plan.edits).toEqual([]);
    expect(plan.title).toBe('RU Sample post');
    expect(plan.markup).toContain('<!-- wp:paragraph -->\n<p>Смотрите <a href="https://diff.wikimedia.org/prev/">previous post</a>');
    expect(plan.markup).not.toContain('wp:heading {"level":1}');
    expect(summary).toMatchObject({ mode: 'inserted', filled: 18, kept: 1 });
  });

  it('counts a new post’s lone empty paragraph as empty', () => {
    ids = 0;
    const { summary } = planFill(input({ editor: { blocks: [block('core/paragraph', { content: '' })], title: '' } }));
    expect(summary.mode).toBe('inserted');
  });
});

describe('reading order of the editor’s texts', () => {
  it('reads a quote’s attribution and a caption after the blocks inside them', () => {
    ids = 0;
    const slots = textSlots([block('core/quote', { citation: 'Who' }, [block('core/paragraph', { content: 'What' })])]);
    expect(slots.map((s) => s.html)).toEqual(['What', 'Who']);
  });

  it('leaves the blocks of a synced pattern alone: they belong to another post', () => {
    ids = 0;
    const slots = textSlots([block('core/block', {}, [block('core/paragraph', { content: 'Shared' })])]);
    expect(slots).toEqual([]);
  });

  it('matches a moved paragraph out of order rather than not at all', () => {
    ids = 0;
    const slots = textSlots([block('core/paragraph', { content: 'Second' }), block('core/paragraph', { content: 'First' })]);
    expect(matchSegments([{ text: 'First' }, { text: 'Second' }], slots)).toEqual([1, 0]);
  });
});
