// npm start: builds the extension and opens Chrome or Chromium with it loaded
// on the bundled demo page. Without a display it runs headless instead, saves
// screenshots and a plain-text report, and prints where they are.
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { MEASURE } from '../../page/measure-names';
import { launchWithExtension } from './browser-session.mjs';
import { readHighlights, waitForScan } from './page-probe';
import { startStaticServer } from './static-server.mjs';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const args = new Set(process.argv.slice(2));
const hasDisplay =
  process.platform === 'darwin' ||
  process.platform === 'win32' ||
  Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const headless = args.has('--headless') || !hasDisplay;
const outDir = resolve(root, 'artifacts/demo');

if (!args.has('--no-build')) {
  console.log('Building the extension…');
  // The build that records its measures: the report below reads them.
  execFileSync(process.execPath, [resolve(root, 'tools/scripts/build-measures.mjs'), 'chrome'], {
    cwd: root,
    stdio: 'inherit',
  });
}

const server = await startStaticServer({ '/': resolve(root, 'tools/demo') });
const demoUrl = `${server.origin}/briefing.html`;
const session = await launchWithExtension({ headless, viewport: headless ? { width: 1280, height: 900 } : null });
const page = session.context.pages()[0] ?? (await session.context.newPage());
await page.goto(demoUrl);
await waitForScan(page);

if (!headless) {
  console.log(`Chromium is open on ${demoUrl} with Context Lens loaded.`);
  console.log('Hover a highlighted name or click the toolbar icon. Close the browser window to stop.');
  await new Promise((done) => session.context.on('close', done));
  await server.close();
  process.exit(0);
}

await mkdir(outDir, { recursive: true });
const { highlights, scans } = await readHighlights(page);
await page.screenshot({ path: `${outDir}/demo-page.png` });

// The hover card, as a reader sees it after resting on a name, in the light and the dark scheme.
const cardShots: CardShot[] = [];
for (const colorScheme of ['light', 'dark'] as const) {
  await page.emulateMedia({ colorScheme });
  cardShots.push(await screenshotCard(page, 'Alibaba Group', `${outDir}/card-${colorScheme}.png`));
}
await page.emulateMedia({ colorScheme: null });

// The panel opened as a page, pointed at the demo tab.
const tabId = await session.tabIdOf(page);
const panel = await session.context.newPage();
await panel.setViewportSize({ width: 360, height: 600 });
await panel.goto(`chrome-extension://${session.extensionId}/popup.html?tab=${tabId}`);
await panel.getByText('mentions', { exact: false }).first().waitFor();
await panel.screenshot({ path: `${outDir}/panel.png`, fullPage: true });

// The side panel beside the demo tab, in a window of its own so the page stays in front and its
// map marks what is on screen; then each picture of the first story, opened.
const beside = await session.openPanelBeside(tabId);
await beside.setViewportSize({ width: 400, height: 900 });
await beside.locator('.page-map li.in-view').first().waitFor();
await beside.screenshot({ path: `${outDir}/side-panel.png` });
await beside.locator('.story details summary').first().click();
// Each picture whole, where the panel would scroll it inside its frame.
await beside.addStyleTag({ content: '.picture-frame { overflow: visible; max-height: none }' });
await screenshotPicture(beside, 'timeline', `${outDir}/timeline.png`);
// The map in a window wide enough for all of it.
await beside.setViewportSize({ width: 1000, height: 900 });
await beside.addStyleTag({ content: '.beside-page .panel { max-width: none }' });
await screenshotPicture(beside, 'relations-map', `${outDir}/relations-map.png`);
const mapped = await beside.locator('.page-map li').count();

const total = highlights.reduce((sum, h) => sum + h.size, 0);
// The same page on a phone: a 360×640 touch screen, the card opened by a tap.
const phone = await launchWithExtension({ headless, phone: true });
const phonePage = phone.context.pages()[0] ?? (await phone.context.newPage());
await phonePage.goto(demoUrl);
await waitForScan(phonePage);
const tapped = await tapMention(phonePage, 'Xiaomi');
await phonePage.screenshot({ path: `${outDir}/phone.png` });
await phone.close();

// A browser in Simplified Chinese: the panel and the card in its words, the story in its Chinese version.
const chinese = await launchWithExtension({ headless, language: 'zh-CN' });
const chinesePage = chinese.context.pages()[0] ?? (await chinese.context.newPage());
await chinesePage.goto(demoUrl);
await waitForScan(chinesePage);
const chineseCard = await screenshotCard(chinesePage, 'Alibaba Group', `${outDir}/card-zh.png`);
const chinesePanel = await chinese.context.newPage();
await chinesePanel.setViewportSize({ width: 360, height: 600 });
await chinesePanel.goto(
  `chrome-extension://${chinese.extensionId}/popup.html?tab=${await chinese.tabIdOf(chinesePage)}`,
);
await chinesePanel.locator('.on-page[aria-busy="false"]').waitFor();
const chineseHeading = await chinesePanel.locator('#on-page-title').textContent();
await chinesePanel.screenshot({ path: `${outDir}/panel-zh.png`, fullPage: true });
await chinese.close();

