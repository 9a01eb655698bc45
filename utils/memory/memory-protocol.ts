// The messages of translation memory and the glossary: their fields and answers, merged into the
// one protocol (utils/messaging.ts). Their schemas are in memory-requests.ts.
import type { ExportedFile } from '../export/formats';
import type { FilledSegment } from './memory-fill';
import type { MemoryPair, UnitImportReport } from './memory-store';
import type { ConcordanceHit, GlossaryEntry, GlossaryInput, MemoryMatch } from './memory-types';
import type { TmxUnit } from './tmx';

export interface MemoryProtocol {
  /** view → background: up to three memory matches for a segment, best first. */
  'memory:matches': { request: { postKey: string; lang: string; segmentId: string; threshold?: number }; response: MemoryMatch[] };
  /**
   * view → background: the matches the background has at hand for these segments (worked out
   * ahead, or stored beside the index), by segment; none is worked out for this answer.
   */
  'memory:matches-at-hand': { request: { postKey: string; lang: string; segmentIds: string[]; threshold?: number }; response: Record<string, MemoryMatch[]> };
  /** view → background: a match inserted into a segment: a revision "from memory (n%)". */
  'memory:insert': { request: { postKey: string; lang: string; segmentId: string; text: string; percent: number }; response: { ok: true } };
  /** view → background: fill every untranslated segment that has a 100%/101% match, as drafts. */
  'memory:fill-exact': { request: { postKey: string; lang: string }; response: { filled: FilledSegment[] } };
  /** view → background: fill the untranslated repetitions of a drafted segment in the same post. */
  'memory:fill-repetitions': { request: { postKey: string; lang: string; segmentId: string }; response: { filled: FilledSegment[] } };
  /** view → background: undo a fill (drafts changed since are left as they are). */
  'memory:undo-fill': { request: { postKey: string; lang: string; filled: FilledSegment[] }; response: { undone: number } };
  /** view → background: memory entries whose source or translation holds a phrase (concordance). */
  'memory:search': { request: { phrase: string }; response: ConcordanceHit[] };
  /** view → background: the language pairs memory holds. */
  'memory:pairs': { request: {}; response: MemoryPair[] };
  /** view → background: a TMX file of one language pair, or of all. */
  'memory:export-tmx': { request: { pair: { sourceLang: string; targetLang: string } | null }; response: ExportedFile };
  /** view → background: units a view read from a TMX file, merged (identical ones skipped). */
  'memory:import-tmx': { request: { units: TmxUnit[]; origin: string }; response: UnitImportReport };
  /** view → background: the glossary of a pair (or all of it). */
  'glossary:list': { request: { sourceLang?: string | null; targetLang?: string }; response: GlossaryEntry[] };
  /** view → background: add or change a glossary entry. */
  'glossary:save': { request: { entry: GlossaryInput }; response: GlossaryEntry };
  /** view → background: delete a glossary entry (a tombstone that syncs). */
  'glossary:delete': { request: { id: string }; response: { ok: true } };
  /** view → background: entries read from a TSV or CSV file, added to their pair. */
  'glossary:import': { request: { entries: GlossaryInput[] }; response: { added: number; skipped: number } };
  /** background → views: the glossary changed (here, or by sync). */
  'glossary:changed': { request: {}; response: void };
  /** background → views: memory units were imported or synced (drafts tell of themselves: draft:changed). */
  'memory:changed': { request: {}; response: void };
}

/** Every memory and glossary message, and those the background answers. */
export const MEMORY_MESSAGE_TYPES = [
  'memory:matches',
  'memory:matches-at-hand',
  'memory:insert',
  'memory:fill-exact',
  'memory:fill-repetitions',
  'memory:undo-fill',
  'memory:search',
  'memory:pairs',
  'memory:export-tmx',
  'memory:import-tmx',
  'glossary:list',
  'glossary:save',
  'glossary:delete',
  'glossary:import',
  'glossary:changed',
  'memory:changed',
] as const satisfies readonly (keyof MemoryProtocol)[];

export const MEMORY_BACKGROUND_MESSAGES = MEMORY_MESSAGE_TYPES.filter((type) => type !== 'glossary:changed' && type !== 'memory:changed');
