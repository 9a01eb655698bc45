// Glossary files: TSV as OmegaT writes its glossaries (source, target, comment — one term a line,
// tab-separated, no header) and CSV with a header row (source, target, note, avoid; RFC 4180
// quoting). Several translations or forms to avoid share a cell, separated by "|". A broken line
// stops the import with its number and why, so nothing half-read is written.
import { t } from '../i18n';
import type { GlossaryInput } from '../memory/memory-types';

export class GlossaryFileError extends Error {}

export const MAX_GLOSSARY_BYTES = 5 * 1024 * 1024;
const MAX_TERM = 500;
const FORMS = '|';

export interface GlossaryRow {
  source: string;
  targets: string[];
  note: string;
  avoid: string[];
}

const forms = (cell: string | undefined) => (cell ?? '').split(FORMS).map((f) => f.trim()).filter(Boolean);

function row(line: number, source: string | undefined, target: string | undefined, note: string | undefined, avoid?: string): GlossaryRow {
  const term = (source ?? '').trim();
  const targets = forms(target);
  if (!term) throw new GlossaryFileError(t('glossaryFileNoSource', line));
  if (targets.length === 0) throw new GlossaryFileError(t('glossaryFileNoTarget', line, term));
  if (term.length > MAX_TERM || targets.some((f) => f.length > MAX_TERM)) throw new GlossaryFileError(t('glossaryFileTooLong', line));
  return { source: term, targets, note: (note ?? '').trim(), avoid: forms(avoid) };
}

/** OmegaT's tab-separated glossary: source, target, comment. Lines starting with # are comments. */
export function readTsv(text: string): GlossaryRow[] {
  const rows: GlossaryRow[] = [];
  text.replace(/^\uFEFF/, '').split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '' || line.startsWith('#')) return;
    const cells = line.split('\t');
    if (cells.length < 2) throw new GlossaryFileError(t('glossaryFileNoTab', i + 1));
    rows.push(row(i + 1, cells[0], cells[1], cells.slice(2).join(' ')));
  });
  if (rows.length === 0) throw new GlossaryFileError(t('glossaryFileEmpty'));
  return rows;
}

export function writeTsv(entries: readonly GlossaryRow[]): string {
  const cell = (text: string) => text.replace(/[\t\r\n]+/g, ' ');
  return entries.map((e) => [e.source, e.targets.join(FORMS), e.note].map(cell).join('\t')).join('\n') + '\n';
}

/** RFC 4180 records: quoted cells may hold commas, quotes ("") and line breaks. */
function csvRecords(text: string): Array<{ line: number; cells: string[] }> {
  const records: Array<{ line: number; cells: string[] }> = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        cell += c;
      }
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === ',') cells.push(cell), (cell = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      cells.push(cell);
      records.push({ line: start, cells });
      cells = [];
      cell = '';
      start = ++line;
    } else cell += c;
  }
  if (quoted) throw new GlossaryFileError(t('glossaryFileOpenQuote', start));
  if (cell !== '' || cells.length) records.push({ line: start, cells: [...cells, cell] });
  return records.filter((r) => r.cells.some((c) => c.trim() !== ''));
}

const HEADER_NAMES: Record<string, keyof GlossaryRow> = {
  source: 'source', term: 'source', target: 'targets', translation: 'targets', note: 'note', comment: 'note', avoid: 'avoid',
};

/** CSV with a header row naming the columns: source, target, note (or comment), avoid. */
export function readCsv(text: string): GlossaryRow[] {
  const [header, ...records] = csvRecords(text.replace(/^\uFEFF/, ''));
  if (!header) throw new GlossaryFileError(t('glossaryFileEmpty'));
  const columns = header.cells.map((name) => HEADER_NAMES[name.trim().toLowerCase()]);
  const at = (name: keyof GlossaryRow) => columns.indexOf(name);
  if (at('source') < 0 || at('targets') < 0) throw new GlossaryFileError(t('glossaryFileNoHeader'));
  const rows = records.map(({ line, cells }) =>
    row(line, cells[at('source')], cells[at('targets')], at('note') >= 0 ? cells[at('note')] : '', at('avoid') >= 0 ? cells[at('avoid')] : ''),
  );
  if (rows.length === 0) throw new GlossaryFileError(t('glossaryFileEmpty'));
  return rows;
}

export function writeCsv(entries: readonly GlossaryRow[]): string {
  const cell = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  const lines = ['source,target,note,avoid', ...entries.map((e) => [e.source, e.targets.join(FORMS), e.note, e.avoid.join(FORMS)].map(cell).join(','))];
  return lines.join('\r\n') + '\r\n';
}

/** A file's rows as glossary inputs of one language pair; the file's kind by its name, else its content. */
export function glossaryFromFile(name: string, text: string, sourceLang: string, targetLang: string): GlossaryInput[] {
  const csv = /\.csv$/i.test(name) || (!/\.(tsv|txt|utf8)$/i.test(name) && !text.includes('\t'));
  const rows = csv ? readCsv(text) : readTsv(text);
  return rows.map((r) => ({ ...r, sourceLang, targetLang }));
}
