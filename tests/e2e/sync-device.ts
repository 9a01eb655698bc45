// One "device" for the sync tests: a browser profile with the built extension, the post open, sync
// settings saved (by messaging the background: see the top of sync.test.ts for why), and the side
// panel drafting in Russian.
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, openExtensionPage, openTab, pollUntil, type ExtensionBrowser } from './harness';

export interface SyncDevice {
  name: string;
  browser: ExtensionBrowser;
  panel: Page;
  options: Page;
}

export interface DeviceSettings {
  serverUrl: string;
  database: string;
  username: string;
  password: string;
}

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<any> } };

export async function openSyncDevice(name: string, postUrl: string, server: DeviceSettings): Promise<SyncDevice> {
  const browser = await launchExtension();
  const { tabId } = await openTab(browser, postUrl);
  const options = await openExtensionPage(browser.context, browser.extensionId, 'options.html');
  const settings = { ...server, deviceName: name };
  await expect(options.evaluate((s) => chrome.runtime.sendMessage({ type: 'sync:save-settings', settings: s }), settings)).resolves.toEqual({ ok: true });
  const panel = await openExtensionPage(browser.context, browser.extensionId, `sidepanel.html?tab=${tabId}`);
  await panel.locator('textarea[data-segment-id]').first().waitFor();
  await panel.getByTestId('target-language').selectOption('ru');
  await pollUntil(() => panel.locator('textarea[data-segment-id]').first().isEnabled(), { message: 'editors enabled' });
  return { name, browser, panel, options };
}

/** Asks a device's background for a sync now, from its options page; answers the status after. */
export function syncNow(device: SyncDevice): Promise<{ state: string } | undefined> {
  return device.options.evaluate(() => chrome.runtime.sendMessage({ type: 'sync:now' }));
}
