// npm start: builds the extension and opens Chrome or Chromium with it loaded
// on the bundled demo page. Without a display it runs headless instead, saves
// screenshots and a plain-text report, and prints where they are.
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchWithExtension } from './browser-session.mjs';
import { readHighlights, waitForScan } from './page-probe.mjs';
import { startStaticServer } from './static-server.mjs';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const args = new Set(process.argv.slice(2));
const hasDisplay =
  process.platform === 'darwin' ||
  process.platform === 'win32' ||
  Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const headless = args.has('--headless') || !hasDisplay;
const outDir = resolve(root, 'artifacts/demo');

if (!args.has('--no-build')) {
  console.log('Building the extension…');
  execFileSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'inherit' });
}

const server = await startStaticServer({ '/': resolve(root, 'demo') });
const demoUrl = `${server.origin}/briefing.html`;
const session = await launchWithExtension({ headless, viewport: headless ? { width: 1280, height: 900 } : null });
const page = session.context.pages()[0] ?? (await session.context.newPage());
await page.goto(demoUrl);
await waitForScan(page);

if (!headless) {
  console.log(`Chromium is open on ${demoUrl} with Context Lens loaded.`);
  console.log('Hover a highlighted name or click the toolbar icon. Close the browser window to stop.');
  await new Promise((done) => session.context.on('close', done));
  await server.close();
  process.exit(0);
}

await mkdir(outDir, { recursive: true });
const { highlights, scans } = await readHighlights(page);
await page.screenshot({ path: `${outDir}/demo-page.png` });

// The panel opened as a page, pointed at the demo tab (the active one until the panel opens).
const tabId = await session.serviceWorker.evaluate(
  async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id,
);
const panel = await session.context.newPage();
await panel.setViewportSize({ width: 360, height: 600 });
await panel.goto(`chrome-extension://${session.extensionId}/popup.html?tab=${tabId}`);
await panel.getByText('mentions', { exact: false }).first().waitFor();
await panel.screenshot({ path: `${outDir}/panel.png`, fullPage: true });

const total = highlights.reduce((sum, h) => sum + h.size, 0);
const lines = [
  'Context Lens demo run',
  `page: ${demoUrl}`,
  `extension id: ${session.extensionId}`,
  `scan time (context-lens:scan): ${scans.map((ms) => `${ms.toFixed(1)} ms`).join(', ')}`,
  `highlighted mentions: ${total}`,
  '',
  ...highlights.map((h) => `${h.name} (${h.size}): ${h.texts.join(' · ')}`),
  '',
  `screenshots: ${outDir}/demo-page.png, ${outDir}/panel.png`,
];
await writeFile(`${outDir}/report.txt`, `${lines.join('\n')}\n`);
console.log(lines.join('\n'));
console.log(`\nNo display found, so the demo ran headless. Report and screenshots are in ${outDir}`);

await session.close();
await server.close();
