// npm run bench [-- --quick]: measures the engine and writes bench/report.md and bench/report.json.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../tests/shared-paths';
import { corpusPages, renderedTexts } from './corpus-text';
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

const pages = corpusPages(quick);
progress(`Rendering ${pages.length} corpus pages in Chromium for their text…`);
const texts = await renderedTexts(pages);
progress('Matcher throughput: story names, 10, 1,000 and 10,000 synthetic names, naive RegExp…');
const matcher = benchMatcher(texts, quick);
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
].join('\n');
await writeFile(join(PROJECT_ROOT, 'bench/report.md'), markdown);
await writeFile(join(PROJECT_ROOT, 'bench/report.json'), `${JSON.stringify({ quick, pages, matcher }, null, 2)}\n`);
console.log(markdown);
console.log('Written to bench/report.md and bench/report.json');
