import { browser } from 'wxt/browser';

/**
 * Imports one of the content script's own modules from the extension (the
 * card's, the page map's), built beside it by modules/lazy-modules-build.ts.
 * The manifest lists each as a web-accessible resource with a dynamic URL:
 * this content script may load it, while a page asking for it by the
 * extension's fixed id is refused, so it cannot tell that Context Lens is
 * installed.
 */
export async function importOwnModule<T>(file: string): Promise<T> {
  const url = browser.runtime.getURL(`/${file}` as Parameters<typeof browser.runtime.getURL>[0]);
  return (await import(/* @vite-ignore */ url)) as T;
}
