import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { COMMAND_NEXT, COMMAND_PREVIOUS, COMMAND_TOGGLE_SITE } from '../../background/commands';
import { PAGE_MAP_MODULE_FILE } from '../../page/map/page-map-module';
import { waitForScan } from '../../tools/scripts/page-probe';
import { type Extension, expect, type Server, test } from './fixtures';
import { CardProbe } from './support/card-probe';
import { runCommand } from './support/run-command';

/**
 * The side panel as a reading companion: the page map (every name in reading
 * order, "in view" following the reader's scroll, a click showing one with
 * its card), what the toolbar button opens, and what our live region says.
 */

/** The page map's rows by their accessible names, top to bottom. */
function mapRows(panel: Page): Promise<(string | null)[]> {
  return panel
    .getByRole('region', { name: /^Page map/ })
    .getByRole('button')
    .evaluateAll((buttons) => buttons.map((button) => button.getAttribute('aria-label')));
}

/** The long-read fixture, highlighted, with the side panel open beside it. */
async function besideLongRead(extension: Extension, page: Page, server: Server): Promise<Page> {
  await page.goto(server.fixture('long-read.html'));
  await waitForScan(page);
  return extension.openPanelBeside(page);
}

/** What the live region of our UI on the page says now. */
function liveRegionText(page: Page): Promise<string | null> {
  return page.evaluate(
    () =>
      document.querySelector('context-lens-ui')?.shadowRoot?.querySelector('[role="status"][aria-live="polite"]')
        ?.textContent ?? null,
  );
}

test('the side panel maps the page: names in reading order, in view as the reader scrolls, a click shows one with its card', async ({
  extension,
  page,
  server,
}) => {
  const panel = await besideLongRead(extension, page, server);
  await expect
    .poll(() => mapRows(panel))
    .toEqual([
      'Beijing, city, 1 of 1, in view',
      'Alibaba, firm, 1 of 2, in view',
      'Shenzhen, city, 1 of 1',
      'Alibaba, firm, 2 of 2',
    ]);
  const map = panel.getByRole('region', { name: /^Page map/ });
  await expect(map.getByRole('heading', { level: 2 })).toHaveText('Page map · 2 of 4 in view');
  await expect(map.getByRole('button', { name: 'Alibaba, firm, 2 of 2' })).toHaveAccessibleDescription(
    'By the end of the year Alibaba had changed its plans.',
  );

  // "In view" follows the page's scroll.
  await page.evaluate(() => document.getElementById('middle')?.scrollIntoView({ block: 'center' }));
  await expect
    .poll(() => mapRows(panel))
    .toEqual([
      'Beijing, city, 1 of 1',
      'Alibaba, firm, 1 of 2',
      'Shenzhen, city, 1 of 1, in view',
      'Alibaba, firm, 2 of 2',
    ]);
  await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
  await expect
    .poll(() => mapRows(panel))
    .toEqual([
      'Beijing, city, 1 of 1',
      'Alibaba, firm, 1 of 2',
      'Shenzhen, city, 1 of 1',
      'Alibaba, firm, 2 of 2, in view',
    ]);

  // The list follows the page as it changes.
  await page.evaluate(() => {
    const added = document.createElement('p');
    added.textContent = 'Hangzhou is where the story began.';
    document.body.append(added);
  });
  await expect.poll(() => mapRows(panel)).toContain('Hangzhou, city, 1 of 1, in view');

  // A click in the panel brings the mention into view on the page, with its card.
  await map.getByRole('button', { name: 'Alibaba, firm, 1 of 2' }).click();
  const card = new CardProbe(page);
  await card.waitOpen();
  expect((await card.state()).heading).toMatch(/^Alibaba/);
  await expect.poll(() => mapRows(panel)).toContain('Alibaba, firm, 1 of 2, in view');
  expect(await page.evaluate(() => scrollY)).toBeLessThan(400);

  // Loading the map's code for the panel did not open it to the page.
  const probe = await page.evaluate(async (url) => {
    try {
      return (await fetch(url)).status;
    } catch {
      return 'refused';
    }
  }, `chrome-extension://${extension.id}/${PAGE_MAP_MODULE_FILE}`);
  expect(probe).toBe('refused');
  extension.errors.length = 0;

  // A navigation in the tab: the map is of the new page.
  await page.goto(server.fixture('basic.html'));
  await waitForScan(page);
  await expect.poll(() => mapRows(panel)).toContain('Tianjin, city, 1 of 1, in view');
  expect(await mapRows(panel)).not.toContain('Shenzhen, city, 1 of 1');
  expect(extension.errors).toEqual([]);
});

