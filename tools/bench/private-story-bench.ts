import type { Page, Worker } from 'playwright-core';
import { BUNDLED_PACKS } from '../../data/bundled-packs';
import type { StoryPack } from '../../data/schema';
import { MEASURE } from '../../page/measure-names';
import { CORPUS_DIR } from '../../tests/shared-paths';
import { launchWithExtension } from '../scripts/browser-session.mjs';
import { waitForScan } from '../scripts/page-probe';
import { startStaticServer } from '../scripts/static-server.mjs';
import { traceOurTasks } from '../scripts/task-trace';
import { driveScroll } from './drive-scroll';
import { allowBenchFunctions } from './evaluate-shim';
import { inTurn } from './in-turn';
import { storePacks } from './many-stories-bench';
import { median } from './median';
import { taskClock } from './task-clock';

/** What one page costs with the reader's copy of the stories private, and with the same copy public. */
export interface PrivateStoryRow {
  page: string;
  /** Mentions the copy's names make on the page (the rescan's count). */
  mentions: number;
  /** Thread time of the read with every story's names (MEASURE.rescan), medians. */
  privateReadMs: number;
  publicReadMs: number;
  /** Compiling the stories' names after the first highlights (MEASURE.compile), medians. */
  privateCompileMs: number;
  publicCompileMs: number;
  /** Our painting of the private mentions until the page settles, and while it scrolls (MEASURE.privatePaint), medians. */
  paintMs: number;
  scrollPaintMs: number;
  /** The page's whole main thread while it scrolls, as a share of the wall time, medians. */
  privateScrollShare: number;
  publicScrollShare: number;
  /** The longest task of ours, private, over every load, in thread time. */
  longestThreadMs: number;
}

type Session = Awaited<ReturnType<typeof launchWithExtension>>;

const SCROLL_MS = 4000;
const SCROLL_SPEED = 2000;
const SETTLE_MS = 1000;

/** The pages: the long article of the Huawei story, and one on Alibaba. */
const PAGES = ['reuters-huawei-cia-2013.html', 'nytimes-2-alibaba.html'];

/**
 * A reader's own copy of each bundled story, under an id of its own: the
 * same names, so the same mentions, painted by the registry when the copy is
 * public and from our shadow root when it is private.
 */
const COPIES: StoryPack[] = BUNDLED_PACKS.map((pack) => ({
  ...pack,
  id: `${pack.id}-copy`,
  title: `${pack.title} (copy)`,
}));

/** The bundled stories switched off, the copies on, private or public. */
async function chooseCopies(serviceWorker: Worker, shared: boolean): Promise<void> {
  const stories: Record<string, object> = {};
  for (const pack of BUNDLED_PACKS) stories[pack.id] = { enabled: false };
  for (const pack of COPIES) if (shared) stories[pack.id] = { public: true };
  await serviceWorker.evaluate((patch) => chrome.storage.sync.set({ settings: { patch, siteChunks: 0 } }), { stories });
}

/** The summed duration of a measure's entries from `from` on. */
function summed(page: Page, name: string, from = 0): Promise<number> {
  return page.evaluate(
    ({ name, from }) =>
      performance
        .getEntriesByName(name, 'measure')
        .filter((m) => m.startTime >= from)
        .reduce((sum, m) => sum + m.duration, 0),
    { name, from },
  );
}

async function loadOnce(session: Session, url: string, shared: boolean) {
  await chooseCopies(session.serviceWorker, shared);
  const page = await session.context.newPage();
  try {
    const tasks = await traceOurTasks(page, async () => {
      await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
      await waitForScan(page, 60_000);
      await page.waitForTimeout(SETTLE_MS);
    });
    const thread = (name: string) => tasks.filter((t) => t.name === name).reduce((sum, t) => sum + t.duration, 0);
    const paintMs = await summed(page, MEASURE.privatePaint);
    const mentions = await page.evaluate(
      (scan) =>
        (
          (performance.getEntriesByName(scan, 'measure')[0] as PerformanceMeasure | undefined)?.detail as
            | { mentions?: number }
            | undefined
        )?.mentions ?? 0,
      MEASURE.scan,
    );
    const clock = await taskClock(session.context, page);
    const before = await clock.read();
    const started = Date.now();
    const from = await page.evaluate(() => performance.now());
    await page.evaluate(driveScroll, { ms: SCROLL_MS, speed: SCROLL_SPEED });
    const elapsed = Date.now() - started;
    const scrollShare = ((await clock.read()) - before) / elapsed;
    await clock.stop();
    return {
      // With only a reader's stories on, the page's first full read is theirs.
      readMs: thread(MEASURE.scan),
      // The public copy compiles at start-up; a private one's names compile apart, on every page.
      compileMs: thread(MEASURE.boot) + thread(MEASURE.compile),
      paintMs,
      scrollPaintMs: await summed(page, MEASURE.privatePaint, from),
      scrollShare,
      mentions,
      longestThreadMs: Math.max(...tasks.map((t) => t.longestThreadMs).filter(Number.isFinite)),
    };
  } finally {
    await page.close();
  }
}

/**
 * What a private story costs: the bundled stories' names, as a reader's own
 * copy, private and then public, on the same pages in turn. The same
 * mentions are found either way; private ones are also painted by us, once
 * a frame while the page moves.
 */
export async function benchPrivateStory(rounds: number, progress: (line: string) => void): Promise<PrivateStoryRow[]> {
  const server = await startStaticServer({ '/corpus/': CORPUS_DIR });
  const session = await launchWithExtension({ headless: true });
  await allowBenchFunctions(session.context);
  try {
    await storePacks(session.serviceWorker, COPIES);
    const rows: PrivateStoryRow[] = [];
    for (const name of PAGES) {
      progress(`Private stories: ${name}`);
      const url = `${server.origin}/corpus/${encodeURIComponent(name)}`;
      const loads = await inTurn(
        rounds,
        () => loadOnce(session, url, false),
        () => loadOnce(session, url, true),
      );
      const mid = (list: typeof loads.with, pick: (load: (typeof loads.with)[number]) => number) =>
        median(list.map(pick));
      rows.push({
        page: name,
        mentions: mid(loads.with, (l) => l.mentions),
        privateReadMs: mid(loads.with, (l) => l.readMs),
        publicReadMs: mid(loads.without, (l) => l.readMs),
        privateCompileMs: mid(loads.with, (l) => l.compileMs),
        publicCompileMs: mid(loads.without, (l) => l.compileMs),
        paintMs: mid(loads.with, (l) => l.paintMs),
        scrollPaintMs: mid(loads.with, (l) => l.scrollPaintMs),
        privateScrollShare: mid(loads.with, (l) => l.scrollShare),
        publicScrollShare: mid(loads.without, (l) => l.scrollShare),
        longestThreadMs: Math.max(...loads.with.map((l) => l.longestThreadMs)),
      });
    }
    return rows;
  } finally {
    await session.close();
    await server.close();
  }
}
