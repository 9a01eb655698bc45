// What the memory and glossary parts of a post view share: the post and language shown, the
// segment being edited (followed by focus, so matches are computed on focus and never per
// keystroke), the segments' texts, and the glossary's term matcher once it has loaded.
import { createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import type { Segment } from '@/utils/model';
import type { TermMatcher } from '@/utils/glossary/term-matcher';
import type { MatchQuestions } from './match-questions';

/** Which segment's editor (or its row) has the focus: rows subscribe, and only two re-render on a move. */
export class EditingSegment {
  private current: string | null = null;
  private listeners = new Set<(id: string | null) => void>();

  get id(): string | null {
    return this.current;
  }

  set(id: string | null): void {
    if (id === this.current) return;
    this.current = id;
    for (const listener of this.listeners) listener(id);
  }

  subscribe(listener: (id: string | null) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

export interface MemoryContextValue {
  postKey: string;
  lang: string;
  sourceLanguage: string | null;
  segments: readonly Segment[];
  /** A segment's text in the view now ('' when none). */
  textOf(segmentId: string): string;
  editing: EditingSegment;
  /** Memory matches, asked as an editor takes the focus. */
  questions: MatchQuestions;
  /** Sends typing still waiting, before a match is inserted or a fill is made. */
  flush(): void;
}

export const MemoryContext = createContext<MemoryContextValue | null>(null);

export function useMemoryContext(): MemoryContextValue | null {
  return useContext(MemoryContext);
}

/** Whether this segment is the one being edited. */
export function useIsEditing(segmentId: string): boolean {
  const context = useMemoryContext();
  const [editing, setEditing] = useState(() => context?.editing.id === segmentId);
  useEffect(() => context?.editing.subscribe((id) => setEditing(id === segmentId)), [context, segmentId]);
  return editing;
}

export const GlossaryContext = createContext<TermMatcher | null>(null);

export function useTermMatcher(): TermMatcher | null {
  return useContext(GlossaryContext);
}
