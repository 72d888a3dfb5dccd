import { compileMatcher, type MatchableEntity } from '../engine/matcher';
import { CHINA_PACK } from '../tests/bundled-stories';
import type { PageText } from './corpus-text';
import { syntheticEntities } from './synthetic-names';

interface ThroughputRow {
  label: string;
  patterns: number;
  mbPerSecond: number;
  /** Time per pass relative to the knowledge base's own names. */
  ratioToStory: number;
  matches: number;
  compileMs: number;
}

export interface MatcherReport {
  megabytes: number;
  rows: ThroughputRow[];
  /** The same text through one alternation RegExp of the story's names. */
  naiveRegex: ThroughputRow;
}

const ROUNDS = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/** Median milliseconds for one pass of `pass` over all texts, timed over rounds of at least `minMs`. */
function timePass(pass: () => number, minMs: number): { ms: number; matches: number } {
  const matches = pass(); // warm-up, and the count
  const perPass: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    let passes = 0;
    const start = performance.now();
    do {
      pass();
      passes++;
    } while (performance.now() - start < minMs);
    perPass.push((performance.now() - start) / passes);
  }
  return { ms: median(perPass), matches };
}

function matcherRow(label: string, entities: MatchableEntity[], texts: string[], minMs: number, megabytes: number) {
  const compileStart = performance.now();
  const matcher = compileMatcher(entities);
  const compileMs = performance.now() - compileStart;
  const { ms, matches } = timePass(() => {
    let found = 0;
    for (const text of texts) found += matcher.findMentions(text).mentions.length;
    return found;
  }, minMs);
  return { label, patterns: matcher.patternCount, ms, matches, compileMs, mbPerSecond: megabytes / (ms / 1000) };
}

/** The naive way: one RegExp alternation of every name, with Unicode word boundaries. */
function naiveRow(entities: MatchableEntity[], texts: string[], minMs: number, megabytes: number) {
  const names = entities.flatMap((e) => [...e.names, ...e.names.map((n) => n.toUpperCase())]);
  const escaped = [...new Set(names)]
    .sort((a, b) => b.length - a.length)
    .map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const re = new RegExp(`(?<![\\p{L}\\p{N}_])(?:${escaped.join('|')})(?![\\p{L}\\p{N}_])`, 'gu');
  const { ms, matches } = timePass(() => {
    let found = 0;
    for (const text of texts) for (const _ of text.matchAll(re)) found++;
    return found;
  }, minMs);
  return {
    label: 'naive RegExp alternation (story names)',
    patterns: escaped.length,
    ms,
    matches,
    compileMs: 0,
    mbPerSecond: megabytes / (ms / 1000),
  };
}

export function benchMatcher(pages: PageText[], quick: boolean): MatcherReport {
  const texts = pages.map((p) => p.text);
  const megabytes = texts.reduce((sum, t) => sum + Buffer.byteLength(t, 'utf8'), 0) / 1e6;
  const minMs = quick ? 60 : 250;
  const story = matcherRow('story names (knowledge base)', CHINA_PACK.entities, texts, minMs, megabytes);
  const sets: [string, MatchableEntity[]][] = [
    ['10 synthetic names', syntheticEntities(10)],
    ['1,000 synthetic names', syntheticEntities(1_000)],
    ['10,000 synthetic names', syntheticEntities(10_000)],
  ];
  const rows = [story, ...sets.map(([label, entities]) => matcherRow(label, entities, texts, minMs, megabytes))];
  const naive = naiveRow(CHINA_PACK.entities, texts, minMs, megabytes);
  const withRatio = ({ ms, ...row }: typeof story) => ({ ...row, ratioToStory: ms / story.ms });
  return { megabytes, rows: rows.map(withRatio), naiveRegex: withRatio(naive) };
}
