import { SESSION_KEYS } from '../../../platform/storage/storage-keys';
import type { Extension } from '../fixtures';

/** The counts the content script last reported for a tab's top frame: what the badge and the panel show. */
export function reportedCounts(extension: Extension, tabId: number): Promise<Record<string, number>> {
  return extension.serviceWorker.evaluate(
    async (key) => ((await chrome.storage.session.get(key))[key] as Record<string, number> | undefined) ?? {},
    SESSION_KEYS.frameMentions.key(tabId, 0),
  );
}
