// The export formats, one function each: (post, lang, drafts, options) → the file to download.
// `exportTranslations` writes several posts ("everything") into one file: XLIFF with one <file> per post;
// Markdown, plain text and block markup as one document per post, in order, apart by a rule
// (`---`, a line of `=`, a separator block); HTML and the review page as one document with an
// <article> or <section> per post.
import { t, tCount } from '../i18n';
import type { DraftRecord, PostRecord } from '../model';
import { preparePost, type ExportOptions, type ExportPost } from './blocks';
import { collectionFileName, exportFileName } from './file-name';
import { htmlDocumentOfPosts, reviewDocumentOfPosts } from './html-formats';
import { markdownOfPost, plainTextOfPost } from './text-formats';
import { blockMarkupOfPost, POST_SEPARATOR_BLOCK } from './wordpress';
import { xliff12OfPosts, xliff2OfPosts } from './xliff';

export type { ExportOptions, UntranslatedChoice } from './blocks';

export interface ExportedFile {
  filename: string;
  mimeType: string;
  content: string;
}

export type ExportFormat = 'markdown' | 'wordpress' | 'html' | 'text' | 'review' | 'xliff2' | 'xliff12';

interface FormatSpec {
  /** The name a view shows, in the UI language (format names such as Markdown stay as they are). */
  label: () => string;
  ext: string;
  mimeType: string;
  write: (posts: ExportPost[]) => string;
}

const joined = (one: (p: ExportPost) => string, separator: string) => (posts: ExportPost[]) =>
  posts.map(one).join(separator);

export const EXPORT_FORMATS: Record<ExportFormat, FormatSpec> = {
  markdown: { label: () => 'Markdown', ext: 'md', mimeType: 'text/markdown;charset=utf-8', write: joined(markdownOfPost, '\n---\n\n') },
  wordpress: {
    label: () => t('exportFormatWordPress'),
    ext: 'blocks.html',
    mimeType: 'text/html;charset=utf-8',
    write: joined(blockMarkupOfPost, `\n${POST_SEPARATOR_BLOCK}\n\n`),
  },
  html: { label: () => 'HTML', ext: 'html', mimeType: 'text/html;charset=utf-8', write: htmlDocumentOfPosts },
  text: { label: () => t('exportFormatPlainText'), ext: 'txt', mimeType: 'text/plain;charset=utf-8', write: joined(plainTextOfPost, `\n${'='.repeat(40)}\n\n`) },
  review: { label: () => t('exportFormatReview'), ext: 'review.html', mimeType: 'text/html;charset=utf-8', write: reviewDocumentOfPosts },
  xliff2: { label: () => 'XLIFF 2.0', ext: 'xlf', mimeType: 'application/xliff+xml', write: xliff2OfPosts },
  xliff12: { label: () => 'XLIFF 1.2', ext: 'xliff12.xlf', mimeType: 'application/xliff+xml', write: xliff12OfPosts },
};

/** One post's drafts in `lang` as a file of `format`. */
export function exportPost(
  format: ExportFormat,
  post: PostRecord,
  lang: string,
  drafts: DraftRecord[],
  options: ExportOptions = {},
): ExportedFile {
  const spec = EXPORT_FORMATS[format];
  return {
    filename: exportFileName(post.url, lang, spec.ext),
    mimeType: spec.mimeType,
    content: spec.write([preparePost(post, lang, drafts, options)]),
  };
}

/** Several posts' drafts in `lang` as one file; a single post is named as `exportPost` names it. */
export function exportPosts(
  format: ExportFormat,
  posts: PostRecord[],
  lang: string,
  drafts: DraftRecord[],
  options: ExportOptions = {},
): ExportedFile {
  return exportTranslations(format, posts.map((post) => ({ post, lang, drafts })), options);
}

/** One post's drafts in one language. */
export interface Translation {
  post: PostRecord;
  lang: string;
  drafts: DraftRecord[];
}

/**
 * Several translations (posts, or one post in several languages) as one file. XLIFF 2.0 names one
 * target language per file, so translations into several languages are refused there with a
 * message that says what to do instead.
 */
export function exportTranslations(format: ExportFormat, translations: Translation[], options: ExportOptions = {}): ExportedFile {
  if (translations.length === 0) throw new Error(t('exportNoDrafts'));
  const [first] = translations as [Translation];
  if (translations.length === 1) return exportPost(format, first.post, first.lang, first.drafts, options);
  const langs = [...new Set(translations.map((t) => t.lang))];
  if (format === 'xliff2' && langs.length > 1) {
    throw new Error(tCount('exportXliff2OneLanguage', langs.length, langs.join(', ')));
  }
  const spec = EXPORT_FORMATS[format];
  const posts = new Set(translations.map((t) => t.post.key)).size;
  return {
    filename: collectionFileName(posts, langs.length === 1 ? first.lang : 'mul', spec.ext),
    mimeType: spec.mimeType,
    content: spec.write(translations.map((t) => preparePost(t.post, t.lang, t.drafts, options))),
  };
}

/** Every post in every language it has drafts in, in the order of `posts`, languages sorted. */
export function translationsOf(posts: PostRecord[], drafts: DraftRecord[]): Translation[] {
  const byPost = new Map<string, Map<string, DraftRecord[]>>();
  for (const draft of drafts) {
    if (draft.deleted || draft.text.trim() === '') continue;
    const langs = byPost.get(draft.postKey) ?? new Map<string, DraftRecord[]>();
    byPost.set(draft.postKey, langs);
    langs.set(draft.lang, [...(langs.get(draft.lang) ?? []), draft]);
  }
  return posts.flatMap((post) =>
    [...(byPost.get(post.key) ?? new Map<string, DraftRecord[]>())]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([lang, list]) => ({ post, lang, drafts: list })),
  );
}

/** What the store's export request names: one post in one language, or every post and language. */
export function exportScope(
  format: ExportFormat,
  source: { posts: PostRecord[]; drafts: DraftRecord[] },
  scope: { postKey: string; lang: string } | 'all',
  options: ExportOptions = {},
): ExportedFile {
  if (scope === 'all') return exportTranslations(format, translationsOf(source.posts, source.drafts), options);
  const post = source.posts.find((p) => p.key === scope.postKey);
  if (!post) throw new Error(t('exportPostNotHere'));
  return exportPost(format, post, scope.lang, source.drafts, options);
}
