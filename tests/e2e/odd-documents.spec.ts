import type { Page } from '@playwright/test';
import { MEASURE } from '../../page/measure-names';
import { readHighlights, waitForScan } from '../../tools/scripts/page-probe';
import { expect, test } from './fixtures';
import { CardProbe } from './support/card-probe';

/**
 * Documents that are not plain HTML pages, and pages set in ways a careless
 * widget breaks on. Each either works as any page does or is left quietly
 * alone, with no error of ours.
 */

interface Served {
  body: string;
  contentType?: string;
  headers?: Record<string, string>;
}

/** Serves made-up documents at http://127.0.0.1/odd/<name>, on this page's context. */
async function serve(page: Page, documents: Record<string, Served>): Promise<(name: string) => string> {
  for (const [name, doc] of Object.entries(documents)) {
    await page
      .context()
      .route(`http://127.0.0.1/odd/${name}`, (route) =>
        route.fulfill({ body: doc.body, contentType: doc.contentType ?? 'text/html', headers: doc.headers }),
      );
  }
  return (name) => `http://127.0.0.1/odd/${name}`;
}

const texts = async (page: Page) => (await readHighlights(page)).highlights.flatMap((h) => h.texts).sort();

/** Hovers the first mention on top and checks the card opens inside the viewport, then closes it. */
async function cardFits(page: Page, match?: string): Promise<string> {
  const card = new CardProbe(page);
  await card.hover(await card.mention(match));
  await card.waitOpen();
  const state = await card.state();
  expect(state.rect.left).toBeGreaterThanOrEqual(0);
  expect(state.rect.top).toBeGreaterThanOrEqual(0);
  expect(state.rect.right).toBeLessThanOrEqual(state.viewport.width);
  expect(state.rect.bottom).toBeLessThanOrEqual(state.viewport.height);
  await page.keyboard.press('Escape');
  await card.waitClosed();
  return state.heading;
}

test('an XHTML document is read like HTML, and its card works', async ({ extension, page }) => {
  const url = await serve(page, {
    'page.xhtml': {
      contentType: 'application/xhtml+xml',
      body: `<?xml version="1.0" encoding="utf-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" lang="en"><head><title>XHTML</title></head>
<body><p>Alibaba and <b>Jack</b> Ma met in Hangzhou.</p></body></html>`,
    },
  });
  await page.goto(url('page.xhtml'));
  await waitForScan(page);
  expect(await texts(page)).toEqual(['Alibaba', 'Hangzhou', 'Jack Ma']);
  expect(await cardFits(page, 'Alibaba')).toContain('Alibaba');
  expect(extension.errors).toEqual([]);
});

test('an SVG document is left as it is, with no error', async ({ extension, page }) => {
  const url = await serve(page, {
    'image.svg': {
      contentType: 'image/svg+xml',
      body: `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="100"><text x="10" y="50">Alibaba in Hangzhou</text></svg>`,
    },
  });
  await page.goto(url('image.svg'));
  await page.waitForTimeout(1500);
  const before = await page.evaluate(() => document.documentElement.outerHTML);
  await page.mouse.move(40, 45);
  await page.mouse.move(45, 46);
  await page.waitForTimeout(800);
  expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(before);
  expect(extension.errors).toEqual([]);
});

test('a frameset page is read in its frames', async ({ extension, page, server }) => {
  await page.goto(server.fixture('frameset.html'));
  const left = page.frame({ name: 'left' });
  if (left === null) throw new Error('no left frame');
  await left.waitForFunction((scan) => performance.getEntriesByName(scan, 'measure').length > 0, MEASURE.scan);
  const inFrame = await left.evaluate(() => CSS.highlights.get('context-lens-firm')?.size ?? 0);
  expect(inFrame).toBeGreaterThan(0);
  expect(extension.errors).toEqual([]);
});

