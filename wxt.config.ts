import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { COMMAND_NEXT, COMMAND_PREVIOUS, COMMAND_TOGGLE_SITE } from './background/commands';
import { findChrome } from './scripts/find-browsers.mjs';

// Firefox needs a stable add-on id for storage.sync and for signing; the
// data_collection_permissions key states that we collect nothing.
const FIREFOX_ADDON_ID = 'context-lens@context-lens.dev';
/** The first Firefox, on the desktop and on Android, with every API we use (the Custom Highlight API among them). */
const FIREFOX_MIN_VERSION = '142.0';

/** `npm run dev` opens the same browser as the demo and the tests (CHROME_PATH or a usual place). */
function devBrowser(): Record<string, string> | undefined {
  try {
    return { chrome: findChrome() };
  } catch {
    return undefined; // WXT's runner then looks for Chrome itself.
  }
}

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  // Reviewers get what builds the add-on, not our test runs' output.
  webExt: {
    binaries: devBrowser(),
    // Chromium refuses to start its sandbox as root (containers, CI boxes).
    chromiumArgs: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
  },
  zip: { excludeSources: ['artifacts/**', 'test-results/**', 'bench/out/**'] },
  manifest: ({ browser }) => ({
    name: 'Context Lens',
    description:
      "Highlights the firms, cities and officials of China's tech crackdown and its reversal on any page, and explains each one's part in the story.",
    permissions: ['storage', 'contextMenus'],
    action: { default_title: 'Context Lens' },
    // Chrome allows four suggested keys per extension: three here, one spare.
    commands: {
      [COMMAND_NEXT]: {
        suggested_key: { default: 'Alt+Shift+Period' },
        description: 'Go to the next highlighted name on the page and open its card',
      },
      [COMMAND_PREVIOUS]: {
        suggested_key: { default: 'Alt+Shift+Comma' },
        description: 'Go to the previous highlighted name on the page and open its card',
      },
      [COMMAND_TOGGLE_SITE]: {
        suggested_key: { default: 'Alt+Shift+L' },
        description: 'Switch highlighting on or off for the current site',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: FIREFOX_ADDON_ID,
              strict_min_version: FIREFOX_MIN_VERSION,
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android runs the same build: it has no sidebar, so the toolbar button keeps its popup.
            gecko_android: { strict_min_version: FIREFOX_MIN_VERSION },
          },
        }
      : {}),
  }),
});
