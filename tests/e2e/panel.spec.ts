import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { COMMAND_TOGGLE_SITE } from '../../background/commands';
import { SESSION_KEYS } from '../../platform/storage/storage-keys';
import { launchWithExtension } from '../../tools/scripts/browser-session.mjs';
import { waitForScan } from '../../tools/scripts/page-probe';
import { PROJECT_ROOT } from '../shared-paths';
import { expect, test } from './fixtures';
import { CardProbe } from './support/card-probe';
import { highlightCount, PanelPage } from './support/panel-page';
import { runCommand } from './support/run-command';

const NEWS = 'news.example.test';
const OTHER = 'other.test';

test('switching a site off in the panel clears it in every tab of that site, and only there', async ({
  extension,
  page,
  server,
}) => {
  await page.goto(server.on(NEWS, server.demo));
  const second = await extension.context.newPage();
  await second.goto(server.on(NEWS, server.fixture('card.html')));
  const other = await extension.context.newPage();
  await other.goto(server.on(OTHER, server.demo));
  for (const tab of [page, second, other]) await waitForScan(tab);
  const before = await highlightCount(other);
  expect(before).toBeGreaterThan(20);

  const panel = await PanelPage.open(extension, page);
  // The test server runs on a port of its own, and a rule made on a port covers only that port.
  await expect(panel.siteSwitch).toHaveAccessibleName(`Highlight on ${new URL(page.url()).host}`);
  await expect(panel.siteSwitch).toBeChecked();
  await panel.siteSwitch.uncheck();
  await expect.poll(() => highlightCount(page)).toBe(0);
  await expect.poll(() => highlightCount(second)).toBe(0);
  expect(await highlightCount(other)).toBe(before);
  await expect(panel.onPage).toContainText('paused');

  // Kept across a reload.
  await page.reload();
  await page.waitForTimeout(1500);
  expect(await highlightCount(page)).toBe(0);

  await panel.siteSwitch.check();
  await expect.poll(() => highlightCount(page)).toBe(before);
  await expect.poll(() => highlightCount(second)).toBeGreaterThan(5);
  expect(extension.errors).toEqual([]);
});

test('the side panel shows a tab’s mentions, and without a tab named follows the active tab', async ({
  extension,
  page,
  server,
}) => {
  await page.goto(server.on(NEWS, server.demo));
  const other = await extension.context.newPage();
  await other.goto(server.on(OTHER, server.fixture('card.html')));
  for (const tab of [page, other]) await waitForScan(tab);

  const forTab = await PanelPage.open(extension, page, 'sidepanel');
  await expect(forTab.siteSwitch).toHaveAccessibleName(`Highlight on ${new URL(page.url()).host}`);
  await expect(forTab.entity('Alibaba')).toBeVisible();

  // Opened without a tab, it describes the tab in front, whichever that becomes.
  const beside = new PanelPage(await extension.openPanel(undefined, 'sidepanel'));
  await other.bringToFront();
  await expect(beside.siteSwitch).toHaveAccessibleName(`Highlight on ${new URL(other.url()).host}`);
  await page.bringToFront();
  await expect(beside.siteSwitch).toHaveAccessibleName(`Highlight on ${new URL(page.url()).host}`);
  await expect(beside.entity('Alibaba')).toBeVisible();
  // A panel named for a tab stays with it.
  await expect(forTab.siteSwitch).toHaveAccessibleName(`Highlight on ${new URL(page.url()).host}`);
  await other.bringToFront();
  await expect(forTab.siteSwitch).toHaveAccessibleName(`Highlight on ${new URL(page.url()).host}`);
  expect(extension.errors).toEqual([]);
});

