// Starts Chrome or Chromium with the built extension loaded, as the demo and
// the end-to-end tests both need it: its own profile, no network beyond
// 127.0.0.1, and the extension id read off the service worker.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { findChrome } from './find-browsers.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The build the tests, the bench and the demo load: it records its measures in pages' timelines (`npm run build:measures`). */
export const EXTENSION_DIR = resolve(ROOT, '.output/chrome-mv3-measures');
/** The build as shipped (`npm run build`), which records none. */
export const SHIPPED_EXTENSION_DIR = resolve(ROOT, '.output/chrome-mv3');

/**
 * Host names under the reserved .test domain resolve to 127.0.0.1 in our
 * browsers, so tests can serve one local server as several sites
 * (news.example.test, other.test) and exercise per-site rules.
 */
const TEST_DOMAIN = '.test';
const RESOLVE_TEST_SITES = `--host-resolver-rules=MAP *${TEST_DOMAIN} 127.0.0.1`;

/**
 * Aborts every request that would leave the machine: the machines running
 * this have no internet, and test pages must not reach it anyway.
 * @param {import('playwright-core').BrowserContext} context
 */
export async function routeToLoopbackOnly(context) {
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    const loopback = url.hostname === '127.0.0.1' || url.hostname.endsWith(TEST_DOMAIN);
    const leavesMachine = /^(https?|wss?):$/.test(url.protocol) && !loopback;
    return leavesMachine ? route.abort('blockedbyclient') : route.continue();
  });
}

/** Flags every browser of ours starts with, with the extension or without it. */
export const BROWSER_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  RESOLVE_TEST_SITES,
  // Test sites are plain http on 127.0.0.1; trying https first would only add a failed connection.
  '--disable-features=HttpsUpgrades',
];

/**
 * The same browser as `launchWithExtension` but without the extension, for a
 * benchmark to compare the same pages against in the same run.
 * @param {{ headless: boolean }} options
 */
export async function launchWithoutExtension({ headless }) {
  const profile = await mkdtemp(join(tmpdir(), 'context-lens-bare-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChrome(),
    headless,
    viewport: { width: 1280, height: 900 },
    args: BROWSER_ARGS,
  });
  await routeToLoopbackOnly(context);
  return {
    context,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/**
 * @param {{ headless: boolean, extensionDir?: string, viewport?: { width: number, height: number } | null, profileDir?: string, phone?: boolean, language?: string }} options
 *   `profileDir` keeps the browser profile there (and leaves it) so a test can restart the browser with it.
 *   `phone` emulates a phone: a touch screen, a mobile viewport (360×640 unless `viewport` says otherwise).
 *   `language` is the browser's interface language ("zh-CN"), which the extension's words follow.
 */
export async function launchWithExtension({
  headless,
  extensionDir = EXTENSION_DIR,
  viewport,
  profileDir,
  phone = false,
  language,
}) {
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionDir}. Run "npm run build" and "npm run build:measures" first.`);
  }
  const profile = profileDir ?? (await mkdtemp(join(tmpdir(), 'context-lens-profile-')));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChrome(),
    headless,
    viewport: viewport === undefined ? (phone ? { width: 360, height: 640 } : { width: 1280, height: 900 }) : viewport,
    ...(phone ? { hasTouch: true, isMobile: true, deviceScaleFactor: 2 } : {}),
    ...(language === undefined ? {} : { locale: language }),
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      ...(language === undefined ? [] : [`--lang=${language}`]),
      ...BROWSER_ARGS,
    ],
  });
  await routeToLoopbackOnly(context);
  const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(serviceWorker.url()).host;
  return {
    context,
    serviceWorker,
    extensionId,
    /**
     * The browser's id for the tab showing `page`. Without the "tabs" permission tab URLs are
     * hidden from us: the page is brought to the front, and the active tab asked for.
     * @param {import('playwright-core').Page} page
     * @returns {Promise<number>}
     */
    async tabIdOf(page) {
      await page.bringToFront();
      const id = await serviceWorker.evaluate(
        async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id,
      );
      if (id === undefined) throw new Error(`no tab shows ${page.url()}`);
      return id;
    },
    /**
     * Opens the side panel's page for tab `tabId` in a window of its own, as a side panel sits
     * beside the page: the page stays in front in its window, so it renders, scrolls and is seen.
     * @param {number} tabId
     * @returns {Promise<import('playwright-core').Page>}
     */
    async openPanelBeside(tabId) {
      const opened = context.waitForEvent('page');
      await serviceWorker.evaluate(
        (url) => chrome.windows.create({ url, type: 'popup', width: 420, height: 720 }),
        `chrome-extension://${extensionId}/sidepanel.html?tab=${tabId}`,
      );
      const panel = await opened;
      await panel.waitForLoadState();
      return panel;
    },
    async close() {
      await context.close();
      if (profileDir === undefined) await rm(profile, { recursive: true, force: true });
    },
  };
}
