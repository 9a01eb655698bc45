// What an import asks the store to do, whatever file it came from: per post and language, the
// texts to merge into each segment. Views parse files into a plan (XML needs DOMParser, which the
// background worker lacks); the background checks the plan again with the same schema before
// writing, since a message is only as trustworthy as the file behind it.
import * as v from 'valibot';
import { formatNumber, t, tCount, type MessageKey } from '../i18n';

/** Files larger than this are refused before they are read. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
/** Longest text a segment, draft or revision may hold; real paragraphs are far shorter. */
export const MAX_TEXT_LENGTH = 100_000;
export const MAX_POSTS = 5_000;
export const MAX_UNITS = 200_000;
export const MAX_HISTORY = 10_000;

export type ImportFormat = 'backup' | 'xliff-2.0' | 'xliff-1.2';

/** A schema's message for the translator, in the UI language when a file is checked (not when loaded). */
export const says = (key: MessageKey, ...substitutions: string[]) => () => t(key, ...substitutions);
/** The problem of a text longer than a segment may be. */
export const textTooLong = () => t('importIssueTextTooLong', formatNumber(MAX_TEXT_LENGTH));

const text = v.pipe(v.string(), v.maxLength(MAX_TEXT_LENGTH, textTooLong));
const segmentId = v.pipe(
  v.string(),
  v.trim(),
  v.minLength(1, says('importIssueSegmentIdEmpty')),
  v.maxLength(2_000, says('importIssueSegmentIdTooLong')),
);
const time = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(8.64e15));
/** Posts live at web addresses; anything else (javascript:, data:) is refused. */
export const WebAddressSchema = v.pipe(
  v.string(),
  v.url(says('importIssueNotAddress')),
  v.regex(/^https?:\/\//i, says('importIssueNotWebAddress')),
);
const status = v.picklist(['draft', 'done'], says('importIssueStatus'));
export const LanguageTagSchema = v.pipe(
  v.string(),
  v.trim(),
  v.regex(/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/, says('importIssueLanguageTag')),
);

/** One saved change of a draft, as a backup keeps it. */
export const HistoryEntrySchema = v.object({
  rev: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  text,
  at: time,
  status: v.optional(status),
  device: v.optional(v.pipe(v.string(), v.maxLength(200))),
  user: v.optional(v.pipe(v.string(), v.maxLength(200))),
  hlc: v.optional(v.pipe(v.string(), v.maxLength(200))),
  origin: v.optional(v.pipe(v.string(), v.maxLength(40))),
});

/** The text to merge into one segment. */
export const ImportUnitSchema = v.object({
  segmentId,
  /** The source the text was translated from, to notice a source that changed since. */
  source: v.optional(text),
  text,
  status: v.optional(status),
  /** Earlier texts, oldest first (backups only). */
  history: v.optional(v.pipe(v.array(HistoryEntrySchema), v.maxLength(MAX_HISTORY, says('importIssueTooManyRevisions')))),
  /** Set when the file itself says there is nothing to import here (no target, untranslated). */
  skipReason: v.optional(v.pipe(v.string(), v.maxLength(200))),
});

const SegmentSchema = v.object({
  id: segmentId,
  kind: v.picklist(['heading', 'paragraph', 'list-item', 'quote', 'caption', 'table-cell'], says('importIssueSegmentKind')),
  text,
  tagged: v.optional(text),
  inline: v.optional(
    v.array(
      v.object({
        tag: v.pipe(v.string(), v.regex(/^[a-z][a-z0-9]{0,15}$/, says('importIssueTagName'))),
        attrs: v.optional(v.record(v.pipe(v.string(), v.regex(/^(href|title|lang|dir|src|alt)$/, says('importIssueAttribute'))), v.pipe(v.string(), v.maxLength(4_000)))),
        empty: v.optional(v.boolean()),
      }),
    ),
  ),
  layout: v.optional(
    v.object({
      tag: v.pipe(v.string(), v.regex(/^[a-z][a-z0-9]{0,15}$/, says('importIssueTagName'))),
      group: v.optional(v.pipe(v.number(), v.integer())),
      list: v.optional(v.picklist(['ol', 'ul'])),
      row: v.optional(v.pipe(v.number(), v.integer())),
      image: v.optional(v.object({ src: v.pipe(v.string(), v.maxLength(4_000)), alt: v.pipe(v.string(), v.maxLength(4_000)) })),
    }),
  ),
});

/** A post as a backup describes it, so a post this browser has never seen can be created. */
export const ImportPostSchema = v.object({
  url: WebAddressSchema,
  title: v.nullable(text),
  sourceLanguage: v.nullable(v.pipe(v.string(), v.maxLength(100))),
  segments: v.pipe(v.array(SegmentSchema), v.maxLength(MAX_UNITS, says('importIssueTooManySegments'))),
  firstSeen: v.optional(time),
  lastSeen: v.optional(time),
});

/** The drafts of one post in one language. */
export const ImportTargetSchema = v.object({
  postKey: WebAddressSchema,
  lang: LanguageTagSchema,
  /** Present when the file describes the post fully (backups). */
  post: v.optional(ImportPostSchema),
  units: v.pipe(v.array(ImportUnitSchema), v.maxLength(MAX_UNITS, says('importIssueTooManySegments'))),
});

export const ImportPlanSchema = v.object({
  format: v.picklist(['backup', 'xliff-2.0', 'xliff-1.2']),
  targets: v.pipe(
    v.array(ImportTargetSchema),
    v.maxLength(MAX_POSTS, says('importIssueTooManyPosts')),
    v.check((targets) => targets.reduce((n, target) => n + target.units.length, 0) <= MAX_UNITS, says('importIssueTooManySegmentsInAll')),
  ),
});

export type ImportUnit = v.InferOutput<typeof ImportUnitSchema>;
export type ImportTarget = v.InferOutput<typeof ImportTargetSchema>;
export type ImportPlan = v.InferOutput<typeof ImportPlanSchema>;
export type HistoryEntry = v.InferOutput<typeof HistoryEntrySchema>;

/** Why a file or plan cannot be imported, in words a translator can act on. Nothing was written. */
export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportError';
  }
}

/** The plan checked against the schema, or an ImportError listing (at most) the first problems. */
export function validatePlan(value: unknown): ImportPlan {
  return parseWith(ImportPlanSchema, value, (problems) => t('importPlanInvalid', problems));
}

/**
 * Parses `value` with `schema`; a failure names where in the file each problem is. `invalid` makes
 * the whole sentence from the list of problems.
 */
export function parseWith<S extends v.GenericSchema>(schema: S, value: unknown, invalid: (problems: string) => string): v.InferOutput<S> {
  const result = v.safeParse(schema, value);
  if (result.success) return result.output;
  throw new ImportError(invalid(describeIssues(result.issues)));
}

export function describeIssues(issues: readonly v.BaseIssue<unknown>[], limit = 3): string {
  const lines = issues.slice(0, limit).map((issue) => {
    const where = v.getDotPath(issue);
    return where ? t('importIssueAt', where, issue.message) : issue.message;
  });
  const listed = lines.reduce((list, line) => t('importIssuesJoined', list, line));
  return issues.length > limit ? tCount('importIssuesAndMore', issues.length - limit, listed) : t('importIssuesEnd', listed);
}
