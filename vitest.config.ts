import { fileURLToPath } from 'node:url';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { BROWSER_ARGS } from './tools/scripts/browser-session.mjs';
import { findChrome } from './tools/scripts/find-browsers.mjs';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** The system Chromium, where there is one: only the page project needs it, so `--project unit` runs without. */
function chromium(): string | undefined {
  try {
    return findChrome();
  } catch {
    return undefined;
  }
}

/**
 * In a real browser's page, what WXT's Vitest plugin gives the unit tests: `wxt/browser` as its fake
 * extension APIs, and the i18n module `wxt prepare` writes.
 */
const PAGE_ALIASES = {
  'wxt/browser': here('tests/page/fake-browser.ts'),
  // @wxt-dev/i18n asks the browser for its messages through the same API.
  '@wxt-dev/browser': here('tests/page/fake-browser.ts'),
  '#i18n': here('.wxt/i18n/index.ts'),
};

/** The tests read our measures, as a build made with CONTEXT_LENS_MEASURES=1 records them. */
const MEASURES_ON = { 'import.meta.env.CONTEXT_LENS_MEASURES': 'true' };

export default defineConfig({
  test: {
    projects: [
      {
        // Everything that needs no layout: the engine, storage, the UI's components, the page's pure parts.
        plugins: [WxtVitest()],
        define: MEASURES_ON,
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
        resolve: { alias: PAGE_ALIASES },
        define: MEASURES_ON,
        test: {
          name: 'page',
          include: ['tests/page/**/*.test.ts'],
          restoreMocks: true,
          setupFiles: ['tests/fixtures/browser-language.ts', 'tests/page/fake-browser-setup.ts'],
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({ launchOptions: { executablePath: chromium(), args: BROWSER_ARGS } }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
});
