import { waitForScan } from '../../tools/scripts/page-probe';
import { BUNDLED_ENTITIES } from '../bundled-stories';
import { expect, test } from './fixtures';
import { countRules } from './support/independent-count';
import { labelledPages, type PageScore, scorePage, shownHighlights } from './support/labelled-pages';

/**
 * The hand-labelled set (tests/labelled-pages): on real pages nobody tuned
 * the rules for, what a reader sees marked against what people who never saw
 * the rules labelled as mentions. A story's common names are marked
 * everywhere here, so that what is measured is the naming itself; which of
 * them a page shows is the story rule's business, tested on its own.
 */

/**
 * What the rules reach on the set now. Issue 35 asks for 0.99 and 0.98; until
 * the rules reach them, the test holds these so that no change slips back,
 * and prints every disagreement for the next step.
 */
const PRECISION = 0.96;
const RECALL = 0.94;
/** Time for the page's own scripts and our live updates to settle. */
const SETTLE_MS = 800;

const owner = new Map(
  countRules(BUNDLED_ENTITIES)
    .rows.filter((row) => row.role !== 'not')
    .map((row) => [row.text.replace(/\s+/g, ' ').replace(/’/g, "'"), row.entityId]),
);
const entityOf = (text: string) => owner.get(text.replace(/’/g, "'")) ?? `unknown: ${text}`;

test('the hand-labelled pages: precision and recall against people’s labels', async ({ extension, server }) => {
  test.setTimeout(600_000);
  await extension.serviceWorker.evaluate(async () => {
    await chrome.storage.sync.set({ settings: { patch: { commonNamesEverywhere: true }, siteChunks: 0 } });
  });
  const scores: PageScore[] = [];
  const page = await extension.context.newPage();
  for (const labelled of labelledPages()) {
    const url = labelled.from === 'corpus' ? server.corpus(labelled.file) : server.labelled(labelled.file);
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    await waitForScan(page, 60_000);
    await page.waitForTimeout(SETTLE_MS);
    const { shownText, highlights } = await page.evaluate(shownHighlights);
    scores.push(
      scorePage(
        labelled,
        shownText,
        highlights.map((h) => ({ ...h, entity: entityOf(h.text) })),
      ),
    );
  }
  const sum = (pick: (s: PageScore) => number) => scores.reduce((total, s) => total + pick(s), 0);
  const precision = sum((s) => s.rightHighlights) / sum((s) => s.highlights);
  const recall = sum((s) => s.foundLabels) / sum((s) => s.labels);
  console.log(
    [
      `labelled set: ${scores.length} pages, ${sum((s) => s.labels)} labelled mentions, ${sum((s) => s.highlights)} highlights`,
      `precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}`,
      ...scores.flatMap((s) => s.wrong.map((line) => `  not a mention: ${line}`)),
      ...scores.flatMap((s) => s.missed.map((line) => `  missed: ${line}`)),
    ].join('\n'),
  );
  expect(precision).toBeGreaterThanOrEqual(PRECISION);
  expect(recall).toBeGreaterThanOrEqual(RECALL);
  expect(extension.errors).toEqual([]);
});
