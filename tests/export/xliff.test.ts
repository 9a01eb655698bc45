// Every XLIFF 2.0 export of the Diff fixtures, with a Russian and a Persian draft, validates
// against the OASIS core schema; XLIFF 1.2 is well-formed and carries states; both read back.
import { DOMParser as XmlParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { exportPost, exportPosts } from '../../utils/export/formats';
import { planFromXliff } from '../../utils/export/import-xliff';
import { draftOf, fixtureDrafts, fixturePost, postOf, SAMPLE_DRAFTS, SAMPLE_POST, DIFF_FIXTURE_NAMES } from '../support/export-posts';
import { xmllint } from '../support/xmllint';

const cases = DIFF_FIXTURE_NAMES.flatMap((name) => (['ru', 'fa'] as const).map((lang) => ({ name, lang })));

describe('XLIFF 2.0 against the OASIS core schema', () => {
  it.each(cases)('$name in $lang validates', ({ name, lang }) => {
    const post = fixturePost(name);
    const drafts = fixtureDrafts(post, lang);
    for (const untranslated of ['source', 'skip', 'empty'] as const) {
      const { content } = exportPost('xliff2', post, lang, drafts, { untranslated });
      expect(xmllint(content, true), untranslated).toBe('');
    }
  });

  it('validates for the sample post, several posts, and a post with nothing left to write', () => {
    const everything = exportPosts('xliff2', [SAMPLE_POST, fixturePost(DIFF_FIXTURE_NAMES[0]!)], 'ru', SAMPLE_DRAFTS);
    expect(xmllint(everything.content, true)).toBe('');
    const skipped = exportPost('xliff2', SAMPLE_POST, 'ru', [], { untranslated: 'skip' });
    expect(xmllint(skipped.content, true)).toBe('');
  });

  it('fails on a broken file, so the check is real', () => {
    const { content } = exportPost('xliff2', SAMPLE_POST, 'ru', SAMPLE_DRAFTS);
    expect(xmllint(content.replace('<segment state="final">', '<segment state="finished">'), true)).not.toBe('');
  });

  it('carries characters XML cannot hold by leaving them out, and stays valid', () => {
    const post = postOf([{ id: 'p', kind: 'paragraph', text: 'Bell\u0007 and \ud800 lone' }]);
    const { content } = exportPost('xliff2', post, 'ru', [draftOf(post, 'p', 'Звонок\u0001')]);
    expect(xmllint(content, true)).toBe('');
    expect(content).toContain('<source>Bell and  lone</source>');
  });
});

describe('XLIFF 1.2', () => {
  it.each(cases)('$name in $lang is well-formed and carries a state on every target', ({ name, lang }) => {
    const post = fixturePost(name);
    const { content } = exportPost('xliff12', post, lang, fixtureDrafts(post, lang));
    expect(xmllint(content, false)).toBe('');
    const units = content.match(/<trans-unit /g)?.length ?? 0;
    expect(units).toBe(post.segments.length);
    expect(content.match(/<target state="(new|translated|final)">/g)?.length).toBe(units);
  });
});

// happy-dom's DOMParser reads XML as HTML; linkedom's reads it as XML (real Chromium does in e2e).
const xmlParser = () => new XmlParser() as unknown as DOMParser;

describe('reading the exports back', () => {
  it.each(['xliff2', 'xliff12'] as const)('%s gives back the drafts, their placeholders and statuses', (format) => {
    const { content } = exportPost(format, SAMPLE_POST, 'ru', SAMPLE_DRAFTS);
    const plan = planFromXliff(content, xmlParser());
    expect(plan.targets).toHaveLength(1);
    expect(plan.targets[0]!.postKey).toBe(SAMPLE_POST.key);
    expect(plan.targets[0]!.lang).toBe('ru');
    const back = plan.targets[0]!.units.filter((u) => !u.skipReason).map((u) => ({ id: u.segmentId, text: u.text, status: u.status }));
    expect(back).toEqual(SAMPLE_DRAFTS.map((d) => ({ id: d.segmentId, text: d.text, status: d.status })));
  });
});

describe('segment ids that are no XML name', () => {
  it('get a unit id of their own and keep theirs as the name', () => {
    const post = postOf([{ id: 'odd id <1>', kind: 'paragraph', text: 'Hello' }]);
    const { content } = exportPost('xliff2', post, 'ru', [draftOf(post, 'odd id <1>', 'Привет')]);
    expect(content).toContain('<unit id="u1" name="odd id &lt;1&gt;">');
    expect(xmllint(content, true)).toBe('');
  });
});
