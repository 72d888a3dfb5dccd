import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import puppeteer, { type Page } from 'puppeteer-core';
import { BUNDLED_PACK } from '../../data/bundled-pack';
import { ENTITY_KINDS } from '../../data/schema';
import { findFirefox } from '../../scripts/find-browsers.mjs';
import { PROJECT_ROOT } from '../shared-paths';
import { test as base, expect } from './fixtures';
import { countInRenderedText, nameRows } from './support/independent-count';
import { readOurMentions } from './support/our-mentions';

/**
 * The Firefox build in real Firefox (Debian's firefox-esr), driven by
 * puppeteer-core over WebDriver BiDi: highlights on the demo page and on two
 * corpus pages, and the hover card.
 */

const FIREFOX_BUILD = resolve(PROJECT_ROOT, '.output/firefox-mv2');
const rows = nameRows(BUNDLED_PACK);

interface Firefox {
  /** Warnings and errors from our code: content script, card, panel. */
  errors: string[];
  /** A new tab whose messages from our code are collected in `errors`. */
  newPage(): Promise<Page>;
  open(url: string): Promise<Page>;
}

const test = base.extend<{ firefox: Firefox }>({
  firefox: async ({ headless }, use) => {
    const manifest = JSON.parse(readFileSync(resolve(FIREFOX_BUILD, 'manifest.json'), 'utf8'));
    const addonId: string = manifest.browser_specific_settings.gecko.id;
    const uuid = randomUUID();
    const browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: findFirefox(),
      headless,
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [addonId]: uuid }),
        // Every request that would leave 127.0.0.1 goes to a closed local port and fails at once.
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': 9,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': 9,
        'network.proxy.no_proxies_on': '127.0.0.1',
        'network.proxy.allow_hijacking_localhost': false,
      },
    });
    await browser.installExtension(FIREFOX_BUILD);
    const errors: string[] = [];
    // The UUID is fixed by the preference above, so messages from the add-on's own scripts can be told apart.
    const origin = `moz-extension://${uuid}`;
    const watch = (page: Page) => {
      page.on('console', (message) => {
        const ours = message.text().startsWith('Context Lens') || message.location().url?.startsWith(origin);
        if (ours && (message.type() === 'error' || message.type() === 'warn')) errors.push(message.text());
      });
      page.on('pageerror', (error) => {
        if (String((error as Error).stack).includes('moz-extension://')) errors.push(String(error));
      });
    };
    const firefox: Firefox = {
      errors,
      async newPage() {
        const [blank] = await browser.pages();
        const page = blank !== undefined && blank.url() === 'about:blank' ? blank : await browser.newPage();
        watch(page);
        await page.setViewport({ width: 1280, height: 900 });
        return page;
      },
      async open(url) {
        const page = await firefox.newPage();
        await page.goto(url, { waitUntil: 'load' });
        return page;
      },
    };
    await use(firefox);
    await browser.close();
  },
});

function waitForScan(page: Page) {
  return page.waitForFunction(() => performance.getEntriesByName('context-lens:scan', 'measure').length > 0, {
    timeout: 15_000,
  });
}

test('Firefox: the demo page is highlighted by kind without a single change to its DOM', async ({
  firefox,
  server,
}) => {
  const page = await firefox.newPage();
  // The demo page has no scripts of its own: once parsed, any change to its DOM would be ours.
  await page.evaluateOnNewDocument(() => {
    const changes: string[] = [];
    (window as unknown as { changes: string[] }).changes = changes;
    document.addEventListener('DOMContentLoaded', () => {
      new MutationObserver((records) => {
        for (const record of records) changes.push(`${record.type} on ${record.target.nodeName}`);
      }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
    });
  });
  await page.goto(server.demo, { waitUntil: 'load' });
  await waitForScan(page);

  const kinds = await page.evaluate(() =>
    [...CSS.highlights.keys()].filter((name) => name.startsWith('context-lens-')),
  );
  expect(kinds.sort()).toEqual(ENTITY_KINDS.map((kind) => `context-lens-${kind}`).sort());
  const ours = await page.evaluate(readOurMentions, rows);
  expect(ours.unknownTexts).toEqual([]);
  expect(ours.visible).toEqual(await page.evaluate(countInRenderedText, rows));
  expect(await page.evaluate(() => (window as unknown as { changes: string[] }).changes)).toEqual([]);
  expect(firefox.errors).toEqual([]);
});

for (const name of ['curved-de-apple.html', 'deccanherald-beijing-tariffs.html']) {
  test(`Firefox: a real page (${name}) is highlighted as a reader sees it`, async ({ firefox, server }) => {
    const page = await firefox.open(server.corpus(name));
    await waitForScan(page);
    const ours = await page.evaluate(readOurMentions, rows);
    expect(ours.unknownTexts).toEqual([]);
    expect(Object.values(ours.visible).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    expect(ours.visible).toEqual(await page.evaluate(countInRenderedText, rows));
    expect(firefox.errors).toEqual([]);
  });
}

/** The centre of the first mention of `text`, in viewport coordinates. */
function mentionPoint(page: Page, text: string) {
  return page.evaluate((wanted) => {
    for (const [name, highlight] of CSS.highlights) {
      if (!name.startsWith('context-lens-')) continue;
      for (const range of highlight as Highlight) {
        if ((range as Range).toString() !== wanted) continue;
        const rect = (range as Range).getClientRects()[0];
        if (rect) return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
      }
    }
    return null;
  }, text);
}

function cardHeading(page: Page) {
  return page.evaluate(
    () =>
      document.querySelector('context-lens-ui')?.shadowRoot?.querySelector('.frame:popover-open h2')?.textContent ??
      null,
  );
}

test('Firefox: resting on a name opens its card, and leaving closes it', async ({ firefox, server }) => {
  const page = await firefox.open(server.demo);
  await waitForScan(page);
  const spot = await mentionPoint(page, 'Alibaba Group');
  if (spot === null) throw new Error('no mention of Alibaba Group in view');
  await page.mouse.move(spot.x - 2, spot.y);
  await page.mouse.move(spot.x, spot.y);
  await page.waitForFunction(
    () => document.querySelector('context-lens-ui')?.shadowRoot?.querySelector('.frame:popover-open') != null,
    { timeout: 5_000 },
  );
  expect(await cardHeading(page)).toContain('Alibaba');
  expect(await page.evaluate(() => CSS.highlights.get('context-lens-active')?.size)).toBe(1);

  await page.mouse.move(2, 2);
  await page.waitForFunction(
    () => document.querySelector('context-lens-ui')?.shadowRoot?.querySelector('.frame:popover-open') == null,
    { timeout: 5_000 },
  );
  expect(firefox.errors).toEqual([]);
});
