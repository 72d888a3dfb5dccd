import type { BrowserContext } from 'playwright-core';
import { CORPUS_DIR } from '../../tests/shared-paths';
import { launchWithExtension, launchWithoutExtension } from '../scripts/browser-session.mjs';
import { waitForScan } from '../scripts/page-probe';
import { HELD_PATH, startStaticServer } from '../scripts/static-server.mjs';
import { allowBenchFunctions } from './evaluate-shim';
import { inTurn } from './in-turn';
import { largest, median } from './median';
import { type PairedLoad, pairedRounds, pairedShift, type Shift } from './paired-shift';

/** As served, or with an image at the end of the body whose response never comes, so `load` never fires. */
type ServeMode = 'served' | 'held';

/** One load's timings, in ms from the start of navigation. */
interface LoadTimings {
  dcl: number;
  fcp: number;
  lcp: number;
  /** Highlights in the first viewport once the page settled. */
  inView: number;
  /** The frame by which every one of them was painted; NaN without any. */
  inViewPainted: number;
}

interface FirstHighlightRow {
  page: string;
  mode: ServeMode;
  /** Highlights in the first viewport (median over loads); the timings below need at least one. */
  inView: number;
  /** From the page's first contentful paint to every highlight in view painted: median and worst over loads. */
  afterFcpMs: { median: number; worst: number };
  /** The same from DOMContentLoaded. */
  afterDclMs: { median: number; worst: number };
  /** The page's own FCP and LCP, medians over loads, with the extension and without. */
  fcpMs: { with: number; without: number };
  lcpMs: { with: number; without: number };
  /** Every round's FCP and LCP with the extension and without, in the order they ran. */
  rounds: { fcp: PairedLoad[]; lcp: PairedLoad[] };
}

export interface FirstHighlightReport {
  loads: number;
  rows: FirstHighlightRow[];
}

/** Long enough after the scan for the slowest page's LCP and our last slices. */
const SETTLE_MS = 1000;
const HELD_IMAGE = `<img src="${HELD_PATH}never.png" alt="" width="1" height="1">`;

/**
 * From the page's first script: when each of our ranges is first painted
 * (sampled every frame, keyed by its boundary points so a range read anew
 * counts from its first appearance), and the page's LCP.
 */
function watchPaints(): void {
  const firstSeen = new Map<string, number>();
  const ids = new WeakMap<Node, number>();
  let nextId = 0;
  const idOf = (node: Node) => {
    let id = ids.get(node);
    if (id === undefined) {
      id = nextId++;
      ids.set(node, id);
    }
    return id;
  };
  const keyOf = (r: AbstractRange) =>
    `${idOf(r.startContainer)}:${r.startOffset}:${idOf(r.endContainer)}:${r.endOffset}`;
  const ours = () =>
    [...CSS.highlights]
      .filter(
        ([name]) => name.startsWith('context-lens-') && name !== 'context-lens-active' && name !== 'context-lens-flash',
      )
      .flatMap(([, highlight]) => [...highlight] as AbstractRange[]);
  let lcp = Number.NaN;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) lcp = entry.startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  // The time the frame's callbacks run, just before it is painted: the frame's own timestamp is when
  // it was due, which a long task of the page's can put a hundred milliseconds before our work in it.
  const sample = () => {
    const painting = performance.now();
    for (const range of ours()) {
      const key = keyOf(range);
      if (!firstSeen.has(key)) firstSeen.set(key, painting);
    }
    requestAnimationFrame(sample);
  };
  requestAnimationFrame(sample);
  (window as unknown as { firstPaints: () => LoadTimings }).firstPaints = () => {
    const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN;
    const inView = ours()
      .filter((range) => {
        const box = (range as Range).getBoundingClientRect();
        return box.width > 0 && box.bottom > 0 && box.right > 0 && box.top < innerHeight && box.left < innerWidth;
      })
      .map((range) => firstSeen.get(keyOf(range)) ?? Number.NaN);
    return {
      dcl: navigation?.domContentLoadedEventEnd ?? Number.NaN,
      fcp,
      lcp,
      inView: inView.length,
      // Spelled out: this runs in the page, where nothing imported here exists.
      inViewPainted: inView.length > 0 ? Math.max(...inView) : Number.NaN,
    };
  };
}

async function loadOnce(context: BrowserContext, url: string, extension: boolean): Promise<LoadTimings> {
  const tab = await context.newPage();
  try {
    await tab.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    if (extension) await waitForScan(tab, 60_000);
    await tab.waitForTimeout(SETTLE_MS);
    return await tab.evaluate(() => (window as unknown as { firstPaints: () => LoadTimings }).firstPaints());
  } finally {
    await tab.close();
  }
}

/**
 * Every corpus page, as served and with its load event held, loaded in
 * Chromium with the extension and without it, alternately: when the
 * highlights in the first viewport are painted, against the page's first
 * contentful paint and DOMContentLoaded, and the page's own FCP and LCP.
 */
