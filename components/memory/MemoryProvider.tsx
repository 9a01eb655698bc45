// Gives a post view's memory and glossary parts what they share (components/memory/memory-context.ts).
import type { ComponentChildren } from 'preact';
import type { Segment } from '@/utils/model';
import type { SegmentTexts } from '../post/segment-texts';
import { GlossaryContext, MemoryContext } from './memory-context';
import { useMemoryView, useTermMatcherOf } from './use-memory-view';

interface Props {
  postKey: string;
  lang: string;
  sourceLanguage: string | null;
  segments: readonly Segment[];
  texts: SegmentTexts;
  flush(): void;
  children: ComponentChildren;
}

export function MemoryProvider({ children, ...input }: Props) {
  const memory = useMemoryView(input);
  const terms = useTermMatcherOf(input.sourceLanguage, input.lang);
  return (
    <MemoryContext.Provider value={memory}>
      <GlossaryContext.Provider value={terms}>{children}</GlossaryContext.Provider>
    </MemoryContext.Provider>
  );
}
