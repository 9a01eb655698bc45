// A post whose source, drafts, link targets, image and title carry every hostile payload of
// tests/fixtures/hostile/payloads.txt, plus the strings that would end a comment early: what
// every export format must write as text, never as markup.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DraftRecord, PostRecord, Segment } from '../../utils/model';
import { draftOf, postOf } from './export-posts';

const here = path.dirname(fileURLToPath(import.meta.url));

export const HOSTILE_PAYLOADS: string[] = [
  ...readFileSync(path.join(here, '../fixtures/hostile/payloads.txt'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('# ')),
  '" onerror="window.__pwned=1',
  "' onmouseover='window.__pwned=1",
  '--> <script>window.__pwned=1</script> <!--',
  '<!-- /wp:paragraph --><script>window.__pwned=1</script><!-- wp:paragraph -->',
  '[click](javascript:window.__pwned=1) ![x](javascript:window.__pwned=1)',
  '](javascript:window.__pwned=1)',
];

const HOSTILE_HREFS = [
  'javascript:window.__pwned=1',
  ' JaVaScRiPt:window.__pwned=1',
  'java\tscript:window.__pwned=1',
  'data:text/html,<script>window.__pwned=1</script>',
  'vbscript:msgbox(1)',
];

/** One segment per payload and kind, each with a draft holding the payload inside a link. */
export function hostilePost(): { post: PostRecord; drafts: DraftRecord[] } {
  const kinds: Segment['kind'][] = ['heading', 'paragraph', 'list-item', 'quote', 'caption', 'table-cell'];
  const segments: Segment[] = HOSTILE_PAYLOADS.map((payload, i) => {
    const kind = kinds[i % kinds.length]!;
    const href = HOSTILE_HREFS[i % HOSTILE_HREFS.length]!;
    return {
      id: `s-${i}`,
      kind,
      text: `${payload} link`,
      tagged: `${payload} ⟨1⟩link⟨/1⟩ ⟨2/⟩`,
      inline: [
        { tag: 'a', attrs: { href, title: payload, onclick: 'window.__pwned=1', style: 'x' } as Record<string, string> },
        { tag: 'img', attrs: { src: href, alt: payload, onerror: 'window.__pwned=1' } as Record<string, string>, empty: true },
      ],
      layout: {
        tag: kind === 'heading' ? 'h2' : kind === 'table-cell' ? 'td' : 'p',
        group: i,
        image: kind === 'caption' ? { src: href, alt: payload } : undefined,
      },
    };
  });
  const post = postOf(segments, { title: `</title><script>window.__pwned=1</script>`, sourceLanguage: 'en' });
  const drafts = segments
    .filter((_, i) => i % 4 !== 3) // some stay untranslated, so their hostile source is written
    .map((s, i) => draftOf(post, s.id, `${HOSTILE_PAYLOADS[i]!} ⟨1⟩${HOSTILE_PAYLOADS[i]!}⟨/1⟩ ⟨2/⟩ ⟨3⟩x⟨/3⟩`));
  return { post, drafts };
}
