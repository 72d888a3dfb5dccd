import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { COMMAND_NEXT, COMMAND_PREVIOUS, COMMAND_TOGGLE_SITE } from './background/commands';
import { findChrome } from './tools/scripts/find-browsers.mjs';

// Firefox needs a stable add-on id for storage.sync and for signing; the
// data_collection_permissions key states that we collect nothing.
const FIREFOX_ADDON_ID = 'context-lens@context-lens.dev';
/** The first Firefox, on the desktop and on Android, with every API we use (the Custom Highlight API among them). */
const FIREFOX_MIN_VERSION = '142.0';

/**
 * CONTEXT_LENS_MEASURES=1 builds the extension that records its work as
 * `context-lens:*` measures in the page's performance timeline, for the
 * tests, the bench and the demo to read, in a folder of its own
 * (.output/chrome-mv3-measures). A shipped build records none: a page's
 * scripts read the same timeline. The same build keeps the card's shadow
 * root open, so that the tests read the card as a reader sees it; the
 * shipped build closes it (components/card/card-layer.ts).
 */
const MEASURES = process.env.CONTEXT_LENS_MEASURES === '1';

/** `npm run dev` opens the same browser as the demo and the tests (CHROME_PATH or a usual place). */
function devBrowser(): Record<string, string> | undefined {
  try {
    return { chrome: findChrome() };
  } catch {
    return undefined; // WXT's runner then looks for Chrome itself.
  }
}

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  // Every module imports what it uses: an auto-imported name would cross a layer rule unseen.
  imports: false,
  vite: () => ({ plugins: [preact()], define: { 'import.meta.env.CONTEXT_LENS_MEASURES': JSON.stringify(MEASURES) } }),
  outDirTemplate: `{{browser}}-mv{{manifestVersion}}${MEASURES ? '-measures' : ''}{{modeSuffix}}`,
  // Reviewers get what builds the add-on, not our test runs' output.
  webExt: {
    binaries: devBrowser(),
    // Chromium refuses to start its sandbox as root (containers, CI boxes).
    chromiumArgs: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
  },
  zip: { excludeSources: ['artifacts/**', 'test-results/**', 'tools/bench/out/**'] },
  manifest: ({ browser }) => ({
    // Words from locales/, in the browser's language: the manifest cannot follow the reader's choice in the options.
    default_locale: 'en',
    name: '__MSG_manifest_name__',
    description: '__MSG_manifest_description__',
    permissions: ['storage', 'contextMenus'],
    action: { default_title: '__MSG_manifest_name__' },
    // Chrome allows four suggested keys per extension: three here, one spare.
    commands: {
      [COMMAND_NEXT]: {
        suggested_key: { default: 'Alt+Shift+Period' },
        description: '__MSG_manifest_nextMention__',
      },
      [COMMAND_PREVIOUS]: {
        suggested_key: { default: 'Alt+Shift+Comma' },
        description: '__MSG_manifest_previousMention__',
      },
      [COMMAND_TOGGLE_SITE]: {
        suggested_key: { default: 'Alt+Shift+L' },
        description: '__MSG_manifest_toggleSite__',
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
