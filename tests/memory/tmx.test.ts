// TMX 1.4b: a round trip keeps languages, texts and placeholders; broken, hostile and foreign files
// are refused with a reason. Well-formed XML is read with linkedom's parser (happy-dom reads XML as
// HTML); Chromium's own parser reads TMX in tests/e2e/memory-glossary.test.ts.
import { DOMParser as XmlParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { readTmx, TmxError, writeTmx, type TmxUnit } from '../../utils/memory/tmx';

const xml = () => new XmlParser() as unknown as DOMParser;

const UNITS: TmxUnit[] = [
  { sourceLang: 'en', targetLang: 'ru', source: 'Read the ⟨1⟩previous blog⟨/1⟩ ⟨2/⟩ & more <here>.', target: 'Читайте ⟨1⟩прошлый блог⟨/1⟩ ⟨2/⟩ и «ещё».', at: Date.UTC(2026, 10, 27, 6, 45, 47), note: 'https://diff.wikimedia.org/a/' },
  { sourceLang: 'en', targetLang: 'fa', source: 'Wikimania 2024', target: 'ویکی‌مانیا ۲۰۲۴' },
];

describe('TMX', () => {
  it('reads back what it writes, placeholders and all', () => {
    const text = writeTmx(UNITS, null, Date.UTC(2026, 0, 1), '0.1.0');
    expect(text).toContain('<tmx version="1.4">');
    expect(text).toContain('<bpt i="1" x="1"/>previous blog<ept i="1"/>');
    expect(readTmx(text, xml())).toEqual([{ ...UNITS[0], note: undefined }, UNITS[1]].map(({ note: _n, ...unit }) => unit));
  });

  it('reads other tools’ files: srclang from the header, codes with native content, several targets', () => {
    const text = `<?xml version="1.0"?><tmx version="1.4"><header srclang="en-US" creationtool="OmegaT" segtype="sentence" o-tmf="x" adminlang="en" datatype="plaintext"/><body>
      <tu><tuv xml:lang="ru-RU"><seg>Это <bpt i="7">&lt;b&gt;</bpt>жирный<ept i="7">&lt;/b&gt;</ept></seg></tuv>
      <tuv xml:lang="en-US"><seg>This is <bpt i="7">&lt;b&gt;</bpt>bold<ept i="7">&lt;/b&gt;</ept><ph>&lt;br/&gt;</ph></seg></tuv>
      <tuv xml:lang="fa"><seg>این <hi>پررنگ</hi> است</seg></tuv></tu></body></tmx>`;
    expect(readTmx(text, xml())).toEqual([
      { sourceLang: 'en-US', targetLang: 'ru-RU', source: 'This is ⟨1⟩bold⟨/1⟩⟨2/⟩', target: 'Это ⟨1⟩жирный⟨/1⟩' },
      { sourceLang: 'en-US', targetLang: 'fa', source: 'This is ⟨1⟩bold⟨/1⟩⟨2/⟩', target: 'این پررنگ است' },
    ]);
  });

  it('refuses document types and entities, foreign and broken files, and files without units', () => {
    const refuse = (text: string, parser?: DOMParser) => expect(() => readTmx(text, parser ?? xml())).toThrow(TmxError);
    refuse('<?xml version="1.0"?><!DOCTYPE tmx [<!ENTITY lol "lol">]><tmx version="1.4"><header/><body/></tmx>');
    refuse('<?xml version="1.0"?><xliff version="2.0"/>');
    refuse('<tmx version="1.4"><header/><body><tu>', new DOMParser());
    refuse('<tmx version="1.4"><header srclang="en"/><body><tu><tuv xml:lang="en"><seg>Only a source</seg></tuv></tu></body></tmx>');
    expect(() => readTmx('<!DOCTYPE x><tmx/>', xml())).toThrow('document type');
  });
});
