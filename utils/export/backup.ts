// The JSON backup: every post, its segments, and each language's drafts with their status and
// whole history, in the versioned format docs/backup-format.md describes. Built from what the
// store holds; read back by import-backup.ts.
import type { DraftRecord, PostRecord, RevisionRecord, Segment } from '../model';
import { exportFileName } from './file-name';
import type { ExportedFile } from './formats';

export const BACKUP_FORMAT = 'interlinear-backup';
/** Raised only when a reader of the previous version could misread a file (see the docs). */
export const BACKUP_VERSION = 1;

export interface BackupRevision {
  rev: number;
  text: string;
  at: number;
  status?: 'draft' | 'done';
  device?: string;
  user?: string;
  hlc?: string;
  origin?: string;
}

export interface BackupDraft {
  segmentId: string;
  text: string;
  status: 'draft' | 'done';
  rev: number;
  updatedAt: number;
  deleted?: true;
  history: BackupRevision[];
}

export interface BackupPost {
  key: string;
  url: string;
  title: string | null;
  sourceLanguage: string | null;
  firstSeen: number;
  lastSeen: number;
  segments: Segment[];
  translations: { lang: string; drafts: BackupDraft[] }[];
}

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: number;
  exportedAt: string;
  posts: BackupPost[];
}

/** What a backup is made from: records as the store keeps them. */
export interface BackupSource {
  posts: PostRecord[];
  drafts: DraftRecord[];
  revisions: RevisionRecord[];
}

/** The backup of `source`: posts without drafts are left out, drafts of unknown posts too. */
export function buildBackup(source: BackupSource, exportedAt: Date): Backup {
  const historyOf = groupBy(source.revisions, (r) => keyOf(r.postKey, r.lang, r.segmentId));
  const draftsByPost = groupBy(source.drafts, (d) => d.postKey);
  const posts: BackupPost[] = [];
  for (const post of source.posts) {
    const drafts = draftsByPost.get(post.key);
    if (!drafts?.length) continue;
    const byLang = groupBy(drafts, (d) => d.lang);
    posts.push({
      key: post.key,
      url: post.url,
      title: post.title,
      sourceLanguage: post.sourceLanguage,
      firstSeen: post.firstSeen,
      lastSeen: post.lastSeen,
      segments: post.segments.map(copySegment),
      translations: [...byLang].map(([lang, list]) => ({
        lang,
        drafts: list.map((d) => backupDraft(d, historyOf.get(keyOf(d.postKey, d.lang, d.segmentId)) ?? [])),
      })),
    });
  }
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: exportedAt.toISOString(), posts };
}

/** The backup as a file: `<post-slug>.<lang>.json` for one post and language, else dated. */
export function backupFile(source: BackupSource, scope: { postKey: string; lang: string } | 'all', now: Date): ExportedFile {
  const content = JSON.stringify(buildBackup(source, now), null, 1);
  const filename =
    scope === 'all'
      ? `interlinear-backup-${now.toISOString().slice(0, 10)}.json`
      : exportFileName(source.posts.find((p) => p.key === scope.postKey)?.url ?? scope.postKey, scope.lang, 'json');
  return { filename, mimeType: 'application/json', content };
}

function backupDraft(draft: DraftRecord, revisions: RevisionRecord[]): BackupDraft {
  const result: BackupDraft = {
    segmentId: draft.segmentId,
    text: draft.text,
    status: draft.status === 'done' ? 'done' : 'draft',
    rev: draft.rev,
    updatedAt: draft.updatedAt,
    history: revisions.map(backupRevision),
  };
  if (draft.deleted) result.deleted = true;
  return result;
}

function backupRevision(revision: RevisionRecord): BackupRevision {
  const { rev, text, at, status, device, user, hlc, origin } = revision;
  const result: BackupRevision = { rev, text, at };
  if (status) result.status = status;
  if (device !== undefined) result.device = device;
  if (user !== undefined) result.user = user;
  if (hlc !== undefined) result.hlc = hlc;
  if (origin !== undefined) result.origin = origin;
  return result;
}

/** Only the segment's own fields, so nothing the store adds later leaks into the format. */
function copySegment({ id, kind, text, tagged, inline, layout }: Segment): Segment {
  const segment: Segment = { id, kind, text };
  if (tagged !== undefined) segment.tagged = tagged;
  if (inline !== undefined) segment.inline = inline;
  if (layout !== undefined) segment.layout = layout;
  return segment;
}

function keyOf(...parts: string[]): string {
  return JSON.stringify(parts);
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
