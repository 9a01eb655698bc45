// Reads a JSON backup (utils/export/backup.ts, docs/backup-format.md) into an import plan.
// Problems are reported with their place in the file, so a translator can find them.
import * as v from 'valibot';
import { BACKUP_FORMAT, BACKUP_VERSION } from './backup';
import {
  HistoryEntrySchema,
  ImportError,
  ImportPostSchema,
  LanguageTagSchema,
  MAX_HISTORY,
  MAX_POSTS,
  MAX_TEXT_LENGTH,
  MAX_UNITS,
  parseWith,
  WebAddressSchema,
  type ImportPlan,
} from './import-plan';

const BackupDraftSchema = v.object({
  segmentId: v.pipe(v.string(), v.minLength(1, 'is empty'), v.maxLength(2_000)),
  text: v.pipe(v.string(), v.maxLength(MAX_TEXT_LENGTH, 'is longer than 100,000 characters')),
  status: v.optional(v.picklist(['draft', 'done'], 'must be "draft" or "done"')),
  rev: v.optional(v.number()),
  updatedAt: v.optional(v.number()),
  deleted: v.optional(v.boolean()),
  history: v.optional(v.pipe(v.array(HistoryEntrySchema), v.maxLength(MAX_HISTORY, 'has too many revisions'))),
});

const BackupSchema = v.object({
  format: v.literal(BACKUP_FORMAT, `must be "${BACKUP_FORMAT}"`),
  version: v.pipe(v.number(), v.integer()),
  exportedAt: v.optional(v.string()),
  posts: v.pipe(
    v.array(
      v.object({
        ...ImportPostSchema.entries,
        key: WebAddressSchema,
        translations: v.array(
          v.object({
            lang: LanguageTagSchema,
            drafts: v.pipe(v.array(BackupDraftSchema), v.maxLength(MAX_UNITS, 'has too many drafts')),
          }),
        ),
      }),
    ),
    v.maxLength(MAX_POSTS, 'has too many posts'),
  ),
});

/** The plan of a backup file's text; an ImportError says what is wrong with it. */
export function planFromBackup(text: string): ImportPlan {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ImportError(`This file is not valid JSON (${(error as Error).message}).`);
  }
  if (typeof data !== 'object' || data === null || (data as { format?: unknown }).format !== BACKUP_FORMAT) {
    throw new ImportError('This JSON file is not an Interlinear backup (it has no "format": "interlinear-backup").');
  }
  const version = (data as { version?: unknown }).version;
  if (typeof version === 'number' && version > BACKUP_VERSION) {
    throw new ImportError(
      `This backup is in format version ${version}, made by a newer Interlinear; this one reads up to version ${BACKUP_VERSION}. Update Interlinear and try again.`,
    );
  }
  const backup = parseWith(BackupSchema, data, 'This backup');
  if (backup.version < 1) throw new ImportError(`This backup has an unknown format version (${backup.version}).`);
  const plan: ImportPlan = { format: 'backup', targets: [] };
  for (const post of backup.posts) {
    const sources = new Map(post.segments.map((s) => [s.id, s.text]));
    for (const { lang, drafts } of post.translations) {
      plan.targets.push({
        postKey: post.key,
        lang,
        post: {
          url: post.url,
          title: post.title,
          sourceLanguage: post.sourceLanguage,
          segments: post.segments,
          firstSeen: post.firstSeen,
          lastSeen: post.lastSeen,
        },
        units: drafts.map((d) => ({
          segmentId: d.segmentId,
          source: sources.get(d.segmentId),
          // A deleted draft brings back its history, not a text.
          text: d.deleted ? '' : d.text,
          status: d.status,
          history: d.history,
        })),
      });
    }
  }
  return plan;
}
