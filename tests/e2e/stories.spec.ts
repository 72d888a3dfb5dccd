import type { Page } from '@playwright/test';
import { MEASURE, type MeasureName } from '../../page/measure-names';
import { PACK_KEYS } from '../../platform/storage/storage-keys';
import { readHighlights, waitForScan } from '../../tools/scripts/page-probe';
import { CHINA_PACK } from '../bundled-stories';
import { type Extension, expect, test } from './fixtures';
import { CardProbe } from './support/card-probe';
import { readerPack } from './support/reader-pack';
import { addPackFile, addReaderPack } from './support/story-files';

/**
 * Story packs end to end in Chromium: a reader adds a pack through the
 * options page, its names are highlighted beside the bundled stories', an
 * entity both tell of opens one card with both stories, and switching or
 * removing a story changes open pages at once. A broken file changes nothing.
 */

const HUAWEI_TITLE = 'Huawei and the spying claims of 2013';

async function highlightedTexts(page: Page): Promise<string[]> {
  return (await readHighlights(page)).highlights.flatMap((h) => h.texts).sort();
}

/** The fixture page, scanned, and the options page open beside it. */
async function pageAndOptions(extension: Extension, page: Page, fixture: string): Promise<Page> {
  await page.goto(fixture);
  await waitForScan(page);
  return extension.openOptions();
}

const stories = (options: Page) => options.getByRole('region', { name: 'Stories' });

/** Makes a story the reader added public, as they would: by unticking "Private" under it. */
async function makePublic(options: Page, id: string): Promise<void> {
  await options.locator(`[data-story="${id}"]`).getByRole('checkbox', { name: 'Private' }).uncheck();
}

/**
 * The boxes that paint private stories' names, inside our shadow root: the
 * measures build the tests drive keeps it open; the shipped build's is closed.
 */
const privateBoxes = (page: Page) =>
  page.evaluate(() =>
    [...(document.querySelector('context-lens-ui')?.shadowRoot?.querySelectorAll('.private-paint > div') ?? [])].map(
      (box) => {
        const { left, top, width, height } = box.getBoundingClientRect();
        return { left, top, width, height };
      },
    ),
  );

/** Where a text stands on the page, found in the page's own text, not through anything of ours. */
const textRect = (page: Page, text: string) =>
  page.evaluate((wanted) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(wanted) ?? -1;
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      const { left, top, width, height } = range.getBoundingClientRect();
      return { left, top, width, height };
    }
    return null;
  }, text);

const addedPacks = (extension: Extension) =>
  extension.serviceWorker.evaluate(
    async (key) => ((await chrome.storage.local.get(key))[key] ?? []) as { id: string; version: string }[],
    PACK_KEYS.added.key,
  );

test('a pack added in the options page is private until made public, then highlighted beside the bundled stories, and a shared entity’s card tells both', async ({
  extension,
  page,
  server,
}) => {
  await page.goto(server.fixture('stories.html'));
  await waitForScan(page);
  expect(await highlightedTexts(page)).toEqual(['Alibaba', 'CIA', 'Hangzhou', 'Hayden', 'Huawei', 'Michael Hayden']);

  const options = await extension.openOptions();
  await addPackFile(options, 'ant-group.json', JSON.stringify(readerPack()));
  await expect(stories(options).getByRole('status')).toHaveText('Added “Notes on Ant Group”: 2 names to look for.');
  await expect(options.locator('[data-story="ant-group-notes"]')).toContainText('version 1.0.0');

  // A story the reader adds is private: its name is painted from inside our shadow root, never in the registry.
  await page.bringToFront();
  const name = await textRect(page, 'Ant Group');
  await expect.poll(() => privateBoxes(page)).toEqual([name]);
  expect(await highlightedTexts(page)).toEqual(['Alibaba', 'CIA', 'Hangzhou', 'Hayden', 'Huawei', 'Michael Hayden']);
  // The reader hovers it as any name.
  const card = new CardProbe(page);
  await card.hover({ x: (name?.left ?? 0) + 10, y: (name?.top ?? 0) + (name?.height ?? 0) / 2 });
  await card.waitOpen();
  await expect(card.dialog.locator('.entity-name')).toContainText('Ant Group');
  await card.hover({ x: 2, y: 2 });
  await card.waitClosed();

  // Made public, it is painted as the bundled stories are.
  await makePublic(options, 'ant-group-notes');
  await expect.poll(() => highlightedTexts(page)).toContain('Ant Group');
  await expect.poll(() => privateBoxes(page)).toEqual([]);
  // Alibaba is one highlight, whose card holds what each story says of it.
  expect((await highlightedTexts(page)).filter((text) => text === 'Alibaba')).toHaveLength(1);
  await page.bringToFront();
  await card.hover(await card.mention('Alibaba'));
  await card.waitOpen();
  await expect(card.dialog.locator('.account-story')).toHaveText([
    'From the story “China and its tech giants: from crackdown to courtship”',
    'From the story “Notes on Ant Group”',
  ]);
  await expect(card.dialog).toContainText('In this test story, Alibaba spun off Ant Group.');

  // The panel counts the page's mentions story by story, and searches every story.
  const panel = await extension.openPanel(page);
  await expect(panel.getByRole('region', { name: 'Notes on Ant Group · 2 mentions' })).toBeVisible();
  await expect(panel.getByRole('region', { name: `${HUAWEI_TITLE} · 4 mentions` })).toBeVisible();
  await panel.getByRole('combobox', { name: 'Search the stories' }).fill('ant grup');
  await expect(panel.getByRole('option').first()).toContainText('In “Notes on Ant Group”');
  expect(extension.errors).toEqual([]);
});

