import { render } from 'preact';
import { OptionsPage } from '@/components/app/OptionsPage';
import '@/components/common/interlinear.css';
import { applyUiLanguage, t } from '@/utils/i18n';

applyUiLanguage(document);
// The <title> in index.html is English, for before this runs.
document.title = t('optionsPageTitle');
render(<OptionsPage />, document.getElementById('app')!);
