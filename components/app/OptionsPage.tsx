// The options page: what Interlinear does where, sync, and every post with drafts.
import { t, uiLanguage } from '@/utils/i18n';
import { builtInSiteNames } from '@/utils/site-access/site-patterns';
import { Dashboard } from '../dashboard/Dashboard';
import { SiteAccessList } from '../site-access/SiteAccessList';
import { ExportAllSection } from '../export/ExportPanel';
import { ImportPanel } from '../export/ImportPanel';
import { SyncSettingsForm } from '../sync/SyncSettingsForm';
import { SyncStatusLine } from '../sync/SyncStatusLine';
import { MemoryFiles } from '../memory/MemoryFiles';
import { GlossaryManager } from '../glossary/GlossaryManager';

export function OptionsPage() {
  return (
    <div class="options">
      <h1>{t('extName')}</h1>
      <p>{t('optionsIntro')}</p>
      <p class="muted">{t('optionsWhereItReads', builtInSiteNames(uiLanguage()))}</p>
      <SiteAccessList />
      <SyncStatusLine linkWhenOff={false} />
      <SyncSettingsForm />
      <Dashboard />
      <ExportAllSection />
      <ImportPanel />
      <MemoryFiles />
      <GlossaryManager />
    </div>
  );
}
