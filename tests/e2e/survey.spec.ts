import type { Page } from '@playwright/test';
import { MEASURE } from '../../page/measure-names';
import { readHighlights, waitForScan } from '../../tools/scripts/page-probe';
import { expect, test } from './fixtures';

// Pages without a full name in their light tree are surveyed, not walked:
// these check that the survey finds what a walk would, and no more.

const texts = async (page: Page) => (await readHighlights(page)).highlights.flatMap((h) => h.texts).sort();

/** Subtrees the first scan surveyed and left unwalked. */
const surveyed = (page: Page) =>
  page.evaluate((scanMeasure) => {
    const [scan] = performance.getEntriesByName(scanMeasure, 'measure') as PerformanceMeasure[];
    return scan?.detail.surveyed;
  }, MEASURE.scan);

test('shadow roots of a page without names are still read, nested ones too, hidden ones not', async ({
  extension,
  page,
  server,
}) => {
  await page.goto(server.fixture('survey.html'));
  await waitForScan(page);
  expect(await texts(page)).toEqual(['Beijing', 'Kuaishou', 'Shenzhen']);
  expect(await surveyed(page)).toBe(1);
  expect(extension.errors).toEqual([]);
});

test('a full name added before unread text admits the later forms in it', async ({ page, server }) => {
  await page.goto(server.fixture('survey.html'));
  await waitForScan(page);
  await page.evaluate(() => {
    const after = document.createElement('p');
    after.textContent = 'Jack Ma, at the end.';
    document.body.append(after);
  });
  await expect.poll(() => texts(page)).toEqual(['Beijing', 'Jack Ma', 'Kuaishou', 'Shenzhen']);
  await page.evaluate(() => {
    const intro = document.createElement('p');
    intro.textContent = 'Jack Ma, first.';
    document.getElementById('feed')?.prepend(intro);
  });
  await expect.poll(() => texts(page)).toEqual(['Beijing', 'Jack Ma', 'Jack Ma', 'Kuaishou', 'Ma', 'Shenzhen']);
});

test('names in blocks that run together, or around hidden inline text, are found', async ({ page, server }) => {
  await page.goto(server.fixture('survey-joined.html'));
  await waitForScan(page);
  expect(await texts(page)).toEqual(['Alibaba']);
  expect(await surveyed(page)).toBe(0);
  await page.goto(server.fixture('survey-hidden.html'));
  await waitForScan(page);
  expect(await surveyed(page)).toBe(0);
  // The range runs over the hidden text, which is not painted.
  expect(await texts(page)).toEqual(['Jack (not shown)Ma']);
});