test('local files have one switch of their own, which leaves every web site as it is', async ({
  extension,
  page,
  server,
}) => {
  // What a reader allows on the extensions page ("Allow access to file URLs"): Chrome reads no file without it.
  const extensions = await extension.context.newPage();
  await extensions.goto('chrome://extensions/');
  await extensions.evaluate(async (extensionId) => {
    type Developer = { updateExtensionConfiguration(change: object): Promise<void> };
    const api = (globalThis as unknown as { chrome: { developerPrivate: Developer } }).chrome.developerPrivate;
    await api.updateExtensionConfiguration({ extensionId, fileAccess: true });
  }, extension.id);
  await extensions.close();
  await page.goto(pathToFileURL(resolve(PROJECT_ROOT, 'tools/demo/briefing.html')).href);
  await waitForScan(page);
  const before = await highlightCount(page);
  expect(before).toBeGreaterThan(20);

  const panel = await PanelPage.open(extension, page);
  await expect(panel.siteSwitch).toHaveAccessibleName('Highlight on local files');
  await panel.siteSwitch.uncheck();
  await expect.poll(() => highlightCount(page)).toBe(0);
  await expect(panel.onPage).toContainText('paused on local files');
  await page.reload();
  await page.waitForTimeout(1500);
  expect(await highlightCount(page)).toBe(0);

  const site = await extension.context.newPage();
  await site.goto(server.demo);
  await waitForScan(site);
  expect(await highlightCount(site)).toBe(before);
  expect(extension.errors).toEqual([]);
});

test('a site switched off loses its highlights in its frames too', async ({ extension, page, server }) => {
  await page.goto(server.on(NEWS, server.fixture('engine.html')));
  await waitForScan(page);
  const frame = await (await page.$('#same-origin-frame'))?.contentFrame();
  if (!frame) throw new Error('no same-origin frame');
  const inFrame = () => frame.evaluate(() => CSS.highlights.get('context-lens-city')?.size ?? 0);
  await expect.poll(inFrame).toBe(1);
  const panel = await PanelPage.open(extension, page);
  await panel.siteSwitch.uncheck();
  await expect.poll(inFrame).toBe(0);
  await panel.siteSwitch.check();
  await expect.poll(inFrame).toBe(1);
});

test('a site switched off stays off after the browser restarts with the same profile', async ({ server }) => {
  const profileDir = await mkdtemp(join(tmpdir(), 'context-lens-restart-'));
  try {
    const first = await launchWithExtension({ headless: true, profileDir });
    const page = first.context.pages()[0] ?? (await first.context.newPage());
    await page.goto(server.on(NEWS, server.demo));
    await waitForScan(page);
    const tabId = await first.tabIdOf(page);
    const panelPage = await first.context.newPage();
    await panelPage.goto(`chrome-extension://${first.extensionId}/popup.html?tab=${tabId}`);
    const panel = new PanelPage(panelPage);
    await panel.ready();
    await panel.siteSwitch.uncheck();
    await expect.poll(() => highlightCount(page)).toBe(0);
    await first.close();

    const second = await launchWithExtension({ headless: true, profileDir });
    const again = second.context.pages()[0] ?? (await second.context.newPage());
    await again.goto(server.on(NEWS, server.demo));
    await again.waitForTimeout(2000);
    expect(await highlightCount(again)).toBe(0);
    await again.goto(server.on(OTHER, server.demo));
    await waitForScan(again);
    expect(await highlightCount(again)).toBeGreaterThan(20);
    await second.close();
  } finally {
    await rm(profileDir, { recursive: true, force: true });
  }
});

test('in "only on listed sites" mode, only the listed sites are highlighted', async ({ extension, page, server }) => {
  await extension.serviceWorker.evaluate(async (host) => {
    await chrome.storage.sync.set({
      settings: { patch: { mode: 'only-listed' }, siteChunks: 1 },
      'sites.0': `+${host}`,
    });
  }, NEWS);
  await page.goto(server.on(OTHER, server.demo));
  await page.waitForTimeout(1500);
  expect(await highlightCount(page)).toBe(0);
  await page.goto(server.on(`www.${NEWS}`, server.demo));
  await waitForScan(page);
  expect(await highlightCount(page)).toBeGreaterThan(20);

  const other = await extension.context.newPage();
  await other.goto(server.on(OTHER, server.fixture('card.html')));
  const panel = await PanelPage.open(extension, other);
  await expect(panel.siteSwitch).not.toBeChecked();
  await panel.siteSwitch.check();
  await expect.poll(() => highlightCount(other)).toBeGreaterThan(5);
});

