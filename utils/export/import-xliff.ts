// Reads XLIFF 2.0 and 1.2 — as Interlinear exports them, and as CAT tools such as OmegaT give
// them back (targets filled, states changed, whitespace reflowed) — into an import plan. Inline
// codes (<pc>/<ph>, <g>/<x/>, <sc>/<ec>, <bpt>/<ept>) become the draft's placeholders again.
// Needs DOMParser, so it runs in a view, never in the background worker.
import { t } from '../i18n';
import { normaliseText } from '../segment/ids';
import { closeToken, emptyToken, openToken } from '../segment/placeholders';
import { ImportError, validatePlan, type ImportPlan, type ImportTarget, type ImportUnit } from './import-plan';

const XLIFF_2 = 'urn:oasis:names:tc:xliff:document:2.0';
const XLIFF_1_2 = 'urn:oasis:names:tc:xliff:document:1.2';

/** Does this text look like XML (rather than JSON)? */
export function looksLikeXml(text: string): boolean {
  return /^\s*(\uFEFF)?</.test(text);
}

/** The plan of an XLIFF file's text; an ImportError says what is wrong with it. */
export function planFromXliff(text: string, parser: DOMParser = new DOMParser()): ImportPlan {
  // XLIFF never needs a document type; entity declarations are how XML bombs and file reads work.
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) {
    throw new ImportError(t('importXliffDoctype'));
  }
  let doc: Document;
  try {
    doc = parser.parseFromString(text.replace(/^\uFEFF/, ''), 'application/xml');
  } catch (error) {
    // Some parsers throw on broken markup instead of returning a <parsererror> document.
    throw new ImportError(t('importXmlBrokenDetail', String((error as Error)?.message ?? error).slice(0, 200)));
  }
  const error = doc.getElementsByTagName('parsererror')[0];
  if (error) {
    const detail = normaliseText(error.textContent ?? '').slice(0, 200);
    throw new ImportError(detail ? t('importXmlBrokenDetail', detail) : t('importXmlBroken'));
  }
  const root = doc.documentElement;
  if (!root || root.localName !== 'xliff') {
    throw new ImportError(t('importNotXliff', root?.localName ?? '?'));
  }
  const version = root.getAttribute('version') ?? '';
  const plan =
    version.startsWith('2.') || root.namespaceURI === XLIFF_2
      ? readXliff2(root)
      : version === '1.2' || version === '1.1' || root.namespaceURI === XLIFF_1_2
        ? readXliff12(root)
        : null;
  if (!plan) throw new ImportError(t('importXliffVersion', version));
  if (plan.targets.length === 0) throw new ImportError(t('importXliffNoUnits'));
  return validatePlan(plan);
}

function readXliff2(root: Element): ImportPlan {
  const lang = required(root, 'trgLang', () => t('importXliffNoTrgLang'));
  const targets: ImportTarget[] = [];
  for (const file of children(root, 'file')) {
    const postKey = postKeyOf(file);
    const units = descendants(file, 'unit').map((unit): ImportUnit => {
      const segments = children(unit, 'segment', 'ignorable');
      const source = segments.map((s) => inlineText(child(s, 'source'))).join('');
      const targetEls = segments.map((s) => child(s, 'target'));
      const states = children(unit, 'segment').map((s) => s.getAttribute('state') ?? 'initial');
      const text = targetEls.map(inlineText).join('');
      return unitOf(idOf(unit), source, text, targetEls.some(Boolean), states2(states));
    });
    targets.push({ postKey, lang, units });
  }
  return { format: 'xliff-2.0', targets };
}

function readXliff12(root: Element): ImportPlan {
  const targets: ImportTarget[] = [];
  for (const file of children(root, 'file')) {
    const postKey = postKeyOf(file);
    const lang = required(file, 'target-language', () => t('importXliffFileNoTargetLanguage'));
    const units = descendants(file, 'trans-unit').map((unit): ImportUnit => {
      const target = child(unit, 'target');
      const source = inlineText(child(unit, 'source'));
      const state = target?.getAttribute('state') ?? (target ? 'translated' : 'new');
      const approved = unit.getAttribute('approved') === 'yes';
      return unitOf(idOf(unit), source, inlineText(target), Boolean(target), approved ? 'done' : states12(state));
    });
    targets.push({ postKey, lang, units });
  }
  return { format: 'xliff-1.2', targets };
}

