import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { COMMAND_NEXT, COMMAND_PREVIOUS, COMMAND_TOGGLE_SITE } from '../../background/commands';
import { waitForScan } from '../../scripts/page-probe.mjs';
import { expect, test } from './fixtures';
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
  await page.goto(server.fixture('long-read.html'));
  await waitForScan(page);
  const panel = await extension.openPanelBeside(page);
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

  // A navigation in the tab: the map is of the new page.
  await page.goto(server.fixture('basic.html'));
  await waitForScan(page);
  await expect.poll(() => mapRows(panel)).toContain('Tianjin, city, 1 of 1, in view');
  expect(await mapRows(panel)).not.toContain('Shenzhen, city, 1 of 1');
  expect(extension.errors).toEqual([]);
});

test('the side panel with its map passes axe in light and dark', async ({ extension, page, server }) => {
  await page.goto(server.fixture('long-read.html'));
  await waitForScan(page);
  const panel = await extension.openPanelBeside(page);
  await expect.poll(async () => (await mapRows(panel)).length).toBe(4);
  for (const colorScheme of ['light', 'dark'] as const) {
    await panel.emulateMedia({ colorScheme });
    const results = await new AxeBuilder({ page: panel }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
  }
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
  const options = await extension.context.newPage();
  await options.goto(`chrome-extension://${extension.id}/options.html`);
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
