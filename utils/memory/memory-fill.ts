// Filling a post from memory: every untranslated segment with an exact (100%) or context (101%)
// match, or a segment's repetitions in the same post once one of them is drafted. Filled texts are
// drafts (never done), each a revision "from memory", and an undo deletes the ones left unchanged.
import type { DraftRecord } from '../model';
import type { DraftStore } from '../store/draft-store';
import { hasText } from '../store/source-moves';
import { renumberPlaceholders, scoreMatch } from './match-text';
import type { MemoryService } from './memory-service';

/** A segment filled from memory, as an undo names it. */
export interface FilledSegment {
  segmentId: string;
  text: string;
}

export interface FillResult {
  filled: FilledSegment[];
  drafts: DraftRecord[];
}

/** Fills every untranslated segment of the post that has an exact or context match. */
export async function fillExactMatches(service: MemoryService, store: DraftStore, postKey: string, lang: string): Promise<FillResult> {
  await service.ready();
  const post = await store.getPost(postKey);
  if (!post) return { filled: [], drafts: [] };
  const drafted = new Set((await store.getDrafts(postKey, lang)).filter(hasText).map((d) => d.segmentId));
  const result: FillResult = { filled: [], drafts: [] };
  for (const segment of post.segments) {
    if (drafted.has(segment.id)) continue;
    const best = await service.exactMatch(postKey, lang, segment.id);
    if (!best) continue;
    await write(store, result, { postKey, lang, segmentId: segment.id }, best.target, best.percent);
    drafted.add(segment.id);
  }
  return result;
}

/** Fills the untranslated segments of the post whose source is this segment's, with its draft. */
export async function fillRepetitions(store: DraftStore, postKey: string, lang: string, segmentId: string): Promise<FillResult> {
  const post = await store.getPost(postKey);
  const drafts = new Map((await store.getDrafts(postKey, lang)).filter(hasText).map((d) => [d.segmentId, d]));
  const original = post?.segments.find((s) => s.id === segmentId);
  const draft = drafts.get(segmentId);
  const result: FillResult = { filled: [], drafts: [] };
  if (!post || !original || !draft) return result;
  const tagged = original.tagged ?? original.text;
  for (const segment of post.segments) {
    if (segment.id === segmentId || drafts.has(segment.id)) continue;
    const other = segment.tagged ?? segment.text;
    const score = scoreMatch({ tagged: other }, { tagged }, 100);
    if (!score || score.percent < 100) continue;
    await write(store, result, { postKey, lang, segmentId: segment.id }, renumberPlaceholders(draft.text, tagged, other), 100);
  }
  return result;
}

async function write(store: DraftStore, result: FillResult, key: { postKey: string; lang: string; segmentId: string }, text: string, percent: number) {
  // Typed meanwhile: the translator's text stays.
  const draft = await store.changeDraft(key, (current) => (current && hasText(current) ? null : { text, origin: 'memory', memoryMatch: percent }));
  if (draft?.text === text) {
    result.filled.push({ segmentId: key.segmentId, text });
    result.drafts.push(draft);
  }
}

/** Undoes a fill: each filled draft still unchanged is deleted (its text stays in the history). */
export async function undoFill(store: DraftStore, postKey: string, lang: string, filled: FilledSegment[]): Promise<DraftRecord[]> {
  const undone: DraftRecord[] = [];
  for (const { segmentId, text } of filled) {
    const tombstone = await store.changeDraft({ postKey, lang, segmentId }, (current) =>
      current && !current.deleted && current.text === text ? { text: '', deleted: true } : null,
    );
    if (tombstone?.deleted) undone.push(tombstone);
  }
  return undone;
}
