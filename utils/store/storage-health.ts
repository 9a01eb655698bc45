// What a failed save means to the translator, and asking the browser to keep our data.

/** True when the browser refused a write for lack of space (IndexedDB's QuotaExceededError). */
export function isQuotaError(error: unknown): boolean {
  const name = (error as { name?: unknown })?.name;
  const message = String((error as { message?: unknown })?.message ?? error);
  return name === 'QuotaExceededError' || /QuotaExceeded|quota (has been )?exceeded|not enough space/i.test(message);
}

export const QUOTA_MESSAGE =
  'Your browser has no room left to store drafts. What you type is kept in this window and saved ' +
  'as soon as there is room: free some disk space, and export a backup of your drafts now.';

/** The line a view shows while a save keeps failing. */
export function saveErrorMessage(error: unknown): string {
  if (isQuotaError(error)) return QUOTA_MESSAGE;
  return `Not saved yet, trying again: ${String((error as Error)?.message ?? error)}`;
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
