import type { Frame, Page } from '@playwright/test';
import { MEASURE } from '../../page/measure-names';
import { MATCHER_CACHE_KEY } from '../../platform/storage/storage-keys';
import { bootsRestored, readHighlights, waitForScan } from '../../tools/scripts/page-probe';
import { expect, test } from './fixtures';
import { PARSED_TO_SCAN_BOUND_MS, scanAfterParsedMs } from './support/parsed-to-scan';
import { startAgainstText } from './support/start-against-text';

const byKind = async (target: Page | Frame) => {
  const { highlights } = await readHighlights(target as Page);
  return Object.fromEntries(
    highlights.filter((h) => h.size > 0).map((h) => [h.name.slice('context-lens-'.length), h.texts]),
  );
};

test('every entity is highlighted under its kind, and no trap is', async ({ extension, page, server }) => {
  await page.goto(server.fixture('engine.html'));
  await waitForScan(page);
  expect(await byKind(page)).toEqual({
    firm: ['Alibaba', 'Qihoo 360', 'NetEase', 'JD.com', 'Xiaomi', 'Kuaishou', 'Alibaba', 'Qihoo 360', 'JD', 'NetEase'],
    city: ['Hangzhou', 'Beijing', 'Tianjin', 'Shenzhen', 'Beijing'],
    official: ['Yin Li', 'Yin', 'Yin'],
    person: ['Jack Ma', 'Jack Ma', 'Ma', 'Ma'],
    institution: ['Chinese Communist Party', 'National Development and Reform Commission'],
  });
  expect(extension.errors).toEqual([]);
});

test('a page after the first restores the names the first compiled, and finds the same; damaged ones are compiled anew', async ({
  extension,
  page,
  server,
}) => {
  const warnings: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'warning') warnings.push(message.text());
  });
  const restored = async () => {
    await page.goto(server.fixture('engine.html'));
    await waitForScan(page);
    return page.evaluate(bootsRestored, MEASURE.boot);
  };
  const kept = () =>
    extension.serviceWorker.evaluate(async (key) => (await chrome.storage.local.get(key))[key], MATCHER_CACHE_KEY.key);

  expect(await restored()).toEqual([false]);
  const compiled = await byKind(page);
  await expect.poll(kept).toBeTruthy();
  expect(await restored()).toEqual([true]);
  expect(await byKind(page)).toEqual(compiled);

  // Failure links that lead nowhere nearer the root would loop for ever: restoring refuses them.
  await extension.serviceWorker.evaluate(async () => {
    const { firstMatcher } = (await chrome.storage.local.get('firstMatcher')) as {
      firstMatcher: { arrays: { fail: number[] } };
    };
    firstMatcher.arrays.fail = firstMatcher.arrays.fail.map(() => 1);
    await chrome.storage.local.set({ firstMatcher });
  });
  expect(await restored()).toEqual([false]);
  expect(await byKind(page)).toEqual(compiled);
  expect(warnings.join('\n')).toContain('The compiled names are damaged: fail at 0.');
  expect(extension.errors).toEqual([]);
});

test('a mention split by inline markup is one range over its pieces', async ({ page, server }) => {
  await page.goto(server.fixture('engine.html'));
  await waitForScan(page);
  const split = await page.evaluate(() => {
    const paragraph = document.getElementById('split') as HTMLElement;
    const ranges = [...CSS.highlights.values()].flatMap((h) => [...h]) as Range[];
    return ranges
      .filter((r) => paragraph.contains(r.commonAncestorContainer))
      .map((r) => [r.toString(), r.startContainer === r.endContainer]);
  });
  expect(split.sort()).toEqual([
    ['Alibaba', false],
    ['Beijing', false],
    ['Jack Ma', false],
    ['Qihoo 360', false],
  ]);
});

test('mentions in frames are highlighted in each frame', async ({ page, server }) => {
  await page.goto(server.fixture('engine.html'));
  await waitForScan(page);
  const frame = async (id: string) => (await page.$(`#${id}`))?.contentFrame();
  for (const [id, kind, text] of [
    ['srcdoc-frame', 'firm', 'Kuaishou'],
    ['same-origin-frame', 'city', 'Shenzhen'],
    ['blank-frame', 'city', 'Tianjin'],
  ] as const) {
    const target = await frame(id);
    if (!target) throw new Error(`no frame ${id}`);
    await expect.poll(async () => (await byKind(target))[kind], { message: id }).toEqual([text]);
  }
});

