// A view's knowledge of which segments are done. A segment is done while its text is the text that
// was marked done: typing changes that at once, as the store does on save (a done draft whose text
// changes becomes a draft again), so the view never waits on the background to show it.
import type { DraftRecord, DraftStatus } from '@/utils/model';

/** segment id → the text that is marked done. */
export type DoneTexts = Readonly<Record<string, string>>;

export function doneTextsOf(drafts: readonly DraftRecord[]): DoneTexts {
  return Object.fromEntries(drafts.filter((d) => d.status === 'done' && d.text.trim() !== '').map((d) => [d.segmentId, d.text]));
}

/** The map after a draft changed; the same map when its done text did not change. */
export function withDoneTextOf(all: DoneTexts, draft: DraftRecord): DoneTexts {
  const done = draft.status === 'done' && draft.text.trim() !== '' ? draft.text : undefined;
  if (all[draft.segmentId] === done) return all;
  const next = { ...all };
  if (done === undefined) delete next[draft.segmentId];
  else next[draft.segmentId] = done;
  return next;
}

export function statusOf(text: string | undefined, doneText: string | undefined): DraftStatus {
  return doneText !== undefined && text === doneText ? 'done' : 'draft';
}

/** The sends that have not been answered yet, so a change can wait for the text it is about. */
export class SendsInFlight {
  private readonly sends = new Set<Promise<unknown>>();

  track<T>(send: Promise<T>): Promise<T> {
    this.sends.add(send);
    const forget = () => void this.sends.delete(send);
    send.then(forget, forget);
    return send;
  }

  /** Resolves once every send made so far has been answered, saved or failed. */
  async settled(): Promise<void> {
    while (this.sends.size) await Promise.allSettled([...this.sends]);
  }
}
