import { render } from 'preact';
import { App } from '@/components/app/App';
import '@/components/common/interlinear.css';
import { applyUiLanguage, t } from '@/utils/i18n';

applyUiLanguage(document);
document.title = t('extName');
render(<App layout="popup" />, document.getElementById('app')!);
