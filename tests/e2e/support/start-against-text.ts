import { MEASURE } from '../../../page/measure-names';

/**
 * On the fixture text-arrives-late.html: whether the page is still being
 * parsed, when the parser reached its text (the fixture's own mark) and when
 * our start-up began. Playwright's and puppeteer's pages both qualify.
 */
export function startAgainstText(page: {
  evaluate<T>(run: (boot: string) => T, boot: string): Promise<T>;
}): Promise<{ readyState: DocumentReadyState; textParsed: number; boot: number }> {
  return page.evaluate(
    (bootMeasure) => ({
      readyState: document.readyState,
      textParsed: performance.getEntriesByName('fixture:text-parsed')[0]?.startTime ?? Number.NaN,
      boot: performance.getEntriesByName(bootMeasure)[0]?.startTime ?? Number.NaN,
    }),
    MEASURE.boot,
  );
}
