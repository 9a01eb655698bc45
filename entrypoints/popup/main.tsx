import { render } from 'preact';
import { App } from '@/components/app/App';
import '@/components/common/interlinear.css';
import { applyUiLanguage, t } from '@/utils/i18n';
import { earlyAnswerHere } from '@/utils/early-question';

/** How long the first render waits for the post asked for before the app loaded (entrypoints/early-question.ts). */
const FIRST_RENDER_WAITS_MS = 150;

applyUiLanguage(document);
document.title = t('extName');
await earlyAnswerHere(FIRST_RENDER_WAITS_MS);
render(<App layout="popup" />, document.getElementById('app')!);
