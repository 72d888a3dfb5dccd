import { waitForScan } from '../../tools/scripts/page-probe';
import { expect, test } from './fixtures';
import { CardProbe } from './support/card-probe';
import { highlightCount, PanelPage } from './support/panel-page';
import { reportedCounts } from './support/reported-counts';
import { runCommand } from './support/run-command';

// A page with a collapsed menu, a mobile-only copy, an invisible line, a closed disclosure and the story itself.
test.beforeEach(async ({ page, server }) => {
  await page.goto(server.fixture('shown.html'));
  await waitForScan(page);
});

test('only the names a reader can see are counted; a menu that opens brings its names in', async ({
  extension,
  page,
}) => {
  const tabId = await extension.tabIdOf(page);
  // Every name is highlighted, hidden or not: a highlight on hidden text costs nothing and shows when the text does.
  expect(await highlightCount(page)).toBe(9);
  await expect.poll(() => reportedCounts(extension, tabId)).toEqual({ alibaba: 2, beijing: 1 });
  const badge = () => extension.serviceWorker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
  await expect.poll(badge).toBe('3');

  const panel = await PanelPage.open(extension, page);
  await expect(panel.entity('Alibaba')).toHaveAccessibleName('Alibaba, 2 mentions, Firm');
  for (const hidden of ['Xiaomi', 'JD.com', 'Kuaishou', 'Tianjin']) {
    await expect(panel.onPage.getByRole('button', { name: new RegExp(`^${hidden} `) })).toHaveCount(0);
  }
  await panel.page.close();

  // The menu opens: its names are shown, and counted.
  await page.click('#menu-button');
  await expect.poll(() => reportedCounts(extension, tabId)).toEqual({ alibaba: 3, beijing: 1, xiaomi: 1 });
  await expect.poll(badge).toBe('5');
  // The disclosure opens too; closing the menu takes its names out again.
  await page.click('#more summary');
  await page.click('#menu-button');
  await expect.poll(() => reportedCounts(extension, tabId)).toEqual({ alibaba: 2, beijing: 1, tianjin: 1 });
  // On a small screen the mobile-only copy is what a reader sees.
  await page.setViewportSize({ width: 360, height: 640 });
  await expect
    .poll(() => reportedCounts(extension, tabId))
    .toEqual({ alibaba: 3, beijing: 1, tianjin: 1, 'jd-com': 1 });
  expect(extension.errors).toEqual([]);
});

test('stepping through the mentions and the card’s “n of m” skip the hidden ones', async ({ extension, page }) => {
  const card = new CardProbe(page);
  const heading = card.dialog.getByRole('heading', { level: 2 });
  const seen: string[] = [];
  for (let i = 0; i < 4; i++) {
    await runCommand(extension, page, 'next-mention');
    await card.waitOpen();
    await expect(card.dialog).toContainText(/of \d mentions? on this page/);
    seen.push(`${await heading.textContent()} ${(await card.dialog.textContent())?.match(/\d of \d/)?.[0]}`);
  }
  // Three visible mentions, then round again: the menu's, the mobile copy's and the ghost's never come up.
  expect(seen.map((s) => s.replace(/ 阿里巴巴| 北京/, ''))).toEqual([
    'Alibaba 1 of 2',
    'Beijing 1 of 1',
    'Alibaba 2 of 2',
    'Alibaba 1 of 2',
  ]);
  expect(extension.errors).toEqual([]);
});
