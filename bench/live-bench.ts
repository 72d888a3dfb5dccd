import { launchWithExtension } from '../scripts/browser-session.mjs';
import { waitForScan } from '../scripts/page-probe.mjs';
import { startStaticServer } from '../scripts/static-server.mjs';
import { PROJECT_ROOT } from '../tests/shared-paths';
import { allowBenchFunctions } from './evaluate-shim';

export interface LiveReport {
  feed: { paragraphs: number; medianDelayMs: number; worstDelayMs: number; shareOfMainThread: number };
  storm: { mutationsPerSecond: number; shareOfMainThread: number; settledAfterMs: number };
}

/** A news feed: a paragraph naming three entities arrives every 250 ms; how soon is each highlighted? */
function feed(paragraphs: number): Promise<{ delays: number[]; workedMs: number; elapsedMs: number }> {
  const feedEl = document.getElementById('feed') as HTMLElement;
  const startMeasures = performance.getEntriesByName('context-lens:update', 'measure').length;
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
        const updates = performance.getEntriesByName('context-lens:update', 'measure').slice(startMeasures);
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

/** A mutation storm: a counter rewritten as fast as the page can, for three seconds. */
async function storm(): Promise<{ mutations: number; workedMs: number; elapsedMs: number; settledAfterMs: number }> {
  const feedEl = document.getElementById('feed') as HTMLElement;
  const counter = document.createElement('p');
  feedEl.append(counter);
  const startMeasures = performance.getEntriesByName('context-lens:update', 'measure').length;
  let mutations = 0;
  const started = performance.now();
  await new Promise<void>((resolve) => {
    const tick = () => {
      for (let i = 0; i < 100; i++) counter.textContent = `Beijing tick ${mutations++}`;
      if (performance.now() - started < 3000) setTimeout(tick, 0);
      else resolve();
    };
    tick();
  });
  const ended = performance.now();
  const finalText = counter.textContent;
  await new Promise<void>((resolve) => {
    const check = () => {
      const done = [...((CSS.highlights.get('context-lens-city') as Highlight | undefined) ?? [])].some(
        (range) => (range as Range).startContainer.parentNode === counter && counter.textContent === finalText,
      );
      if (done) resolve();
      else requestAnimationFrame(check);
    };
    check();
  });
  const updates = performance.getEntriesByName('context-lens:update', 'measure').slice(startMeasures);
  return {
    mutations,
    workedMs: updates.reduce((sum, m) => sum + m.duration, 0),
    elapsedMs: ended - started,
    settledAfterMs: performance.now() - ended,
  };
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
    const fed = await page.evaluate(feed, paragraphs);
    await page.goto(`${server.origin}/fixtures/live.html`);
    await waitForScan(page);
    const stormed = await page.evaluate(storm);
    const sorted = [...fed.delays].sort((a, b) => a - b);
    return {
      feed: {
        paragraphs,
        medianDelayMs: sorted[Math.floor(sorted.length / 2)] ?? Number.NaN,
        worstDelayMs: sorted[sorted.length - 1] ?? Number.NaN,
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
