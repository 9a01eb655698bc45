// Changes the server would not take, as the views show them: on the segment of each draft, with
// the server's reason. They stay in this browser and are tried again when edited, after an hour,
// or on "Sync now".
import type { SetAsideView } from './replica';

export interface SetAsideReason {
  /** The server's error code (`forbidden`, `document_too_large`, …). */
  error: string;
  /** The server's words, or Interlinear's for a document too large to send. */
  reason: string;
}

/** The set-aside drafts of one post in one language, by segment id. */
export function setAsideDraftsOf(all: SetAsideView[], postKey: string, lang: string): Record<string, SetAsideReason> {
  const found: Record<string, SetAsideReason> = {};
  for (const { target, error, reason } of all) {
    if (target[0] === 'draft' && target[1] === postKey && target[2].toLowerCase() === lang.toLowerCase()) found[target[3]] = { error, reason };
  }
  return found;
}
