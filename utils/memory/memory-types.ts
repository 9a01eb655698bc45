// What translation memory and the glossary keep and answer, shared by the background, the views
// and sync. Drafts are memory entries as they are (no second copy); these are what is not a draft.

/** A unit of memory that is no draft: imported from a TMX file (and synced to the team). */
export interface MemoryUnit {
  /** A hash of its languages and texts: the same unit imported twice, anywhere, is one unit. */
  id: string;
  /** Primary language subtag of the source ("en"), as pairs are keyed. */
  sourceLang: string;
  /** The target language tag, canonical ("ru", "pt-BR"). */
  targetLang: string;
  /** The source with its inline codes as placeholders (⟨1⟩…⟨/1⟩). */
  source: string;
  target: string;
  /** Where it came from: the file name it was imported from. */
  origin: string;
  /** When it was imported here (ms). */
  at: number;
  /** Sync: the hybrid-logical-clock stamp of this version, and who wrote it. */
  hlc: string;
  device?: string;
  user?: string;
  /** Removed: a tombstone that syncs. */
  deleted?: boolean;
}

/** One glossary entry of a language pair. */
export interface GlossaryEntry {
  id: string;
  sourceLang: string;
  targetLang: string;
  /** The source term, as the team writes it ("Wikimania"). */
  source: string;
  /** Its agreed translations, the preferred first. */
  targets: string[];
  note: string;
  /** Forms not to use in a translation. */
  avoid: string[];
  updatedAt: number;
  hlc: string;
  device?: string;
  user?: string;
  deleted?: boolean;
}

/** What a view sends to add or change a glossary entry (no id: a new one). */
export interface GlossaryInput {
  id?: string;
  sourceLang: string;
  targetLang: string;
  source: string;
  targets: string[];
  note: string;
  avoid: string[];
}

/** How a memory match relates to the segment, as CAT tools name it. */
export type MatchKind = 'context' | 'exact' | 'fuzzy';

/** A part of a match's source against this segment's source: words the match lacks or adds. */
export interface MatchDiffPart {
  change: 'same' | 'removed' | 'added';
  text: string;
}

/** One memory match for a segment, as the view shows it. */
export interface MemoryMatch {
  kind: MatchKind;
  /** 101 for a context match, 100 exact, else the word-level similarity in percent. */
  percent: number;
  /** The match's source (placeholders kept) and its translation, numbered as this segment's placeholders. */
  source: string;
  target: string;
  /** The match's source against this segment's: 'removed' is in the match only, 'added' in this segment only. */
  diff: MatchDiffPart[];
  /** Where it came from: a post's title and address, or the file a unit was imported from. */
  from: { title: string | null; url: string | null; file?: string };
  /** When it was written (ms), and by which device. */
  at: number;
  device?: string;
}

/** One hit of a concordance search: both sides of a memory entry. */
export interface ConcordanceHit {
  sourceLang: string;
  targetLang: string;
  source: string;
  target: string;
  title: string | null;
  url: string | null;
  file?: string;
  at: number;
}
