// The options page: what Interlinear does where, sync, and every post with drafts.
import { Dashboard } from './Dashboard';
import { SiteAccessList } from './SiteAccessList';
import { ExportAllSection } from './ExportPanel';
import { ImportPanel } from './ImportPanel';
import { SyncSettingsForm } from './SyncSettingsForm';
import { SyncStatusLine } from './SyncStatusLine';

export function OptionsPage() {
  return (
    <main class="options">
      <h1>Interlinear</h1>
      <p>
        Interlinear notices blog posts that ask their readers to translate them, and lets you draft the translation
        paragraph by paragraph while you read. Every keystroke is saved in this browser.
      </p>
      <p class="muted">
        It reads posts on diff.wikimedia.org. Open its toolbar button on such a post, or open the side panel to draft
        while you read.
      </p>
      <SiteAccessList />
      <SyncStatusLine linkWhenOff={false} />
      <SyncSettingsForm />
      <Dashboard />
      <ExportAllSection />
      <ImportPanel />
    </main>
  );
}
