import { resolve } from 'node:path';
import {
  type Browser,
  type BrowserContext,
  test as base,
  type ConsoleMessage,
  chromium,
  type Page,
  type Worker,
} from '@playwright/test';
import { EXTENSION_DIR, launchWithExtension } from '../../tools/scripts/browser-session.mjs';
import { findChrome } from '../../tools/scripts/find-browsers.mjs';
import { startStaticServer } from '../../tools/scripts/static-server.mjs';
import { CORPUS_DIR, PROJECT_ROOT } from '../shared-paths';

export { expect } from '@playwright/test';

export interface Server {
  origin: string;
  /** A page written for the tests, from tests/e2e/pages. */
  fixture(name: string): string;
  /** A real saved page from ../shared/corpus/pages, served with its own charset. */
  corpus(name: string): string;
  /** A real saved page of the hand-labelled set, from tests/labelled-pages/pages. */
  labelled(name: string): string;
  /** A held-out page of the hand-labelled set, by its path under tests/labelled-pages/held-out. */
  heldOut(path: string): string;
  demo: string;
  /** The same server under another host name (any name ending in .test reaches 127.0.0.1). */
  on(host: string, url: string): string;
}

/** The pages that show the panel: the toolbar popup, and the side panel that stays open beside the page. */
export type PanelEntry = 'popup' | 'sidepanel';

export interface Extension {
  context: BrowserContext;
  serviceWorker: Worker;
  id: string;
  /** Errors that came from our code: service worker, content script, popup or options page. */
  errors: string[];
  /**
   * Opens the toolbar panel, or the side panel, as a page: describing the tab of
   * `forPage`, or with no tab named (the side panel then follows the active tab).
   */
  openPanel(forPage?: Page, entry?: PanelEntry): Promise<Page>;
  /**
   * Opens the side panel's page for the tab of `forPage` in a window of its
   * own, as a side panel sits beside the page: the page stays in front in
   * its window, so it renders, scrolls and is seen.
   */
  openPanelBeside(forPage: Page): Promise<Page>;
  /** The browser's id for the tab showing `page`. */
  tabIdOf(page: Page): Promise<number>;
  /** Opens the options page in a tab of its own, once it lists the stories. */
  openOptions(): Promise<Page>;
}

const BROWSER_SETTLE_MS = 500;

/** Ours, not a page's own reference to some extension URL (chrome-extension://invalid/ in an ad script). */
const isOurs = (url: string | undefined, id: string) => url?.startsWith(`chrome-extension://${id}/`) ?? false;

/** Starts Chromium with the extension, in `language` when given, and collects the errors our code raises. */
async function openExtension(
  headless: boolean,
  language?: string,
  extensionDir?: string,
): Promise<{ extension: Extension; close: () => Promise<void> }> {
  const session = await launchWithExtension({ headless, language, extensionDir });
  const errors: string[] = [];
  const onConsole = (message: ConsoleMessage) => {
    if (message.type() === 'error' && isOurs(message.location().url, session.extensionId)) {
      errors.push(`${message.location().url}: ${message.text()}`);
    }
  };
  session.context.on('console', onConsole);
  session.serviceWorker.on('console', (message) => {
    if (message.type() === 'error') errors.push(`service worker: ${message.text()}`);
  });
  session.context.on('weberror', (webError) => {
    const stack = webError.error().stack ?? '';
    if (stack.includes(`chrome-extension://${session.extensionId}/`)) errors.push(`uncaught: ${stack}`);
  });
  const extension: Extension = {
    context: session.context,
    serviceWorker: session.serviceWorker,
    id: session.extensionId,
    errors,
    async openPanel(forPage, entry = 'popup') {
      const tabId = forPage ? await extension.tabIdOf(forPage) : undefined;
      const panel = await session.context.newPage();
      await panel.goto(`chrome-extension://${session.extensionId}/${entry}.html${tabId ? `?tab=${tabId}` : ''}`);
      return panel;
    },
    async openPanelBeside(forPage) {
      return session.openPanelBeside(await session.tabIdOf(forPage));
    },
    tabIdOf: (page) => session.tabIdOf(page),
    async openOptions() {
      const options = await session.context.newPage();
      await options.goto(`chrome-extension://${session.extensionId}/options.html`);
      await options.locator('.story-list').waitFor();
      return options;
    },
  };
  return { extension, close: () => session.close() };
}

export const test = base.extend<
  { extension: Extension; page: Page; browserLanguage: string | undefined; extensionDir: string },
  { server: Server; plainBrowser: Browser; warmExtension: Extension }
>({
  /** The same Chromium without the extension, to compare pages against. */
  plainBrowser: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright's fixture signature wants the destructuring.
    async ({}, use) => {
      const browser = await chromium.launch({ executablePath: findChrome(), args: ['--no-sandbox', '--disable-gpu'] });
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],

  server: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright's fixture signature wants the destructuring.
    async ({}, use) => {
      const server = await startStaticServer({
        '/fixtures/': resolve(PROJECT_ROOT, 'tests/e2e/pages'),
        '/demo/': resolve(PROJECT_ROOT, 'tools/demo'),
        '/corpus/': CORPUS_DIR,
        '/labelled/': resolve(PROJECT_ROOT, 'tests/labelled-pages/pages'),
        '/held-out/': resolve(PROJECT_ROOT, 'tests/labelled-pages/held-out'),
      });
      await use({
        origin: server.origin,
        fixture: (name) => `${server.origin}/fixtures/${name}`,
        corpus: (name) => `${server.origin}/corpus/${encodeURIComponent(name)}`,
        labelled: (name) => `${server.origin}/labelled/${encodeURIComponent(name)}`,
        heldOut: (path) => `${server.origin}/held-out/${path.split('/').map(encodeURIComponent).join('/')}`,
        demo: `${server.origin}/demo/briefing.html`,
        on: (host, url) => {
          const moved = new URL(url);
          moved.hostname = host;
          return moved.href;
        },
      });
      await server.close();
    },
    { scope: 'worker' },
  ],

  /** The browser's interface language (`--lang`), for a file that sets it with `test.use`; unset, Chromium's own. */
  browserLanguage: [undefined, { option: true }],

  /** The build loaded: the one that records its measures, unless a file sets the shipped one with `test.use`. */
  extensionDir: [EXTENSION_DIR, { option: true }],

  extension: async ({ headless, browserLanguage, extensionDir }, use) => {
    const { extension, close } = await openExtension(headless, browserLanguage, extensionDir);
    await use(extension);
    await close();
  },

  warmExtension: [
    async ({ headless, server }, use) => {
      const { extension, close } = await openExtension(headless);
      // One browser for a whole file, started and used in a few tabs before any page is timed:
      // the first pages after a browser starts compete with its own start-up on both cores.
      for (let i = 0; i < 3; i++) {
        const page = await extension.context.newPage();
        await page.goto(server.demo);
        await page.waitForTimeout(BROWSER_SETTLE_MS);
        await page.close();
      }
      await use(extension);
      await close();
    },
    { scope: 'worker' },
  ],

  page: async ({ extension }, use) => {
    const page = extension.context.pages()[0] ?? (await extension.context.newPage());
    // A browser that has just started is still busy setting itself up on both cores; timings
    // taken then say more about the machine than about us.
    await page.waitForTimeout(BROWSER_SETTLE_MS);
    await use(page);
  },
});
