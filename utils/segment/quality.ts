// Checks a draft against its source segment, as the translator types: are the placeholders all
// there, once each, balanced and in a shape an export can rebuild, and does it state the same numbers?
import { formatNumber, t, tCount, uiLanguage } from '../i18n';
import type { Segment } from '../model';
import { numbersIn, type StatedNumber } from './numbers';
import { closeToken, emptyToken, openToken, parseTagged, stripTokens, type TaggedPart } from './placeholders';

export type QualityIssueKind =
  | 'missing-placeholder'
  | 'unknown-placeholder'
  | 'repeated-placeholder'
  | 'unbalanced-placeholder'
  | 'placeholder-order'
  | 'number-missing'
  | 'number-added';

export interface QualityIssue {
  kind: QualityIssueKind;
  /** One short sentence for the translator, in the UI language. */
  message: string;
  /** The placeholder it is about, if any. */
  placeholder?: number;
}

type SourceOf = Pick<Segment, 'text' | 'tagged' | 'inline'>;

/** Everything worth a warning in `draft`, in the order the translator would fix it; [] when fine or empty. */
export function checkDraft(source: SourceOf, draft: string): QualityIssue[] {
  if (draft.trim() === '') return [];
  const parts = parseTagged(draft);
  return [...placeholderIssues(source, parts), ...numberIssues(source.text, stripTokens(draft))];
}

/** Where each token of placeholder n stands in the draft. */
interface Seen {
  open: number[];
  close: number[];
  empty: number[];
}

function placeholderIssues(source: SourceOf, parts: TaggedPart[]): QualityIssue[] {
  const inline = source.inline ?? [];
  const issues: QualityIssue[] = [];
  const seen = new Map<number, Seen>();
  parts.forEach((part, at) => {
    if (part.type === 'text') return;
    let entry = seen.get(part.n);
    if (!entry) seen.set(part.n, (entry = { open: [], close: [], empty: [] }));
    entry[part.type].push(at);
  });

  for (const [n, entry] of seen) {
    const element = inline[n - 1];
    const wrongShape = element && (element.empty ? entry.open.length + entry.close.length > 0 : entry.empty.length > 0);
    if (!element) {
      issues.push({ kind: 'unknown-placeholder', placeholder: n, message: t('qualityNotInSource', firstToken(n, entry)) });
    } else if (wrongShape) {
      const message = element.empty ? t('qualityShouldBeAlone', formatNumber(n), emptyToken(n)) : t('qualityShouldBePair', formatNumber(n), pairOf(n));
      issues.push({ kind: 'unknown-placeholder', placeholder: n, message });
    }
  }

  inline.forEach((element, index) => {
    const n = index + 1;
    const entry = seen.get(n) ?? { open: [], close: [], empty: [] };
    if (element.empty) {
      if (entry.empty.length === 0 && entry.open.length + entry.close.length === 0) {
        const message = element.tag === 'br' ? t('qualityMissingLineBreak', emptyToken(n)) : t('qualityMissing', emptyToken(n));
        issues.push({ kind: 'missing-placeholder', placeholder: n, message });
      } else if (entry.empty.length > 1) {
        issues.push({ kind: 'repeated-placeholder', placeholder: n, message: tCount('qualityRepeatedAlone', entry.empty.length, emptyToken(n)) });
      }
      return;
    }
    const pair = pairOf(n);
    const { open, close } = entry;
    if (open.length === 0 && close.length === 0) {
      if (entry.empty.length === 0) issues.push({ kind: 'missing-placeholder', placeholder: n, message: t('qualityMissing', pair) });
    } else if (open.length > 1 || close.length > 1) {
      issues.push({ kind: 'repeated-placeholder', placeholder: n, message: t('qualityRepeatedPair', pair) });
    } else if (close.length === 0) {
      issues.push({ kind: 'unbalanced-placeholder', placeholder: n, message: t('qualityNeverClosed', openToken(n), closeToken(n)) });
    } else if (open.length === 0) {
      issues.push({ kind: 'unbalanced-placeholder', placeholder: n, message: t('qualityNeverOpened', closeToken(n), openToken(n)) });
    } else if (close[0]! < open[0]!) {
      issues.push({ kind: 'unbalanced-placeholder', placeholder: n, message: t('qualityClosedBeforeOpened', closeToken(n), openToken(n)) });
    }
  });

  // Only once every pair is whole can nesting and order be judged.
  if (issues.length === 0) issues.push(...structureIssues(source, parts));
  return issues;
}

