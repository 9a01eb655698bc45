// Opening the panel for long work: Chrome's side panel, Firefox's sidebar. Both must be called
// straight from the click that asks for it.
import { browser } from 'wxt/browser';

interface ChromeSidePanel {
  open(options: { tabId?: number; windowId?: number }): Promise<void>;
  setPanelBehavior(behavior: { openPanelOnActionClick: boolean }): Promise<void>;
}
interface FirefoxSidebar {
  open(): Promise<void>;
}

export function canOpenSidePanel(): boolean {
  return !!sidePanelApi() || !!sidebarApi();
}

export async function openSidePanel(windowId: number | undefined): Promise<void> {
  const sidebar = sidebarApi();
  if (sidebar) return sidebar.open();
  const panel = sidePanelApi();
  if (panel && windowId !== undefined) return panel.open({ windowId });
}

function sidePanelApi(): ChromeSidePanel | undefined {
  return (globalThis as { chrome?: { sidePanel?: ChromeSidePanel } }).chrome?.sidePanel;
}

function sidebarApi(): FirefoxSidebar | undefined {
  return (browser as unknown as { sidebarAction?: FirefoxSidebar }).sidebarAction;
}

/** The toolbar button opens the popup; the side panel opens from the popup's button. */
export function keepToolbarOpeningPopup(): void {
  sidePanelApi()?.setPanelBehavior({ openPanelOnActionClick: false }).catch(() => undefined);
}
