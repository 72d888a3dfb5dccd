import type { BrowserContext, Page } from 'playwright-core';
import { MEASURE } from '../../page/measure-names';
import { PROJECT_ROOT } from '../../tests/shared-paths';
import { launchWithExtension, launchWithoutExtension } from '../scripts/browser-session.mjs';
import { waitForScan } from '../scripts/page-probe';
import { startStaticServer } from '../scripts/static-server.mjs';
import { allowBenchFunctions } from './evaluate-shim';
import { inTurn } from './in-turn';
import { largest, median } from './median';
import { taskClock } from './task-clock';

/** The renderer's main-thread task time as a share of the wall time, medians over loads, with the extension and without. */
export interface WholeCost {
  loads: number;
  withShare: number;
  withoutShare: number;
}

export interface LiveReport {
  feed: { paragraphs: number; medianDelayMs: number; worstDelayMs: number; shareOfMainThread: number };
  storm: { mutationsPerSecond: number; shareOfMainThread: number; settledAfterMs: number };
  /** Everything the main thread does for the page, ours and the browser's, not only our slices. */
  wholeCost: { feed: WholeCost; storm: WholeCost };
}

/** How long the whole-cost storm lasts. */
const WHOLE_COST_STORM_MS = 4000;
const FEED_INTERVAL_MS = 250;

/**
 * A news feed: a paragraph naming three entities arrives every 250 ms; how soon is each highlighted?
 * `update` is the name of our live-update measure.
 */
function feed({
  paragraphs,
  update,
}: {
  paragraphs: number;
  update: string;
}): Promise<{ delays: number[]; workedMs: number; elapsedMs: number }> {
  const feedEl = document.getElementById('feed') as HTMLElement;
  const startMeasures = performance.getEntriesByName(update, 'measure').length;
  const started = performance.now();
  const highlighted = (p: Element) => {
    for (const [name, highlight] of CSS.highlights) {
      if (!name.startsWith('context-lens-')) continue;
      for (const range of highlight) if (p.contains((range as Range).startContainer)) return true;
    }
    return false;
  };
  return new Promise((resolve) => {
    const delays: number[] = [];
    let sent = 0;
    const pending = new Map<Element, number>();
    const check = () => {
      for (const [p, at] of pending) {
        if (highlighted(p)) {
          delays.push(performance.now() - at);
          pending.delete(p);
        }
      }
      if (sent === paragraphs && pending.size === 0) {
        const updates = performance.getEntriesByName(update, 'measure').slice(startMeasures);
        resolve({
          delays,
          workedMs: updates.reduce((sum, m) => sum + m.duration, 0),
          elapsedMs: performance.now() - started,
        });
        return;
      }
      requestAnimationFrame(check);
    };
    const send = () => {
      const p = document.createElement('p');
      p.textContent = `Update ${sent}: Xiaomi met officials in Shenzhen, and Kuaishou followed.`;
      feedEl.append(p);
      pending.set(p, performance.now());
      sent++;
      if (sent < paragraphs) setTimeout(send, 250);
    };
    send();
    requestAnimationFrame(check);
  });
}

/**
 * A mutation storm: a counter rewritten as fast as the page can, for three seconds.
 * `update` is the name of our live-update measure.
 */
async function storm(
  update: string,
): Promise<{ mutations: number; workedMs: number; elapsedMs: number; settledAfterMs: number }> {
  const feedEl = document.getElementById('feed') as HTMLElement;
  const counter = document.createElement('p');
  feedEl.append(counter);
  const startMeasures = performance.getEntriesByName(update, 'measure').length;
  let mutations = 0;
  const started = performance.now();
  await new Promise<void>((resolve) => {
    const tick = () => {
      for (let i = 0; i < 100; i++) counter.textContent = `Xiaomi tick ${mutations++}`;
      if (performance.now() - started < 3000) setTimeout(tick, 0);
      else resolve();
    };
    tick();
  });
  const ended = performance.now();
  const finalText = counter.textContent;
  await new Promise<void>((resolve) => {
    const check = () => {
      const done = [...((CSS.highlights.get('context-lens-firm') as Highlight | undefined) ?? [])].some(
        (range) => (range as Range).startContainer.parentNode === counter && counter.textContent === finalText,
      );
      if (done) resolve();
      else requestAnimationFrame(check);
    };
    check();
  });
  const updates = performance.getEntriesByName(update, 'measure').slice(startMeasures);
  return {
    mutations,
    workedMs: updates.reduce((sum, m) => sum + m.duration, 0),
    elapsedMs: ended - started,
    settledAfterMs: performance.now() - ended,
  };
}

