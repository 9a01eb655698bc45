// Builds export files from the store, in the background (it owns the database): one post in one
// language, or everything. The formats themselves are pure functions in utils/export/.
import { backupFile, type BackupSource } from '../export/backup';
import {
  EXPORT_FORMATS as DOCUMENT_FORMATS,
  exportScope,
  type ExportFormat,
  type ExportedFile,
  type UntranslatedChoice,
} from '../export/formats';
import { t } from '../i18n';
import type { DraftStore } from './draft-store';

export type { ExportedFile, UntranslatedChoice } from '../export/formats';

export type ExportScope = { postKey: string; lang: string } | 'all';

/** The document formats, and the JSON backup. */
export type ExportFormatId = ExportFormat | 'backup';

export interface ExportRequest {
  scope: ExportScope;
  format: ExportFormatId;
  untranslated?: UntranslatedChoice;
}

export interface ExportChoice {
  id: ExportFormatId;
  /** The name a view shows, in the UI language. */
  label: () => string;
  /** "Copy" puts these two exports on the clipboard as text and as rich text (HTML). */
  copyAs?: { plain: ExportFormatId; html: ExportFormatId };
}

/** The formats a view offers, in the order it offers them. */
export const EXPORT_CHOICES: readonly ExportChoice[] = [
  { id: 'markdown', label: DOCUMENT_FORMATS.markdown.label, copyAs: { plain: 'markdown', html: 'html' } },
  { id: 'wordpress', label: DOCUMENT_FORMATS.wordpress.label },
  { id: 'html', label: DOCUMENT_FORMATS.html.label, copyAs: { plain: 'text', html: 'html' } },
  { id: 'text', label: DOCUMENT_FORMATS.text.label },
  { id: 'review', label: DOCUMENT_FORMATS.review.label },
  { id: 'xliff2', label: DOCUMENT_FORMATS.xliff2.label },
  { id: 'xliff12', label: DOCUMENT_FORMATS.xliff12.label },
  { id: 'backup', label: () => t('exportFormatBackup') },
];

export function isExportFormat(id: unknown): id is ExportFormatId {
  return id === 'backup' || (typeof id === 'string' && Object.hasOwn(DOCUMENT_FORMATS, id));
}

/** The file a request asks for, read from the store in one transaction. */
export async function buildExport(store: DraftStore, request: ExportRequest, now = new Date()): Promise<ExportedFile> {
  const { scope, format } = request;
  if (!isExportFormat(format)) throw new Error(t('exportUnknownFormat', String(format)));
  const source = await readSource(store, scope, format === 'backup');
  if (scope !== 'all' && source.posts.length === 0) throw new Error(t('exportPostNotHere'));
  if (format === 'backup') {
    if (source.drafts.length === 0) throw new Error(t('exportNoDraftsToBackUp'));
    return backupFile(source, scope, now);
  }
  const untranslated: UntranslatedChoice = request.untranslated ?? 'source';
  if (!['source', 'skip', 'empty'].includes(untranslated)) throw new Error(t('exportUnknownUntranslated', String(untranslated)));
  return exportScope(format, source, scope, { untranslated });
}

async function readSource(store: DraftStore, scope: ExportScope, withHistory: boolean): Promise<BackupSource> {
  const tx = store.db.transaction(['posts', 'drafts', 'revisions']);
  if (scope === 'all') {
    const [posts, drafts, revisions] = await Promise.all([
      tx.objectStore('posts').getAll(),
      tx.objectStore('drafts').getAll(),
      withHistory ? tx.objectStore('revisions').getAll() : [],
    ]);
    await tx.done;
    return { posts, drafts, revisions };
  }
  const post = await tx.objectStore('posts').get(scope.postKey);
  const drafts = await tx.objectStore('drafts').index('byPostLang').getAll([scope.postKey, scope.lang]);
  // Every revision of the post in that language: keys [postKey, lang, …] sort between these two.
  const range = IDBKeyRange.bound([scope.postKey, scope.lang], [scope.postKey, scope.lang, []]);
  const revisions = withHistory ? await tx.objectStore('revisions').index('bySegment').getAll(range) : [];
  await tx.done;
  return { posts: post ? [post] : [], drafts, revisions };
}
