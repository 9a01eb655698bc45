// What a failed save means to the translator, and asking the browser to keep our data.
import { t } from '../i18n';

/** True when the browser refused a write for lack of space (IndexedDB's QuotaExceededError). */
export function isQuotaError(error: unknown): boolean {
  const name = (error as { name?: unknown })?.name;
  const message = String((error as { message?: unknown })?.message ?? error);
  return name === 'QuotaExceededError' || /QuotaExceeded|quota (has been )?exceeded|not enough space/i.test(message);
}

/** What a full disk means to the translator, in the UI language. */
export function quotaMessage(): string {
  return t('storageQuotaFull');
}

/** The line a view shows while a save keeps failing. */
export function saveErrorMessage(error: unknown): string {
  if (isQuotaError(error)) return quotaMessage();
  return t('storageNotSavedYet', String((error as Error)?.message ?? error));
}

/**
 * Asks the browser not to evict our storage under pressure (the extension also holds
 * `unlimitedStorage`). Only pages can ask: StorageManager.persist() is not offered to workers.
 */
export async function requestPersistentStorage(storage: StorageManager | undefined = globalThis.navigator?.storage): Promise<boolean> {
  if (!storage?.persist) return false;
  try {
    return (await storage.persisted()) || (await storage.persist());
  } catch {
    return false;
  }
}
