// Reads a JSON backup (utils/export/backup.ts, docs/backup-format.md) into an import plan.
// Problems are reported with their place in the file, so a translator can find them.
import * as v from 'valibot';
import { formatNumber, t } from '../i18n';
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
  says,
  textTooLong,
  WebAddressSchema,
  type ImportPlan,
} from './import-plan';

const BackupDraftSchema = v.object({
  segmentId: v.pipe(v.string(), v.minLength(1, says('importIssueEmpty')), v.maxLength(2_000)),
  text: v.pipe(v.string(), v.maxLength(MAX_TEXT_LENGTH, textTooLong)),
  status: v.optional(v.picklist(['draft', 'done'], says('importIssueStatus'))),
  rev: v.optional(v.number()),
  updatedAt: v.optional(v.number()),
  deleted: v.optional(v.boolean()),
  history: v.optional(v.pipe(v.array(HistoryEntrySchema), v.maxLength(MAX_HISTORY, says('importIssueTooManyRevisions')))),
});

const BackupSchema = v.object({
  format: v.literal(BACKUP_FORMAT, says('importIssueMustBe', BACKUP_FORMAT)),
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
            drafts: v.pipe(v.array(BackupDraftSchema), v.maxLength(MAX_UNITS, says('importIssueTooManyDrafts'))),
          }),
        ),
      }),
    ),
    v.maxLength(MAX_POSTS, says('importIssueTooManyPosts')),
  ),
});

/** The plan of a backup file's text; an ImportError says what is wrong with it. */
export function planFromBackup(text: string): ImportPlan {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ImportError(t('importNotJson', (error as Error).message));
  }
  if (typeof data !== 'object' || data === null || (data as { format?: unknown }).format !== BACKUP_FORMAT) {
    throw new ImportError(t('importNotBackup'));
  }
  const version = (data as { version?: unknown }).version;
  if (typeof version === 'number' && version > BACKUP_VERSION) {
    throw new ImportError(t('importBackupNewer', formatNumber(version), formatNumber(BACKUP_VERSION)));
  }
  const backup = parseWith(BackupSchema, data, (problems) => t('importBackupInvalid', problems));
  if (backup.version < 1) throw new ImportError(t('importBackupUnknownVersion', formatNumber(backup.version)));
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
