// TMX 1.4b, the memory format OmegaT, Trados, Pontoon and translate-toolkit exchange: writing a
// language pair (or every pair) of memory, and reading one back. Placeholders become paired
// <bpt>/<ept> codes and <ph/>, and come back as placeholders. Reading needs DOMParser, so it runs
// in a view; a file with a document type (entities), too large, or not TMX is refused whole.
import { t } from '../i18n';
import { normaliseText } from '../segment/ids';
import { closeToken, emptyToken, openToken, parseTagged } from '../segment/placeholders';
import { xmlAttr, xmlText } from '../export/xliff';

/** One translation unit: a source and its translation in one language pair. */
export interface TmxUnit {
  sourceLang: string;
  targetLang: string;
  /** With placeholders (⟨1⟩…⟨/1⟩, ⟨2/⟩). */
  source: string;
  target: string;
  /** When it was last changed (ms), when known. */
  at?: number;
  /** Where it came from (a post's address), when known. */
  note?: string;
}

export class TmxError extends Error {}

/** Most units one file may bring, and the longest text of one side. */
export const MAX_TMX_UNITS = 200_000;
const MAX_SEGMENT = 200_000;

/** TMX's own date form: 20261127T064547Z. */
function tmxDate(at: number): string {
  return new Date(at).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

function segXml(tagged: string): string {
  return parseTagged(tagged)
    .map((part) => {
      if (part.type === 'text') return xmlText(part.text);
      if (part.type === 'open') return `<bpt i="${part.n}" x="${part.n}"/>`;
      if (part.type === 'close') return `<ept i="${part.n}"/>`;
      return `<ph x="${part.n}"/>`;
    })
    .join('');
}

/** A TMX 1.4b document of these units; `sourceLang` null when it holds several source languages. */
export function writeTmx(units: TmxUnit[], sourceLang: string | null, now: number, version: string): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<tmx version="1.4">',
    `  <header creationtool="Interlinear" creationtoolversion="${xmlAttr(version)}" segtype="paragraph" o-tmf="Interlinear" adminlang="en" srclang="${xmlAttr(sourceLang ?? '*all*')}" datatype="plaintext" creationdate="${tmxDate(now)}"/>`,
    '  <body>',
  ];
  for (const unit of units) {
    const changed = unit.at ? ` changedate="${tmxDate(unit.at)}"` : '';
    lines.push(`    <tu srclang="${xmlAttr(unit.sourceLang)}"${changed}>`);
    if (unit.note) lines.push(`      <note>${xmlText(unit.note)}</note>`);
    lines.push(`      <tuv xml:lang="${xmlAttr(unit.sourceLang)}"><seg>${segXml(unit.source)}</seg></tuv>`);
    lines.push(`      <tuv xml:lang="${xmlAttr(unit.targetLang)}"><seg>${segXml(unit.target)}</seg></tuv>`);
    lines.push('    </tu>');
  }
  lines.push('  </body>', '</tmx>', '');
  return lines.join('\n');
}

const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/** The units of a TMX file's text (every target of every unit, each against its source). */
export function readTmx(text: string, parser: DOMParser = new DOMParser()): TmxUnit[] {
  // TMX needs no document type; entity declarations are how XML bombs and file reads work.
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) throw new TmxError(t('tmxDoctype'));
  let doc: Document;
  try {
    doc = parser.parseFromString(text.replace(/^\uFEFF/, ''), 'application/xml');
  } catch (error) {
    throw new TmxError(t('tmxBroken', String((error as Error)?.message ?? error).slice(0, 200)));
  }
  const broken = doc.getElementsByTagName('parsererror')[0];
  if (broken) throw new TmxError(t('tmxBroken', normaliseText(broken.textContent ?? '').slice(0, 200)));
  const root = doc.documentElement;
  if (!root || root.localName !== 'tmx') throw new TmxError(t('tmxNotTmx', root?.localName ?? '?'));
  const header = children(root, 'header')[0];
  const body = children(root, 'body')[0];
  if (!header || !body) throw new TmxError(t('tmxNoBody'));
  const fileSource = header.getAttribute('srclang') ?? '*all*';
  const units: TmxUnit[] = [];
  for (const tu of children(body, 'tu')) {
    const variants = children(tu, 'tuv').map((tuv) => ({ lang: langOf(tuv), seg: children(tuv, 'seg')[0] }));
    const wanted = tu.getAttribute('srclang') ?? fileSource;
    const source = (wanted === '*all*' ? variants[0] : variants.find((v) => sameLanguage(v.lang, wanted))) ?? variants[0];
    if (!source?.lang || !source.seg) continue;
    const at = parseTmxDate(tu.getAttribute('changedate') ?? tu.getAttribute('creationdate'));
    for (const target of variants) {
      if (target === source || !target.lang || !target.seg) continue;
      const unit: TmxUnit = { sourceLang: source.lang, targetLang: target.lang, source: segText(source.seg), target: segText(target.seg) };
      if (unit.source.length > MAX_SEGMENT || unit.target.length > MAX_SEGMENT) throw new TmxError(t('tmxSegmentTooLong'));
      if (!unit.source.trim() || !unit.target.trim()) continue;
      if (at !== undefined) unit.at = at;
      units.push(unit);
      if (units.length > MAX_TMX_UNITS) throw new TmxError(t('tmxTooManyUnits', MAX_TMX_UNITS));
    }
  }
  if (units.length === 0) throw new TmxError(t('tmxNoUnits'));
  return units;
}

function children(parent: Element, name: string): Element[] {
  return Array.from(parent.children).filter((child) => child.localName === name);
}

function langOf(tuv: Element): string | null {
  return tuv.getAttributeNS(XML_NS, 'lang') ?? tuv.getAttribute('xml:lang') ?? tuv.getAttribute('lang');
}

function sameLanguage(a: string | null, b: string): boolean {
  return !!a && a.toLowerCase() === b.toLowerCase();
}

function parseTmxDate(value: string | null): number | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value ?? '');
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s] = match.map(Number);
  return Date.UTC(y!, mo! - 1, d!, h!, mi!, s!);
}

/**
 * A <seg>'s text with its codes as placeholders: paired <bpt>/<ept> (matched by `i`), isolated
 * <it> and <ph> as empty ones, <hi> as its text; the native code inside a code is left out.
 */
function segText(seg: Element): string {
  const numbers = new Map<string, number>();
  let next = 1;
  const numberOf = (key: string) => {
    let n = numbers.get(key);
    if (n === undefined) numbers.set(key, (n = next++));
    return n;
  };
  const walk = (node: Node): string => {
    let out = '';
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3 || child.nodeType === 4) out += child.nodeValue ?? '';
      else if (child.nodeType === 1) {
        const element = child as Element;
        const i = element.getAttribute('i') ?? element.getAttribute('x') ?? `#${next}`;
        if (element.localName === 'bpt') out += openToken(numberOf(`p${i}`));
        else if (element.localName === 'ept') out += closeToken(numberOf(`p${i}`));
        else if (element.localName === 'ph' || element.localName === 'it') out += emptyToken(numberOf(`e${next}`));
        else if (element.localName === 'hi') out += walk(element);
      }
    }
    return out;
  };
  return normaliseText(walk(seg));
}
