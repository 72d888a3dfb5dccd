import type { Page } from '@playwright/test';
import { MEASURE } from '../../page/measure-names';
import { readHighlights, waitForScan } from '../../tools/scripts/page-probe';
import { longestThreadMs, traceOurTasks } from '../../tools/scripts/task-trace';
import { expect, test } from './fixtures';
import { PanelPage } from './support/panel-page';

/**
 * Pages built to be too much: more text than any reader scrolls through, a
 * paragraph made of names, shadow roots nested a hundred deep. None of them
 * freezes: our work comes in short slices and stops at a hard budget, and
 * the panel says what was left unread.
 */

/** The long-task line: no task of ours may reach it. */
const LONG_TASK_MS = 50;

async function serve(page: Page, path: string, html: string): Promise<string> {
  const url = `http://127.0.0.1${path}`;
  await page.route(url, (route) => route.fulfill({ contentType: 'text/html', body: html }));
  return url;
}

const texts = async (page: Page) => (await readHighlights(page)).highlights.flatMap((h) => h.texts);

/** Loads `url` under a trace: our tasks there, the scan's among them, and the longest in thread time. */
async function loadAndScan(page: Page, url: string) {
  const tasks = await traceOurTasks(page, async () => {
    await page.goto(url);
    await waitForScan(page, 60_000);
  });
  const scan = tasks.find((task) => task.name === MEASURE.scan);
  return { scan, tasks, longest: longestThreadMs(tasks) };
}

test('a page of 200,000 text nodes is read up to the budget in short slices, and the panel says the rest was left', async ({
  extension,
  page,
}) => {
  const filler = '<p>w<b>x</b>y<i>z</i></p>'.repeat(50_000);
  const url = await serve(
    page,
    '/stress/long.html',
    `<!doctype html><title>Long</title><p>Alibaba opens.</p>${filler}<p>Xiaomi closes.</p>`,
  );
  const { scan, tasks, longest } = await loadAndScan(page, url);
  expect(longest, JSON.stringify(tasks)).toBeLessThan(LONG_TASK_MS);
  expect(scan?.slices).toBeGreaterThan(10);
  // The start is read; the end, past the budget, is not.
  expect(await texts(page)).toEqual(['Alibaba']);
  const panel = await PanelPage.open(extension, page);
  await expect(panel.onPage).toContainText('This page is very long');
  await expect(panel.entity('Alibaba')).toBeVisible();
  expect(extension.errors).toEqual([]);
});

test('a paragraph of 1,000 names is placed in steps, every name highlighted', async ({ extension, page }) => {
  const url = await serve(
    page,
    '/stress/names.html',
    `<!doctype html><title>Names</title><p>${'Xiaomi, '.repeat(1000)}and so on.</p>`,
  );
  const { tasks, longest } = await loadAndScan(page, url);
  expect((await texts(page)).length).toBe(1000);
  expect(longest, JSON.stringify(tasks)).toBeLessThan(LONG_TASK_MS);
  const panel = await PanelPage.open(extension, page);
  await expect(panel.entity('Xiaomi')).toContainText('1000');
  await expect(panel.onPage).not.toContainText('very long');
  expect(extension.errors).toEqual([]);
});

test('a name a hundred shadow roots deep is highlighted, and styled in its own root', async ({ extension, page }) => {
  const url = await serve(
    page,
    '/stress/deep.html',
    `<!doctype html><title>Deep</title><p>Nothing named out here.</p><div id="top"></div>
    <script>
      let host = document.getElementById('top');
      for (let depth = 0; depth < 100; depth++) {
        const root = host.attachShadow({ mode: 'open' });
        root.innerHTML = depth === 99 ? '<p>At the bottom, ' + 'Kuai' + 'shou.</p>' : '<section><div></div></section>';
        host = root.querySelector('div') ?? root;
      }
    </script>`,
  );
  await page.goto(url);
  await waitForScan(page, 60_000);
  expect(await texts(page)).toEqual(['Kuaishou']);
  const styled = await page.evaluate(() => {
    let root: ShadowRoot | null | undefined = document.getElementById('top')?.shadowRoot;
    let depth = 0;
    while (root?.querySelector('div')?.shadowRoot) {
      root = root.querySelector('div')?.shadowRoot;
      depth++;
    }
    return { depth, sheets: root?.adoptedStyleSheets.length ?? 0 };
  });
  expect(styled).toEqual({ depth: 99, sheets: 1 });
  expect(extension.errors).toEqual([]);
});