export async function benchFirstHighlight(
  pages: string[],
  loads: number,
  progress: (line: string) => void,
): Promise<FirstHighlightReport> {
  const server = await startStaticServer(
    { '/corpus/': CORPUS_DIR, '/held-corpus/': CORPUS_DIR },
    { append: (path: string) => (path.startsWith('/held-corpus/') ? HELD_IMAGE : undefined) },
  );
  const ours = await launchWithExtension({ headless: true });
  const plain = await launchWithoutExtension({ headless: true });
  const bare = plain.context;
  for (const context of [ours.context, bare]) {
    await allowBenchFunctions(context);
    await context.addInitScript(watchPaints);
  }
  try {
    const rows: FirstHighlightRow[] = [];
    for (const [i, name] of pages.entries()) {
      progress(`First highlights ${i + 1}/${pages.length}: ${name}`);
      for (const mode of ['served', 'held'] as const) {
        const url = `${server.origin}/${mode === 'held' ? 'held-corpus' : 'corpus'}/${encodeURIComponent(name)}`;
        const { with: withExtension, without } = await inTurn(
          loads,
          () => loadOnce(ours.context, url, true),
          () => loadOnce(bare, url, false),
        );
        const timed = withExtension.filter((load) => Number.isFinite(load.inViewPainted));
        const spread = (values: number[]) => ({
          median: median(values),
          worst: largest(values),
        });
        rows.push({
          page: name,
          mode,
          inView: median(withExtension.map((load) => load.inView)),
          afterFcpMs: spread(timed.map((load) => load.inViewPainted - load.fcp)),
          afterDclMs: spread(timed.map((load) => load.inViewPainted - load.dcl)),
          fcpMs: { with: median(withExtension.map((l) => l.fcp)), without: median(without.map((l) => l.fcp)) },
          lcpMs: { with: median(withExtension.map((l) => l.lcp)), without: median(without.map((l) => l.lcp)) },
          rounds: {
            fcp: pairedRounds(withExtension, without, (load) => load.fcp),
            lcp: pairedRounds(withExtension, without, (load) => load.lcp),
          },
        });
      }
    }
    return { loads, rows };
  } finally {
    await ours.close();
    await plain.close();
    await server.close();
  }
}

/** Highlights in view painted this long after the page's first contentful paint, at the median load of every page… */
const AFTER_FCP_MEDIAN_MS = 100;
/** …and at the worst load of any. */
const AFTER_FCP_WORST_MS = 250;

export function firstHighlightSection({ loads, rows }: FirstHighlightReport): string {
  const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(0) : '–');
  const verdict = (met: boolean) => (met ? 'met' : 'NOT met');
  const timed = rows.filter((row) => Number.isFinite(row.afterFcpMs.median));
  const worstMedian = Math.max(...timed.map((row) => row.afterFcpMs.median));
  const worst = Math.max(...timed.map((row) => row.afterFcpMs.worst));
  const fcpShift = pairedShift(rows.flatMap((row) => row.rounds.fcp));
  const lcpShift = pairedShift(rows.flatMap((row) => row.rounds.lcp));
  const shown = (shift: Shift) =>
    `${ms(shift.ms)} ms (95% interval ${ms(shift.low)} to ${ms(shift.high)} ms, ${shift.pairs} rounds)`;
  // Measurable when the interval leaves out zero.
  const unmoved = (shift: Shift) => shift.low <= 0;
  const byMode = (mode: ServeMode) => {
    const own = timed.filter((row) => row.mode === mode);
    return `${mode}: ${own.length} pages, largest median ${ms(Math.max(...own.map((r) => r.afterFcpMs.median)))} ms, worst ${ms(Math.max(...own.map((r) => r.afterFcpMs.worst)))} ms after FCP`;
  };
  return [
    `Every corpus page in Chromium, ${loads} loads each with the extension and without, alternating, each going first in turn; "held" serves the page with an image at the end of its body whose response never comes, so \`load\` never fires. "In view" counts our highlights in the first viewport (1280×900) once the page settled; the times are from the page's first contentful paint (FCP) or DOMContentLoaded (DCL) to the frame that painted the last of them, sampled in every frame of the page as it is about to be painted. Pages with nothing of the stories in view have no time.`,
    '',
    '| page | served | in view | after FCP, median | worst | after DCL, median | worst | FCP with / without | LCP with / without |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map(
      (r) =>
        `| ${r.page} | ${r.mode} | ${r.inView} | ${ms(r.afterFcpMs.median)} | ${ms(r.afterFcpMs.worst)} | ${ms(r.afterDclMs.median)} | ${ms(r.afterDclMs.worst)} | ${ms(r.fcpMs.with)} / ${ms(r.fcpMs.without)} | ${ms(r.lcpMs.with)} / ${ms(r.lcpMs.without)} |`,
    ),
    '',
    `${byMode('served')}; ${byMode('held')}. The page's own paints with the extension, against without, over every round of every page and mode (the median of the rounds where the extension loaded first and of those where it loaded second, averaged, since a load that follows another runs slower): FCP ${shown(fcpShift)} later, LCP ${shown(lcpShift)} later.`,
    '',
    `Targets: highlights in view at most ${AFTER_FCP_MEDIAN_MS} ms after FCP at every page's median load (largest ${ms(worstMedian)} ms: ${verdict(worstMedian <= AFTER_FCP_MEDIAN_MS)}) and ${AFTER_FCP_WORST_MS} ms at the worst (${ms(worst)} ms: ${verdict(worst <= AFTER_FCP_WORST_MS)}), as served and held; FCP and LCP no measurably later, their intervals reaching zero (${verdict(unmoved(fcpShift) && unmoved(lcpShift))}).`,
  ].join('\n');
}
