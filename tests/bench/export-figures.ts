// Figure 8: the time to export 10,000 segments in each format, in Node, from records as the store
// keeps them. The post mixes every kind of block, a fifth of its paragraphs hold a link and bold
// text, and every segment has a draft of about 120 characters (the placeholders kept), so each
// format does all its work: markup rebuilt, escaped, grouped into blocks.
import '../support/node-messages'; // first: the exports' labels need browser.i18n
import { performance } from 'node:perf_hooks';
import { backupFile } from '../../utils/export/backup';
import { exportPost, type ExportFormat } from '../../utils/export/formats';
import type { DraftRecord, PostRecord, RevisionRecord, Segment } from '../../utils/model';
import { repeat, type Log } from './results';

const POST_URL = 'https://diff.wikimedia.org/2024/09/05/a-very-long-post/';
const SENTENCE = 'Volunteers from the Central Asian communities shared what Wikimania meant to them & their projects';
const DRAFT = 'Волонтёры из сообществ Центральной Азии рассказали, что значила для них Викимания и их проекты';

/** A post of `count` segments with a draft for each, the same on every run. */
export function longTranslatedPost(count: number): { post: PostRecord; drafts: DraftRecord[]; revisions: RevisionRecord[] } {
  const segments: Segment[] = [{ id: 's-0', kind: 'heading', text: 'A very long post', layout: { tag: 'h1' } }];
  const drafts: DraftRecord[] = [];
  let group = 0;
  for (let i = 1; i < count; i++) {
    const id = `s-${i}`;
    const n = i % 20;
    if (n === 0) segments.push({ id, kind: 'heading', text: `Part ${i}`, layout: { tag: 'h2' } });
    else if (n <= 3) segments.push({ id, kind: 'list-item', text: `${SENTENCE} ${i}.`, layout: { tag: 'li', group, list: 'ul' } });
    else if (n === 4) segments.push({ id, kind: 'quote', text: `${SENTENCE} ${i}.`, layout: { tag: 'p', group: ++group } });
    else if (n === 5) {
      segments.push({
        id,
        kind: 'caption',
        text: `Photo ${i} by a volunteer, CC BY 4.0`,
        layout: { tag: 'figcaption', group: ++group, image: { src: `https://upload.wikimedia.org/p${i}.jpg`, alt: '' } },
      });
    } else if (n % 5 === 1) {
      segments.push({
        id,
        kind: 'paragraph',
        text: `${SENTENCE}, as the previous post said ${i}.`,
        tagged: `${SENTENCE}, as the ⟨1⟩previous post⟨/1⟩ said ⟨2⟩${i}⟨/2⟩.`,
        inline: [{ tag: 'a', attrs: { href: '/2024/08/20/previous/' } }, { tag: 'strong' }],
        layout: { tag: 'p' },
      });
    } else segments.push({ id, kind: 'paragraph', text: `${SENTENCE} <${i}>.`, layout: { tag: 'p' } });
    if (n === 3) group++;
  }
  const post: PostRecord = {
    key: POST_URL,
    url: POST_URL,
    title: 'A very long post',
    sourceLanguage: 'en',
    cta: null,
    segments,
    targetLanguage: 'ru',
    firstSeen: 1,
    lastSeen: 1,
  };
  for (const [i, segment] of segments.entries()) {
    const text = segment.tagged ? `${DRAFT}, как в ⟨1⟩прошлой записи⟨/1⟩ ⟨2⟩${i}⟨/2⟩.` : `${DRAFT} ${i}.`;
    drafts.push({ postKey: POST_URL, lang: 'ru', segmentId: segment.id, text, status: i % 3 ? 'draft' : 'done', rev: 1, updatedAt: i });
  }
  const revisions: RevisionRecord[] = drafts.map((d) => ({ ...d, rev: 1, at: d.updatedAt, origin: 'local' }));
  return { post, drafts, revisions };
}

/** The export formats the bench measures, by the name its rows give them. */
export const MEASURED_FORMATS: { name: string; format: ExportFormat | 'backup' }[] = [
  { name: 'Markdown', format: 'markdown' },
  { name: 'WordPress block HTML', format: 'wordpress' },
  { name: 'HTML', format: 'html' },
  { name: 'plain text', format: 'text' },
  { name: 'bilingual review page', format: 'review' },
  { name: 'XLIFF 2.0', format: 'xliff2' },
  { name: 'XLIFF 1.2', format: 'xliff12' },
  { name: 'JSON backup', format: 'backup' },
];

/**
 * Milliseconds to build the whole file, `content` included, from the records; and beside each run
 * its floor: JSON.stringify of the very records the format reads — no format writes them faster.
 */
export async function measureExport(
  format: ExportFormat | 'backup',
  count: number,
  log: Log,
): Promise<{ values: number[]; how: string; floors: number[] }> {
  const { post, drafts, revisions } = longTranslatedPost(count);
  const records = format === 'backup' ? { posts: [post], drafts, revisions } : { post, drafts };
  let bytes = 0;
  const floors: number[] = [];
  const values = await repeat(`${format}, ${count} segments (JSON floor after)`, log, async (run) => {
    const started = performance.now();
    const file =
      format === 'backup'
        ? backupFile({ posts: [post], drafts, revisions }, { postKey: post.key, lang: 'ru' }, new Date(0))
        : exportPost(format, post, 'ru', drafts);
    const elapsed = performance.now() - started;
    bytes = file.content.length;
    const floorStarted = performance.now();
    JSON.stringify(records);
    if (run >= 0) floors.push(performance.now() - floorStarted);
    return elapsed;
  });
  return {
    values,
    floors,
    how:
      `one post of ${count.toLocaleString('en')} segments (headings, paragraphs, lists, quotes, captions; a fifth ` +
      'with a link and bold text), each with a ~120-character draft, exported in Node from the records as the ' +
      `store keeps them: the whole file built, ${Math.round(bytes / 1024).toLocaleString('en')} KB of text. Floor: ` +
      `JSON.stringify of the same records (${format === 'backup' ? 'post, drafts and revisions' : 'post and drafts'}), ` +
      'timed right after each run',
  };
}
