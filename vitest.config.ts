import { fileURLToPath } from 'node:url';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { BROWSER_ARGS } from './tools/scripts/browser-session.mjs';
import { findChrome } from './tools/scripts/find-browsers.mjs';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** `wxt/browser` in a real browser's page: WXT's fake extension APIs, as its Vitest plugin gives them elsewhere. */
const FAKE_BROWSER = here('tests/page/fake-browser.ts');

export default defineConfig({
  test: {
    projects: [
      {
        // Everything that needs no layout: the engine, storage, the UI's components, the page's pure parts.
        plugins: [WxtVitest()],
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
          restoreMocks: true,
          setupFiles: ['tests/fixtures/browser-language.ts'],
        },
      },
      {
        // The page's core in a real Chromium: CSS.highlights, layout and visibility are the browser's own.
        // WXT's plugin serves its setup as a virtual module a browser cannot fetch: the same fakes, wired here.
        resolve: { alias: { 'wxt/browser': FAKE_BROWSER } },
        test: {
          name: 'page',
          include: ['tests/page/**/*.test.ts'],
          restoreMocks: true,
          setupFiles: ['tests/page/fake-browser-setup.ts'],
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({ launchOptions: { executablePath: findChrome(), args: BROWSER_ARGS } }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
});