/** What a unit brings: its text and status, or why there is nothing to bring. */
function unitOf(segmentId: string, rawSource: string, rawText: string, hasTarget: boolean, status: 'draft' | 'done' | null): ImportUnit {
  const source = normaliseText(rawSource);
  const text = normaliseText(rawText);
  const unit: ImportUnit = { segmentId, text };
  // Without a source in the file there is nothing to compare with the post's.
  if (source) unit.source = source;
  if (!hasTarget || text === '') unit.skipReason = t('importSkipNoTranslation');
  // Exports keep an untranslated segment's source in its target; that is no translation.
  else if (status === null && text === source) unit.skipReason = t('importSkipUntranslated');
  else unit.status = status ?? 'draft';
  return unit;
}

/** XLIFF 2.0: initial is untranslated, translated and reviewed are drafts, final is done. */
function states2(states: string[]): 'draft' | 'done' | null {
  if (states.length === 0 || states.includes('initial')) return null;
  return states.every((s) => s === 'final') ? 'done' : 'draft';
}

/** XLIFF 1.2: new and needs-translation are untranslated, signed-off and final are done. */
function states12(state: string): 'draft' | 'done' | null {
  if (state === 'new' || state === 'needs-translation') return null;
  if (state === 'final' || state === 'signed-off') return 'done';
  return 'draft';
}

/** A post's key: the address <file original="…"> names. */
function postKeyOf(file: Element): string {
  const original = file.getAttribute('original') ?? '';
  try {
    const url = new URL(original);
    if (url.protocol === 'https:' || url.protocol === 'http:') return url.href;
  } catch {
    // reported below
  }
  throw new ImportError(t('importXliffNoPostAddress', original.slice(0, 100)));
}

/** A unit's segment id: the `resname`/`name` a tool keeps, else its id. */
function idOf(unit: Element): string {
  return unit.getAttribute('name') ?? unit.getAttribute('resname') ?? unit.getAttribute('id') ?? '';
}

/** The text of a <source> or <target>, inline codes turned back into placeholders. */
function inlineText(element: Element | null): string {
  if (!element) return '';
  let out = '';
  for (const node of Array.from(element.childNodes)) {
    if (node.nodeType === 3 || node.nodeType === 4) {
      out += node.nodeValue ?? '';
      continue;
    }
    if (node.nodeType !== 1) continue;
    const el = node as Element;
    const n = placeholderNumber(el);
    switch (el.localName) {
      case 'pc': // 2.0 paired code
      case 'g': // 1.2 group
        out += n ? openToken(n) + inlineText(el) + closeToken(n) : inlineText(el);
        break;
      case 'ph': // 2.0 and 1.2 standalone code
      case 'x':
        if (n) out += emptyToken(n);
        break;
      case 'sc':
      case 'bx':
      case 'bpt':
        if (n) out += openToken(n);
        break;
      case 'ec':
      case 'ex':
      case 'ept': {
        const start = placeholderNumber(el, ['startRef', 'rid', 'id']);
        if (start) out += closeToken(start);
        break;
      }
      default: // <mrk>, <sub>, anything else: its text only
        out += inlineText(el);
    }
  }
  return out;
}

/** The placeholder number an inline code stands for: the digits of its id (`1`, `pc1`, `g1`). */
function placeholderNumber(el: Element, attrs = ['id', 'rid']): number | null {
  for (const attr of attrs) {
    const match = /(\d{1,4})$/.exec(el.getAttribute(attr) ?? '');
    if (match && Number(match[1]) > 0) return Number(match[1]);
  }
  return null;
}

function required(el: Element, attr: string, message: () => string): string {
  const value = el.getAttribute(attr)?.trim();
  if (!value) throw new ImportError(message());
  return value;
}

function children(el: Element, ...names: string[]): Element[] {
  return Array.from(el.children).filter((c) => names.includes(c.localName));
}

function child(el: Element, name: string): Element | null {
  return children(el, name)[0] ?? null;
}

function descendants(el: Element, name: string): Element[] {
  return Array.from(el.getElementsByTagNameNS('*', name));
}