test('the badge shows the tab’s mentions, and nothing where highlighting is off', async ({
  extension,
  page,
  server,
}) => {
  await page.goto(server.on(NEWS, server.demo));
  await waitForScan(page);
  const tabId = await extension.tabIdOf(page);
  const badge = () => extension.serviceWorker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
  const total = await highlightCount(page);
  expect(total).toBeGreaterThan(20);
  await expect.poll(badge).toBe(String(total));
  const panel = await PanelPage.open(extension, page);
  await panel.globalSwitch.uncheck();
  await expect.poll(badge).toBe('');
  await panel.globalSwitch.check();
  // The page scans again, then reports: the highlights come back first, the badge follows.
  await expect.poll(() => highlightCount(page)).toBe(total);
  await expect.poll(badge).toBe(String(total));
});

test('clicking an entity in the panel scrolls the page to it and opens its card', async ({
  extension,
  page,
  server,
}) => {
  await page.goto(server.fixture('card.html'));
  await waitForScan(page);
  const panel = await PanelPage.open(extension, page);
  await panel.entity('Alibaba').click();
  const card = new CardProbe(page);
  await card.waitOpen();
  expect((await card.state()).heading).toContain('Alibaba');
  await panel.entity('Alibaba').click();
  await expect(card.dialog.locator('.place')).toHaveText('2 of 2 mentions on this page');
  const inView = await page.evaluate(() => {
    const [active] = (CSS.highlights.get('context-lens-active') as Highlight | undefined) ?? [];
    const box = (active as Range).getBoundingClientRect();
    return box.top >= 0 && box.bottom <= innerHeight;
  });
  expect(inView).toBe(true);
});

test('the panel’s search forgives typos and opens an entity’s story by keyboard', async ({
  extension,
  page,
  server,
}) => {
  await page.goto(server.demo);
  await waitForScan(page);
  const panel = await PanelPage.open(extension, page);
  await panel.search.fill('xiao mi');
  await expect(panel.page.getByRole('option').first()).toContainText('Xiaomi');
  await panel.search.press('ArrowDown');
  await panel.search.press('ArrowUp');
  await panel.search.press('Enter');
  const story = panel.page.getByRole('region', { name: /^Xiaomi/ });
  await expect(story).toContainText('Reconciliation');
  await expect(story).toContainText('2 mentions on this page');
  await story.getByRole('button', { name: 'Met Yin Li' }).click();
  await expect(panel.page.getByRole('heading', { level: 2, name: /^Yin Li/ })).toBeVisible();
  await panel.page.keyboard.press('Escape');
  await panel.page.keyboard.press('Escape');
  await expect(panel.onPage).toBeVisible();
});

test('the keyboard command switches the current site off and on', async ({ extension, page, server }) => {
  await page.goto(server.on(NEWS, server.demo));
  await waitForScan(page);
  const before = await highlightCount(page);
  const toggle = () => runCommand(extension, page, COMMAND_TOGGLE_SITE);
  await toggle();
  await expect.poll(() => highlightCount(page)).toBe(0);
  await toggle();
  await expect.poll(() => highlightCount(page)).toBe(before);
});

