// The background's answers about translation memory and the glossary. Memory follows every write
// through the journal (the revisions and the change feed); the store's hook and synced units only
// tell it that something changed, so that it stores its index once changes settle. Synced glossary
// entries tell the views once their transaction has committed.
import { safeLang } from '../export/file-name';
import { t } from '../i18n';
import type { Handlers, Message, TabPost } from '../messaging';
import { progressOf, type DraftRecord } from '../model';
import type { DraftStore } from '../store/draft-store';
import { onEntriesApplied } from '../sync/entry-kinds';
import { importGlossary, listGlossary, writeGlossary } from '../glossary/glossary-store';
import { fillExactMatches, fillRepetitions, undoFill } from './memory-fill';
import { MemoryService } from './memory-service';
import { allEntries, importUnits, pairsOf, searchMemory, tmxUnitsOf } from './memory-store';
import { writeTmx } from './tmx';

export interface MemoryPorts {
  store: DraftStore;
  broadcast(message: Message): void;
  refreshBadgesOf(postKey: string): Promise<void>;
  /** The extension's version, written into exported files. */
  version: string;
}

export interface MemoryParts {
  handlers: Handlers;
  service: MemoryService;
  /** A view opened a post: read memory's index and work out the matches of its untranslated segments. */
  warm(opened: TabPost): Promise<void>;
}

export function memoryHandlers(ports: MemoryPorts): MemoryParts {
  const { store } = ports;
  const service = new MemoryService(store.db);
  store.onDraftWritten = () => service.changed();
  onEntriesApplied((kinds) => {
    if (kinds.has('unit')) {
      service.changed();
      ports.broadcast({ type: 'memory:changed' });
    }
    if (kinds.has('glossary')) ports.broadcast({ type: 'glossary:changed' });
  });

  /** Views hear of drafts a fill wrote or undid, with the post's progress; badges follow. */
  const announce = async (postKey: string, lang: string, drafts: DraftRecord[]) => {
    if (drafts.length === 0) return;
    const post = await store.getPost(postKey);
    const progress = post ? progressOf(post.segments, await store.getDrafts(postKey, lang)) : null;
    for (const draft of drafts) ports.broadcast({ type: 'draft:changed', draft, progress });
    await ports.refreshBadgesOf(postKey);
  };
  const glossaryChanged = () => ports.broadcast({ type: 'glossary:changed' });

  const handlers: Handlers = {
    'memory:matches': (query) => service.matches(query),
    'memory:matches-at-hand': ({ postKey, lang, segmentIds, threshold }) => service.atHand(postKey, lang, segmentIds, threshold),
    'memory:insert': async ({ postKey, lang, segmentId, text, percent }) => {
      const draft = await store.changeDraft({ postKey, lang, segmentId }, (current) =>
        current && !current.deleted && current.text === text ? null : { text, origin: 'memory', memoryMatch: percent },
      );
      if (draft) await announce(postKey, lang, [draft]);
      return { ok: true };
    },
    'memory:fill-exact': async ({ postKey, lang }) => {
      const { filled, drafts } = await fillExactMatches(service, store, postKey, lang);
      await announce(postKey, lang, drafts);
      return { filled };
    },
    'memory:fill-repetitions': async ({ postKey, lang, segmentId }) => {
      const { filled, drafts } = await fillRepetitions(store, postKey, lang, segmentId);
      await announce(postKey, lang, drafts);
      return { filled };
    },
    'memory:undo-fill': async ({ postKey, lang, filled }) => {
      const undone = await undoFill(store, postKey, lang, filled);
      await announce(postKey, lang, undone);
      return { undone: undone.length };
    },
    'memory:search': ({ phrase }) => searchMemory(store.db, phrase),
    'memory:pairs': async () => pairsOf(await allEntries(store.db)),
    'memory:export-tmx': async ({ pair }) => {
      const units = tmxUnitsOf(await allEntries(store.db), pair);
      if (units.length === 0) throw new Error(t('memoryExportEmpty'));
      const filename = pair ? `interlinear-memory.${safeLang(pair.sourceLang)}-${safeLang(pair.targetLang)}.tmx` : 'interlinear-memory.tmx';
      return { filename, mimeType: 'application/x-tmx+xml', content: writeTmx(units, pair?.sourceLang ?? null, store.now(), ports.version) };
    },
    'memory:import-tmx': async ({ units, origin }) => {
      const report = await importUnits(store, units, origin);
      if (report.added) {
        service.changed();
        ports.broadcast({ type: 'memory:changed' });
      }
      return report;
    },
    'glossary:list': ({ sourceLang, targetLang }) => listGlossary(store, targetLang ? { sourceLang: sourceLang ?? null, targetLang } : undefined),
    'glossary:save': async ({ entry }) => {
      const [written] = await writeGlossary(store, [{ input: entry }]);
      glossaryChanged();
      return written!;
    },
    'glossary:delete': async ({ id }) => {
      await writeGlossary(store, [{ deleteId: id }]);
      glossaryChanged();
      return { ok: true };
    },
    'glossary:import': async ({ entries }) => {
      const report = await importGlossary(store, entries);
      if (report.added) glossaryChanged();
      return report;
    },
  };
  const warm = (opened: TabPost) =>
    service.warm(opened.post.key, opened.lang, new Set(opened.drafts.filter((d) => !d.deleted && d.text.trim() !== '').map((d) => d.segmentId)));
  return { handlers, service, warm };
}
