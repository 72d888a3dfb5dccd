import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Page } from 'playwright-core';
import { MEASURE } from '../../page/measure-names';
import { SESSION_KEYS } from '../../platform/storage/storage-keys';
import { CHINA_PACK } from '../../tests/bundled-stories';
import { CORPUS_DIR, PROJECT_ROOT } from '../../tests/shared-paths';
import { launchWithExtension, routeToLoopbackOnly } from '../scripts/browser-session.mjs';
import { findChrome } from '../scripts/find-browsers.mjs';
import { evaluateInIsolatedWorld } from '../scripts/isolated-world.mjs';
import { waitForScan } from '../scripts/page-probe';
import { startStaticServer } from '../scripts/static-server.mjs';
import { traceOurTasks } from '../scripts/task-trace';
import { densePage } from './dense-page';
import { allowBenchFunctions } from './evaluate-shim';
import { median } from './median';
import { taskClock } from './task-clock';

const require = createRequire(import.meta.url);

export interface ScanRow {
  page: string;
  textNodes: number;
  /** A bare TreeWalker over the page's text: the least any highlighter must do. */
  floorMs: number;
  /**
   * The same walk in an isolated world, where every extension's content
   * script runs and each node's wrapper is kept per world: the least a
   * highlighter that is an extension must do.
   */
  isolatedFloorMs: number;
  /** Our MEASURE.scan measure: main-thread time worked, over all slices. */
  oursMs: number;
  /** Our MEASURE.shown measures, summed: sorting the mentions a reader sees from hidden ones, after rendering. */
  shownMs: number;
  /** Our longest slice in wall time, over every load: it counts moments the machine ran something else. */
  oursLongestSliceMs: number;
  /** The thread time of the task that ran our longest slice, over every load: the CPU time we held the page for. */
  oursLongestTaskThreadMs: number;
  /** Extra main-thread task time with the extension, from CDP Performance.getMetrics. */
  extraTaskMs: number;
  markJsMs: number;
  advancedMarkMs: number;
  highlights: { ours: number; markJs: number; advancedMark: number };
  /** Shown mentions of common names the page left unmarked (no actor of their story shown), per lensId, as a panel lists them. */
  unmarked: Record<string, number>;
}

const DENSE_URL = 'http://127.0.0.1/bench/dense-scan.html';
/** Every page settles this long after our scan (or its load) before task time is read. */
const SETTLE_MS = 1500;
/** The libraries' browser builds, run in the page as a site would load them. */
const LIBRARIES = {
  markJs: readFileSync(require.resolve('mark.js/dist/mark.min.js'), 'utf8'),
  advancedMark: readFileSync(require.resolve('advanced-mark.js/dist/mark.min.js'), 'utf8'),
};
/** Full names only: later forms ("Ma") need context neither library has. */
const NAMES = [...new Set(CHINA_PACK.entities.flatMap((entity) => entity.names))];

/** The floor: walk every text node once, reading its length, as a highlighter's first pass must. */
function walkText(): { ms: number; textNodes: number; chars: number } {
  const start = performance.now();
  const walker = document.createTreeWalker(document.body ?? document.documentElement, NodeFilter.SHOW_TEXT);
  let textNodes = 0;
  let chars = 0;
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    textNodes++;
    chars += (node as Text).data.length;
  }
  return { ms: performance.now() - start, textNodes, chars };
}

/** Asks a page for its unmarked common names, as a panel does when it opens, and reads what its top frame reports. */
async function listUnmarked(
  session: Awaited<ReturnType<typeof launchWithExtension>>,
  tab: Page,
): Promise<Record<string, number>> {
  const tabId = await session.tabIdOf(tab);
  const key = SESSION_KEYS.frameUnmarked.key(tabId, 0);
  const read = () =>
    session.serviceWorker.evaluate(
      async ([id, at]) => {
        await chrome.tabs.sendMessage(id, { type: 'list-unmarked' }).catch(() => undefined);
        return ((await chrome.storage.session.get(at))[at] as Record<string, number> | undefined) ?? {};
      },
      [tabId, key] as const,
    );
  // The page reads what it surveyed in slices, then reports once its counts have been still a moment.
  await read();
  await tab.waitForTimeout(1000);
  return read();
}

/** mark.js and advanced-mark.js with the same names, whole words, across elements. */
function runMark(names: string[]): Promise<{ ms: number; count: number }> {
  return new Promise((resolve) => {
    const start = performance.now();
    const Mark = (window as unknown as { Mark: new (root: Element) => { mark(k: string[], o: object): void } }).Mark;
    new Mark(document.body).mark(names, {
      acrossElements: true,
      separateWordSearch: false,
      accuracy: 'exactly',
      diacritics: false,
      done: (count: number) => resolve({ ms: performance.now() - start, count }),
    });
  });
}