test('the context menu looks up selected text in the panel, even text that is not highlighted', async ({
  extension,
  page,
  server,
}) => {
  await page.goto(server.demo);
  await waitForScan(page);
  const cdp = await extension.context.newCDPSession(page);
  const popupTargets = async () =>
    (await cdp.send('Target.getTargets')).targetInfos.filter((t) => t.url.includes('/popup.html')).length;
  await extension.serviceWorker.evaluate(() => {
    // Headless Chromium shows no native menus; the click is dispatched as the browser would.
    (
      chrome.contextMenus.onClicked as unknown as {
        dispatch(info: chrome.contextMenus.OnClickData): void;
      }
    ).dispatch({ menuItemId: 'context-lens-lookup', selectionText: '  hangzou  ', editable: false, pageUrl: '' });
  });
  // The toolbar popup opens (headless keeps it off-screen, but it is a target) and takes the text.
  await expect.poll(popupTargets).toBe(1);
  await expect
    .poll(() =>
      extension.serviceWorker.evaluate(
        async (key) => Object.keys(await chrome.storage.session.get(key)),
        SESSION_KEYS.lookup.key,
      ),
    )
    .toEqual([]);

  // What that popup shows, on a panel given the same text.
  await extension.serviceWorker.evaluate(() => chrome.storage.session.set({ lookup: 'hangzou' }));
  const lookup = await PanelPage.open(extension, page);
  await expect(lookup.search).toHaveValue('hangzou');
  await expect(lookup.page.getByRole('option').first()).toContainText('Hangzhou');
});

test('the panel says plainly when it cannot read the page, and when the page names nothing', async ({
  extension,
  page,
  server,
}) => {
  await page.goto('chrome://version');
  const blocked = await PanelPage.open(extension, page);
  await expect(blocked.onPage).toContainText('Context Lens can’t read this page');
  await blocked.search.fill('alibaba');
  await expect(blocked.page.getByRole('option').first()).toContainText('Alibaba');

  await page.goto(server.corpus('lemonde-2023-09-01.html'));
  await waitForScan(page);
  const empty = await PanelPage.open(extension, page);
  await expect(empty.onPage).toContainText('None of the stories’ names appear on this page.');
});

test('axe-core finds no violations in the panel or the options page', async ({ extension, page, server }) => {
  await page.goto(server.demo);
  await waitForScan(page);
  for (const colorScheme of ['light', 'dark'] as const) {
    const panel = await PanelPage.open(extension, page);
    await panel.page.emulateMedia({ colorScheme });
    await panel.search.fill('hang');
    const results = await new AxeBuilder({ page: panel.page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
  }
  const options = await extension.openOptions();
  const results = await new AxeBuilder({ page: options }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
});

test('the options page adds a site rule, switches kinds and sets the delay, live in open tabs', async ({
  extension,
  page,
  server,
}) => {
  await page.goto(server.on(NEWS, server.demo));
  await waitForScan(page);
  const before = await highlightCount(page);
  const options = await extension.openOptions();

  const add = options.getByLabel('Add a site to leave alone');
  await add.fill('not a site!');
  await options.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(options.getByRole('alert')).toContainText('is not a site name');
  await add.fill(page.url());
  await options.getByRole('button', { name: 'Add', exact: true }).click();
  await expect.poll(() => highlightCount(page)).toBe(0);
  await options.getByRole('button', { name: /^Remove / }).click();
  await expect.poll(() => highlightCount(page)).toBe(before);

  const cities = () => page.evaluate(() => CSS.highlights.get('context-lens-city')?.size ?? 0);
  expect(await cities()).toBeGreaterThan(0);
  await options.getByLabel('Cities').uncheck();
  await expect.poll(cities).toBe(0);
  await expect.poll(() => highlightCount(page)).toBeGreaterThan(0);
  await options.getByLabel('Cities').check();
  await expect.poll(() => highlightCount(page)).toBe(before);

  await options.getByLabel('Open the card after the pointer rests on a name for').fill('1500');
  await expect(options.locator('output')).toHaveText('1500 ms');
  const card = new CardProbe(page);
  await page.bringToFront();
  await card.hover(await card.mention('Tianjin'));
  await page.waitForTimeout(800);
  expect(await card.isOpen()).toBe(false);
  await card.waitOpen();
});
