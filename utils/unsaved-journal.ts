// Text the background could not store yet (the disk is full, the worker is gone) is kept in the
// view's own localStorage until a save succeeds, so closing the view then loses nothing: the next
// view that shows the post brings it back and saves it. localStorage has a quota of its own, apart
// from IndexedDB's, and writes synchronously, so it works even in `pagehide`.
import type { PendingDraft } from './draft-saver';

export interface JournalEntry extends PendingDraft {
  /** When the text was typed: a stored draft written after it is newer and wins. */
  typedAt: number;
}

const KEY = 'interlinear:unsaved-drafts';

const entryKey = (d: PendingDraft) => JSON.stringify([d.postKey, d.lang, d.segmentId]);

export class UnsavedJournal {
  constructor(
    private readonly storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null,
    private readonly now: () => number = Date.now,
  ) {}

  /** Everything kept, oldest first. A damaged journal reads as empty rather than failing the view. */
  list(): JournalEntry[] {
    try {
      const parsed: unknown = JSON.parse(this.storage?.getItem(KEY) ?? '[]');
      return Array.isArray(parsed) ? parsed.filter(isEntry) : [];
    } catch {
      return [];
    }
  }

  /** Keeps these texts (replacing older texts of the same segments). */
  keep(drafts: PendingDraft[]): void {
    if (drafts.length === 0) return;
    const byKey = new Map(this.list().map((e) => [entryKey(e), e]));
    const typedAt = this.now();
    for (const d of drafts) byKey.set(entryKey(d), { ...d, typedAt });
    this.write([...byKey.values()]);
  }

  /** Forgets a segment's text once exactly that text is stored. */
  forget(draft: PendingDraft): void {
    const entries = this.list();
    const left = entries.filter((e) => entryKey(e) !== entryKey(draft) || e.text !== draft.text);
    if (left.length !== entries.length) this.write(left);
  }

  private write(entries: JournalEntry[]): void {
    try {
      if (entries.length === 0) this.storage?.removeItem(KEY);
      else this.storage?.setItem(KEY, JSON.stringify(entries));
    } catch {
      // No room here either: the view still holds the text and keeps retrying.
    }
  }
}

function isEntry(value: unknown): value is JournalEntry {
  const e = value as JournalEntry;
  return (
    typeof e === 'object' && e !== null && typeof e.postKey === 'string' && typeof e.lang === 'string' &&
    typeof e.segmentId === 'string' && typeof e.text === 'string' && typeof e.typedAt === 'number'
  );
}
