// Finding glossary terms in a text, whatever their inflection: words split at the language's own
// boundaries (Intl.Segmenter), each reduced to its stem, and a term found where its stems follow
// one another. The same matcher checks a draft: a source term's translation missing, or a form to
// avoid used.
import type { GlossaryEntry } from '../memory/memory-types';
import type { Stem } from './stemmers';

interface Token {
  start: number;
  end: number;
  stem: string;
}

export interface TermSpan {
  start: number;
  end: number;
  entry: GlossaryEntry;
}

export type GlossaryIssue =
  | { kind: 'glossary-missing'; source: string; targets: string[] }
  | { kind: 'glossary-avoid'; used: string; targets: string[] };

interface Compiled<T> {
  stems: string[];
  value: T;
}

const segmenters = new Map<string, Intl.Segmenter>();

function tokens(text: string, lang: string | null, stem: Stem): Token[] {
  const key = lang ?? '';
  let segmenter = segmenters.get(key);
  if (!segmenter) segmenters.set(key, (segmenter = new Intl.Segmenter(lang ?? undefined, { granularity: 'word' })));
  const out: Token[] = [];
  for (const part of segmenter.segment(text)) {
    if (part.isWordLike) out.push({ start: part.index, end: part.index + part.segment.length, stem: stem(part.segment) });
  }
  return out;
}

/** Phrases by their first stem, longest first: what a text is scanned for. */
class PhraseTable<T> {
  private byFirst = new Map<string, Compiled<T>[]>();

  constructor(phrases: Array<{ text: string; value: T }>, lang: string | null, stem: Stem) {
    for (const { text, value } of phrases) {
      const stems = tokens(text, lang, stem).map((t) => t.stem);
      if (stems.length === 0) continue;
      const list = this.byFirst.get(stems[0]!) ?? [];
      list.push({ stems, value });
      list.sort((a, b) => b.stems.length - a.stems.length);
      this.byFirst.set(stems[0]!, list);
    }
  }

  get empty(): boolean {
    return this.byFirst.size === 0;
  }

  /** Non-overlapping occurrences, in text order; at each place the longest phrase wins. */
  find(words: Token[]): Array<{ start: number; end: number; value: T }> {
    const found: Array<{ start: number; end: number; value: T }> = [];
    for (let i = 0; i < words.length; i++) {
      const phrase = this.byFirst.get(words[i]!.stem)?.find((p) => p.stems.every((s, k) => words[i + k]?.stem === s));
      if (!phrase) continue;
      found.push({ start: words[i]!.start, end: words[i + phrase.stems.length - 1]!.end, value: phrase.value });
      i += phrase.stems.length - 1;
    }
    return found;
  }
}

/** A language pair's glossary, ready to find its terms in sources and check drafts against them. */
export class TermMatcher {
  private sources: PhraseTable<GlossaryEntry>;

  constructor(
    entries: readonly GlossaryEntry[],
    private readonly sourceLang: string | null,
    private readonly sourceStem: Stem,
    private readonly targetLang: string,
    private readonly targetStem: Stem,
  ) {
    this.sources = new PhraseTable(entries.filter((e) => !e.deleted).map((e) => ({ text: e.source, value: e })), sourceLang, sourceStem);
  }

  get empty(): boolean {
    return this.sources.empty;
  }

  /** Where the glossary's terms are in a source text. */
  findTerms(text: string): TermSpan[] {
    if (this.empty) return [];
    return this.sources.find(tokens(text, this.sourceLang, this.sourceStem)).map(({ start, end, value }) => ({ start, end, entry: value }));
  }

  /** What a draft lacks or should not say, given the terms of its source. */
  check(source: string, draft: string): GlossaryIssue[] {
    const terms = this.findTerms(source);
    if (terms.length === 0 || draft.trim() === '') return [];
    const words = tokens(draft, this.targetLang, this.targetStem);
    const issues: GlossaryIssue[] = [];
    const seen = new Set<string>();
    for (const { entry } of terms) {
      if (seen.has(entry.id)) continue;
      seen.add(entry.id);
      const targets = new PhraseTable(entry.targets.map((text) => ({ text, value: text })), this.targetLang, this.targetStem);
      if (!targets.empty && targets.find(words).length === 0) issues.push({ kind: 'glossary-missing', source: entry.source, targets: entry.targets });
      const avoided = new PhraseTable(entry.avoid.map((text) => ({ text, value: text })), this.targetLang, this.targetStem);
      for (const { start, end } of avoided.find(words)) issues.push({ kind: 'glossary-avoid', used: draft.slice(start, end), targets: entry.targets });
    }
    return issues;
  }
}