test('text added after load is highlighted, and removed text drops its ranges', async ({ extension, page, server }) => {
  await page.goto(server.fixture('live.html'));
  await waitForScan(page);
  const texts = async () => (await readHighlights(page)).highlights.flatMap((h) => h.texts).sort();
  // Hangzhou alone is a common name of the China story: it waits for one of the story's actors.
  expect(await texts()).toEqual([]);

  const added = await page.evaluate(async () => {
    const p = document.createElement('p');
    p.id = 'added';
    p.textContent = 'Then Xiaomi and Jack Ma arrived.';
    const t0 = performance.now();
    document.getElementById('feed')?.append(p);
    await new Promise<void>((resolve) => {
      const check = () => {
        const all = [...CSS.highlights.values()].flatMap((h) => [...h]);
        if (all.some((r) => r.toString() === 'Xiaomi')) resolve();
        else requestAnimationFrame(check);
      };
      check();
    });
    return performance.now() - t0;
  });
  expect(added).toBeLessThan(1000);
  expect(await texts()).toEqual(['Hangzhou', 'Jack Ma', 'Xiaomi']);

  // Editing text in place, then appending inline text to an existing block.
  await page.evaluate(() => {
    const first = document.getElementById('first')?.firstChild as Text;
    first.data = 'Shenzhen opens the feed.';
    document.getElementById('added')?.append(' Ma left.');
  });
  await expect.poll(texts).toEqual(['Jack Ma', 'Ma', 'Shenzhen', 'Xiaomi']);

  await page.evaluate(() => document.getElementById('added')?.remove());
  await expect.poll(texts).toEqual(['Shenzhen']);
  expect(extension.errors).toEqual([]);
});

test('a later form added before the first full name does not count, and counts once it follows one', async ({
  page,
  server,
}) => {
  await page.goto(server.fixture('live.html'));
  await waitForScan(page);
  const texts = async () => (await readHighlights(page)).highlights.flatMap((h) => h.texts).sort();
  await page.evaluate(() => {
    const early = document.createElement('p');
    early.id = 'early';
    early.textContent = 'Ma was quiet.';
    document.getElementById('feed')?.prepend(early);
    const late = document.createElement('p');
    late.textContent = 'Jack Ma spoke.';
    document.getElementById('feed')?.append(late);
  });
  await expect.poll(texts).toEqual(['Hangzhou', 'Jack Ma']);
  // Now a full name arrives before the early "Ma": it must be picked up.
  await page.evaluate(() => {
    const intro = document.createElement('p');
    intro.textContent = 'Jack Ma, first.';
    document.getElementById('feed')?.prepend(intro);
  });
  await expect.poll(texts).toEqual(['Hangzhou', 'Jack Ma', 'Jack Ma', 'Ma']);
});

test('highlights inside an open shadow root are styled there without adding nodes', async ({ page, server }) => {
  await page.goto(server.fixture('engine.html'));
  await waitForScan(page);
  const shadow = await page.evaluate(() => {
    const root = document.getElementById('shadow-host')?.shadowRoot as ShadowRoot;
    return {
      sheets: root.adoptedStyleSheets.length,
      rule: [...(root.adoptedStyleSheets[0]?.cssRules ?? [])].some((r) => r.cssText.includes('context-lens-firm')),
      children: root.childNodes.length,
    };
  });
  expect(shadow).toEqual({ sheets: 1, rule: true, children: 1 });
});

