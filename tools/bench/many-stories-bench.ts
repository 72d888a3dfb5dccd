import { gzipSync } from 'node:zlib';
import type { Page, Worker } from 'playwright-core';
import { BUNDLED_PACKS } from '../../data/bundled-packs';
import type { StoryPack } from '../../data/schema';
import { namesOf } from '../../engine/packs/lens-entities';
import { installedEntry, utf8Bytes } from '../../engine/packs/pack-registry';
import { MEASURE, type MeasureName } from '../../page/measure-names';
import { PACK_KEYS } from '../../platform/storage/storage-keys';
import { CORPUS_DIR } from '../../tests/shared-paths';
import { launchWithExtension } from '../scripts/browser-session.mjs';
import { waitForScan } from '../scripts/page-probe';
import { startStaticServer } from '../scripts/static-server.mjs';
import { traceOurTasks } from '../scripts/task-trace';
import { inTurn } from './in-turn';
import { MANY_PACKS } from './matcher-bench';
import { median } from './median';
import { type PairedLoad, pairedRounds, pairedShift, type Shift } from './paired-shift';
import { bareHeapMb, heapMb, largestCorpusPage } from './size-bench';
import { syntheticPacks } from './synthetic-packs';

/** One page's figures in one setting: medians over its loads. */
interface PageFigures {
  page: string;
  /** MEASURE.scan, main-thread time worked: the first highlights, with the shipped stories' names. */
  scanMs: number;
  /** MEASURE.boot: merging the shipped stories' names and compiling the matcher, main-thread time worked. */
  bootMs: number;
  /** When the first highlights' reading began (the preview's first slice, or the scan's), from the start of navigation. */
  scanStartMs: number;
  /** MEASURE.compile: every story's names merged and compiled, once the first highlights are up (NaN without a reader's packs). */
  compileMs: number;
  /** MEASURE.rescan: a replacement read of the page with every story's names (NaN without a reader's packs). */
  rescanMs: number;
  /** When the rescan's last slice began: every story's highlights replace the first ones then. */
  allShownMs: number;
  /** The longest task of ours, in thread time, over every load. */
  longestThreadMs: number;
}

export interface ManyStoriesReport {
  packs: number;
  names: number;
  /** The bundled stories alone, and with the many packs added, page by page. */
  bundled: PageFigures[];
  many: PageFigures[];
  /** How much later the first highlights' reading began with the packs, over every round of every page. */
  firstHighlightsLater: Shift;
  heap: { page: string; withoutMb: number; withMb: number; growthMb: number };
  /** What the content script reads from storage at run time, apart from its own size. */
  namesData: { bundled: { raw: number; gzip: number }; many: { raw: number } };
}

const SETTLE_MS = 1000;

/** Stores packs as the options page does when a reader adds them. */
export async function storePacks(serviceWorker: Worker, packs: readonly StoryPack[]): Promise<void> {
  const now = new Date();
  const items: Record<string, unknown> = { [PACK_KEYS.added.key]: packs.map((pack) => installedEntry(pack, now)) };
  for (const pack of packs) {
    items[PACK_KEYS.pack.key(pack.id)] = pack;
    items[PACK_KEYS.names.key(pack.id)] = namesOf(pack);
  }
  await serviceWorker.evaluate((stored) => chrome.storage.local.set(stored), items);
}

/**
 * Adds packs, made public: what many stories cost apart from painting them
 * privately, which private-story-bench.ts measures.
 */
async function addPacks(serviceWorker: Worker, packs: readonly StoryPack[]): Promise<void> {
  await storePacks(serviceWorker, packs);
  const stories = Object.fromEntries(packs.map((pack) => [pack.id, { public: true }]));
  await serviceWorker.evaluate((patch) => chrome.storage.sync.set({ settings: { patch, siteChunks: 0 } }), { stories });
}

