import type { Alias, AliasOptions } from 'vite';
import { defineWxtModule } from 'wxt/modules';

/** The import that @wxt-dev/webextension-polyfill points at the polyfill. */
const BROWSER_IMPORT = 'wxt/browser';

/** The aliases less the polyfill's, in either of the forms Vite takes. */
function withoutPolyfill(alias: AliasOptions): AliasOptions {
  if (Array.isArray(alias)) return (alias as Alias[]).filter((entry) => entry.find !== BROWSER_IMPORT);
  const { [BROWSER_IMPORT]: _polyfill, ...rest } = alias as Record<string, string>;
  return rest;
}

/**
 * The content script and the modules it imports (the card's, the page
 * map's) run in every page a reader opens: they use the browser's own
 * promise-based API (Chrome's `chrome` in Manifest V3, Firefox's `browser`),
 * which WXT's `wxt/browser` gives without the polyfill. The polyfill would be
 * 3 KB of every page's script, gzipped, and another parse before the first
 * highlight; the one thing the content script would need of it, a promise
 * as a message's answer, it gives with `sendResponse`. The background and
 * our own pages keep the polyfill.
 */
export default defineWxtModule((wxt) => {
  wxt.hooks.hook('vite:build:extendConfig', (entrypoints, config) => {
    if (!entrypoints.some((entrypoint) => entrypoint.type === 'content-script')) return;
    const alias = config.resolve?.alias;
    // Changed in place: the lazy modules' build copies this config once WXT is done.
    if (config.resolve !== undefined && alias !== undefined) config.resolve.alias = withoutPolyfill(alias);
  });
});
