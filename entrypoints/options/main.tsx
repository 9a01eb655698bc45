import { render } from 'preact';
import { OptionsPage } from '@/components/OptionsPage';
import '@/components/interlinear.css';
import { applyUiLanguage } from '@/utils/i18n';

applyUiLanguage(document);
render(<OptionsPage />, document.getElementById('app')!);