test('the story in pictures: a timeline and a relations map with accessible names, keyboard steps and a text alternative', async ({
  extension,
  page,
  server,
}) => {
  const panel = await besideLongRead(extension, page, server);
  await panel.getByText('China and its tech giants: from crackdown to courtship', { exact: true }).first().click();
  const timeline = panel.getByRole('group', { name: /^Timeline of “China and its tech giants/ });
  await expect(timeline).toBeVisible();
  await expect(timeline).toHaveAccessibleDescription(
    'Arrow keys move between the marks; Enter shows one with its paragraph.',
  );
  // One tab stop: Tab reaches the first mark, the arrows the others, Enter shows one with its paragraph.
  const marks = timeline.getByRole('button');
  await marks.first().focus();
  await panel.keyboard.press('ArrowDown');
  await expect(marks.nth(1)).toBeFocused();
  await expect(marks.nth(1)).toHaveAccessibleName(/^October 2020: Jack Ma criticised Beijing/);
  await panel.keyboard.press('Enter');
  const timelineSection = panel.getByRole('region', { name: /^Timeline of “China and its tech giants/ });
  await expect(timelineSection.locator('.picture-detail')).toContainText('October 2020: Jack Ma criticised Beijing');
  await expect(timelineSection.locator('.picture-detail').getByRole('button', { name: 'Source: ¶5' })).toBeVisible();

  const relations = panel.getByRole('group', { name: /^Relations in “China and its tech giants/ });
  // The page names Beijing, Alibaba (twice) and Shenzhen: they stand out, with their counts.
  await expect(relations.getByRole('button', { name: 'Alibaba, firm, 2 mentions on this page' })).toHaveClass(
    'node mentioned',
  );
  await expect(relations.getByRole('button', { name: 'Qihoo 360, firm' })).toHaveClass('node');
  const alibaba = relations.getByRole('button', { name: /^Alibaba, firm/ });
  await alibaba.focus();
  await panel.keyboard.press('Enter');
  // Its story opens in the panel.
  await expect(panel.getByRole('heading', { level: 2, name: /^Alibaba/ })).toBeVisible();
  await panel.getByRole('button', { name: '← Back' }).click();

  // Each picture's text alternative holds the same content.
  await panel.getByText('China and its tech giants: from crackdown to courtship', { exact: true }).first().click();
  const relationsSection = panel.getByRole('region', { name: /^Who is related to whom of “China and its tech giants/ });
  await relationsSection.getByRole('button', { name: 'Show as text' }).click();
  const table = relationsSection.getByRole('table', { name: /^Relations in “China and its tech giants/ });
  await expect(table.getByRole('row').nth(1)).toContainText('Alibaba (2 mentions on this page)Based inHangzhou');
  expect(extension.errors).toEqual([]);
});

test('the side panel with its map and its pictures passes axe in light and dark, and holds at 200% zoom', async ({
  extension,
  page,
  server,
}) => {
  const panel = await besideLongRead(extension, page, server);
  await expect.poll(async () => (await mapRows(panel)).length).toBe(4);
  for (const summary of await panel.locator('.story details summary').all()) await summary.click();
  for (const colorScheme of ['light', 'dark'] as const) {
    await panel.emulateMedia({ colorScheme });
    const results = await new AxeBuilder({ page: panel }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
  }
  // 200% zoom: half the width in CSS pixels. The panel's own column never scrolls sideways; a picture
  // wider than it scrolls inside its frame, at full size.
  await panel.setViewportSize({ width: 200, height: 400 });
  expect(await panel.evaluate(() => document.documentElement.scrollWidth <= innerWidth + 1)).toBe(true);
  const sizes = await panel
    .locator('.picture-frame svg')
    .evaluateAll((svgs) => svgs.map((svg) => svg.getBoundingClientRect().width / Number(svg.getAttribute('width'))));
  expect(sizes.length).toBeGreaterThan(0);
  for (const scale of sizes) expect(scale).toBeCloseTo(1, 2);
});

test('the keyboard commands say each mention they step to, and the site switch says itself, in our live region', async ({
  extension,
  page,
  server,
}) => {
  await page.goto(server.fixture('long-read.html'));
  await waitForScan(page);
  await runCommand(extension, page, COMMAND_NEXT);
  await expect.poll(() => liveRegionText(page)).toBe('Beijing, city, 1 of 1');
  await runCommand(extension, page, COMMAND_NEXT);
  await expect.poll(() => liveRegionText(page)).toBe('Alibaba, firm, 1 of 2');
  await runCommand(extension, page, COMMAND_NEXT);
  await runCommand(extension, page, COMMAND_NEXT);
  await expect.poll(() => liveRegionText(page)).toBe('Alibaba, firm, 2 of 2');
  await runCommand(extension, page, COMMAND_PREVIOUS);
  await expect.poll(() => liveRegionText(page)).toBe('Shenzhen, city, 1 of 1');

  const host = new URL(page.url()).host;
  await runCommand(extension, page, COMMAND_TOGGLE_SITE);
  await expect.poll(() => liveRegionText(page)).toBe(`Context Lens highlighting off for ${host}`);
  await runCommand(extension, page, COMMAND_TOGGLE_SITE);
  await expect.poll(() => liveRegionText(page)).toBe(`Context Lens highlighting on for ${host}`);
  expect(extension.errors).toEqual([]);
});

test('the options page chooses what the toolbar button opens: the side panel in the popup’s place, and back', async ({
  extension,
}) => {
  const options = await extension.openOptions();
  const button = () =>
    options.evaluate(async () => ({
      popup: await chrome.action.getPopup({}),
      sidePanelOnClick: (await chrome.sidePanel.getPanelBehavior()).openPanelOnActionClick,
    }));
  await expect.poll(button).toEqual({ popup: expect.stringMatching(/\/popup\.html$/), sidePanelOnClick: false });
  await options.getByRole('radio', { name: /^The side panel, which stays open beside the page/ }).check();
  await expect.poll(button).toEqual({ popup: '', sidePanelOnClick: true });
  // The choice is a setting: in sync storage, and so in the export.
  expect(await options.evaluate(() => chrome.storage.sync.get(null))).toMatchObject({
    settings: { patch: { toolbarOpens: 'side-panel' } },
  });
  await options.getByRole('radio', { name: /^The panel, which closes when you click the page/ }).check();
  await expect.poll(button).toEqual({ popup: expect.stringMatching(/\/popup\.html$/), sidePanelOnClick: false });
});