async function loadOnce(page: Page, url: string, rescan: boolean) {
  const tasks = await traceOurTasks(page, async () => {
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    await waitForScan(page, 60_000);
    if (rescan) {
      await page.waitForFunction((name) => performance.getEntriesByName(name, 'measure').length > 0, MEASURE.rescan, {
        timeout: 60_000,
      });
    }
    await page.waitForTimeout(SETTLE_MS);
  });
  // One evaluate with no named function inside: tsx would wrap one in a helper the page lacks.
  const [preview = [], firstScan = [], fullScan = []] = await page.evaluate(
    (names) =>
      names.map(
        (name) =>
          (
            (performance.getEntriesByName(name, 'measure')[0] as PerformanceMeasure | undefined)?.detail as
              | { sliceStarts?: number[] }
              | undefined
          )?.sliceStarts ?? [],
      ),
    [MEASURE.preview, MEASURE.scan, MEASURE.rescan],
  );
  // A page still being parsed is highlighted first by a preview of what it shows.
  const scanStartMs = preview[0] ?? firstScan[0] ?? Number.NaN;
  const allShownMs = fullScan.at(-1) ?? firstScan.at(-1) ?? Number.NaN;
  const thread = (name: MeasureName) => tasks.find((t) => t.name === name)?.duration ?? Number.NaN;
  return {
    scanMs: thread(MEASURE.scan),
    bootMs: thread(MEASURE.boot),
    compileMs: thread(MEASURE.compile),
    rescanMs: thread(MEASURE.rescan),
    longestThreadMs: Math.max(...tasks.map((t) => t.longestThreadMs).filter(Number.isFinite)),
    scanStartMs,
    allShownMs,
  };
}

/**
 * The corpus with the bundled stories alone, and with synthetic packs of
 * 100 entities added (50 by default: about 20,000 names), in two browsers whose loads
 * alternate, each going first in turn, so a busy moment of the machine falls on both
 * and neither always pays for following the other.
 * Then the JS heap on the largest corpus page with every pack switched on.
 */
export async function benchManyStories(
  pages: string[],
  rounds: number,
  progress: (line: string) => void,
  packCount = MANY_PACKS.packs,
): Promise<ManyStoriesReport> {
  const server = await startStaticServer({ '/corpus/': CORPUS_DIR });
  const packs = syntheticPacks(packCount, MANY_PACKS.perPack);
  const bundledBrowser = await launchWithExtension({ headless: true });
  const manyBrowser = await launchWithExtension({ headless: true });
  try {
    await addPacks(manyBrowser.serviceWorker, packs);
    const bundled: PageFigures[] = [];
    const many: PageFigures[] = [];
    const startRounds: PairedLoad[] = [];
    for (const [i, name] of pages.entries()) {
      progress(`Many stories ${i + 1}/${pages.length}: ${name}`);
      const url = `${server.origin}/corpus/${encodeURIComponent(name)}`;
      const load = (browser: typeof manyBrowser, rescan: boolean) => async () => {
        const tab = await browser.context.newPage();
        try {
          return await loadOnce(tab, url, rescan);
        } finally {
          await tab.close();
        }
      };
      const { with: withPacks, without: bundledOnly } = await inTurn(
        rounds,
        load(manyBrowser, true),
        load(bundledBrowser, false),
      );
      startRounds.push(...pairedRounds(withPacks, bundledOnly, (sample) => sample.scanStartMs));
      const figures = (list: typeof withPacks): PageFigures => ({
        page: name,
        scanMs: median(list.map((s) => s.scanMs)),
        bootMs: median(list.map((s) => s.bootMs)),
        scanStartMs: median(list.map((s) => s.scanStartMs)),
        compileMs: median(list.map((s) => s.compileMs)),
        rescanMs: median(list.map((s) => s.rescanMs)),
        allShownMs: median(list.map((s) => s.allShownMs)),
        longestThreadMs: Math.max(...list.map((s) => s.longestThreadMs)),
      });
      bundled.push(figures(bundledOnly));
      many.push(figures(withPacks));
    }

    progress('Many stories: the heap on the largest corpus page…');
    const largest = largestCorpusPage();
    const url = `${server.origin}/corpus/${encodeURIComponent(largest)}`;
    const withoutMb = await bareHeapMb(url);
    const tab = await manyBrowser.context.newPage();
    await tab.goto(url, { waitUntil: 'load', timeout: 60_000 });
    await waitForScan(tab, 60_000);
    await tab.waitForTimeout(2000);
    const withMb = await heapMb(manyBrowser.context, tab);

    const bundledNames = JSON.stringify(BUNDLED_PACKS.map(namesOf));
    return {
      packs: packs.length,
      names: packs.reduce(
        (sum, p) => sum + p.entities.reduce((n, e) => n + e.names.length + e.laterMentions.length, 0),
        0,
      ),
      bundled,
      many,
      firstHighlightsLater: pairedShift(startRounds),
      heap: { page: largest, withoutMb, withMb, growthMb: withMb - withoutMb },
      namesData: {
        bundled: { raw: utf8Bytes(bundledNames), gzip: gzipSync(bundledNames, { level: 9 }).length },
        many: { raw: utf8Bytes(JSON.stringify(packs.map(namesOf))) },
      },
    };
  } finally {
    await bundledBrowser.close();
    await manyBrowser.close();
    await server.close();
  }
}