const lines = [
  'Context Lens demo run',
  `page: ${demoUrl}`,
  `extension id: ${session.extensionId}`,
  `scan time (${MEASURE.scan}): ${scans.map((ms) => `${ms.toFixed(1)} ms`).join(', ')}`,
  `highlighted mentions: ${total}`,
  '',
  ...highlights.map((h) => `${h.name} (${h.size}): ${h.texts.join(' · ')}`),
  '',
  ...cardShots.map((shot) => `card for “${shot.name}”: ${shot.heading} (${shot.paintMs.toFixed(1)} ms to paint)`),
  '',
  `side panel: ${mapped} mentions on the page map`,
  `on a 360×640 phone, a tap on “Xiaomi” opened: ${tapped}`,
  `in a browser in Chinese: the panel says “${chineseHeading}”, the card for “${chineseCard.name}” opened: ${chineseCard.heading}`,
  '',
  `screenshots: ${['demo-page', 'card-light', 'card-dark', 'panel', 'side-panel', 'timeline', 'relations-map', 'phone', 'card-zh', 'panel-zh'].map((name) => `${outDir}/${name}.png`).join(', ')}`,
];
await writeFile(`${outDir}/report.txt`, `${lines.join('\n')}\n`);
console.log(lines.join('\n'));
console.log(`\nNo display found, so the demo ran headless. Report and screenshots are in ${outDir}`);

await session.close();
await server.close();

/** A card's picture: the mention it opened on, its heading, and the time it took to paint. */
interface CardShot {
  name: string;
  heading: string;
  paintMs: number;
}

/**
 * Rests the pointer on a mention until its card opens, and saves the part of
 * the page that shows both.
 */
async function screenshotCard(page: Page, name: string, path: string): Promise<CardShot> {
  const spot = await mentionSpot(page, name, false);
  await page.mouse.move(spot.x - 8, spot.y);
  await page.mouse.move(spot.x, spot.y, { steps: 3 });
  const dialog = page.locator('context-lens-ui').getByRole('dialog');
  await dialog.waitFor();
  const card = await page.evaluate((cardMeasure) => {
    const frame = document.querySelector('context-lens-ui')?.shadowRoot?.querySelector('.frame');
    const box = frame?.getBoundingClientRect() ?? new DOMRect();
    const [paint] = performance.getEntriesByName(cardMeasure).slice(-1);
    return {
      box: { left: box.left, top: box.top, right: box.right, bottom: box.bottom },
      heading: frame?.querySelector('h2')?.textContent ?? '',
      paintMs: paint?.duration ?? 0,
    };
  }, MEASURE.card);
  const left = Math.max(0, Math.min(spot.x, card.box.left) - 40);
  const top = Math.max(0, Math.min(spot.y, card.box.top) - 60);
  await page.screenshot({
    path,
    clip: { x: left, y: top, width: Math.max(spot.x, card.box.right) + 40 - left, height: card.box.bottom + 20 - top },
  });
  await page.mouse.move(2, 2);
  await dialog.waitFor({ state: 'hidden' });
  return { name, heading: card.heading, paintMs: card.paintMs };
}

/**
 * Scrolls a mention into the middle of the screen and taps it, as a finger would.
 * Returns the heading of the card it opened.
 */
async function tapMention(page: Page, name: string): Promise<string> {
  const spot = await mentionSpot(page, name, true);
  await page.touchscreen.tap(spot.x, spot.y);
  const dialog = page.locator('context-lens-ui').getByRole('dialog');
  await dialog.waitFor();
  return (await dialog.locator('h2').first().textContent()) ?? '';
}

/**
 * The centre of the first highlighted mention that reads `name`, brought to the top of the
 * screen first when `scroll` says so.
 */
async function mentionSpot(page: Page, name: string, scroll: boolean): Promise<{ x: number; y: number }> {
  const spot = await page.evaluate(
    ({ text, scroll }) => {
      for (const [key, highlight] of CSS.highlights) {
        if (!key.startsWith('context-lens-')) continue;
        for (const found of highlight) {
          const range = found as Range;
          if (range.toString() !== text) continue;
          if (scroll) range.startContainer.parentElement?.scrollIntoView({ block: 'start', behavior: 'instant' });
          const box = range.getClientRects()[0] ?? range.getBoundingClientRect();
          return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
        }
      }
      return null;
    },
    { text: name, scroll },
  );
  if (spot === null) throw new Error(`The demo page has no highlighted “${name}”.`);
  return spot;
}

/** Saves the first story's picture whose SVG has class `drawing`, with its title and hint. */
async function screenshotPicture(panel: Page, drawing: string, path: string): Promise<void> {
  const picture = panel
    .locator('.story-picture')
    .filter({ has: panel.locator(`svg.${drawing}`) })
    .first();
  await picture.scrollIntoViewIfNeeded();
  await picture.screenshot({ path });
}
