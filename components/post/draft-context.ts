// What a segment's own tools (history, delete, confirm a changed source) need to know of the post
// shown, without threading it through every editor: PostView provides it.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

export interface DraftContextValue {
  postKey: string;
  lang: string;
  /** Sends typing still waiting, so an action on a draft acts on its latest text. */
  flush(): void;
}

export const DraftContext = createContext<DraftContextValue | null>(null);

export function useDraftContext(): DraftContextValue | null {
  return useContext(DraftContext);
}

/** An error as one line a translator can read. */
export function errorText(error: unknown): string {
  return String((error as Error)?.message ?? error);
}
