// XLIFF import. happy-dom's DOMParser reads XML as HTML (a <source> is empty there, as in HTML),
// so well-formed files are read here with linkedom's parser (it comes with WXT); real Chromium
// reads them in tests/e2e/export-import.test.ts. Malformed files use happy-dom's, which reports them.
import { DOMParser as XmlParser } from 'linkedom';
import { beforeEach, describe, expect, it } from 'vitest';
import { ImportError } from '../../utils/export/import-plan';
import { planFromXliff } from '../../utils/export/import-xliff';
import type { PostSnapshot } from '../../utils/model';
import { openDraftStore, type DraftStore } from '../../utils/store/draft-store';
import { importDrafts } from '../../utils/store/import-drafts';

const xml = () => new XmlParser() as unknown as DOMParser;
const KEY = 'https://diff.wikimedia.org/2024/09/05/a-post/';
const post: PostSnapshot = {
  key: KEY,
  url: KEY,
  detected: true,
  title: 'A post',
  sourceLanguage: 'en',
  cta: null,
  segments: [
    { id: 'h-1', kind: 'heading', text: 'A post' },
    { id: 'p-1', kind: 'paragraph', text: 'See our previous post.' },
    { id: 'p-2', kind: 'paragraph', text: 'Second.' },
    { id: 'p-3', kind: 'paragraph', text: 'Third.' },
  ],
};

/** XLIFF 2.0 as a CAT tool returns it: reflowed whitespace, states moved on, one unit left alone. */
const XLIFF_2 = `<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="ru">
  <file id="f1" original="${KEY}">
    <unit id="h-1">
      <segment state="final"><source>A post</source><target>Пост</target></segment>
    </unit>
    <unit id="p-1">
      <originalData><data id="d1">&lt;a href="https://x.org/"&gt;</data><data id="d2">&lt;/a&gt;</data></originalData>
      <segment state="translated">
        <source>See our <pc id="1" dataRefStart="d1" dataRefEnd="d2">previous post</pc>.</source>
        <target>
          Смотрите наш
          <pc id="1" dataRefStart="d1" dataRefEnd="d2">предыдущий пост</pc>.
        </target>
      </segment>
    </unit>
    <unit id="p-2">
      <segment state="initial"><source>Second.</source><target>Second.</target></segment>
    </unit>
    <unit id="p-3">
      <segment><source>Third.</source></segment>
    </unit>
  </file>
</xliff>`;

/** XLIFF 1.2 as OmegaT writes it back: <g>/<x/>, states, approved. */
const XLIFF_1_2 = `<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="${KEY}" source-language="en" target-language="fa" datatype="html">
    <body>
      <trans-unit id="h-1" approved="yes"><source>A post</source><target state="translated">پست</target></trans-unit>
      <trans-unit id="p-1">
        <source>See our <g id="1">older post</g>.<x id="2"/></source>
        <target state="needs-review-translation">پست <g id="1">قبلی</g> ما را ببینید.<x id="2"/></target>
      </trans-unit>
      <trans-unit id="p-2"><source>Second.</source><target state="new">Second.</target></trans-unit>
      <trans-unit id="p-4"><source>Gone.</source><target state="translated">رفته.</target></trans-unit>
    </body>
  </file>
</xliff>`;

let n = 0;
let store: DraftStore;
beforeEach(async () => {
  store = await openDraftStore(`xliff-${n++}`, () => 1_000);
  await store.savePost(post);
});