/**
 * Runs in the page: changes a paragraph 5,000 times a second for two seconds, timing the page's own timers;
 * `update` is the name of our live-update measure.
 */
async function changeAtFiveThousandPerSecond(update: string) {
  const feed = document.getElementById('feed') as HTMLElement;
  const counter = document.createElement('p');
  feed.append(counter);
  let mutations = 0;
  let worstGap = 0;
  const start = performance.now();
  let last = start;
  await new Promise<void>((resolve) => {
    // Every millisecond's worth of changes, made as fast as the page's own timers run.
    const tick = () => {
      const now = performance.now();
      worstGap = Math.max(worstGap, now - last);
      last = now;
      while (mutations < ((now - start) / 1000) * 5000) counter.textContent = `Xiaomi tick ${mutations++}`;
      if (now - start < 2000) setTimeout(tick, 0);
      else resolve();
    };
    tick();
  });
  const seconds = (performance.now() - start) / 1000;
  const updates = performance.getEntriesByName(update, 'measure') as PerformanceMeasure[];
  const worked = updates.reduce((sum, m) => sum + m.duration, 0);
  return { perSecond: mutations / seconds, worstGap, share: worked / (seconds * 1000) };
}

test('5,000 changes a second leave the page responsive and our share small', async ({ extension, page, server }) => {
  let storm = { perSecond: 0, worstGap: Number.POSITIVE_INFINITY, share: 1 };
  const tasks = await traceOurTasks(page, async () => {
    await page.goto(server.fixture('live.html'));
    await waitForScan(page);
    storm = await page.evaluate(changeAtFiveThousandPerSecond, MEASURE.update);
  });
  expect(storm.perSecond).toBeGreaterThan(4500);
  expect(storm.worstGap).toBeLessThan(100);
  expect(storm.share).toBeLessThan(0.1);
  expect(tasks.filter((task) => task.name === MEASURE.update).length).toBeGreaterThan(0);
  expect(longestThreadMs(tasks), JSON.stringify(tasks)).toBeLessThan(LONG_TASK_MS);
  await expect.poll(() => texts(page)).toContain('Xiaomi');
  expect(extension.errors).toEqual([]);
});

test('in a storm, text that changes elsewhere unseen is highlighted once the storm is over', async ({
  extension,
  page,
  server,
}) => {
  await page.goto(server.fixture('live.html'));
  await waitForScan(page);
  const elsewhere = await page.evaluate(async () => {
    const feed = document.getElementById('feed') as HTMLElement;
    const counter = feed.appendChild(document.createElement('p'));
    const quiet = feed.appendChild(document.createElement('p'));
    let n = 0;
    const started = performance.now();
    await new Promise<void>((resolve) => {
      const tick = () => {
        for (let i = 0; i < 100; i++) counter.textContent = `tick ${n++}`;
        // Midway, one quiet change elsewhere, between two of our looks or during one.
        if (quiet.textContent === '' && performance.now() - started > 700) quiet.textContent = 'NetEase answered.';
        if (performance.now() - started < 1500) setTimeout(tick, 0);
        else resolve();
      };
      tick();
    });
    return quiet.textContent;
  });
  expect(elsewhere).toBe('NetEase answered.');
  // Once a look finds the page calm, the page is read again whole.
  await expect.poll(() => texts(page), { timeout: 5000 }).toContain('NetEase');
  expect(await page.evaluate((rescan) => performance.getEntriesByName(rescan, 'measure').length, MEASURE.rescan)).toBe(
    1,
  );
  expect(extension.errors).toEqual([]);
});
