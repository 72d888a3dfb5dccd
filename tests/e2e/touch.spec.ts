import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import { launchWithExtension } from '../../tools/scripts/browser-session.mjs';
import { waitForScan } from '../../tools/scripts/page-probe';
import { test as base, expect } from './fixtures';
import { CardProbe } from './support/card-probe';

/**
 * A phone: Chromium with a touch screen, a mobile viewport of 360×640 and the
 * extension. Taps open and close cards, a name in a link follows the rule
 * (the first tap opens the card, which offers the link; a second tap follows
 * it), a scroll gesture opens nothing, and the card fits the phone.
 */

interface Phone {
  context: BrowserContext;
  page: Page;
  cdp: CDPSession;
}

const test = base.extend<{ phone: Phone }>({
  phone: async ({ headless }, use) => {
    const session = await launchWithExtension({ headless, phone: true });
    const page = session.context.pages()[0] ?? (await session.context.newPage());
    await use({ context: session.context, page, cdp: await session.context.newCDPSession(page) });
    await session.close();
  },
});

async function openTouchPage(phone: Phone, url: string): Promise<CardProbe> {
  await phone.page.goto(url);
  await waitForScan(phone.page);
  return new CardProbe(phone.page);
}

/** A finger drawn across the screen from one point to another, as the browser gets it. */
async function drag(cdp: CDPSession, from: { x: number; y: number }, to: { x: number; y: number }) {
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [from] });
  for (let step = 1; step <= 6; step++) {
    const x = from.x + ((to.x - from.x) * step) / 6;
    const y = from.y + ((to.y - from.y) * step) / 6;
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y }] });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

test('a tap on a name opens its card at once, and a tap elsewhere closes it', async ({ phone, server }) => {
  const card = await openTouchPage(phone, server.fixture('touch.html'));
  const xiaomi = await card.mention('Xiaomi');
  await phone.page.touchscreen.tap(xiaomi.x, xiaomi.y);
  await card.waitOpen();
  expect((await card.state()).heading).toMatch(/^Xiaomi/);
  // A second tap on the same name keeps its card.
  await phone.page.touchscreen.tap(xiaomi.x, xiaomi.y);
  await phone.page.waitForTimeout(300);
  expect(await card.isOpen()).toBe(true);
  // The card covers most of a phone's screen below the name: the heading above it names nobody.
  const heading = await phone.page.locator('h1').boundingBox();
  if (heading === null) throw new Error('no heading');
  expect(heading.y + heading.height).toBeLessThan((await card.state()).rect.top);
  await phone.page.touchscreen.tap(heading.x + 20, heading.y + heading.height / 2);
  await card.waitClosed();
});

test('a name in a link: the first tap opens the card, which offers the link; a second tap follows it', async ({
  phone,
  server,
}) => {
  const url = server.fixture('touch.html');
  const card = await openTouchPage(phone, url);
  const alibaba = await card.mention('Alibaba');
  await phone.page.touchscreen.tap(alibaba.x, alibaba.y);
  await card.waitOpen();
  await phone.page.waitForTimeout(300);
  expect(phone.page.url()).toBe(url);
  const follow = card.dialog.getByRole('button', { name: 'Follow the link' });
  await expect(follow).toBeVisible();
  await expect(card.dialog.locator('.link-target')).toHaveText(`${new URL(url).host}/fixtures/basic.html`);
  // The second tap on the name is the page's own: it follows the link.
  await phone.page.touchscreen.tap(alibaba.x, alibaba.y);
  await phone.page.waitForURL(/\/basic\.html$/);

  // The card's own offer follows it too.
  const again = await openTouchPage(phone, url);
  const spot = await again.mention('Alibaba');
  await phone.page.touchscreen.tap(spot.x, spot.y);
  await again.waitOpen();
  const button = await again.dialog.getByRole('button', { name: 'Follow the link' }).boundingBox();
  if (button === null) throw new Error('no link button');
  await phone.page.touchscreen.tap(button.x + button.width / 2, button.y + button.height / 2);
  await phone.page.waitForURL(/\/basic\.html$/);
});

test('a scroll gesture that starts on a name opens no card', async ({ phone, server }) => {
  const card = await openTouchPage(phone, server.fixture('touch.html'));
  const xiaomi = await card.mention('Xiaomi');
  const before = await phone.page.evaluate(() => scrollY);
  await drag(phone.cdp, xiaomi, { x: xiaomi.x, y: xiaomi.y - 250 });
  await phone.page.waitForTimeout(500);
  expect(await phone.page.evaluate(() => scrollY)).toBeGreaterThan(before);
  expect(await card.isOpen()).toBe(false);
});

test('the card fits a 360×640 phone, its buttons are 44 px targets, and a sideways swipe puts it away', async ({
  phone,
  server,
}) => {
  const card = await openTouchPage(phone, server.fixture('touch.html'));
  const xiaomi = await card.mention('Xiaomi');
  await phone.page.touchscreen.tap(xiaomi.x, xiaomi.y);
  await card.waitOpen();
  const { rect, viewport } = await card.state();
  expect(viewport).toEqual({ width: 360, height: 640 });
  expect(rect.left).toBeGreaterThanOrEqual(0);
  expect(rect.top).toBeGreaterThanOrEqual(0);
  expect(rect.right).toBeLessThanOrEqual(360);
  expect(rect.bottom).toBeLessThanOrEqual(640);
  const sizes = await card.dialog
    .locator('button:not(.ref)')
    .evaluateAll((buttons) =>
      buttons
        .filter((b) => b.getClientRects().length > 0)
        .map((b) => [b.getBoundingClientRect().width, b.getBoundingClientRect().height]),
    );
  expect(sizes.length).toBeGreaterThan(1);
  for (const [width, height] of sizes) {
    expect(width).toBeGreaterThanOrEqual(44);
    expect(height).toBeGreaterThanOrEqual(44);
  }
  const middle = { x: rect.left + rect.width / 2, y: rect.top + 40 };
  await drag(phone.cdp, { x: middle.x - 70, y: middle.y }, { x: middle.x + 70, y: middle.y + 5 });
  await card.waitClosed();
});

test('a mouse on a touch screen still hovers', async ({ phone, server }) => {
  const card = await openTouchPage(phone, server.fixture('touch.html'));
  await card.hover(await card.mention('Xiaomi'));
  await card.waitOpen();
  expect((await card.state()).heading).toMatch(/^Xiaomi/);
  // A card a mouse opened is the usual card: no link offer, no finger-sized buttons.
  await expect(card.dialog).toHaveClass('card');
});
