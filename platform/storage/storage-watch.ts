import { browser } from 'wxt/browser';

/**
 * Calls `onChange` once for each write that touches keys `ours` matches, in
 * any storage area or only in `area`. One write of several keys (a save, an
 * added pack) is heard once, after all its keys have landed. Returns a
 * function that stops listening.
 */
export function watchStorageKeys(ours: RegExp, onChange: () => void, area?: string): () => void {
  let pending = false;
  const listener = (changes: Record<string, unknown>, changedArea: string) => {
    if (pending || (area !== undefined && changedArea !== area)) return;
    if (!Object.keys(changes).some((key) => ours.test(key))) return;
    pending = true;
    queueMicrotask(() => {
      pending = false;
      onChange();
    });
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