test('a sandboxed frame is read, or left alone, without error', async ({ extension, page }) => {
  const url = await serve(page, {
    'sandboxed.html': {
      body: `<!doctype html><title>Sandbox</title><p>Outside: Xiaomi in Beijing.</p>
<iframe name="box" sandbox srcdoc="<p>Inside: Alibaba.</p>"></iframe>`,
    },
  });
  await page.goto(url('sandboxed.html'));
  await waitForScan(page);
  expect(await texts(page)).toEqual(['Beijing', 'Xiaomi']);
  await page.waitForTimeout(1000);
  expect(extension.errors).toEqual([]);
});

test('a page whose policy allows no styles still gets highlights and a working card', async ({ extension, page }) => {
  const url = await serve(page, {
    'strict.html': {
      headers: { 'Content-Security-Policy': "default-src 'none'; style-src 'none'; script-src 'none'" },
      body: `<!doctype html><html lang="en"><head><title>Strict</title></head>
<body><p>Xiaomi and Kuaishou reported.</p></body></html>`,
    },
  });
  const violations: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') violations.push(message.text());
  });
  await page.goto(url('strict.html'));
  await waitForScan(page);
  expect(await texts(page)).toEqual(['Kuaishou', 'Xiaomi']);
  expect(await cardFits(page, 'Xiaomi')).toContain('Xiaomi');
  // Our styles come through the browser's own channels, which the page's policy does not cover.
  expect(violations.filter((text) => text.includes('Content Security Policy'))).toEqual([]);
  expect(extension.errors).toEqual([]);
});

test('right-to-left text: highlights sit over the name, and the card stays on screen', async ({ extension, page }) => {
  const url = await serve(page, {
    'rtl.html': {
      body: `<!doctype html><html dir="rtl" lang="ar"><head><meta charset="utf-8"><title>RTL</title>
<style>body { font: 20px/1.6 sans-serif; margin: 24px; }</style></head>
<body><p id="ar">قالت شركة Alibaba في هانغتشو إن الأرباح ارتفعت، وقال Jack Ma شيئاً آخر.</p>
<p id="he" lang="he">חברת Xiaomi הודיעה היום על תוצאות.</p></body></html>`,
    },
  });
  await page.goto(url('rtl.html'));
  await waitForScan(page);
  expect(await texts(page)).toEqual(['Alibaba', 'Jack Ma', 'Xiaomi']);
  // Each highlight's box is the box of its own letters, found without us.
  const placed = await page.evaluate(() => {
    const boxes: boolean[] = [];
    for (const [name, highlight] of CSS.highlights) {
      if (!name.startsWith('context-lens-')) continue;
      for (const r of highlight as Highlight) {
        const range = r as Range;
        const own = document.createRange();
        const node = range.startContainer as Text;
        const at = node.data.indexOf(range.toString().split(' ')[0] as string);
        own.setStart(node, at);
        own.setEnd(node, at + 1);
        const first = own.getBoundingClientRect();
        const box = range.getClientRects()[0];
        boxes.push(
          box !== undefined &&
            first.left >= box.left - 1 &&
            first.right <= box.right + 1 &&
            Math.abs(first.top - box.top) < 2,
        );
      }
    }
    return boxes;
  });
  expect(placed).toEqual([true, true, true]);
  expect(await cardFits(page, 'Alibaba')).toContain('Alibaba');
  expect(await cardFits(page, 'Xiaomi')).toContain('Xiaomi');
  expect(extension.errors).toEqual([]);
});

test('vertical text: a name is found, hovered and carded, and the card stays on screen', async ({
  extension,
  page,
}) => {
  const url = await serve(page, {
    'vertical.html': {
      body: `<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>縦書き</title>
<style>body { margin: 24px; } main { writing-mode: vertical-rl; font: 24px/1.6 serif; height: 420px; }</style></head>
<body><main><p>阿里巴巴的创始人马云在杭州。</p><p>北京的监管机构发表了讲话。</p></main></body></html>`,
    },
  });
  await page.goto(url('vertical.html'));
  await waitForScan(page);
  expect(await texts(page)).toEqual(['北京', '杭州', '阿里巴巴', '马云']);
  expect(await cardFits(page, '杭州')).toContain('Hangzhou');
  expect(await cardFits(page, '北京')).toContain('Beijing');
  expect(extension.errors).toEqual([]);
});