/** Every frame from the page's first script on, how many ranges our highlights hold. */
function sampleHighlightsEachFrame(): void {
  const samples: number[] = [];
  (window as unknown as { highlightSamples: number[] }).highlightSamples = samples;
  const sample = () => {
    let ranges = 0;
    for (const [name, highlight] of CSS.highlights) if (name.startsWith('context-lens-')) ranges += highlight.size;
    samples.push(ranges);
    requestAnimationFrame(sample);
  };
  requestAnimationFrame(sample);
}

const measureDetail = (page: Page, name: MeasureName) =>
  page.evaluate(
    (n) =>
      performance.getEntriesByName(n, 'measure').map((m) => ({
        start: m.startTime,
        mentions: ((m as PerformanceMeasure).detail as { mentions?: number }).mentions,
      })),
    name,
  );

test("a reader's pack never delays the shipped stories' highlights, and theirs replace them without a blank frame", async ({
  extension,
  page,
  server,
}) => {
  await addReaderPack(extension);

  await page.addInitScript(sampleHighlightsEachFrame);
  await page.goto(server.fixture('stories.html'));
  await page.waitForFunction((rescan) => performance.getEntriesByName(rescan, 'measure').length > 0, MEASURE.rescan);
  // The shipped stories' names first (Alibaba, Hangzhou and the four of the spying claims), then every story's.
  const [scan] = await measureDetail(page, MEASURE.scan);
  const [compile] = await measureDetail(page, MEASURE.compile);
  const [rescan] = await measureDetail(page, MEASURE.rescan);
  expect(scan?.mentions).toBe(6);
  expect(rescan?.mentions).toBe(7);
  expect(scan?.start).toBeLessThan(compile?.start ?? 0);
  // The reader's story is private: found and counted, but never in the page's registry.
  expect(await highlightedTexts(page)).not.toContain('Ant Group');

  const samples = await page.evaluate(() => (window as unknown as { highlightSamples: number[] }).highlightSamples);
  const shown = samples.slice(samples.findIndex((ranges) => ranges > 0));
  expect(shown.length).toBeGreaterThan(0);
  expect(Math.min(...shown)).toBeGreaterThanOrEqual(6);

  // Other stories chosen while a card is open: the page is read anew, and the card stays.
  const card = new CardProbe(page);
  await card.hover(await card.mention('Alibaba'));
  await card.waitOpen();
  await extension.serviceWorker.evaluate(async (huawei) => {
    await chrome.storage.sync.set({
      settings: { patch: { stories: { [huawei]: { enabled: false } } }, siteChunks: 0 },
    });
  }, 'huawei-spying-claims-2013');
  await expect.poll(() => highlightedTexts(page)).toEqual(['Alibaba', 'Hangzhou']);
  await expect(card.dialog).toBeVisible();
  await expect(card.dialog).toContainText('In this test story, Alibaba spun off Ant Group.');
  expect(extension.errors).toEqual([]);
});

