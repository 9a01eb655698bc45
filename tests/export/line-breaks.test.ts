// Line breaks (<br>, an empty placeholder) in every export format, and back through XLIFF import.
import { DOMParser as XmlParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { exportPost, type ExportFormat } from '../../utils/export/formats';
import { planFromXliff } from '../../utils/export/import-xliff';
import type { Segment } from '../../utils/model';
import { draftOf, postOf } from '../support/export-posts';

const BR = { tag: 'br', empty: true };
const SEGMENTS: Segment[] = [
  { id: 'title', kind: 'heading', text: 'Two lines title', tagged: 'Two lines ⟨1/⟩title', inline: [BR], layout: { tag: 'h1' } },
  {
    id: 'poem',
    kind: 'paragraph',
    text: 'Roses are red, violets are blue.',
    tagged: 'Roses are red, ⟨1/⟩violets are blue.',
    inline: [BR],
    layout: { tag: 'p' },
  },
  {
    id: 'address',
    kind: 'paragraph',
    text: 'Wikimedia 1 Montgomery St',
    tagged: '⟨1⟩Wikimedia⟨/1⟩ ⟨2/⟩1 Montgomery St',
    inline: [{ tag: 'strong' }, BR],
    layout: { tag: 'p' },
  },
  { id: 'li', kind: 'list-item', text: 'First line second line', tagged: 'First line ⟨1/⟩second line', inline: [BR], layout: { tag: 'li', group: 1, list: 'ul' } },
  { id: 'quote', kind: 'quote', text: 'Said once said twice', tagged: 'Said once ⟨1/⟩said twice', inline: [BR], layout: { tag: 'p', group: 2 } },
  { id: 'th', kind: 'table-cell', text: 'Head', layout: { tag: 'th', group: 3, row: 0 } },
  { id: 'td', kind: 'table-cell', text: 'Cell one cell two', tagged: 'Cell one ⟨1/⟩cell two', inline: [BR], layout: { tag: 'td', group: 3, row: 1 } },
];
const POST = postOf(SEGMENTS);
const DRAFTS = [
  draftOf(POST, 'title', 'Заголовок ⟨1/⟩в две строки', 'done'),
  draftOf(POST, 'poem', 'Розы красны, ⟨1/⟩фиалки сини.'),
  draftOf(POST, 'address', '⟨1⟩Викимедиа⟨/1⟩ ⟨2/⟩- Монтгомери-стрит, 1'),
  draftOf(POST, 'li', 'Первая строка ⟨1/⟩вторая строка'),
  draftOf(POST, 'quote', 'Сказал раз ⟨1/⟩сказал два'),
  draftOf(POST, 'th', 'Заголовок'),
  draftOf(POST, 'td', 'Ячейка раз ⟨1/⟩ячейка два'),
];
const out = (format: ExportFormat) => exportPost(format, POST, 'ru', DRAFTS).content;

describe('line breaks in exports', () => {
  it('are <br> in HTML, the review page and WordPress block markup', () => {
    for (const format of ['html', 'review', 'wordpress'] as const) {
      const html = out(format);
      expect(html, format).toContain('Розы красны, <br>фиалки сини.');
      expect(html, format).toContain('<strong>Викимедиа</strong> <br>- Монтгомери-стрит, 1');
      expect(html, format).toContain('Первая строка <br>вторая строка');
    }
    expect(out('review')).toContain('Roses are red, <br>violets are blue.');
  });

  it('are hard line breaks (a backslash at the line end) in Markdown, kept inside their block', () => {
    const md = out('markdown');
    expect(md).toContain('# Заголовок<br>в две строки\n');
    expect(md).toContain('\n\nРозы красны,\\\nфиалки сини.\n\n');
    // The next line must not start a list of its own.
    expect(md).toContain('**Викимедиа**\\\n\\- Монтгомери-стрит, 1');
    expect(md).toContain('- Первая строка\\\n  вторая строка');
    expect(md).toContain('> Сказал раз\\\n> сказал два');
    expect(md).toContain('| Ячейка раз<br>ячейка два |');
  });

  it('are newlines in plain text, except in a table row', () => {
    const text = out('text');
    expect(text).toContain('\n\nРозы красны,\nфиалки сини.\n\n');
    expect(text).toContain('• Первая строка\nвторая строка');
    expect(text).toContain('Сказал раз\nсказал два');
    expect(text).toContain('Заголовок\nЯчейка раз ячейка два');
  });

  it('are <ph> with <br/> as original data in XLIFF 2.0, <x ctype="lb"/> in XLIFF 1.2', () => {
    const xliff2 = out('xliff2');
    expect(xliff2).toContain('<data id="d1">&lt;br/&gt;</data>');
    expect(xliff2).toContain('<source>Roses are red, <ph id="1" dataRef="d1" type="fmt" subType="xlf:lb"/>violets are blue.</source>');
    expect(xliff2).toContain('<target>Розы красны, <ph id="1" dataRef="d1" type="fmt" subType="xlf:lb"/>фиалки сини.</target>');
    const xliff12 = out('xliff12');
    expect(xliff12).toContain('<source>Roses are red, <x id="1" ctype="lb"/>violets are blue.</source>');
    expect(xliff12).toContain('<target state="translated">Розы красны, <x id="1" ctype="lb"/>фиалки сини.</target>');
  });

  it('leave out a break a draft puts before or after all its words in Markdown and plain text', () => {
    const drafts = [draftOf(POST, 'poem', '⟨1/⟩Розы красны.'), draftOf(POST, 'li', 'Строка ⟨1/⟩')];
    const md = exportPost('markdown', POST, 'ru', drafts).content;
    expect(md).toContain('\n\nРозы красны.\n\n');
    expect(md).toContain('- Строка\n');
    const text = exportPost('text', POST, 'ru', drafts).content;
    expect(text).toContain('\n\nРозы красны.\n\n');
    expect(text).toContain('• Строка\n');
  });
});

describe.each(['xliff2', 'xliff12'] as const)('line breaks through %s and back', (format) => {
  it('come back as the same placeholders, in source and draft', () => {
    const plan = planFromXliff(out(format), new XmlParser() as unknown as DOMParser);
    const units = new Map(plan.targets[0]!.units.map((unit) => [unit.segmentId, unit]));
    for (const draft of DRAFTS) expect(units.get(draft.segmentId)?.text, draft.segmentId).toBe(draft.text);
    for (const segment of SEGMENTS) expect(units.get(segment.id)?.source, segment.id).toBe(segment.tagged ?? segment.text);
  });
});
