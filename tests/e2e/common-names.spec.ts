import type { Page } from '@playwright/test';
import { COMMAND_NEXT, COMMAND_PREVIOUS } from '../../background/commands';
import { waitForScan } from '../../tools/scripts/page-probe';
import { expect, test } from './fixtures';
import { highlightCount, PanelPage } from './support/panel-page';
import { runCommand } from './support/run-command';

/**
 * Highlights that earn their place, in Chromium with the built extension: a
 * story's common names stay unmarked until one of its actors is shown, the
 * panel lists them and marks them on request, and the reader's density
 * thins the marks while every mention stays one step away.
 */

/** Every marked name on the page, as an outside check reads them through CSS.highlights, in page order. */
function markedTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const ranges: Range[] = [];
    for (const [name, highlight] of CSS.highlights) {
      if (!name.startsWith('context-lens-') || name === 'context-lens-active' || name === 'context-lens-flash')
        continue;
      for (const range of highlight) ranges.push(range as Range);
    }
    return ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b)).map(String);
  });
}

/** Where the mention whose card is open starts: its paragraph's id (or its tag) and its offset there. */
function activeMention(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const [range] = [...(CSS.highlights.get('context-lens-active') ?? [])] as Range[];
    const holder = range?.startContainer.parentElement;
    return range === undefined ? null : `${holder?.id || holder?.localName}:${range.startOffset}`;
  });
}

/** Steps with the keyboard command `count` times, and where each step landed. */
async function stepThrough(extension: Parameters<typeof runCommand>[0], page: Page, command: string, count: number) {
  const visited: string[] = [];
  for (let i = 0; i < count; i++) {
    const before = await activeMention(page);
    await runCommand(extension, page, command);
    await expect.poll(() => activeMention(page)).not.toBe(before);
    visited.push((await activeMention(page)) as string);
  }
  return visited;
}

test('a page with only common names is left unmarked, the panel lists them, and one click marks them', async ({
  extension,
  page,
  server,
}) => {
  await page.goto(server.fixture('common-names.html'));
  await waitForScan(page);
  await page.waitForTimeout(300);
  // Alibaba sits in a hidden menu: an actor nobody can see opens nothing.
  expect(await markedTexts(page)).toEqual(['Alibaba']);

  const panel = await PanelPage.open(extension, page);
  await expect(panel.onPage).toContainText('Also named here, not marked: Beijing (2), Hangzhou (1)');
  await panel.onPage.getByRole('button', { name: 'Mark them on this page' }).click();
  await expect.poll(() => markedTexts(page)).toEqual(['Alibaba', 'Beijing', 'Beijing', 'Hangzhou']);
  await expect(panel.entity('Beijing')).toBeVisible();
  await expect(panel.onPage).not.toContainText('Also named here, not marked');
  expect(extension.errors).toEqual([]);
});

test('an own actor shown later lights up the common names already on the page', async ({ extension, page, server }) => {
  await page.goto(server.fixture('common-names.html'));
  await waitForScan(page);
  await page.waitForTimeout(300);
  expect(await markedTexts(page)).toEqual(['Alibaba']);
  await page.evaluate(() => {
    (document.getElementById('later') as HTMLElement).textContent = 'Alibaba opened an office there.';
  });
  await expect.poll(() => markedTexts(page)).toEqual(['Alibaba', 'Beijing', 'Beijing', 'Hangzhou', 'Alibaba']);
  // The actor leaves; the names it opened stay marked while the page is read.
  await page.evaluate(() => document.getElementById('later')?.replaceChildren());
  await page.waitForTimeout(500);
  expect(await markedTexts(page)).toEqual(['Alibaba', 'Beijing', 'Beijing', 'Hangzhou']);
  expect(extension.errors).toEqual([]);
});

test('the options mark common names everywhere, and set the density, on open pages at once', async ({
  extension,
  page,
  server,
}) => {
  await page.goto(server.fixture('common-names.html'));
  const story = await extension.context.newPage();
  await story.goto(server.fixture('density.html'));
  for (const tab of [page, story]) await waitForScan(tab);
  await expect.poll(() => highlightCount(story)).toBe(7);

  const options = await extension.openOptions();
  await options.getByRole('checkbox', { name: 'Mark a story’s common names on every page' }).check();
  await expect.poll(() => markedTexts(page)).toEqual(['Alibaba', 'Beijing', 'Beijing', 'Hangzhou']);
  await options.getByRole('checkbox', { name: 'Mark a story’s common names on every page' }).uncheck();
  await expect.poll(() => markedTexts(page)).toEqual(['Alibaba']);

  await options.getByRole('radio', { name: 'The first mention on the page' }).check();
  await expect.poll(() => markedTexts(story)).toEqual(['Alibaba', 'Hangzhou']);
  await options.getByRole('radio', { name: 'Every mention' }).check();
  await expect.poll(() => highlightCount(story)).toBe(7);
  expect(extension.errors).toEqual([]);
});

for (const { density, choice, marked } of [
  {
    density: 'every mention',
    choice: 'Every mention',
    marked: ['Alibaba', 'Alibaba', 'Hangzhou', 'Alibaba', 'Hangzhou', 'Alibaba', 'Hangzhou'],
  },
  {
    density: 'the first in each section',
    choice: 'The first mention in each section',
    marked: ['Alibaba', 'Alibaba', 'Hangzhou', 'Hangzhou', 'Alibaba'],
  },
  { density: 'the first on the page', choice: 'The first mention on the page', marked: ['Alibaba', 'Hangzhou'] },
]) {
  test(`marking ${density}, Previous and Next still reach every mention`, async ({ extension, page, server }) => {
    const options = await extension.openOptions();
    await options.getByRole('radio', { name: choice }).check();
    await page.bringToFront();
    await page.goto(server.fixture('density.html'));
    await waitForScan(page);
    await expect.poll(() => markedTexts(page)).toEqual(marked);

    const forward = await stepThrough(extension, page, COMMAND_NEXT, 7);
    expect(new Set(forward).size).toBe(7);
    // The eighth step wraps round to the first, and Previous goes back the same way.
    expect(await stepThrough(extension, page, COMMAND_NEXT, 1)).toEqual([forward[0]]);
    expect(await stepThrough(extension, page, COMMAND_PREVIOUS, 1)).toEqual([forward[6]]);
    const panel = await PanelPage.open(extension, page);
    await expect(panel.entity('Alibaba')).toHaveAccessibleName(/^Alibaba, 4 mentions/);
    await expect(panel.entity('Hangzhou')).toHaveAccessibleName(/^Hangzhou, 3 mentions/);
    expect(extension.errors).toEqual([]);
  });
}
