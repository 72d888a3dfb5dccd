// Reads what Context Lens did on a page, through the same public surfaces an
// outside check would use: CSS.highlights and performance entries.
import type { Page } from 'playwright-core';
import { MEASURE } from '../../page/measure-names';

export interface HighlightInfo {
  name: string;
  size: number;
  texts: string[];
}

/** Highlights that mark one mention again (the open card's, a jump's flash), not mentions of a kind. */
const MARKS = ['context-lens-active', 'context-lens-flash'];

export function readHighlights(page: Page): Promise<{ highlights: HighlightInfo[]; scans: number[] }> {
  return page.evaluate(
    ({ marks, scan }) => {
      const highlights: HighlightInfo[] = [];
      for (const [name, highlight] of CSS.highlights) {
        if (!name.startsWith('context-lens-') || marks.includes(name)) continue;
        const texts = [...highlight].map((range) => range.toString());
        highlights.push({ name, size: highlight.size, texts });
      }
      const scans = performance.getEntriesByName(scan, 'measure').map((entry) => entry.duration);
      return { highlights, scans };
    },
    { marks: MARKS, scan: MEASURE.scan },
  );
}

/** Waits until the content script has finished its scan of the page. */
export async function waitForScan(page: Page, timeout = 15_000): Promise<void> {
  await page.waitForFunction((scan) => performance.getEntriesByName(scan, 'measure').length > 0, MEASURE.scan, {
    timeout,
  });
}

/**
 * In the page, for `page.evaluate(bootsRestored, MEASURE.boot)` from Playwright or Puppeteer: whether
 * each first matcher was restored from an earlier page (true) or compiled (false).
 */
export function bootsRestored(boot: string): boolean[] {
  return performance
    .getEntriesByName(boot, 'measure')
    .map((m) => ((m as PerformanceMeasure).detail as { restored: boolean }).restored);
}
