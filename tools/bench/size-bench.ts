import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { CARD_MODULE_FILE } from '../../page/hover/card-view';
import { PAGE_MAP_MODULE_FILE } from '../../page/map/page-map-module';
import { CORPUS_DIR } from '../../tests/shared-paths';
import { launchWithExtension, routeToLoopbackOnly, SHIPPED_EXTENSION_DIR } from '../scripts/browser-session.mjs';
import { findChrome } from '../scripts/find-browsers.mjs';
import { waitForScan } from '../scripts/page-probe';
import { startStaticServer } from '../scripts/static-server.mjs';

interface FileSize {
  raw: number;
  gzip: number;
}

export interface SizeReport {
  contentScript: FileSize;
  /** The card's module, which a page loads only when a reader first rests on a name. */
  cardModule: FileSize;
  pageMapModule: FileSize;
  /** fuse.js belongs to the panel; the content script must not carry it. */
  fuseInContentScript: boolean;
  popup: FileSize;
  heap: { page: string; withoutMb: number; withMb: number; growthMb: number };
}

const MB = 1024 * 1024;

function sizeOf(files: string[]): FileSize {
  const bytes = Buffer.concat(files.map((file) => readFileSync(file)));
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

/** The popup's scripts: its entry and every chunk it preloads. */
function popupFiles(): string[] {
  const html = readFileSync(join(SHIPPED_EXTENSION_DIR, 'popup.html'), 'utf8');
  return [...html.matchAll(/(?:src|href)="\/(chunks\/[^"]+\.js)"/g)].map(([, path]) =>
    join(SHIPPED_EXTENSION_DIR, path as string),
  );
}

export async function heapMb(context: BrowserContext, page: Page): Promise<number> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  return (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0) / MB;
}

/** The largest page of the corpus, by its file's size. */
export function largestCorpusPage(): string {
  return readdirSync(CORPUS_DIR)
    .filter((name) => name.endsWith('.html'))
    .sort((a, b) => statSync(join(CORPUS_DIR, b)).size - statSync(join(CORPUS_DIR, a)).size)[0] as string;
}

/** The JS heap of a page in a browser without the extension, once loaded and settled. */
export async function bareHeapMb(url: string): Promise<number> {
  const plain = await chromium.launch({ executablePath: findChrome(), args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const plainContext = await plain.newContext();
    await routeToLoopbackOnly(plainContext);
    const bare = await plainContext.newPage();
    await bare.goto(url, { waitUntil: 'load', timeout: 60_000 });
    await bare.waitForTimeout(2000);
    return await heapMb(plainContext, bare);
  } finally {
    await plain.close();
  }
}

export async function benchSize(): Promise<SizeReport> {
  const content = join(SHIPPED_EXTENSION_DIR, 'content-scripts/content.js');
  const largest = largestCorpusPage();
  const server = await startStaticServer({ '/corpus/': CORPUS_DIR });
  const url = `${server.origin}/corpus/${encodeURIComponent(largest)}`;
  try {
    const withoutMb = await bareHeapMb(url);

    const ours = await launchWithExtension({ headless: true });
    const tab = ours.context.pages()[0] ?? (await ours.context.newPage());
    await tab.goto(url, { waitUntil: 'load', timeout: 60_000 });
    await waitForScan(tab, 60_000);
    await tab.waitForTimeout(2000);
    const withMb = await heapMb(ours.context, tab);
    await ours.close();

    return {
      contentScript: sizeOf([content]),
      cardModule: sizeOf([join(SHIPPED_EXTENSION_DIR, CARD_MODULE_FILE)]),
      pageMapModule: sizeOf([join(SHIPPED_EXTENSION_DIR, PAGE_MAP_MODULE_FILE)]),
      fuseInContentScript: /ignoreLocation|Fuse\.js|fuse\.js/.test(readFileSync(content, 'utf8')),
      popup: sizeOf(popupFiles()),
      heap: { page: largest, withoutMb, withMb, growthMb: withMb - withoutMb },
    };
  } finally {
    await server.close();
  }
}
