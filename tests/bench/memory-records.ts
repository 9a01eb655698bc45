// The memory the bench measures: drafted 13-paragraph posts, a Russian draft of each paragraph.
import type { DraftRecord, PostRecord } from '../../utils/model';
import { memoryCorpus } from './memory-corpus';

export const MEMORY_ENTRIES = 100_000;
export const PER_POST = 13;

/** The records of `count` drafted segments: posts of 13 paragraphs, a Russian draft each. */
export function memoryRecords(count: number, sourceOf: (i: number) => string | null = () => null): { posts: PostRecord[]; drafts: DraftRecord[] } {
  const corpus = memoryCorpus(count);
  const posts: PostRecord[] = [];
  const drafts: DraftRecord[] = [];
  for (let p = 0; p * PER_POST < count; p++) {
    const key = `https://diff.wikimedia.org/bench/${p}/`;
    const segments = corpus.slice(p * PER_POST, (p + 1) * PER_POST).map((entry, i) => ({
      id: `p-${p}-${i}`,
      kind: 'paragraph' as const,
      text: sourceOf(p * PER_POST + i) ?? entry.source,
    }));
    posts.push({ key, url: key, title: `Bench post ${p}`, sourceLanguage: 'en', cta: null, segments, targetLanguage: 'ru', firstSeen: 1, lastSeen: 1 });
    segments.forEach((segment, i) => drafts.push({ postKey: key, lang: 'ru', segmentId: segment.id, text: corpus[p * PER_POST + i]!.target, rev: 1, updatedAt: 1_000 + p }));
  }
  return { posts, drafts };
}
