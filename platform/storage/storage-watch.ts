import { browser } from 'wxt/browser';
import type { StorageKeys } from './storage-keys';

/**
 * Calls `onChange` once for each write that touches a record of `ours` (a
 * group of the registry of storage keys) in an area it lives in. One write
 * of several keys (a save, an added pack) is heard once, after all its keys
 * have landed. Returns a function that stops listening.
 */
export function watchStorageKeys(ours: Record<string, StorageKeys>, onChange: () => void): () => void {
  const entries = Object.values(ours);
  const isOurs = (key: string, area: string) =>
    entries.some((entry) => (entry.areas as readonly string[]).includes(area) && entry.matches(key));
  let pending = false;
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (pending || !Object.keys(changes).some((key) => isOurs(key, area))) return;
    pending = true;
    queueMicrotask(() => {
      pending = false;
      onChange();
    });
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
