import { MEASURE } from '../../../page/measure-names';

/**
 * How long after the parser finished (DOMContentLoaded) our first scan
 * began, read in the page. Playwright's and puppeteer's pages both qualify.
 */
export function scanAfterParsedMs(page: {
  evaluate<T>(run: (scan: string) => T, scan: string): Promise<T>;
}): Promise<number> {
  return page.evaluate((scanMeasure) => {
    const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
    const [scan] = performance.getEntriesByName(scanMeasure, 'measure');
    return (scan?.startTime ?? Number.NaN) - (navigation?.domContentLoadedEventEnd ?? Number.NaN);
  }, MEASURE.scan);
}

/**
 * Generous, as a behaviour check and not a timing test: a script that waited
 * for the load event (or for its three-second fallback) could never pass it,
 * and a busy machine still does.
 */
export const PARSED_TO_SCAN_BOUND_MS = 2000;
