// The popup's and side panel's start: the page in the UI's language, then the app, once the post
// asked for before the app loaded is here (entrypoints/early-question.ts) or a short wait is over:
// the post is then the first frame, with no "loading" frame before it.
import { render } from 'preact';
import { App, type Layout } from './App';
import { applyUiLanguage, t } from '@/utils/i18n';
import { earlyAnswerHere } from '@/utils/early-question';

/** How long the first render waits for that answer: longer, and an empty view would show. */
const FIRST_RENDER_WAITS_MS = 150;

export async function mountView(layout: Layout): Promise<void> {
  applyUiLanguage(document);
  document.title = t('extName');
  await earlyAnswerHere(FIRST_RENDER_WAITS_MS);
  render(<App layout={layout} />, document.getElementById('app')!);
}
