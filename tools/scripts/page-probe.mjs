// Reads what Context Lens did on a page, through the same public surfaces an
// outside check would use: CSS.highlights and performance entries.

/** @typedef {{ name: string, size: number, texts: string[] }} HighlightInfo */

/** Highlights that mark one mention again (the open card's, a jump's flash), not mentions of a kind. */
const MARKS = ['context-lens-active', 'context-lens-flash'];

/**
 * @param {import('playwright-core').Page} page
 * @returns {Promise<{ highlights: HighlightInfo[], scans: number[] }>}
 */
export function readHighlights(page) {
  return page.evaluate((marks) => {
    const highlights = [];
    for (const [name, highlight] of CSS.highlights) {
      if (!name.startsWith('context-lens-') || marks.includes(name)) continue;
      const texts = [...highlight].map((range) => range.toString());
      highlights.push({ name, size: highlight.size, texts });
    }
    const scans = performance.getEntriesByName('context-lens:scan', 'measure').map((entry) => entry.duration);
    return { highlights, scans };
  }, MARKS);
}

/**
 * Waits until the content script has finished its scan of the page.
 * @param {import('playwright-core').Page} page
 */
export async function waitForScan(page, timeout = 15_000) {
  await page.waitForFunction(() => performance.getEntriesByName('context-lens:scan', 'measure').length > 0, null, {
    timeout,
  });
}
