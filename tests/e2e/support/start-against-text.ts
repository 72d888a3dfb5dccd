/**
 * On the fixture text-arrives-late.html: whether the page is still being
 * parsed, when the parser reached its text (the fixture's own mark) and when
 * our start-up began. Playwright's and puppeteer's pages both qualify.
 */
export function startAgainstText(page: {
  evaluate<T>(run: () => T): Promise<T>;
}): Promise<{ readyState: DocumentReadyState; textParsed: number; boot: number }> {
  return page.evaluate(() => ({
    readyState: document.readyState,
    textParsed: performance.getEntriesByName('fixture:text-parsed')[0]?.startTime ?? Number.NaN,
    boot: performance.getEntriesByName('context-lens:boot')[0]?.startTime ?? Number.NaN,
  }));
}
