// What an import asks the store to do, whatever file it came from: per post and language, the
// texts to merge into each segment. Views parse files into a plan (XML needs DOMParser, which the
// background worker lacks); the background checks the plan again with the same schema before
// writing, since a message is only as trustworthy as the file behind it.
import * as v from 'valibot';

/** Files larger than this are refused before they are read. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
/** Longest text a segment, draft or revision may hold; real paragraphs are far shorter. */
export const MAX_TEXT_LENGTH = 100_000;
export const MAX_POSTS = 5_000;
export const MAX_UNITS = 200_000;
export const MAX_HISTORY = 10_000;

export type ImportFormat = 'backup' | 'xliff-2.0' | 'xliff-1.2';

const text = v.pipe(v.string(), v.maxLength(MAX_TEXT_LENGTH, 'is longer than 100,000 characters'));
const nonEmpty = (what: string) =>
  v.pipe(v.string(), v.trim(), v.minLength(1, `${what} is empty`), v.maxLength(2_000, `${what} is too long`));
const time = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(8.64e15));
/** Posts live at web addresses; anything else (javascript:, data:) is refused. */
export const WebAddressSchema = v.pipe(
  v.string(),
  v.url('is not an address'),
  v.regex(/^https?:\/\//i, 'is not a web address (http or https)'),
);
const status = v.picklist(['draft', 'done'], 'must be "draft" or "done"');
export const LanguageTagSchema = v.pipe(
  v.string(),
  v.trim(),
  v.regex(/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/, 'is not a language tag (such as "ru" or "pt-BR")'),
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
  segmentId: nonEmpty('a segment id'),
  /** The source the text was translated from, to notice a source that changed since. */
  source: v.optional(text),
  text,
  status: v.optional(status),
  /** Earlier texts, oldest first (backups only). */
  history: v.optional(v.pipe(v.array(HistoryEntrySchema), v.maxLength(MAX_HISTORY, 'has too many revisions'))),
  /** Set when the file itself says there is nothing to import here (no target, untranslated). */
  skipReason: v.optional(v.pipe(v.string(), v.maxLength(200))),
});

const SegmentSchema = v.object({
  id: nonEmpty('a segment id'),
  kind: v.picklist(['heading', 'paragraph', 'list-item', 'quote', 'caption', 'table-cell'], 'is not a segment kind'),
  text,
  tagged: v.optional(text),
  inline: v.optional(
    v.array(
      v.object({
        tag: v.pipe(v.string(), v.regex(/^[a-z][a-z0-9]{0,15}$/, 'is not a tag name')),
        attrs: v.optional(v.record(v.pipe(v.string(), v.regex(/^(href|title|lang|dir|src|alt)$/, 'is not an attribute an export rebuilds')), v.pipe(v.string(), v.maxLength(4_000)))),
        empty: v.optional(v.boolean()),
      }),
    ),
  ),
  layout: v.optional(
    v.object({
      tag: v.pipe(v.string(), v.regex(/^[a-z][a-z0-9]{0,15}$/, 'is not a tag name')),
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
  segments: v.pipe(v.array(SegmentSchema), v.maxLength(MAX_UNITS, 'has too many segments')),
  firstSeen: v.optional(time),
  lastSeen: v.optional(time),
});

/** The drafts of one post in one language. */
export const ImportTargetSchema = v.object({
  postKey: WebAddressSchema,
  lang: LanguageTagSchema,
  /** Present when the file describes the post fully (backups). */
  post: v.optional(ImportPostSchema),
  units: v.pipe(v.array(ImportUnitSchema), v.maxLength(MAX_UNITS, 'has too many segments')),
});

export const ImportPlanSchema = v.object({
  format: v.picklist(['backup', 'xliff-2.0', 'xliff-1.2']),
  targets: v.pipe(
    v.array(ImportTargetSchema),
    v.maxLength(MAX_POSTS, 'has too many posts'),
    v.check((targets) => targets.reduce((n, t) => n + t.units.length, 0) <= MAX_UNITS, 'has too many segments in all'),
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
  return parseWith(ImportPlanSchema, value, 'The import');
}

/** Parses `value` with `schema`; a failure names where in the file each problem is. */
export function parseWith<S extends v.GenericSchema>(schema: S, value: unknown, what: string): v.InferOutput<S> {
  const result = v.safeParse(schema, value);
  if (result.success) return result.output;
  throw new ImportError(`${what} is not valid: ${describeIssues(result.issues)}`);
}

export function describeIssues(issues: readonly v.BaseIssue<unknown>[], limit = 3): string {
  const lines = issues.slice(0, limit).map((issue) => {
    const where = v.getDotPath(issue);
    return where ? `${where}: ${issue.message}` : issue.message;
  });
  const more = issues.length > limit ? ` (and ${issues.length - limit} more problems)` : '';
  return lines.join('; ') + more + '.';
}