describe('XLIFF 2.0 import', () => {
  it('reads targets, states and inline codes, and skips what is untranslated', () => {
    const plan = planFromXliff(XLIFF_2, xml());
    expect(plan.format).toBe('xliff-2.0');
    expect(plan.targets).toHaveLength(1);
    expect(plan.targets[0]).toMatchObject({ postKey: KEY, lang: 'ru' });
    expect(plan.targets[0].units).toEqual([
      { segmentId: 'h-1', source: 'A post', text: 'Пост', status: 'done' },
      { segmentId: 'p-1', source: 'See our ⟨1⟩previous post⟨/1⟩.', text: 'Смотрите наш ⟨1⟩предыдущий пост⟨/1⟩.', status: 'draft' },
      { segmentId: 'p-2', source: 'Second.', text: 'Second.', skipReason: 'marked untranslated in the file' },
      { segmentId: 'p-3', source: 'Third.', text: '', skipReason: 'no translation in the file' },
    ]);
  });

  it('merges into the store with a report, and a second import changes nothing', async () => {
    const report = await importDrafts(store, planFromXliff(XLIFF_2, xml()));
    expect(report).toMatchObject({ imported: 2, skipped: 2 });
    expect(report.items.map((i) => [i.segmentId, i.imported, i.reason])).toEqual([
      ['h-1', true, 'a new draft'],
      ['p-1', true, 'a new draft'],
      ['p-2', false, 'marked untranslated in the file'],
      ['p-3', false, 'no translation in the file'],
    ]);
    const drafts = await store.getDrafts(KEY, 'ru');
    expect(drafts.map((d) => [d.segmentId, d.text, d.status])).toEqual([
      ['h-1', 'Пост', 'done'],
      ['p-1', 'Смотрите наш ⟨1⟩предыдущий пост⟨/1⟩.', 'draft'],
    ]);
    const again = await importDrafts(store, planFromXliff(XLIFF_2, xml()));
    expect(again.imported).toBe(0);
    expect(await store.getRevisions(KEY, 'ru', 'h-1')).toHaveLength(1);
  });
});

describe('XLIFF 1.2 import', () => {
  it('reads <g>/<x/>, approved and states per file language', async () => {
    const plan = planFromXliff(XLIFF_1_2, xml());
    expect(plan.targets[0]).toMatchObject({ postKey: KEY, lang: 'fa' });
    expect(plan.targets[0].units.map((u) => [u.segmentId, u.text, u.status ?? u.skipReason])).toEqual([
      ['h-1', 'پست', 'done'],
      ['p-1', 'پست ⟨1⟩قبلی⟨/1⟩ ما را ببینید.⟨2/⟩', 'draft'],
      ['p-2', 'Second.', 'marked untranslated in the file'],
      ['p-4', 'رفته.', 'draft'],
    ]);
    const report = await importDrafts(store, plan);
    expect(report).toMatchObject({ imported: 3, skipped: 1 });
    expect(report.items.find((i) => i.segmentId === 'p-1')?.reason).toBe(
      'a new draft; flagged: the paragraph’s source changed since this file was made',
    );
    expect(report.items.find((i) => i.segmentId === 'p-4')?.reason).toBe(
      'a new draft; kept as an orphaned draft: its paragraph is no longer in the post',
    );
    const drafts = await store.getDrafts(KEY, 'fa');
    expect(drafts.find((d) => d.segmentId === 'p-1')?.sourceChange).toEqual({ oldText: 'See our older post.' });
  });
});

describe('bad XLIFF files', () => {
  const reject = (text: string, parser?: DOMParser) => {
    try {
      planFromXliff(text, parser);
    } catch (error) {
      expect(error).toBeInstanceOf(ImportError);
      return (error as Error).message;
    }
    throw new Error('accepted');
  };

  it('refuses malformed XML, document types and entities, and other XML', () => {
    expect(reject('<xliff version="2.0"><file></xliff>')).toMatch(/^This file is not well-formed XML/);
    const bomb = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><xliff version="2.0">&b;</xliff>`;
    expect(reject(bomb)).toBe(
      'This file declares a document type or entities, which XLIFF files never need; it was not read.',
    );
    expect(reject('<html><body/></html>', xml())).toBe('This XML file is not XLIFF (its root element is <html>).');
    expect(reject('<xliff version="3.1"><file/></xliff>', xml())).toBe(
      'This XLIFF file is version "3.1"; Interlinear reads XLIFF 2.0 and 1.2.',
    );
  });

  it('names what is missing or hostile', () => {
    expect(reject(XLIFF_2.replace(' trgLang="ru"', ''), xml())).toBe('The XLIFF file has no target language (trgLang on <xliff>).');
    expect(reject(XLIFF_2.replace(`original="${KEY}"`, 'original="javascript:alert(1)"'), xml())).toMatch(
      /^A <file> of this XLIFF names no post address/,
    );
    expect(reject(XLIFF_2.replace('trgLang="ru"', 'trgLang="&lt;script&gt;"'), xml())).toBe(
      'The import is not valid: targets.0.lang: is not a language tag (such as "ru" or "pt-BR").',
    );
  });
});
