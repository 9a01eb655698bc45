// Posts and drafts for the export tests: one built by hand with every kind of block and inline
// markup, and the Diff fixtures as the real segmenter reads them.
import { readFileSync } from 'node:fs';
import type { DraftRecord, DraftStatus, PostRecord, Segment } from '../../utils/model';
import { detectPage } from '../../utils/detect';
import { openFixture, fixtures } from './pages';

export const POST_URL = 'https://diff.wikimedia.org/2024/09/05/sample-post/';

export function postOf(segments: Segment[], overrides: Partial<PostRecord> = {}): PostRecord {
  return {
    key: POST_URL,
    url: POST_URL,
    title: segments[0]?.text ?? null,
    sourceLanguage: 'en',
    cta: null,
    segments,
    targetLanguage: null,
    firstSeen: 1,
    lastSeen: 1,
    ...overrides,
  };
}

export function draftOf(post: PostRecord, segmentId: string, text: string, status: DraftStatus = 'draft', lang = 'ru'): DraftRecord {
  return { postKey: post.key, lang, segmentId, text, status, rev: 1, updatedAt: 1 };
}

/** A post with a title, headings, a link, a list, a quote with its attribution, an image and a table. */
export const SAMPLE_SEGMENTS: Segment[] = [
  { id: 'title', kind: 'heading', text: 'Sample post', layout: { tag: 'h1' } },
  {
    id: 'intro',
    kind: 'paragraph',
    text: 'See our previous post and the bold news.',
    tagged: 'See our ⟨1⟩previous post⟨/1⟩ and the ⟨2⟩bold⟨/2⟩ news.',
    inline: [{ tag: 'a', attrs: { href: '/2024/01/01/previous/', title: 'Previous' } }, { tag: 'strong' }],
    layout: { tag: 'p' },
  },
  { id: 'section', kind: 'heading', text: 'What we did', layout: { tag: 'h3' } },
  { id: 'li-1', kind: 'list-item', text: 'First thing', layout: { tag: 'li', group: 1, list: 'ul' } },
  { id: 'li-2', kind: 'list-item', text: 'Second thing', layout: { tag: 'li', group: 1, list: 'ul' } },
  { id: 'quote-1', kind: 'quote', text: 'Knowledge is free.', layout: { tag: 'p', group: 2 } },
  { id: 'quote-cite', kind: 'quote', text: 'A volunteer', layout: { tag: 'cite', group: 2 } },
  {
    id: 'caption',
    kind: 'caption',
    text: 'Group photo',
    layout: { tag: 'figcaption', group: 3, image: { src: 'https://upload.wikimedia.org/photo.jpg', alt: 'People' } },
  },
  { id: 'th-1', kind: 'table-cell', text: 'Country', layout: { tag: 'th', group: 4, row: 0 } },
  { id: 'th-2', kind: 'table-cell', text: 'Editors', layout: { tag: 'th', group: 4, row: 0 } },
  { id: 'td-1', kind: 'table-cell', text: 'Uzbekistan', layout: { tag: 'td', group: 4, row: 1 } },
  { id: 'td-2', kind: 'table-cell', text: '42', layout: { tag: 'td', group: 4, row: 1 } },
  { id: 'outro', kind: 'paragraph', text: 'Thank you.', layout: { tag: 'p' } },
];

export const SAMPLE_POST = postOf(SAMPLE_SEGMENTS);

export const SAMPLE_DRAFTS: DraftRecord[] = [
  draftOf(SAMPLE_POST, 'title', 'Пример записи', 'done'),
  draftOf(SAMPLE_POST, 'intro', 'Смотрите ⟨1⟩прошлую запись⟨/1⟩ и ⟨2⟩важные⟨/2⟩ новости.'),
  draftOf(SAMPLE_POST, 'section', 'Что мы сделали', 'done'),
  draftOf(SAMPLE_POST, 'li-1', 'Первое'),
  draftOf(SAMPLE_POST, 'quote-1', 'Знание свободно.'),
  draftOf(SAMPLE_POST, 'caption', 'Общее фото'),
  draftOf(SAMPLE_POST, 'th-1', 'Страна'),
  draftOf(SAMPLE_POST, 'td-1', 'Узбекистан'),
];

export const DIFF_FIXTURE_NAMES = [
  'diff-central-asia-wikimania-2024',
  'diff-central-asia-wikimania-2024.logged-in',
  'diff-central-asia-wikimania-2024.edited',
];

/** A Diff fixture as the store would keep it after the content script read it. */
export function fixturePost(name: string): PostRecord {
  const { doc, address } = openFixture(new URL(`${name}.html`, fixtures));
  const detection = detectPage(doc, address);
  return {
    key: address,
    url: address,
    title: detection.title,
    sourceLanguage: detection.sourceLanguage,
    cta: detection.cta,
    segments: detection.segments,
    targetLanguage: null,
    firstSeen: 1,
    lastSeen: 1,
  };
}

/** Drafts for some of a post's segments: the second is done, every third is left untranslated. */
export function fixtureDrafts(post: PostRecord, lang: 'ru' | 'fa'): DraftRecord[] {
  const words = lang === 'ru' ? ['Перевод', 'абзаца'] : ['ترجمهٔ', 'بند'];
  return post.segments.flatMap((segment, i) => {
    if (i % 3 === 2) return [];
    // Keep the source's placeholders, so links come back in the translation.
    const tokens = segment.tagged ? segment.tagged.match(/⟨[^⟩]*⟩/g) ?? [] : [];
    const text = `${words[0]} ${i + 1} ${tokens.length ? `${tokens.join(`${words[1]}`)}` : words[1]}`;
    return [draftOf(post, segment.id, text, i === 1 ? 'done' : 'draft', lang)];
  });
}

export function readGolden(file: URL): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}
