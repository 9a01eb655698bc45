// The memory and glossary state of a post view, made once per post and language: the segment
// being edited (from focus), its questions for memory matches and the answers it holds
// (match-questions.ts), and the glossary's term matcher, loaded after the view has painted and only
// when the pair has terms (the stemmers are loaded then too).
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { isMessage, sendMessage } from '@/utils/messaging';
import type { Segment } from '@/utils/model';
import { DraftReach } from '@/utils/memory/candidate-rule';
import type { SegmentTexts } from '../post/segment-texts';
import { loadStemmer } from '@/utils/glossary/stemmers';
import { TermMatcher } from '@/utils/glossary/term-matcher';
import { EditingSegment, type MemoryContextValue } from './memory-context';
import { MatchQuestions, segmentAfter } from './match-questions';

export interface MemoryViewInput {
  postKey: string;
  lang: string;
  sourceLanguage: string | null;
  segments: readonly Segment[];
  /** Segment id → the source its draft was written for, where the post's source changed since. */
  changedSources: Readonly<Record<string, string>>;
  texts: SegmentTexts;
  flush(): void;
}

/** How many of the first untranslated segments' matches a view asks for as it opens. */
const AT_HAND = 20;

/** The messages that say memory may have changed. */
const MEMORY_CHANGES: ReadonlySet<string> = new Set(['draft:changed', 'drafts:imported', 'memory:changed']);

/** The segment whose editor took the focus. */
function segmentOfEditor(target: EventTarget | null): string | null {
  return target instanceof HTMLTextAreaElement ? (target.dataset.segmentId ?? null) : null;
}

export function useMemoryView(input: MemoryViewInput): MemoryContextValue {
  const texts = useRef(input.texts);
  texts.current = input.texts;
  const flush = useRef(input.flush);
  flush.current = input.flush;
  const editing = useMemo(() => new EditingSegment(), [input.postKey, input.lang]);
  const questions = useMemo(() => new MatchQuestions(input.postKey, input.lang), [input.postKey, input.lang]);
  useEffect(() => {
    // Only an editor's focus moves the matches: a click on another control of a row must not
    // shift it under the pointer, and focus elsewhere leaves the last editor's matches shown.
    // Heard as the focus lands (capture), before the editor's own focus handling.
    const onFocus = (event: FocusEvent) => {
      const id = segmentOfEditor(event.target);
      if (!id || id === editing.id) return;
      questions.askEarly(id);
      editing.set(id);
    };
    document.addEventListener('focus', onFocus, true);
    return () => document.removeEventListener('focus', onFocus, true);
  }, [editing, questions]);
  const segments = useRef(input.segments);
  segments.current = input.segments;
  const reach = useMemo(() => new DraftReach(input.postKey, input.lang), [input.postKey, input.lang]);
  useLayoutEffect(() => reach.useSegments(input.segments), [reach, input.segments]);
  useLayoutEffect(() => reach.noteOldSources(input.changedSources), [reach, input.changedSources]);
  // The post's paragraphs changed (seen again reworded, or synced): every held answer may be stale.
  const segmentIds = useMemo(() => input.segments.map((s) => s.id).join(' '), [input.segments]);
  const shown = useRef({ questions, segmentIds });
  useEffect(() => {
    if (shown.current.questions === questions && shown.current.segmentIds !== segmentIds) questions.forget();
    shown.current = { questions, segmentIds };
  }, [questions, segmentIds]);
  useLayoutEffect(() => {
    // As the view first renders (one message, no wait): what the background has at hand for the
    // first untranslated segments, where a translator starts.
    const untranslated = segments.current.filter((s) => texts.current.get(s.id).trim() === '');
    questions.askAtHand(untranslated.slice(0, AT_HAND).map((s) => s.id));
  }, [questions]);
  useEffect(() => {
    // What changes memory tells the views: what they hold may be stale, and the next segment is asked for again.
    const onMessage = (message: unknown) => {
      if (!isMessage(message) || !MEMORY_CHANGES.has(message.type)) return undefined;
      questions.forget(message.type === 'draft:changed' ? reach.of(message.draft) : undefined);
      const next = segmentAfter(segments.current, editing.id);
      if (next) questions.askAhead(next);
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);
    return () => browser.runtime.onMessage.removeListener(onMessage);
  }, [editing, questions, reach]);
  return useMemo(
    () => ({
      postKey: input.postKey,
      lang: input.lang,
      sourceLanguage: input.sourceLanguage,
      segments: input.segments,
      textOf: (id: string) => texts.current.get(id),
      editing,
      questions,
      flush: () => flush.current(),
    }),
    [input.postKey, input.lang, input.sourceLanguage, input.segments, editing, questions],
  );
}

/** The glossary of the pair, ready to find terms and check drafts; null while none (or loading). */
export function useTermMatcherOf(sourceLanguage: string | null, lang: string): TermMatcher | null {
  const [matcher, setMatcher] = useState<TermMatcher | null>(null);
  useEffect(() => {
    if (!lang) return setMatcher(null);
    let current = true;
    const load = async () => {
      const entries = await sendMessage({ type: 'glossary:list', sourceLang: sourceLanguage, targetLang: lang });
      if (!current) return;
      if (!Array.isArray(entries) || entries.length === 0) return setMatcher(null);
      const [sourceStem, targetStem] = await Promise.all([loadStemmer(sourceLanguage), loadStemmer(lang)]);
      if (current) setMatcher(new TermMatcher(entries, sourceLanguage, sourceStem, lang, targetStem));
    };
    // After the first paint: the segments come first.
    const timer = setTimeout(() => void load().catch(() => undefined), 0);
    const onMessage = (message: unknown) => {
      if (isMessage(message) && message.type === 'glossary:changed') void load().catch(() => undefined);
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);
    return () => {
      current = false;
      clearTimeout(timer);
      browser.runtime.onMessage.removeListener(onMessage);
    };
  }, [sourceLanguage, lang]);
  return matcher;
}
