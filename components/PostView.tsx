// A post being drafted: its header (title, language, progress) and its segments.
import type { TabPost } from '@/utils/messaging';
import type { ConcurrentEdit, Progress } from '@/utils/model';
import { safeHttpUrl } from '@/utils/safe-url';
import { LanguagePicker } from './LanguagePicker';
import { ProgressMeter } from './ProgressMeter';
import { SegmentEditor } from './SegmentEditor';
import { SyncStatusLine } from './SyncStatusLine';

const NO_LANGUAGES: never[] = [];

interface Props {
  tabPost: TabPost;
  texts: Readonly<Record<string, string>>;
  /** segment id → edits made elsewhere at the same time (each array kept stable between renders). */
  concurrentEdits: Readonly<Record<string, readonly ConcurrentEdit[]>>;
  progress: Progress;
  saveError: string | null;
  onText(segmentId: string, text: string): void;
  onKeep(segmentId: string): void;
  onLanguage(lang: string): void;
  onHighlight(segmentId: string | null, scroll?: boolean): void;
  actions?: preact.ComponentChildren;
}

export function PostView(props: Props) {
  const { tabPost, texts, concurrentEdits, progress, saveError, onText, onKeep, onLanguage, onHighlight, actions } = props;
  const { post, lang } = tabPost;
  const startUrl = safeHttpUrl(post.cta?.startUrl);
  return (
    <article class="post">
      <header class="post-header">
        <h1 data-testid="post-title">{post.title ?? 'Untitled post'}</h1>
        <div class="post-controls">
          <LanguagePicker
            value={lang}
            offered={post.cta?.targetLanguages ?? NO_LANGUAGES}
            recent={tabPost.recentLanguages}
            sourceLanguage={post.sourceLanguage}
            onChange={onLanguage}
          />
          <ProgressMeter progress={progress} />
        </div>
        <div class="post-actions">
          {actions}
          {startUrl && (
            <a href={startUrl} target="_blank" rel="noopener noreferrer" class="button-link">
              Start the translation on the site
            </a>
          )}
        </div>
        <SyncStatusLine />
        {saveError && (
          <p class="notice notice-error" role="alert">
            {saveError}
          </p>
        )}
      </header>
      <ol class="segments">
        {post.segments.map((segment, index) => (
          <SegmentEditor
            key={segment.id}
            segment={segment}
            index={index}
            text={texts[segment.id] ?? ''}
            sourceLanguage={post.sourceLanguage}
            targetLanguage={lang}
            concurrentEdits={concurrentEdits[segment.id]}
            onText={onText}
            onKeep={onKeep}
            onHighlight={onHighlight}
          />
        ))}
      </ol>
    </article>
  );
}
