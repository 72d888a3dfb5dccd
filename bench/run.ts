// npm run bench [-- --quick]: measures the engine and writes bench/report.md and bench/report.json.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../tests/shared-paths';
import { corpusPages, renderedTexts } from './corpus-text';
import { benchHover, type HoverReport } from './hover-bench';
import { benchMatcher, type MatcherReport } from './matcher-bench';

const quick = process.argv.includes('--quick');
const progress = (line: string) => process.stdout.write(`\r\x1b[K${line}`);

const TARGET_MB_PER_S = 100;
const TARGET_RATIO = 1.5;

function matcherTable(report: MatcherReport): string {
  const row = (r: MatcherReport['rows'][number]) =>
    `| ${r.label} | ${r.patterns.toLocaleString('en')} | ${r.compileMs.toFixed(1)} | ${r.mbPerSecond.toFixed(0)} | ${r.ratioToStory.toFixed(2)}× | ${r.matches.toLocaleString('en')} |`;
  const tenThousand = report.rows[report.rows.length - 1];
  const story = report.rows[0];
  return [
    `Rendered text of the corpus: ${report.megabytes.toFixed(2)} MB (UTF-8), one pass = every page once; median of 5 rounds.`,
    '',
    '| names | patterns | compile ms | MB/s | time vs story names | matches |',
    '|---|---:|---:|---:|---:|---:|',
    ...report.rows.map(row),
    row(report.naiveRegex),
    '',
    `Targets: at least ${TARGET_MB_PER_S} MB/s with the story's names (measured ${story?.mbPerSecond.toFixed(0)} MB/s: ${
      (story?.mbPerSecond ?? 0) >= TARGET_MB_PER_S ? 'met' : 'NOT met'
    }); 10,000 names within ${TARGET_RATIO}× the time of the story's names (measured ${tenThousand?.ratioToStory.toFixed(2)}×: ${
      (tenThousand?.ratioToStory ?? Infinity) <= TARGET_RATIO ? 'met' : 'NOT met'
    }).`,
  ].join('\n');
}

/** The Chromium parts load the built extension; build it when there is none yet. */
function ensureBuilt(): void {
  if (existsSync(join(PROJECT_ROOT, '.output/chrome-mv3/manifest.json'))) return;
  progress('Building the extension…');
  execFileSync('npx', ['wxt', 'build'], { cwd: PROJECT_ROOT, stdio: 'ignore' });
}

const TARGET_HIT_TEST_US = 200;
const TARGET_CARD_MS = 16;

function hoverSection(report: HoverReport): string {
  const { hitTest, cardMs } = report;
  const sorted = [...cardMs].sort((a, b) => a - b);
  const cardMedian = sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
  const cardWorst = sorted[sorted.length - 1] ?? Number.NaN;
  const us = (value: number) => `${value.toFixed(1)} µs`;
  return [
    `A page of ${hitTest.mentions.toLocaleString('en')} mentions; ${hitTest.events.toLocaleString('en')} pointer positions over ten screenfuls, half on names and half anywhere (${hitTest.onMention} landed on a name). Median of rounds, per pointer event.`,
    '',
    '| hit-test | per event | vs ours |',
    '|---|---:|---:|',
    `| Context Lens (caret position → mention index → rectangle check) | ${us(hitTest.oursUs)} | 1.00× |`,
    `| Floor: the browser's caret hit-test alone | ${us(hitTest.caretFloorUs)} | ${(hitTest.caretFloorUs / hitTest.oursUs).toFixed(2)}× |`,
    `| Naive: every mention's rectangles against the point | ${us(hitTest.naiveUs)} | ${(hitTest.naiveUs / hitTest.oursUs).toFixed(0)}× |`,
    '',
    `Ours and the naive scan agree on ${hitTest.agreement} of ${hitTest.events} positions.`,
    '',
    `Card painted after the hover delay (context-lens:card, ${cardMs.length} cards): median ${cardMedian.toFixed(1)} ms, worst ${cardWorst.toFixed(1)} ms.`,
    '',
    `Targets: hit-test under ${TARGET_HIT_TEST_US} µs per event at 5,000 mentions (${
      hitTest.oursUs < TARGET_HIT_TEST_US ? 'met' : 'NOT met'
    }); card within one frame, ${TARGET_CARD_MS} ms (median ${cardMedian <= TARGET_CARD_MS ? 'met' : 'NOT met'}).`,
  ].join('\n');
}

const pages = corpusPages(quick);
progress(`Rendering ${pages.length} corpus pages in Chromium for their text…`);
const texts = await renderedTexts(pages);
progress('Matcher throughput: story names, 10, 1,000 and 10,000 synthetic names, naive RegExp…');
const matcher = benchMatcher(texts, quick);
ensureBuilt();
progress('Hover: hit-test at 5,000 mentions, then cards opened by the built extension…');
const hover = await benchHover(quick);
progress('');

const markdown = [
  `# Context Lens benchmark${quick ? ' (quick: a sample of pages)' : ''}`,
  '',
  `Node ${process.version}, ${new Date().toISOString()}, ${pages.length} corpus pages.`,
  '',
  '## Matcher throughput (Node)',
  '',
  matcherTable(matcher),
  '',
  '## Hover (Chromium)',
  '',
  hoverSection(hover),
  '',
].join('\n');
await writeFile(join(PROJECT_ROOT, 'bench/report.md'), markdown);
await writeFile(
  join(PROJECT_ROOT, 'bench/report.json'),
  `${JSON.stringify({ quick, pages, matcher, hover }, null, 2)}\n`,
);
console.log(markdown);
console.log('Written to bench/report.md and bench/report.json');
