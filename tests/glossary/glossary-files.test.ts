// Glossary files: OmegaT's TSV and CSV with a header row, both ways; broken files stop at the line
// that is wrong, saying why.
import { describe, expect, it } from 'vitest';
import { GlossaryFileError, glossaryFromFile, readCsv, readTsv, writeCsv, writeTsv } from '../../utils/glossary/glossary-files';

const ROWS = [
  { source: 'Wikimania', targets: ['Викимания'], note: 'conference, "always" capitalised', avoid: ['Викимэния'] },
  { source: 'Wikimedia Commons', targets: ['Викисклад', 'Викимедиа Коммонс'], note: '', avoid: [] },
];

describe('glossary files', () => {
  it('reads OmegaT TSV (source, target, comment), skipping comments and blank lines', () => {
    expect(readTsv('# glossary\nWikimania\tВикимания\tthe conference\n\nCommons\tВикисклад|Коммонс\n')).toEqual([
      { source: 'Wikimania', targets: ['Викимания'], note: 'the conference', avoid: [] },
      { source: 'Commons', targets: ['Викисклад', 'Коммонс'], note: '', avoid: [] },
    ]);
  });

  it('reads CSV by its header, quotes, commas and line breaks in cells', () => {
    const csv = 'note,Source,Target,avoid\r\n"two, ""quoted""\nlines",Wikimania,Викимания,Викимэния|Уикимания\r\n';
    expect(readCsv(csv)).toEqual([{ source: 'Wikimania', targets: ['Викимания'], note: 'two, "quoted"\nlines', avoid: ['Викимэния', 'Уикимания'] }]);
  });

  it('writes what it reads', () => {
    expect(readCsv(writeCsv(ROWS))).toEqual(ROWS);
    expect(readTsv(writeTsv(ROWS))).toEqual(ROWS.map((r) => ({ ...r, avoid: [] })));
  });

  it('stops at a broken line with its number', () => {
    const error = (read: () => unknown) => {
      try {
        read();
      } catch (e) {
        expect(e).toBeInstanceOf(GlossaryFileError);
        return (e as Error).message;
      }
      throw new Error('not refused');
    };
    expect(error(() => readTsv('Wikimania\tВикимания\nno tab here\n'))).toBe('Line 2 has no tab between the term and its translation (OmegaT’s glossary format).');
    expect(error(() => readTsv('Wikimania\t\n'))).toBe('Line 1 gives no translation for “Wikimania”.');
    expect(error(() => readCsv('source,target\nWikimania,"open\n'))).toBe('A quoted cell starting on line 2 is never closed.');
    expect(error(() => readCsv('term;translation\nA;B\n'))).toContain('The first row must name the columns');
    expect(error(() => readCsv('source,target\n,Викимания\n'))).toBe('Line 2 has no source term.');
    expect(error(() => readTsv('\n# nothing\n'))).toBe('This file holds no glossary term.');
  });

  it('tells TSV from CSV by the name, else by tabs', () => {
    expect(glossaryFromFile('terms.utf8', 'A\tB\n', 'en', 'ru')).toEqual([{ source: 'A', targets: ['B'], note: '', avoid: [], sourceLang: 'en', targetLang: 'ru' }]);
    expect(glossaryFromFile('terms.csv', 'source,target\nA,B\n', 'en', 'ru')).toHaveLength(1);
  });
});