export async function benchScan(pages: string[], rounds: number, progress: (line: string) => void): Promise<ScanRow[]> {
  const server = await startStaticServer({ '/corpus/': CORPUS_DIR, '/demo/': `${PROJECT_ROOT}/tools/demo` });
  const { html: dense } = densePage(2000);
  const targets = [
    ...pages.map((name) => ({ name, url: `${server.origin}/corpus/${encodeURIComponent(name)}` })),
    { name: 'demo/briefing.html', url: `${server.origin}/demo/briefing.html` },
    { name: 'dense page (10,000 mentions)', url: DENSE_URL },
  ];
  const plain = await chromium.launch({ executablePath: findChrome(), args: ['--no-sandbox', '--disable-gpu'] });
  const plainContext = await plain.newContext({ viewport: { width: 1280, height: 900 } });
  await routeToLoopbackOnly(plainContext);
  await allowBenchFunctions(plainContext);
  await plainContext.route(DENSE_URL, (route) => route.fulfill({ contentType: 'text/html', body: dense }));
  const ours = await launchWithExtension({ headless: true });
  await allowBenchFunctions(ours.context);
  await ours.context.route(DENSE_URL, (route) => route.fulfill({ contentType: 'text/html', body: dense }));
  const rows: ScanRow[] = [];
  try {
    for (const [i, target] of targets.entries()) {
      progress(`Page scan ${i + 1}/${targets.length}: ${target.name}`);
      const samples = {
        floor: [] as number[],
        isolatedFloor: [] as number[],
        ours: [] as number[],
        shown: [] as number[],
        longest: [] as number[],
        longestThread: [] as number[],
        extra: [] as number[],
      };
      const marks = { markJs: [] as number[], advancedMark: [] as number[] };
      const counts = { ours: 0, markJs: 0, advancedMark: 0 };
      let textNodes = 0;
      let unmarked: Record<string, number> = {};
      for (let round = 0; round < rounds; round++) {
        // Without the extension: the floor, and the page's own task time.
        const bare = await plainContext.newPage();
        const bareClock = await taskClock(plainContext, bare);
        await bare.goto(target.url, { waitUntil: 'load', timeout: 60_000 });
        await bare.waitForTimeout(SETTLE_MS);
        const bareTasks = await bareClock.read();
        await bareClock.stop();
        const walk = await bare.evaluate(walkText);
        samples.floor.push(walk.ms);
        textNodes = walk.textNodes;
        await bare.close();
        const isolated = await plainContext.newPage();
        await isolated.goto(target.url, { waitUntil: 'load', timeout: 60_000 });
        await isolated.waitForTimeout(SETTLE_MS);
        samples.isolatedFloor.push(
          await evaluateInIsolatedWorld<number>(isolated, `(${walkText.toString()})().ms`, 'floor'),
        );
        await isolated.close();

        // With the extension: our scan, and the extra task time it cost.
        const tab = await ours.context.newPage();
        const ourClock = await taskClock(ours.context, tab);
        const tasks = await traceOurTasks(tab, async () => {
          await tab.goto(target.url, { waitUntil: 'load', timeout: 60_000 });
          await waitForScan(tab, 60_000);
          await tab.waitForTimeout(SETTLE_MS);
        });
        const scan = tasks.find((task) => task.name === MEASURE.scan);
        samples.longestThread.push(scan?.longestThreadMs ?? Number.NaN);
        samples.ours.push(scan?.duration ?? Number.NaN);
        samples.shown.push(tasks.filter((task) => task.name === MEASURE.shown).reduce((sum, t) => sum + t.duration, 0));
        samples.longest.push(scan?.longestWallMs ?? Number.NaN);
        counts.ours = await tab.evaluate(() => {
          let highlighted = 0;
          for (const [name, highlight] of CSS.highlights)
            if (name.startsWith('context-lens-')) highlighted += highlight.size;
          return highlighted;
        });
        samples.extra.push((await ourClock.read()) - bareTasks);
        await ourClock.stop();
        // Asked after the timings, as a panel opening would: what the page names but did not mark.
        if (round === 0) unmarked = await listUnmarked(ours, tab);
        await tab.close();

        // The libraries, each on a fresh load of the same page.
        for (const library of ['markJs', 'advancedMark'] as const) {
          const lib = await plainContext.newPage();
          await lib.goto(target.url, { waitUntil: 'load', timeout: 60_000 });
          await lib.addScriptTag({ content: LIBRARIES[library] });
          const run = await lib.evaluate(runMark, NAMES);
          marks[library].push(run.ms);
          counts[library] = run.count;
          await lib.close();
        }
      }
      rows.push({
        page: target.name,
        textNodes,
        floorMs: median(samples.floor),
        isolatedFloorMs: median(samples.isolatedFloor),
        oursMs: median(samples.ours),
        shownMs: median(samples.shown),
        oursLongestSliceMs: Math.max(...samples.longest),
        oursLongestTaskThreadMs: Math.max(...samples.longestThread),
        extraTaskMs: median(samples.extra),
        markJsMs: median(marks.markJs),
        advancedMarkMs: median(marks.advancedMark),
        highlights: counts,
        unmarked,
      });
    }
  } finally {
    await ours.close();
    await plain.close();
    await server.close();
  }
  return rows;
}
