// The background's answers to export and import: it owns the database, so it builds the files and
// applies the plans that views parsed from the translator's files.
import { ImportError, validatePlan } from '../export/import-plan';
import type { Handlers, Message } from '../messaging';
import type { DraftRecord } from '../model';
import type { DraftStore } from './draft-store';
import { buildExport } from './export-files';
import { importDrafts } from './import-drafts';

export interface ImportExportPorts {
  store: DraftStore;
  refreshBadgesOf(postKey: string): Promise<void>;
  broadcast(message: Message): void;
}

/** Up to this many imported drafts, views are told of each one. */
const LIVE_UPDATE_LIMIT = 50;

export function importExportHandlers(ports: ImportExportPorts): Handlers {
  return {
    'export:build': ({ scope, format, untranslated }) => buildExport(ports.store, { scope, format, untranslated }),
    'import:apply': async ({ plan }) => {
      let valid;
      try {
        valid = validatePlan(plan);
      } catch (error) {
        if (error instanceof ImportError) return { ok: false, message: error.message };
        throw error;
      }
      const { changed, ...report } = await importDrafts(ports.store, valid);
      // Open views show the imported texts, draft by draft when few; when many, one message per
      // post and language, and views showing those posts reload (thousands of messages cost more
      // than the import). Badges count the new drafts.
      const postKeys = [...new Set(changed.map((d) => d.postKey))];
      const shown = changed.length <= LIVE_UPDATE_LIMIT ? changed : lastOfEach(changed);
      for (const draft of shown) ports.broadcast({ type: 'draft:changed', draft, progress: null });
      if (changed.length > LIVE_UPDATE_LIMIT) ports.broadcast({ type: 'drafts:imported', postKeys });
      for (const postKey of postKeys) await ports.refreshBadgesOf(postKey);
      return { ok: true, report };
    },
  };
}

/** The last changed draft of each post and language. */
function lastOfEach(drafts: DraftRecord[]): DraftRecord[] {
  return [...new Map(drafts.map((d) => [JSON.stringify([d.postKey, d.lang]), d])).values()];
}