/** The feed alone, for the whole-cost runs: a paragraph every 250 ms, then one interval more. */
function driveFeed({ paragraphs, intervalMs }: { paragraphs: number; intervalMs: number }): Promise<void> {
  const feedEl = document.getElementById('feed') as HTMLElement;
  return new Promise((resolve) => {
    let sent = 0;
    const send = () => {
      const p = document.createElement('p');
      p.textContent = `Update ${sent}: Xiaomi met officials in Shenzhen, and Kuaishou followed.`;
      feedEl.append(p);
      sent++;
      setTimeout(sent < paragraphs ? send : resolve, intervalMs);
    };
    send();
  });
}

/** The storm alone, for the whole-cost runs: the counter rewritten as fast as the page can for `ms`. */
function driveStorm(ms: number): Promise<void> {
  const counter = document.createElement('p');
  (document.getElementById('feed') as HTMLElement).append(counter);
  let mutations = 0;
  const started = performance.now();
  return new Promise((resolve) => {
    const tick = () => {
      for (let i = 0; i < 100; i++) counter.textContent = `Xiaomi tick ${mutations++}`;
      if (performance.now() - started < ms) setTimeout(tick, 0);
      else resolve();
    };
    tick();
  });
}

/**
 * The renderer's main-thread task time (CDP TaskDuration) while `drive`
 * runs on a fresh load of `url`, as a share of the wall time: what the page
 * costs with everything the browser does for it, our observer's records and
 * range updates included.
 */
async function mainThreadShare(
  context: BrowserContext,
  url: string,
  extension: boolean,
  drive: (page: Page) => Promise<unknown>,
): Promise<number> {
  const page = await context.newPage();
  try {
    await page.goto(url);
    if (extension) await waitForScan(page);
    await page.waitForTimeout(500);
    const clock = await taskClock(context, page);
    const before = await clock.read();
    const started = performance.now();
    await drive(page);
    const share = ((await clock.read()) - before) / (performance.now() - started);
    await clock.stop();
    return share;
  } finally {
    await page.close();
  }
}

/** The same drive with the extension and without, `loads` times each, in turn. */
async function wholeCost(
  contexts: { ours: BrowserContext; bare: BrowserContext },
  url: string,
  loads: number,
  drive: (page: Page) => Promise<unknown>,
): Promise<WholeCost> {
  const shares = await inTurn(
    loads,
    () => mainThreadShare(contexts.ours, url, true, drive),
    () => mainThreadShare(contexts.bare, url, false, drive),
  );
  return { loads, withShare: median(shares.with), withoutShare: median(shares.without) };
}

export async function benchLive(quick: boolean): Promise<LiveReport> {
  const server = await startStaticServer({ '/fixtures/': `${PROJECT_ROOT}/tests/e2e/pages` });
  const session = await launchWithExtension({ headless: true });
  await allowBenchFunctions(session.context);
  try {
    const page = session.context.pages()[0] ?? (await session.context.newPage());
    await page.goto(`${server.origin}/fixtures/live.html`);
    await waitForScan(page);
    const paragraphs = quick ? 12 : 40;
    const fed = await page.evaluate(feed, { paragraphs, update: MEASURE.update });
    await page.goto(`${server.origin}/fixtures/live.html`);
    await waitForScan(page);
    const stormed = await page.evaluate(storm, MEASURE.update);

    const plain = await launchWithoutExtension({ headless: true });
    const bare = plain.context;
    await allowBenchFunctions(bare);
    const contexts = { ours: session.context, bare };
    const url = `${server.origin}/fixtures/live.html`;
    const loads = quick ? 2 : 3;
    const whole = {
      feed: await wholeCost(contexts, url, loads, (tab) =>
        tab.evaluate(driveFeed, { paragraphs, intervalMs: FEED_INTERVAL_MS }),
      ),
      storm: await wholeCost(contexts, url, loads, (tab) => tab.evaluate(driveStorm, WHOLE_COST_STORM_MS)),
    };
    await plain.close();
    return {
      wholeCost: whole,
      feed: {
        paragraphs,
        medianDelayMs: median(fed.delays),
        worstDelayMs: largest(fed.delays),
        shareOfMainThread: fed.workedMs / fed.elapsedMs,
      },
      storm: {
        mutationsPerSecond: stormed.mutations / (stormed.elapsedMs / 1000),
        shareOfMainThread: stormed.workedMs / stormed.elapsedMs,
        settledAfterMs: stormed.settledAfterMs,
      },
    };
  } finally {
    await session.close();
    await server.close();
  }
}
