import { readdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CORPUS_DIR } from '../../tests/shared-paths';
import { routeToLoopbackOnly } from '../scripts/browser-session.mjs';
import { findChrome } from '../scripts/find-browsers.mjs';
import { startStaticServer } from '../scripts/static-server.mjs';

export interface PageText {
  page: string;
  text: string;
}

export function corpusPages(quick: boolean): string[] {
  const all = readdirSync(CORPUS_DIR)
    .filter((name) => name.endsWith('.html'))
    .sort();
  return quick ? all.filter((_, i) => i % 6 === 0) : all;
}

/** Each page's rendered text (document.body.innerText) in Chromium, served from 127.0.0.1. */
export async function renderedTexts(pages: string[]): Promise<PageText[]> {
  const server = await startStaticServer({ '/corpus/': CORPUS_DIR });
  const browser = await chromium.launch({ executablePath: findChrome(), args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const context = await browser.newContext();
    await routeToLoopbackOnly(context);
    const tab = await context.newPage();
    const texts: PageText[] = [];
    for (const page of pages) {
      await tab.goto(`${server.origin}/corpus/${encodeURIComponent(page)}`, { waitUntil: 'load', timeout: 60_000 });
      texts.push({ page, text: await tab.evaluate(() => document.body?.innerText ?? '') });
    }
    return texts;
  } finally {
    await browser.close();
    await server.close();
  }
}
