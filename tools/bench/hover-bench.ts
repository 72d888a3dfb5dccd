import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { MEASURE } from '../../page/measure-names';
import { PROJECT_ROOT } from '../../tests/shared-paths';
import { launchWithExtension, routeToLoopbackOnly } from '../scripts/browser-session.mjs';
import { findChrome } from '../scripts/find-browsers.mjs';
import { waitForScan } from '../scripts/page-probe';
import { densePage } from './dense-page';
import { allowBenchFunctions } from './evaluate-shim';
import type { HitTestResult } from './hit-test-probe';

export interface HoverReport {
  hitTest: HitTestResult;
  /** Time from the end of the hover delay to the card rendered and placed (MEASURE.card), per card. */
  cardMs: number[];
}

const DENSE_URL = 'http://127.0.0.1/bench/dense.html';
const PARAGRAPHS = 1000;

async function probeScript(): Promise<string> {
  const bundle = await build({
    entryPoints: [`${PROJECT_ROOT}/tools/bench/hit-test-probe.ts`],
    bundle: true,
    format: 'iife',
    write: false,
    target: 'chrome120',
    logLevel: 'error',
  });
  return bundle.outputFiles[0]?.text ?? '';
}

/** Our hit-test code at 5,000 mentions, in the page's own world of a plain Chromium. */
async function benchHitTest(quick: boolean): Promise<HitTestResult> {
  const { html } = densePage(PARAGRAPHS);
  const browser = await chromium.launch({ executablePath: findChrome(), args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await routeToLoopbackOnly(context);
    await allowBenchFunctions(context);
    await context.route(DENSE_URL, (route) => route.fulfill({ contentType: 'text/html', body: html }));
    const page = await context.newPage();
    await page.goto(DENSE_URL);
    await page.addScriptTag({ content: await probeScript() });
    return await page.evaluate(
      (options) => (window as unknown as { hitTestBench(o: typeof options): HitTestResult }).hitTestBench(options),
      { views: quick ? 3 : 10, perView: 100, rounds: quick ? 3 : 7, naiveRounds: quick ? 1 : 3 },
    );
  } finally {
    await browser.close();
  }
}

/** The built extension on the same page: how long each card takes once the hover delay ends. */
async function benchCards(quick: boolean): Promise<number[]> {
  const { html } = densePage(PARAGRAPHS);
  const session = await launchWithExtension({ headless: true });
  await allowBenchFunctions(session.context);
  try {
    await session.context.route(DENSE_URL, (route) => route.fulfill({ contentType: 'text/html', body: html }));
    const page = session.context.pages()[0] ?? (await session.context.newPage());
    await page.goto(DENSE_URL);
    await waitForScan(page, 60_000);
    const spots = await page.evaluate(() => {
      const found: { x: number; y: number }[] = [];
      for (const [name, highlight] of CSS.highlights) {
        if (!name.startsWith('context-lens-')) continue;
        for (const range of highlight as Highlight) {
          // The first line box: a name wrapped over two lines has nothing at the centre of its bounds.
          const box = (range as Range).getClientRects()[0];
          if (box !== undefined && box.top > 40 && box.bottom < innerHeight - 40 && found.length < 40) {
            found.push({ x: box.left + box.width / 2, y: box.top + box.height / 2 });
          }
        }
      }
      return found;
    });
    for (const spot of spots.slice(0, quick ? 5 : 15)) {
      await page.mouse.move(spot.x - 4, spot.y);
      await page.mouse.move(spot.x, spot.y, { steps: 2 });
      await page.locator('context-lens-ui').getByRole('dialog').waitFor();
      await page.mouse.move(2, 2);
      await page.locator('context-lens-ui').getByRole('dialog').waitFor({ state: 'hidden' });
    }
    return await page.evaluate((card) => performance.getEntriesByName(card).map((e) => e.duration), MEASURE.card);
  } finally {
    await session.close();
  }
}

export async function benchHover(quick: boolean): Promise<HoverReport> {
  return { hitTest: await benchHitTest(quick), cardMs: await benchCards(quick) };
}
