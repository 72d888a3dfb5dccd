import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { CARD_MODULE_FILE } from '../../page/hover/card-view';
import { MEASURE } from '../../page/measure-names';
import { waitForScan } from '../../tools/scripts/page-probe';
import { expect, test } from './fixtures';
import { CardProbe, type CardState, entityNamed } from './support/card-probe';
import { runCommand } from './support/run-command';

const EDGE = 5;

/** The card lies inside the viewport, at least 5 px from every edge, and no wider than 360 px. */
function expectInsideViewport({ rect, viewport }: CardState) {
  expect(rect.width).toBeGreaterThan(200);
  expect(rect.width).toBeLessThanOrEqual(360);
  expect(rect.left).toBeGreaterThanOrEqual(EDGE - 0.5);
  expect(rect.top).toBeGreaterThanOrEqual(EDGE - 0.5);
  expect(rect.right).toBeLessThanOrEqual(viewport.width - EDGE + 0.5);
  expect(rect.bottom).toBeLessThanOrEqual(viewport.height - EDGE + 0.5);
}

async function openPage(page: Page, url: string): Promise<CardProbe> {
  await page.goto(url);
  await waitForScan(page);
  return new CardProbe(page);
}

test('resting on a name opens its card, with the mention marked active', async ({ extension, page, server }) => {
  const card = await openPage(page, server.demo);
  for (const name of ['Alibaba Group', 'Yin Li', 'Tianjin']) {
    const spot = await card.mention(name);
    await card.hover(spot);
    await card.waitOpen();
    const state = await card.state();
    expect(state.heading).toContain(entityNamed(spot.text));
    expect(await card.activeText()).toEqual([spot.text]);
    expectInsideViewport(state);
    await page.mouse.move(2, 2);
    await card.waitClosed();
    expect(await card.activeText()).toEqual([]);
  }
  const painted = await page.evaluate((card) => performance.getEntriesByName(card).length, MEASURE.card);
  expect(painted).toBe(3);
  expect(extension.errors).toEqual([]);
});

test('the card’s code, loaded for the first hover, stays out of reach of the page: it cannot tell we are installed', async ({
  extension,
  page,
  server,
}) => {
  const card = await openPage(page, server.demo);
  const probe = (path: string) =>
    page.evaluate(async (url) => {
      try {
        return (await fetch(url)).status;
      } catch {
        return 'refused';
      }
    }, `chrome-extension://${extension.id}/${path}`);
  expect(await probe(CARD_MODULE_FILE)).toBe('refused');
  // The page's refused fetch logs an error of the page's own making.
  extension.errors.length = 0;

  const spot = await card.mention('Alibaba Group');
  await card.hover(spot);
  await card.waitOpen();
  expect((await card.state()).heading).toContain('Alibaba');
  expect(extension.errors).toEqual([]);
  // Loading it for us did not open it to the page.
  expect(await probe(CARD_MODULE_FILE)).toBe('refused');
});

test('a pointer passing over names opens nothing', async ({ page, server }) => {
  const card = await openPage(page, server.fixture('card.html'));
  const from = await card.mention('Xiaomi');
  const to = await card.mention('Kuaishou');
  await page.mouse.move(from.x - 40, from.y);
  // Across both names in about 100 ms, as a pointer on its way somewhere else.
  await page.mouse.move(to.x + 60, to.y, { steps: 6 });
  await page.waitForTimeout(900);
  expect(await card.isOpen()).toBe(false);
  expect(await card.activeText()).toEqual([]);
});

test('the card stays open while the pointer moves onto it, and closes once it leaves both', async ({
  page,
  server,
}) => {
  const card = await openPage(page, server.fixture('card.html'));
  const spot = await card.mention('Xiaomi');
  await card.hover(spot);
  await card.waitOpen();
  const { rect } = await card.state();
  // From the name down onto the card, over the gap between them.
  await page.mouse.move(rect.left + 40, rect.top + 30, { steps: 8 });
  await page.waitForTimeout(1000);
  expect(await card.isOpen()).toBe(true);
  await page.mouse.move(rect.right + 200, rect.bottom + 100, { steps: 4 });
  await card.waitClosed();
});

test('Escape, a click elsewhere and scrolling the page each close the card', async ({ page, server }) => {
  const card = await openPage(page, server.fixture('card.html'));
  const spot = await card.mention('Kuaishou');

  await card.hover(spot);
  await card.waitOpen();
  await page.keyboard.press('Escape');
  await card.waitClosed();
  // Still resting on the name: a dismissed card does not come back by itself.
  await page.waitForTimeout(700);
  expect(await card.isOpen()).toBe(false);

  await page.mouse.move(2, 2);
  await card.hover(spot);
  await card.waitOpen();
  await page.mouse.click(spot.x, spot.y - 80);
  await card.waitClosed();

  await card.hover(spot);
  await card.waitOpen();
  await page.mouse.wheel(0, 120);
  await card.waitClosed();
});

