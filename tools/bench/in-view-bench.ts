import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { MEASURE } from '../../page/measure-names';
import { CORPUS_DIR } from '../../tests/shared-paths';
import { launchWithExtension } from '../scripts/browser-session.mjs';
import { waitForScan } from '../scripts/page-probe';
import { startStaticServer } from '../scripts/static-server.mjs';
import { densePage } from './dense-page';
import { driveScroll } from './drive-scroll';
import { allowBenchFunctions } from './evaluate-shim';
import { inTurn } from './in-turn';
import { median } from './median';
import { taskClock } from './task-clock';

/** What following the view costs on one page while the reader scrolls, with a side panel open and without. */
export interface InViewRow {
  page: string;
  /** Mentions the panel's map lists. */
  mapped: number;
  rounds: number;
  /** The page's whole main-thread time as a share of the wall time while it scrolls (medians). */
  withPanelShare: number;
  withoutPanelShare: number;
  /** Our own in-view work (MEASURE.inView) as a share of the wall time, with the panel open (median). */
  ourShare: number;
  /** How often the panel was told what is in view, per second of scrolling (median). */
  reportsPerSecond: number;
}

type Session = Awaited<ReturnType<typeof launchWithExtension>>;

/** The corpus page with the most mentions, a long article: the "long corpus page". */
const LONG_CORPUS_PAGE = 'reuters-huawei-cia-2013.html';
const SCROLL_MS = 6000;

/** A reader's brisk, steady scroll, in CSS pixels a second. */
const SCROLL_SPEED = 2000;

/** One load of `url` scrolled for SCROLL_MS, with the side panel open beside it or not. */
async function scrollOnce(
  session: Session,
  url: string,
  panel: boolean,
): Promise<{ share: number; ourShare: number; reports: number; mapped: number }> {
  const { context } = session;
  const page = await context.newPage();
  let panelPage: Page | null = null;
  try {
    await page.goto(url, { waitUntil: 'load' });
    await waitForScan(page);
    if (panel) {
      panelPage = await session.openPanelBeside(await session.tabIdOf(page));
      await page.waitForFunction((map) => performance.getEntriesByName(map, 'measure').length > 0, MEASURE.map);
    }
    await page.waitForTimeout(500);
    const mapped = panelPage === null ? 0 : await panelPage.locator('.page-map li').count();
    const reportsBefore = panelPage === null ? 0 : await countInView(page);
    const clock = await taskClock(context, page);
    const before = await clock.read();
    const started = Date.now();
    const driveStart = await page.evaluate(() => performance.now());
    await page.evaluate(driveScroll, { ms: SCROLL_MS, speed: SCROLL_SPEED });
    const elapsed = Date.now() - started;
    const share = ((await clock.read()) - before) / elapsed;
    await clock.stop();
    const ourMs = await page.evaluate(
      ({ inView, from }) =>
        performance
          .getEntriesByName(inView, 'measure')
          .filter((m) => m.startTime >= from)
          .reduce((sum, m) => sum + m.duration, 0),
      { inView: MEASURE.inView, from: driveStart },
    );
    const reports = panelPage === null ? 0 : (await countInView(page)) - reportsBefore;
    return { share, ourShare: ourMs / elapsed, reports: reports / (elapsed / 1000), mapped };
  } finally {
    await panelPage?.close();
    await page.close();
  }
}

/** How many times the page worked out what is in view so far. */
function countInView(page: Page): Promise<number> {
  return page.evaluate((inView) => performance.getEntriesByName(inView, 'measure').length, MEASURE.inView);
}

/**
 * The cost of the side panel's "in view" marks: the page's whole main
 * thread while it scrolls, with the panel open beside it and without, in
 * turn, on the longest-read corpus page and on a dense page of 10,000
 * mentions (the map lists the first 1,000).
 */
export async function benchInView(rounds: number, progress: (line: string) => void): Promise<InViewRow[]> {
  const denseDir = mkdtempSync(join(tmpdir(), 'context-lens-dense-'));
  writeFileSync(join(denseDir, 'dense.html'), densePage(2000).html);
  const server = await startStaticServer({ '/corpus/': CORPUS_DIR, '/dense/': denseDir });
  const session = await launchWithExtension({ headless: true });
  await allowBenchFunctions(session.context);
  try {
    const rows: InViewRow[] = [];
    for (const [name, url] of [
      [LONG_CORPUS_PAGE, `${server.origin}/corpus/${LONG_CORPUS_PAGE}`],
      ['dense page (10,000 mentions)', `${server.origin}/dense/dense.html`],
    ] as const) {
      progress(`In view while scrolling: ${name}`);
      const loads = await inTurn(
        rounds,
        () => scrollOnce(session, url, true),
        () => scrollOnce(session, url, false),
      );
      rows.push({
        page: name,
        mapped: median(loads.with.map((load) => load.mapped)),
        rounds,
        withPanelShare: median(loads.with.map((load) => load.share)),
        withoutPanelShare: median(loads.without.map((load) => load.share)),
        ourShare: median(loads.with.map((load) => load.ourShare)),
        reportsPerSecond: median(loads.with.map((load) => load.reports)),
      });
    }
    return rows;
  } finally {
    await session.close();
    await server.close();
  }
}

/** What the side panel's "in view" marks may add to the page's whole main thread while it scrolls, in points of wall time. */
const IN_VIEW_EXTRA_POINTS = 1;

export function inViewSection(rows: readonly InViewRow[]): string {
  const pct = (share: number) => `${(share * 100).toFixed(2)}%`;
  const points = (row: InViewRow) => (row.withPanelShare - row.withoutPanelShare) * 100;
  const corpus = rows.find((row) => row.page === LONG_CORPUS_PAGE);
  const extra = corpus === undefined ? Number.NaN : points(corpus);
  return [
    `A page scrolled down and back at ${SCROLL_SPEED.toLocaleString('en')} px a second for ${SCROLL_MS / 1000} s, with the side panel open beside it (the page map follows what is on screen) and without, on fresh loads in turn (median of ${rows[0]?.rounds ?? 0} each).`,
    '',
    "| page | mentions mapped | the page's whole main thread, panel open | without | more | our in-view work | reports to the panel a second |",
    '|---|---:|---:|---:|---:|---:|---:|',
    ...rows.map(
      (row) =>
        `| ${row.page} | ${row.mapped} | ${pct(row.withPanelShare)} | ${pct(row.withoutPanelShare)} | ${points(row).toFixed(2)} points | ${pct(row.ourShare)} | ${row.reportsPerSecond.toFixed(1)} |`,
    ),
    '',
    `"Our in-view work" sums the \`${MEASURE.inView}\` measures; the whole main thread (CDP TaskDuration) adds the browser's intersection observer and the messages to the panel.`,
    '',
    `Target: the panel's "in view" adds under ${IN_VIEW_EXTRA_POINTS}% of the page's main thread while a long corpus page scrolls (${extra.toFixed(2)} points on ${LONG_CORPUS_PAGE}: ${extra < IN_VIEW_EXTRA_POINTS ? 'met' : 'NOT met'}). The dense page is the extreme, reported without a target.`,
  ].join('\n');
}
