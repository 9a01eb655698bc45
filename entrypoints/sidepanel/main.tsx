import { render } from 'preact';
import { App } from '@/components/App';
import '@/components/interlinear.css';
import { applyUiLanguage } from '@/utils/i18n';

applyUiLanguage(document);
render(<App layout="panel" />, document.getElementById('app')!);
