import { readHighlights, waitForScan } from '../../tools/scripts/page-probe';
import { expect, test } from './fixtures';
import { watchExtensionRequests } from './support/extension-requests';

const allTexts = (highlights: { texts: string[] }[]) => highlights.flatMap((h) => h.texts);

test('the extension loads with no errors in the service worker', async ({ extension }) => {
  expect(extension.id).toMatch(/^[a-p]{32}$/);
  const manifest = await extension.serviceWorker.evaluate(() => chrome.runtime.getManifest());
  expect(manifest.name).toBe('Context Lens');
  expect(manifest.manifest_version).toBe(3);
  expect(manifest.permissions).toEqual(['storage', 'contextMenus', 'sidePanel']);
  expect(extension.errors).toEqual([]);
});

test('the content script highlights a fixture page without touching its DOM', async ({ extension, page, server }) => {
  // Watch the DOM from the moment the parser is done; our content script runs after that.
  await extension.context.addInitScript(() => {
    const record: string[] = [];
    (window as unknown as { __mutations: string[] }).__mutations = record;
    document.addEventListener('DOMContentLoaded', () => {
      new MutationObserver((list) => {
        for (const m of list) record.push(`${m.type} on ${(m.target as Element).nodeName}`);
      }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    });
  });
  await page.goto(server.fixture('basic.html'));
  await waitForScan(page);
  const { highlights, scans } = await readHighlights(page);

  expect(scans).toHaveLength(1);
  // Only the highlights that hold a mention are registered, where the page's scripts can read them.
  expect(highlights.map((h) => [h.name, h.size > 0]).sort()).toEqual([
    ['context-lens-city', true],
    ['context-lens-firm', true],
    ['context-lens-person', true],
  ]);
  expect(allTexts(highlights).sort()).toEqual(
    ['Alibaba', 'Alibaba', 'Hangzhou', 'Hangzhou', 'Jack Ma', 'Shenzhen', 'Tianjin'].sort(),
  );
  expect(await page.evaluate(() => (window as unknown as { __mutations: string[] }).__mutations)).toEqual([]);
  expect(extension.errors).toEqual([]);
});

test('the popup opens and lists what the page mentions', async ({ extension, page, server }) => {
  await page.goto(server.fixture('basic.html'));
  await waitForScan(page);
  const panel = await extension.openPanel(page);
  await expect(panel.getByRole('heading', { name: /On this page/ })).toContainText('7 mentions');
  await expect(panel.locator('[data-entity="hangzhou"]')).toContainText('Hangzhou');
  await expect(panel.locator('[data-entity="hangzhou"] .count')).toContainText('2');
  await expect(panel.getByRole('region', { name: 'The stories' })).toContainText(
    'China and its tech giants: from crackdown to courtship',
  );
  expect(extension.errors).toEqual([]);
});

test('the demo page loads and every entity of the story is highlighted', async ({ extension, page, server }) => {
  await page.goto(server.demo);
  await waitForScan(page);
  const panel = await extension.openPanel(page);
  await expect(panel.locator('.on-page [data-entity]')).toHaveCount(14);
  const { highlights } = await readHighlights(page);
  expect(allTexts(highlights)).toEqual(
    expect.arrayContaining(['Jack Ma', 'Ma', 'Yin', 'JD', '360', '阿里巴巴', '国家发展和改革委员会']),
  );
  expect(extension.errors).toEqual([]);
});

test('the options page shows each story and every name it looks for', async ({ extension }) => {
  const options = await extension.openOptions();
  const china = options.locator('[data-story="china-tech-reset"]');
  await expect(china).toContainText('14 names');
  await china.getByText('Details').click();
  await expect(china.locator('.directory tbody tr')).toHaveCount(14);
  await expect(china.locator('[data-entity="jd-com"]')).toContainText('After “JD.com”: “JD”');
  await expect(options.locator('[data-story="huawei-spying-claims-2013"]')).toContainText('Reuters, 2013-07-19');
  expect(extension.errors).toEqual([]);
});

test('corpus pages are served in their own charset and scanned', async ({ extension, page, server }) => {
  await page.goto(server.corpus('qq-tencent-news.html'));
  expect(await page.evaluate(() => document.characterSet)).toMatch(/^(GBK|gb2312|GB18030)$/i);
  await waitForScan(page);
  await page.goto(server.corpus('telegraph-jack-maynard.html'));
  await waitForScan(page);
  const { highlights } = await readHighlights(page);
  expect(allTexts(highlights)).not.toContain('Jack Ma');
  expect(extension.errors).toEqual([]);
});

test('the request watcher the corpus sweep relies on sees what our service worker fetches, and not the page', async ({
  extension,
  page,
  server,
}) => {
  const network = await watchExtensionRequests(extension.context, page);
  await page.goto(server.fixture('basic.html'));
  await waitForScan(page);
  await page.evaluate((url) => fetch(url).then((r) => r.text()), server.fixture('live.html'));
  expect(network.requests).toEqual([]);
  await extension.serviceWorker.evaluate((url) => fetch(url).then((r) => r.text()), server.fixture('card.html'));
  await expect.poll(() => network.requests).toEqual([server.fixture('card.html')]);
  await network.stop();
});
