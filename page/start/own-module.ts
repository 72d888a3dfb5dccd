import { browser } from 'wxt/browser';

/**
 * Imports one of the content script's own modules from the extension (the
 * card's, the page map's), built beside it by modules/lazy-modules-build.ts.
 * The manifest lists each as a web-accessible resource with a dynamic URL:
 * this content script may load it, while a page asking for it by the
 * extension's fixed id is refused, so it cannot tell that Context Lens is
 * installed.
 */
export async function importOwnModule<T>(file: string, load: ModuleLoader = loadModule): Promise<T> {
  const url = browser.runtime.getURL(`/${file}` as Parameters<typeof browser.runtime.getURL>[0]);
  const known = loaded.get(file);
  if (known !== undefined) return (await load(known)) as T;
  try {
    const module = (await load(url)) as T;
    loaded.set(file, url);
    return module;
  } catch (first) {
    // Firefox now and then fails a content script's import of its own file
    // ("error loading dynamically imported module"), and a module map keeps a
    // failed address failed: one more try, after a pause, at an address of its
    // own (the extension serves the file whatever its query), which later
    // imports then use. Our modules are self-contained bundles, so even a
    // failure while one ran leaves nothing half-done to run twice.
    await new Promise((resolve) => setTimeout(resolve, RETRY_AFTER_MS));
    const again = `${url}?attempt=2`;
    try {
      const module = (await load(again)) as T;
      loaded.set(file, again);
      return module;
    } catch (second) {
      throw new AggregateError([first, second], `${file} did not load, twice`);
    }
  }
}

export type ModuleLoader = (url: string) => Promise<unknown>;

const RETRY_AFTER_MS = 250;

/** The address each module loaded from, for later imports of it. */
const loaded = new Map<string, string>();

const loadModule: ModuleLoader = (url) => import(/* @vite-ignore */ url);
