// Gives a post view's memory and glossary parts what they share (components/memory/memory-context.ts).
import type { ComponentChildren } from 'preact';
import { GlossaryContext, MemoryContext } from './memory-context';
import { useMemoryView, useTermMatcherOf, type MemoryViewInput } from './use-memory-view';

interface Props extends MemoryViewInput {
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