test('switching highlighting off removes every highlight at once, and on brings them back', async ({
  extension,
  page,
  server,
}) => {
  await page.goto(server.fixture('engine.html'));
  await waitForScan(page);
  const total = async () => (await readHighlights(page)).highlights.reduce((sum, h) => sum + h.size, 0);
  const before = await total();
  expect(before).toBeGreaterThan(20);
  // The global switch as the panel stores it: only changed settings, in storage.sync.
  const send = (enabled: boolean) =>
    extension.serviceWorker.evaluate(async (on) => {
      await chrome.storage.sync.set({ settings: { patch: on ? {} : { enabled: false }, siteChunks: 0 } });
    }, enabled);

  await send(false);
  await expect.poll(total).toBe(0);
  // Switched off, the page's changes are no longer watched.
  await page.evaluate(() =>
    document.body.append(Object.assign(document.createElement('p'), { textContent: 'Tianjin' })),
  );
  await page.waitForTimeout(300);
  expect(await total()).toBe(0);

  await send(true);
  await expect.poll(total).toBe(before + 1);
  expect(extension.errors).toEqual([]);
});

test('a single-page-app navigation that swaps the content moves the highlights with it', async ({ page, server }) => {
  await page.goto(server.fixture('live.html'));
  await waitForScan(page);
  const texts = async () => (await readHighlights(page)).highlights.flatMap((h) => h.texts).sort();
  await page.evaluate(() => {
    history.pushState({}, '', '?page=2');
    const feed = document.getElementById('feed') as HTMLElement;
    feed.innerHTML = '<article><h2>Kuaishou results</h2><p>Tianjin and <a href="#">Shen</a>zhen</p></article>';
  });
  await expect.poll(texts).toEqual(['Kuaishou', 'Shenzhen', 'Tianjin']);
});

test('a page whose load event never comes is highlighted once it is parsed', async ({ extension, page, server }) => {
  // One image on it is never answered, so the page never fires load.
  await page.goto(server.fixture('held-load.html'), { waitUntil: 'domcontentloaded' });
  await waitForScan(page);
  expect(await page.evaluate(() => document.readyState)).toBe('interactive');
  expect(await scanAfterParsedMs(page)).toBeLessThan(PARSED_TO_SCAN_BOUND_MS);
  expect(await byKind(page)).toEqual({ firm: ['Alibaba', 'Xiaomi'], city: ['Hangzhou', 'Beijing', 'Shenzhen'] });
  expect(extension.errors).toEqual([]);
});

test('a page whose parser is held halfway has what it shows highlighted before it is parsed', async ({
  extension,
  page,
  server,
}) => {
  // A script the server never answers stops the parser after the first paragraph.
  await page.goto(server.fixture('held-parser.html'), { waitUntil: 'commit' });
  await page.waitForFunction((preview) => performance.getEntriesByName(preview, 'measure').length > 0, MEASURE.preview);
  expect(await page.evaluate(() => document.readyState)).toBe('loading');
  expect(await byKind(page)).toEqual({ firm: ['Alibaba'], city: ['Hangzhou'] });
  expect(extension.errors).toEqual([]);
});

test('nothing of ours runs between the frames that show no text yet and the first that does', async ({
  extension,
  page,
  server,
}) => {
  // A bar is rendered for most of a second before the parser reaches the text; then it stops for good.
  await page.goto(server.fixture('text-arrives-late.html'), { waitUntil: 'commit' });
  await expect.poll(() => byKind(page)).toEqual({ firm: ['Alibaba'], city: ['Hangzhou'] });
  const started = await startAgainstText(page);
  expect(started.readyState).toBe('loading');
  // Work of ours after a frame of the bar alone would hold back the frame that first paints the text.
  expect(started.boot).toBeGreaterThan(started.textParsed);
  expect(extension.errors).toEqual([]);
});

test('what the parser reads on to is highlighted as it arrives, before the page is parsed', async ({
  extension,
  page,
  server,
}) => {
  // The parser waits on a slow script after the first paragraph, reads the second, then stops for good.
  await page.goto(server.fixture('parser-resumes.html'), { waitUntil: 'commit' });
  await expect.poll(() => byKind(page)).toEqual({ firm: ['Alibaba'], city: ['Hangzhou'] });
  await expect.poll(() => byKind(page)).toEqual({ firm: ['Alibaba', 'Xiaomi'], city: ['Hangzhou', 'Shenzhen'] });
  expect(await page.evaluate(() => document.readyState)).toBe('loading');
  expect(extension.errors).toEqual([]);
});