/** A pair of placeholders as the translator types it: "⟨1⟩…⟨/1⟩". */
function pairOf(n: number): string {
  return `${openToken(n)}…${closeToken(n)}`;
}

function firstToken(n: number, entry: Seen): string {
  if (entry.open.length > 0) return openToken(n);
  if (entry.close.length > 0) return closeToken(n);
  return emptyToken(n);
}

/**
 * Pairs must nest (⟨1⟩a⟨2⟩b⟨/1⟩c⟨/2⟩ cannot be rebuilt as markup), a placeholder inside another in
 * the source stays inside it, and placeholders keep the source's order — a warning only, since
 * another language may need another word order.
 */
function structureIssues(source: SourceOf, parts: TaggedPart[]): QualityIssue[] {
  const sourceParents = parentsOf(parseTagged(source.tagged ?? ''));
  const draftParents = new Map<number, number | null>();
  const stack: number[] = [];
  const order: number[] = [];
  for (const part of parts) {
    if (part.type === 'text') continue;
    if (part.type === 'close') {
      const top = stack.pop();
      if (top !== part.n) {
        const inner = top ?? part.n;
        return [{ kind: 'unbalanced-placeholder', placeholder: inner, message: t('qualityOverlap', pairOf(inner), pairOf(part.n)) }];
      }
      continue;
    }
    draftParents.set(part.n, stack.at(-1) ?? null);
    order.push(part.n);
    if (part.type === 'open') stack.push(part.n);
  }
  for (const [n, parent] of sourceParents) {
    if (parent !== null && draftParents.get(n) !== parent) {
      return [{ kind: 'placeholder-order', placeholder: n, message: t('qualityBelongsInside', formatNumber(n), pairOf(parent)) }];
    }
  }
  for (let i = 1; i < order.length; i++) {
    if (order[i]! < order[i - 1]!) {
      return [{ kind: 'placeholder-order', placeholder: order[i], message: t('qualityOrder', formatNumber(order[i]!), formatNumber(order[i - 1]!)) }];
    }
  }
  return [];
}

/** Each placeholder's enclosing placeholder (null at the top) in a well-formed tagged text. */
function parentsOf(parts: TaggedPart[]): Map<number, number | null> {
  const parents = new Map<number, number | null>();
  const stack: number[] = [];
  for (const part of parts) {
    if (part.type === 'close') stack.pop();
    else if (part.type !== 'text') {
      parents.set(part.n, stack.at(-1) ?? null);
      if (part.type === 'open') stack.push(part.n);
    }
  }
  return parents;
}

function numberIssues(sourceText: string, draftText: string): QualityIssue[] {
  const source = numbersIn(sourceText);
  const draft = numbersIn(draftText);
  if (source.length === 0 && draft.length === 0) return [];
  const missing = unmatched(source, draft);
  const added = unmatched(draft, source);
  const issues: QualityIssue[] = [];
  if (missing.length > 0) {
    issues.push({ kind: 'number-missing', message: t(missing.length === 1 ? 'qualityNumberMissing' : 'qualityNumbersMissing', listOf(missing)) });
  }
  if (added.length > 0) {
    issues.push({ kind: 'number-added', message: t(added.length === 1 ? 'qualityNumberAdded' : 'qualityNumbersAdded', listOf(added)) });
  }
  return issues;
}

/** The numbers of `from` left over once each is matched with an equal one of `against`. */
function unmatched(from: StatedNumber[], against: StatedNumber[]): StatedNumber[] {
  const left = new Map<string, number>();
  for (const number of against) left.set(number.value, (left.get(number.value) ?? 0) + 1);
  return from.filter((number) => {
    const count = left.get(number.value) ?? 0;
    if (count === 0) return true;
    left.set(number.value, count - 1);
    return false;
  });
}

/** The numbers as written, listed as the UI language lists things: "2017 and 2019". */
function listOf(numbers: StatedNumber[]): string {
  return new Intl.ListFormat(uiLanguage(), { type: 'conjunction' }).format(numbers.map((number) => number.written));
}
