// Renders tools/scripts/icon.svg into the PNG sizes the stores require (public/icon/N.png).
// Run by hand after changing the drawing: node tools/scripts/draw-icons.mjs
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { findChrome } from './find-browsers.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const svg = await readFile(`${root}/tools/scripts/icon.svg`, 'utf8');
const browser = await chromium.launch({ executablePath: findChrome(), args: ['--no-sandbox', '--disable-gpu'] });
try {
  for (const size of [16, 32, 48, 128]) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
    );
    await page.screenshot({ path: `${root}/public/icon/${size}.png`, omitBackground: true });
    await page.close();
  }
} finally {
  await browser.close();
}
