// A post being drafted: its header (title, language, progress) and its segments.
import type { TabPost } from '@/utils/messaging';
import type { ConcurrentEdit } from '@/utils/model';
import { ExportDisclosure } from '../export/ExportPanel';
import { StartTranslation } from '../wordpress/StartTranslation';
import { LanguagePicker } from './LanguagePicker';
import { PageLink } from './PageLink';
import { PostProgress } from './ProgressMeter';
import { SegmentRows } from './SegmentRows';
import { SegmentFocus } from './row-window';
import type { SegmentTexts } from './segment-texts';
import { DraftContext } from './draft-context';
import { OrphanedDrafts } from '../history/OrphanedDrafts';
import { NO_SOURCE_FLAGS, type SourceFlags } from '../history/use-source-flags';
import { useMemo } from 'preact/hooks';
import { SyncStatusLine } from '../sync/SyncStatusLine';
import { KeyboardHelp } from './KeyboardHelp';
import type { DoneTexts } from './segment-status';
import { useSegmentKeys } from './use-segment-keys';
import type { DraftStatus } from '@/utils/model';
import { t } from '@/utils/i18n';
import { MemoryProvider } from '../memory/MemoryProvider';
import { FillExactMatches } from '../memory/FillExactMatches';
import { ConcordanceSearch } from '../memory/ConcordanceSearch';
import { AddToGlossary } from '../glossary/AddToGlossary';
import { ErrorLine } from '../common/ErrorLine';

const NO_LANGUAGES: never[] = [];

interface Props {
  tabPost: TabPost;
  /** The drafts' texts; typing changes them without re-rendering the view (segment-texts.ts). */
  texts: SegmentTexts;
  /** segment id → edits made elsewhere at the same time (each array kept stable between renders). */
  concurrentEdits: Readonly<Record<string, readonly ConcurrentEdit[]>>;
  saveError: string | null;
  onText(segmentId: string, text: string): void;
  onKeep(segmentId: string): void;
  onLanguage(lang: string): void;
  /** The language being switched to, until its drafts are shown. */
  switchingTo?: string | null;
  onHighlight(segmentId: string | null, scroll?: boolean): void;
  /** Whether the post's page is open beside the view (false: shown by its key, "Show in page" hidden). */
  inPage?: boolean;
  actions?: preact.ComponentChildren;
  /** segment id → the text marked done; with onStatus, segments show their status and keys mark done. */
  doneTexts?: DoneTexts;
  onStatus?(segmentId: string, status: DraftStatus): void;
  /** Drafts whose source changed (flagged) and drafts of removed paragraphs (listed below the segments). */
  sourceFlags?: SourceFlags;
  /** Sends typing still waiting, before an action on a draft. */
  onFlush?(): void;
}

const NO_FLUSH = () => undefined;

const NOTHING_DONE: DoneTexts = {};

export function PostView(props: Props) {
  const { tabPost, texts, concurrentEdits, saveError, onText, onKeep, onLanguage, onHighlight, actions } = props;
  const { post, lang } = tabPost;
  const doneTexts = props.doneTexts ?? NOTHING_DONE;
  const sourceFlags = props.sourceFlags ?? NO_SOURCE_FLAGS;
  const flush = props.onFlush ?? NO_FLUSH;
  const draftContext = useMemo(() => ({ postKey: post.key, lang, flush }), [post.key, lang, flush]);
  // Keys and Alt+click in the page reach any segment, also one whose row rests (row-window.ts).
  const focus = useMemo(() => new SegmentFocus(), []);
  const keys = useSegmentKeys({ segments: post.segments, texts, doneTexts, setStatus: props.onStatus, focus });
  return (
    <MemoryProvider
      postKey={post.key}
      lang={lang}
      sourceLanguage={post.sourceLanguage}
      segments={post.segments}
      changedSources={sourceFlags.changed}
      texts={texts}
      flush={flush}
    >
    <article class="post">
      <header class="post-header">
        <h1 data-testid="post-title">{post.title ?? t('viewUntitledPost')}</h1>
        <div class="post-controls">
          <LanguagePicker
            value={props.switchingTo ?? lang}
            offered={post.cta?.targetLanguages ?? NO_LANGUAGES}
            recent={tabPost.recentLanguages}
            sourceLanguage={post.sourceLanguage}
            onChange={onLanguage}
          />
          <PostProgress segments={post.segments} texts={texts} doneTexts={doneTexts} />
        </div>
        <div class="post-actions">
          {actions}
          <FillExactMatches />
          <KeyboardHelp open={keys.helpOpen} onOpenChange={keys.setHelpOpen} />
          <StartTranslation cta={post.cta} lang={lang} />
        </div>
        <ExportDisclosure postKey={post.key} lang={lang} />
        <ConcordanceSearch />
        <SyncStatusLine />
        {tabPost.tabId !== null && props.inPage !== false && <PageLink tabId={tabPost.tabId} lang={lang} texts={texts} focus={focus} />}
        <ErrorLine kind="notice" error={saveError} testId="save-error" />
      </header>
      <DraftContext.Provider value={draftContext}>
      <SegmentRows
        segments={post.segments}
        texts={texts}
        sourceLanguage={post.sourceLanguage}
        targetLanguage={lang}
        switching={props.switchingTo != null}
        concurrentEdits={concurrentEdits}
        doneTexts={doneTexts}
        changedSources={sourceFlags.changed}
        onText={onText}
        onKeep={onKeep}
        onHighlight={onHighlight}
        inPage={props.inPage}
        onStatus={props.onStatus}
        focus={focus}
      />
      <OrphanedDrafts orphans={sourceFlags.orphans} sourceLanguage={post.sourceLanguage} />
      </DraftContext.Provider>
      <AddToGlossary />
    </article>
    </MemoryProvider>
  );
}
