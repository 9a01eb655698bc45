import { render } from 'preact';
import { App } from '@/components/App';
import '@/components/interlinear.css';
import { applyUiLanguage, t } from '@/utils/i18n';

applyUiLanguage(document);
document.title = t('extName');
render(<App layout="panel" />, document.getElementById('app')!);
