import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { waitForScan } from '../../tools/scripts/page-probe';
import { expect, test } from './fixtures';
import { CardProbe } from './support/card-probe';
import { PanelPage } from './support/panel-page';
import { readerPack } from './support/reader-pack';

/**
 * The interface in English and in Simplified Chinese: Chromium started in
 * Chinese (`--lang=zh-CN`) shows the panel, the options page and the card in
 * Chinese; a reader whose browser is in English can choose Chinese in the
 * options, and back. Both pass axe, and both hold at 200% zoom.
 */

const axeViolations = async (page: Page, include?: string) => {
  const builder = new AxeBuilder({ page });
  const results = await (include === undefined ? builder : builder.include(include)).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`);
};

async function cardOn(page: Page, url: string, name: string): Promise<CardProbe> {
  await page.goto(url);
  await waitForScan(page);
  const card = new CardProbe(page);
  await card.hover(await card.mention(name));
  await card.waitOpen();
  return card;
}

/** Whether `page` fits its viewport's width: nothing of it needs scrolling sideways. */
const fitsWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= innerWidth + 1);

test.describe('a browser in Chinese', () => {
  test.use({ browserLanguage: 'zh-CN' });

  test('the panel, the options page and the card speak Chinese, marked as such, and pass axe', async ({
    extension,
    page,
    server,
  }) => {
    const card = await cardOn(page, server.demo, 'Alibaba Group');
    await expect(card.dialog.getByRole('button', { name: '关闭' })).toBeVisible();
    await expect(card.dialog).toContainText('企业');
    // The story's own words in Chinese, each with its paragraph as in English.
    await expect(card.dialog).toContainText('国家发改委赞扬阿里巴巴在自动驾驶、芯片研发等重点领域的贡献。');
    await expect(card.dialog.getByRole('button', { name: '来源：¶5' }).first()).toBeVisible();
    await expect(card.dialog.getByRole('navigation')).toHaveAccessibleName(/^本页中Alibaba的提及$/);
    const frameLanguage = (host: Element) => host.shadowRoot?.querySelector<HTMLElement>('.frame')?.lang;
    expect(await page.locator('context-lens-ui').evaluate(frameLanguage)).toBe('zh-CN');
    expect(await axeViolations(page, 'context-lens-ui')).toEqual([]);

    const panel = await extension.openPanel(page);
    await panel.locator('.on-page[aria-busy="false"]').waitFor();
    await expect(panel.getByRole('heading', { level: 2, name: /^本页内容 · \d+ 处提及$/ })).toBeVisible();
    await expect(panel.getByRole('switch', { name: `在 ${new URL(page.url()).host} 上标注` })).toBeVisible();
    await expect(panel.getByRole('button', { name: /^Alibaba，\d+ 处提及，企业$/ })).toBeVisible();
    await expect(panel.getByRole('combobox', { name: '搜索报道' })).toBeVisible();
    await expect(panel.locator('.story-details summary').first()).toHaveText('中国与科技巨头：从整顿到示好');
    expect(await panel.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await axeViolations(panel)).toEqual([]);

    const options = await extension.openOptions();
    await expect(options).toHaveTitle('Context Lens 选项');
    await expect(options.getByRole('heading', { name: '设置' })).toBeVisible();
    await expect(options.getByRole('radio', { name: '跟随浏览器（简体中文）' })).toBeChecked();
    await expect(options.getByRole('group', { name: '标注哪些内容' })).toContainText('企业');
    expect(await axeViolations(options)).toEqual([]);
    expect(extension.errors).toEqual([]);
  });

  test('the engine’s refusals are in Chinese too: a site rule, and a story pack that fails the check', async ({
    extension,
  }) => {
    const options = await extension.openOptions();
    await options.getByLabel('添加不标注的网站').fill('ftp://example.com');
    await options.getByRole('button', { name: '添加', exact: true }).click();
    await expect(options.getByRole('alert')).toHaveText('只有网站（http 和 https）和本地文件才能设置规则。');

    const broken = readerPack() as unknown as Record<string, unknown> & { entities: { kind: string }[] };
    (broken.entities[1] as { kind: string }).kind = 'planet';
    delete broken.licence;
    await options.getByLabel('添加报道包…').setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(broken)),
    });
    const alert = options.locator('.stories').getByRole('alert');
    await expect(alert).toContainText('未做任何更改。“broken.json”被拒绝：');
    await expect(alert.getByRole('listitem')).toHaveText([
      '$.licence: 必须是 1 到 200 个字符的文字',
      '$.entities[1].kind: 必须是以下之一：firm，city，country，official，person，institution',
    ]);
    expect(extension.errors).toEqual([]);
  });
});

test.describe('a browser in English', () => {
  test('the reader chooses Chinese in the options, and every open part follows; English comes back the same way', async ({
    extension,
    page,
    server,
  }) => {
    await page.goto(server.demo);
    await waitForScan(page);
    const panel = await PanelPage.open(extension, page);
    await expect(panel.onPage).toBeVisible();
    const options = await extension.openOptions();
    await expect(options.getByRole('radio', { name: 'As the browser (English)' })).toBeChecked();

    await options.getByRole('radio', { name: '简体中文' }).check();
    await expect(options.getByRole('heading', { name: '设置' })).toBeVisible();
    await expect(options.getByRole('radio', { name: '简体中文' })).toBeChecked();
    await expect(panel.page.getByRole('heading', { level: 2, name: /^本页内容/ })).toBeVisible();
    const card = new CardProbe(page);
    await card.hover(await card.mention('Alibaba Group'));
    await card.waitOpen();
    await expect(card.dialog.getByRole('button', { name: '关闭' })).toBeVisible();
    await page.mouse.move(2, 2);
    await card.waitClosed();

    await options.getByRole('radio', { name: 'English', exact: true }).check();
    await expect(options.getByRole('heading', { name: 'Settings' })).toBeVisible();
    await expect(panel.onPage).toBeVisible();
    await card.hover(await card.mention('Alibaba Group'));
    await card.waitOpen();
    await expect(card.dialog.getByRole('button', { name: 'Close' })).toBeVisible();
    expect(extension.errors).toEqual([]);
  });

  for (const [language, choice, close] of [
    ['English', 'English', 'Close'],
    ['Chinese', '简体中文', '关闭'],
  ] as const) {
    test(`in ${language}, the card and the panel hold at 200% zoom`, async ({ extension, page, server }) => {
      const options = await extension.openOptions();
      await options.getByRole('radio', { name: choice, exact: true }).check();
      // At 200% zoom a 1280×900 window is 640×450 CSS pixels, and a 400-pixel side panel is 200. (The
      // popup keeps its width in CSS pixels and grows on screen instead.)
      await page.setViewportSize({ width: 640, height: 450 });
      const card = await cardOn(page, server.demo, 'Alibaba Group');
      await expect(card.dialog.getByRole('button', { name: close })).toBeVisible();
      const { rect, viewport } = await card.state();
      expect(rect.left).toBeGreaterThanOrEqual(0);
      expect(rect.right).toBeLessThanOrEqual(viewport.width);
      expect(rect.bottom).toBeLessThanOrEqual(viewport.height);
      expect(await card.dialog.evaluate((dialog) => dialog.scrollWidth <= dialog.clientWidth + 1)).toBe(true);

      const panel = await extension.openPanel(page, 'sidepanel');
      await panel.locator('.on-page[aria-busy="false"]').waitFor();
      await panel.setViewportSize({ width: 200, height: 400 });
      expect(await fitsWidth(panel)).toBe(true);
      await panel.getByRole('combobox').fill('Alibaba');
      await panel.getByRole('option').first().click();
      await expect(panel.locator('.entity-view')).toBeVisible();
      expect(await fitsWidth(panel)).toBe(true);
      expect(extension.errors).toEqual([]);
    });
  }
});
