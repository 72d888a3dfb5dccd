import { SESSION_KEYS } from '../../../platform/storage/storage-keys';
import type { Extension } from '../fixtures';

/** One of the counts the content script last reported, as the background keeps it. */
function readReport(extension: Extension, key: string): Promise<Record<string, number>> {
  return extension.serviceWorker.evaluate(
    async (at) => ((await chrome.storage.session.get(at))[at] as Record<string, number> | undefined) ?? {},
    key,
  );
}

/** The counts the content script last reported for a tab's top frame: what the badge and the panel show. */
export function reportedCounts(extension: Extension, tabId: number): Promise<Record<string, number>> {
  return readReport(extension, SESSION_KEYS.frameMentions.key(tabId, 0));
}

/** The common names the top frame last reported as named but not marked: what the panel lists as such. */
export function reportedUnmarked(extension: Extension, tabId: number): Promise<Record<string, number>> {
  return readReport(extension, SESSION_KEYS.frameUnmarked.key(tabId, 0));
}
