/**
 * `wxt/browser` in the page tests: WXT's fake extension APIs. WXT's own mock
 * imports all of `wxt/testing`, whose Vite plugin cannot load in a browser
 * (vitest-dev/vitest#8171).
 */
export { fakeBrowser as browser } from 'wxt/testing/fake-browser';