test('previous and next go through the entity’s mentions on the page', async ({ page, server }) => {
  const card = await openPage(page, server.fixture('card.html'));
  await card.hover(await card.mention('Alibaba'));
  await card.waitOpen();
  expect((await card.state()).place).toBe('1 of 2 mentions on this page');

  await card.dialog.getByRole('button', { name: 'Next mention of Alibaba' }).click();
  await expect(card.dialog.locator('.place')).toHaveText('2 of 2 mentions on this page');
  const second = await page.evaluate(() => {
    const [active] = (CSS.highlights.get('context-lens-active') as Highlight | undefined) ?? [];
    const range = active as Range | undefined;
    const box = range?.getBoundingClientRect();
    return {
      paragraph: range?.startContainer.parentElement?.id,
      inView: box !== undefined && box.top >= 0 && box.bottom <= innerHeight,
      flashed: CSS.highlights.get('context-lens-flash')?.size ?? 0,
    };
  });
  expect(second).toEqual({ paragraph: 'second', inView: true, flashed: 1 });
  const state = await card.state();
  expectInsideViewport(state);

  await card.dialog.getByRole('button', { name: 'Previous mention of Alibaba' }).click();
  await expect(card.dialog.locator('.place')).toHaveText('1 of 2 mentions on this page');
  expect(await card.isOpen()).toBe(true);
});

test('a related entity opens in place, with a way back', async ({ page, server }) => {
  const card = await openPage(page, server.demo);
  await card.hover(await card.mention('Alibaba Group'));
  await card.waitOpen();
  await card.dialog.getByRole('button', { name: 'Founded by Jack Ma' }).click();
  await expect(card.dialog.getByRole('heading', { level: 2 })).toContainText('Jack Ma');
  await card.dialog.getByRole('button', { name: 'Back to Alibaba' }).click();
  await expect(card.dialog.getByRole('heading', { level: 2 })).toContainText('Alibaba');
});

test('the keyboard commands open the next and previous mention, with focus in the card', async ({
  extension,
  page,
  server,
}) => {
  const card = await openPage(page, server.fixture('card.html'));
  await page.locator('#notes').focus();
  await runCommand(extension, page, 'next-mention');
  await card.waitOpen();
  expect((await card.state()).heading).toContain('Alibaba');
  const focused = () =>
    page.evaluate(() => {
      const host = document.querySelector('context-lens-ui');
      const inner = host?.shadowRoot?.activeElement;
      return inner ? `card:${inner.getAttribute('role') ?? inner.tagName.toLowerCase()}` : document.activeElement?.id;
    });
  expect(await focused()).toBe('card:dialog');
  await page.keyboard.press('Tab');
  expect(await focused()).toBe('card:button');

  await runCommand(extension, page, 'next-mention');
  await expect(card.dialog.getByRole('heading', { level: 2 })).toContainText('Beijing');
  await runCommand(extension, page, 'previous-mention');
  await expect(card.dialog.getByRole('heading', { level: 2 })).toContainText('Alibaba');

  await page.keyboard.press('Escape');
  await card.waitClosed();
  expect(await focused()).toBe('notes');
  expect(extension.errors).toEqual([]);
});

test('hovering never moves focus', async ({ page, server }) => {
  const card = await openPage(page, server.fixture('card.html'));
  await page.locator('#notes').focus();
  await card.hover(await card.mention('Beijing'));
  await card.waitOpen();
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('notes');
});

test('a card whose mention leaves the page closes', async ({ extension, page, server }) => {
  const card = await openPage(page, server.fixture('card.html'));
  await card.hover(await card.mention('NetEase'));
  await card.waitOpen();
  await page.evaluate(() => document.getElementById('removable')?.remove());
  await card.waitClosed();
  expect(await card.activeText()).toEqual([]);
  expect(extension.errors).toEqual([]);
});

test('near every edge of the viewport the card stays inside it', async ({ page, server }) => {
  const card = await openPage(page, server.fixture('card.html'));
  for (const name of ['Tianjin', 'Shenzhen', 'Hangzhou']) {
    await card.hover(await card.mention(name));
    await card.waitOpen();
    const state = await card.state();
    expect(state.heading).toContain(name);
    expectInsideViewport(state);
    // An empty part of the page: right of the article, clear of the corner names.
    await page.mouse.move(900, 450);
    await card.waitClosed();
  }
  await page.setViewportSize({ width: 420, height: 360 });
  await card.hover(await card.mention('Tianjin'));
  await card.waitOpen();
  expectInsideViewport(await card.state());
});

