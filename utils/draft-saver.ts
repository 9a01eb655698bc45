// Carries a view's typing to the background: soon after the last keystroke, at least once a
// second while typing goes on, and at once when the view hides or closes.
export interface PendingDraft {
  postKey: string;
  lang: string;
  segmentId: string;
  text: string;
}

export interface SaverTiming {
  /** Quiet time after the last keystroke before saving. */
  idleMs: number;
  /** Longest time typed text may wait while typing goes on. */
  maxWaitMs: number;
  /** Wait before trying again after a failed save. */
  retryMs: number;
}

export const DEFAULT_TIMING: SaverTiming = { idleMs: 250, maxWaitMs: 1000, retryMs: 2000 };

type Timer = ReturnType<typeof setTimeout>;

/** Where texts wait while the background cannot store them (utils/unsaved-journal.ts). */
export interface DraftJournal {
  keep(drafts: PendingDraft[]): void;
  forget(draft: PendingDraft): void;
}

export class DraftSaver {
  private readonly pending = new Map<string, PendingDraft>();
  private idleTimer: Timer | undefined;
  private maxTimer: Timer | undefined;
  /** The last save failed: until one succeeds, texts also go to the journal before they are sent. */
  private failing = false;

  constructor(
    private readonly save: (draft: PendingDraft) => Promise<unknown>,
    private readonly onError: (error: unknown, draft: PendingDraft) => void,
    private readonly timing: SaverTiming = DEFAULT_TIMING,
    private readonly journal?: DraftJournal,
  ) {}

  /** Records the latest text of a segment; only the last text per segment is sent. */
  update(draft: PendingDraft): void {
    this.pending.set(JSON.stringify([draft.postKey, draft.lang, draft.segmentId]), draft);
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.flush(), this.timing.idleMs);
    this.maxTimer ??= setTimeout(() => this.flush(), this.timing.maxWaitMs);
  }

  /** The text waiting to be saved for a segment, if any. */
  pendingText(postKey: string, lang: string, segmentId: string): string | undefined {
    return this.pending.get(JSON.stringify([postKey, lang, segmentId]))?.text;
  }

  get size(): number {
    return this.pending.size;
  }

  /** Sends everything pending now. Synchronous up to the send, so it works in `pagehide`. */
  flush(): void {
    clearTimeout(this.idleTimer);
    clearTimeout(this.maxTimer);
    this.idleTimer = this.maxTimer = undefined;
    const drafts = [...this.pending.values()];
    this.pending.clear();
    // While saves fail, the view may close before this try ends: keep the texts first.
    if (this.failing) this.journal?.keep(drafts);
    for (const draft of drafts) {
      this.save(draft).then(
        () => {
          this.failing = false;
          this.journal?.forget(draft);
        },
        (error) => {
          this.failing = true;
          // Keep the text for the next try unless newer text has arrived meanwhile.
          const key = JSON.stringify([draft.postKey, draft.lang, draft.segmentId]);
          if (!this.pending.has(key)) {
            this.pending.set(key, draft);
            this.journal?.keep([draft]);
          }
          this.maxTimer ??= setTimeout(() => this.flush(), this.timing.retryMs);
          this.onError(error, draft);
        },
      );
    }
  }
}
