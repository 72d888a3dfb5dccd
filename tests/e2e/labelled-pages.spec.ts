import { waitForScan } from '../../tools/scripts/page-probe';
import { expect, test } from './fixtures';
import {
  expectAtLeast,
  FLOOR,
  HELD_OUT_FLOOR,
  labelledPages,
  type PageScore,
  scoreShown,
  urlOf,
} from './support/labelled-pages';

/**
 * The hand-labelled set (tests/labelled-pages): on real pages nobody tuned
 * the rules for, what a reader sees marked against what people who never saw
 * the rules labelled as mentions. A story's common names are marked
 * everywhere here, so that what is measured is the naming itself; which of
 * them a page shows is the story rule's business, tested on its own.
 */

/** Time for the page's own scripts and our live updates to settle. */
const SETTLE_MS = 800;

for (const [part, floor] of [
  ['development', FLOOR],
  ['held-out', HELD_OUT_FLOOR],
] as const) {
  test(`the hand-labelled pages (${part}): precision and recall against people’s labels`, async ({
    extension,
    server,
  }) => {
    test.setTimeout(600_000);
    await extension.serviceWorker.evaluate(async () => {
      await chrome.storage.sync.set({ settings: { patch: { commonNamesEverywhere: true }, siteChunks: 0 } });
    });
    const scores: PageScore[] = [];
    const page = await extension.context.newPage();
    for (const labelled of labelledPages(part)) {
      await page.goto(urlOf(labelled, server), { waitUntil: 'load', timeout: 60_000 });
      await waitForScan(page, 60_000);
      await page.waitForTimeout(SETTLE_MS);
      scores.push(await scoreShown(labelled, (read) => page.evaluate(read)));
    }
    expectAtLeast(scores, floor, `labelled set, ${part}`);
    expect(extension.errors).toEqual([]);
  });
}