test('what 200% zoom leaves of a window still fits the card', async ({ page, server }) => {
  // At 200% zoom a 1280×900 window is 640×450 CSS pixels; px sizes scale with it.
  await page.setViewportSize({ width: 640, height: 450 });
  const card = await openPage(page, server.demo);
  await card.hover(await card.mention('Alibaba Group'));
  await card.waitOpen();
  const state = await card.state();
  expectInsideViewport(state);
  expect(state.fontSize).toBe('14px');
  const body = card.dialog.locator('.card-body');
  expect(await body.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
  await body.hover();
  await page.mouse.wheel(0, 400);
  await expect.poll(() => body.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
  expect(await card.isOpen()).toBe(true);
});

test('the card follows its name when the window resizes', async ({ page, server }) => {
  const card = await openPage(page, server.fixture('card.html'));
  await card.hover(await card.mention('Beijing'));
  await card.waitOpen();
  const gap = () =>
    page.evaluate(() => {
      const [active] = (CSS.highlights.get('context-lens-active') as Highlight | undefined) ?? [];
      const name = (active as Range).getClientRects()[0] as DOMRect;
      const frame = document.querySelector('context-lens-ui')?.shadowRoot?.querySelector('.frame');
      const box = frame?.getBoundingClientRect() as DOMRect;
      return { vertical: Math.round(box.top - name.bottom), overlaps: box.left < name.right && box.right > name.left };
    });
  expect(await gap()).toEqual({ vertical: 8, overlaps: true });
  // Narrower: the paragraph reflows and the name moves to another line.
  await page.setViewportSize({ width: 420, height: 900 });
  await expect.poll(gap).toEqual({ vertical: 8, overlaps: true });
});

test('a name inside a frame opens its card in that frame', async ({ page, server }) => {
  await page.goto(server.fixture('engine.html'));
  await waitForScan(page);
  const frame = await (await page.$('#same-origin-frame'))?.contentFrame();
  if (!frame) throw new Error('no same-origin frame');
  await frame.waitForFunction(() => (CSS.highlights.get('context-lens-city')?.size ?? 0) > 0);
  const spot = await frame.evaluate(() => {
    const [range] = CSS.highlights.get('context-lens-city') as Highlight;
    const box = (range as Range).getClientRects()[0] as DOMRect;
    return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
  });
  const offset = await page.locator('#same-origin-frame').boundingBox();
  await new CardProbe(page).hover({ x: (offset?.x ?? 0) + spot.x, y: (offset?.y ?? 0) + spot.y });
  await frame.locator('context-lens-ui').getByRole('dialog').waitFor();
  await expect(frame.locator('context-lens-ui').getByRole('heading', { level: 2 })).toContainText('Shenzhen');
  expect(await page.locator('context-lens-ui').count()).toBe(0);
});

test('the card shows over an element in full screen', async ({ page, server }) => {
  const card = await openPage(page, server.fixture('card.html'));
  await page.locator('#go-fullscreen').click();
  await page.waitForFunction(() => document.fullscreenElement !== null);
  await page.waitForTimeout(300);
  await card.hover(await card.mention('JD.com'));
  await card.waitOpen();
  const state = await card.state();
  expect(state.onTop).toBe(true);
  expectInsideViewport(state);
  // Seen and reachable: outside the full-screen element the page is inert.
  await card.dialog.getByRole('button', { name: 'Met Yin Li' }).click();
  await expect(card.dialog.getByRole('heading', { level: 2 })).toContainText('Yin Li');
});

test('axe-core finds no accessibility violations in the card, light or dark', async ({ page, server }) => {
  const card = await openPage(page, server.demo);
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await card.hover(await card.mention('Alibaba Group'));
    await card.waitOpen();
    const results = await new AxeBuilder({ page }).include('context-lens-ui').analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
    expect(results.passes.length).toBeGreaterThan(10);
    await page.mouse.move(2, 2);
    await card.waitClosed();
  }
});

test('the card follows the reader’s colour scheme', async ({ page, server }) => {
  const card = await openPage(page, server.demo);
  const background = async () => {
    await card.hover(await card.mention('Tianjin'));
    await card.waitOpen();
    const colour = await card.dialog.evaluate(
      (el) => getComputedStyle(el.closest('.frame') as Element).backgroundColor,
    );
    await page.mouse.move(2, 2);
    await card.waitClosed();
    return colour;
  };
  await page.emulateMedia({ colorScheme: 'light' });
  expect(await background()).toBe('rgb(255, 255, 255)');
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await background()).toBe('rgb(27, 29, 36)');
});

for (const hostile of ['unset', 'huge-font', 'transform', 'overlay']) {
  test(`page styles cannot break the card: ${hostile}`, async ({ extension, page, server }) => {
    const card = await openPage(page, `${server.fixture('hostile.html')}?case=${hostile}`);
    await card.hover(await card.mention('Alibaba'));
    await card.waitOpen();
    const state = await card.state();
    expect(state.heading).toContain('Alibaba');
    expect(state.fontSize).toBe('14px');
    expect(state.onTop).toBe(true);
    expectInsideViewport(state);
    await card.dialog.getByRole('button', { name: 'Based in Hangzhou' }).click();
    await expect(card.dialog.getByRole('heading', { level: 2 })).toContainText('Hangzhou');
    expect(extension.errors).toEqual([]);
  });
}

for (const corpusPage of ['nytimes-2-alibaba.html', 'cnn-asian-markets-2019-11-18.html', 'baike-baidu-tanya.html']) {
  test(`on a real page (${corpusPage}) the card shows the entity hovered`, async ({ extension, page, server }) => {
    const card = await openPage(page, server.corpus(corpusPage));
    const spot = await card.mention();
    await card.hover(spot);
    await card.waitOpen();
    const state = await card.state();
    expect(state.heading).toContain(entityNamed(spot.text));
    expectInsideViewport(state);
    expect(extension.errors).toEqual([]);
  });
}
