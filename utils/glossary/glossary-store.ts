// The glossary in the store: entries added, changed, deleted (tombstones) and imported, each
// stamped and queued for sync in one transaction, as drafts are.
import { t } from '../i18n';
import { canonicalTag, primaryLanguage } from '../languages';
import type { GlossaryEntry, GlossaryInput } from '../memory/memory-types';
import type { DraftStore } from '../store/draft-store';
import { openDeviceClock } from '../sync/device-clock';
import { glossaryDocId, isGlossaryId } from './glossary-docs';

/** A new entry's id: random, so two devices adding the same term at once keep both. */
function newGlossaryId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return `g${[...bytes].map((b) => (b % 36).toString(36)).join('')}`;
}

/** The pair as the glossary keys it: the source's primary language, the target's canonical tag. */
export function glossaryPair(sourceLang: string | null, targetLang: string): { sourceLang: string; targetLang: string } {
  return { sourceLang: primaryLanguage(sourceLang) ?? 'und', targetLang: canonicalTag(targetLang) ?? targetLang };
}

function cleanForms(forms: readonly string[]): string[] {
  return [...new Set(forms.map((f) => f.trim()).filter(Boolean))];
}

/** The live entries of a pair (or every pair), sorted by term. */
export async function listGlossary(store: DraftStore, pair?: { sourceLang: string | null; targetLang: string }): Promise<GlossaryEntry[]> {
  const entries = pair
    ? await store.db.getAllFromIndex('glossary', 'byPair', Object.values(glossaryPair(pair.sourceLang, pair.targetLang)) as [string, string])
    : await store.db.getAll('glossary');
  return entries.filter((e) => !e.deleted).sort((a, b) => a.source.localeCompare(b.source));
}

type Change = { input: GlossaryInput } | { deleteId: string };

/** Writes entries (new, changed or deleted) in one transaction; answers them as written. */
export async function writeGlossary(store: DraftStore, changes: Change[]): Promise<GlossaryEntry[]> {
  const tx = store.db.transaction(['glossary', 'outbox', 'syncMeta'], 'readwrite');
  const clock = await openDeviceClock(tx.objectStore('syncMeta'), store.now);
  const written: GlossaryEntry[] = [];
  for (const change of changes) {
    const id = 'deleteId' in change ? change.deleteId : (change.input.id ?? newGlossaryId());
    if (!isGlossaryId(id)) throw new Error(t('glossaryEntryGone'));
    const current = await tx.objectStore('glossary').get(id);
    let entry: GlossaryEntry;
    if ('deleteId' in change) {
      if (!current || current.deleted) continue;
      entry = { ...current, deleted: true };
    } else {
      const { input } = change;
      const source = input.source.trim();
      const targets = cleanForms(input.targets);
      if (!source || targets.length === 0) throw new Error(t('glossaryNeedsBoth'));
      entry = { id, ...glossaryPair(input.sourceLang, input.targetLang), source, targets, note: input.note.trim(), avoid: cleanForms(input.avoid), updatedAt: 0, hlc: '' };
    }
    entry.hlc = clock.stamp(current?.hlc);
    entry.updatedAt = store.now();
    delete entry.device;
    delete entry.user;
    if (clock.identity) {
      entry.device = clock.identity.deviceName;
      if (clock.identity.user) entry.user = clock.identity.user;
    }
    await tx.objectStore('glossary').put(entry);
    await tx.objectStore('outbox').put({ docId: glossaryDocId(id), target: ['glossary', id], stamp: entry.hlc });
    written.push(entry);
  }
  await clock.save();
  await tx.done;
  if (written.length) store.onLocalChange?.();
  return written;
}

/** Adds a file's entries to their pair, skipping terms the pair has already with the same translations. */
export async function importGlossary(store: DraftStore, inputs: GlossaryInput[]): Promise<{ added: number; skipped: number }> {
  const key = (e: Pick<GlossaryInput, 'source' | 'targets'>) => `${e.source.trim().toLowerCase()}\u0000${cleanForms(e.targets).join('|')}`;
  const known = new Map<string, Set<string>>();
  const fresh: GlossaryInput[] = [];
  for (const input of inputs) {
    const pair = glossaryPair(input.sourceLang, input.targetLang);
    const pairId = `${pair.sourceLang}>${pair.targetLang}`;
    let keys = known.get(pairId);
    if (!keys) known.set(pairId, (keys = new Set((await listGlossary(store, pair)).map(key))));
    if (keys.has(key(input))) continue;
    keys.add(key(input));
    fresh.push({ ...input, id: undefined });
  }
  await writeGlossary(store, fresh.map((input) => ({ input })));
  return { added: fresh.length, skipped: inputs.length - fresh.length };
}