test('switching a story off, colouring by story and removing a pack change open pages at once', async ({
  extension,
  page,
  server,
}) => {
  const options = await pageAndOptions(extension, page, server.fixture('stories.html'));
  await addPackFile(options, 'ant-group.json', JSON.stringify(readerPack()));
  await makePublic(options, 'ant-group-notes');
  await expect.poll(() => highlightedTexts(page)).toContain('Ant Group');

  await options.getByRole('switch', { name: `Highlight “${HUAWEI_TITLE}”` }).uncheck();
  await expect.poll(() => highlightedTexts(page)).toEqual(['Alibaba', 'Ant Group', 'Hangzhou']);

  await options.getByRole('radio', { name: 'Each story in its own colour, chosen under Stories' }).check();
  await expect
    .poll(async () => (await readHighlights(page)).highlights.map((h) => `${h.name}: ${h.texts.sort().join(', ')}`))
    .toEqual(['context-lens-swatch-0: Alibaba, Hangzhou', 'context-lens-swatch-2: Ant Group']);

  await options.getByRole('button', { name: 'Remove “Notes on Ant Group”' }).click();
  await expect(stories(options).getByRole('status')).toContainText('“Notes on Ant Group” was removed.');
  await expect.poll(() => highlightedTexts(page)).toEqual(['Alibaba', 'Hangzhou']);
  expect(await addedPacks(extension)).toEqual([]);
  await options.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => highlightedTexts(page)).toEqual(['Alibaba', 'Ant Group', 'Hangzhou']);
  expect(extension.errors).toEqual([]);
});

test('a file that fails the check changes nothing and lists each problem where it is', async ({
  extension,
  page,
  server,
}) => {
  const options = await pageAndOptions(extension, page, server.fixture('stories.html'));
  const before = await highlightedTexts(page);
  const broken = readerPack() as unknown as Record<string, unknown> & { entities: { kind: string }[] };
  (broken.entities[1] as { kind: string }).kind = 'planet';
  delete broken.licence;
  await addPackFile(options, 'broken.json', JSON.stringify(broken));
  const alert = stories(options).getByRole('alert');
  await expect(alert).toContainText('Nothing was changed. “broken.json” was refused:');
  await expect(alert.getByRole('listitem')).toHaveText([
    '$.licence: must be text of 1 to 200 characters',
    '$.entities[1].kind: must be one of firm, city, country, official, person, institution',
  ]);

  await addPackFile(options, 'huge.json', `{"padding": "${'x'.repeat(1_000_001)}"}`);
  await expect(stories(options).getByRole('alert')).toContainText('a story pack may be at most 1 MB');
  await addPackFile(options, 'not-json.json', 'not json at all');
  await expect(stories(options).getByRole('alert')).toContainText('The file is not valid JSON');
  // A bundled story's id is refused at any version: a file never replaces a story that ships.
  const impostor = { ...CHINA_PACK, version: '99.0.0', title: 'Your bank statement' };
  await addPackFile(options, 'statement.json', JSON.stringify(impostor));
  await expect(stories(options).getByRole('alert').getByRole('listitem')).toHaveText(
    `“${CHINA_PACK.id}” is the id of “${CHINA_PACK.title}”, a story that comes with Context Lens, and no file may replace it. Give the file’s story an id of its own.`,
  );

  // The same pack twice is one pack; a newer version is offered as an update.
  await addPackFile(options, 'ant-group.json', JSON.stringify(readerPack()));
  await makePublic(options, 'ant-group-notes');
  await addPackFile(options, 'ant-group.json', JSON.stringify(readerPack()));
  await expect(stories(options).getByRole('status')).toHaveText(
    'Version 1.0.0 of this story is already here. Nothing was changed.',
  );
  await addPackFile(options, 'ant-group-2.json', JSON.stringify(readerPack({ version: '1.1.0' })));
  await expect(stories(options).getByRole('status')).toContainText(
    'You have version 1.0.0 of “Notes on Ant Group”. This file holds version 1.1.0.',
  );
  await options.getByRole('button', { name: 'Update' }).click();
  await expect(stories(options).getByRole('status')).toHaveText('“Notes on Ant Group” is updated to version 1.1.0.');
  expect((await addedPacks(extension)).map((p) => `${p.id}@${p.version}`)).toEqual(['ant-group-notes@1.1.0']);
  await expect.poll(() => highlightedTexts(page)).toEqual([...before, 'Ant Group'].sort());
  expect(extension.errors).toEqual([]);
});
