import { BUNDLED_PACKS } from '../../data/bundled-packs';
import { compileMatcherInSteps, type MatchableEntity, type Matcher } from '../../engine/matcher/matcher';
import { mergePackNamesInSteps, namesOf, type PackNames } from '../../engine/packs/lens-entities';
import { BUNDLED_ENTITIES } from '../../tests/bundled-stories';
import type { PageText } from './corpus-text';
import { median } from './median';
import { syntheticEntities } from './synthetic-names';
import { syntheticPacks } from './synthetic-packs';

interface ThroughputRow {
  label: string;
  patterns: number;
  mbPerSecond: number;
  /** Time per pass relative to the knowledge base's own names. */
  ratioToStory: number;
  matches: number;
  compileMs: number;
  /** The longest step of the compilation (merging the packs included), as a page runs it in slices. */
  longestStepMs: number;
}

/** The many-stories case: 50 synthetic packs of 100 entities beside the bundled ones, all switched on. */
export const MANY_PACKS = { packs: 50, perPack: 100 };

export interface MatcherReport {
  megabytes: number;
  rows: ThroughputRow[];
  /** The same text through one alternation RegExp of the story's names. */
  naiveRegex: ThroughputRow;
  /** The many-stories row: how many names it holds. */
  manyPacksNames: number;
}

const ROUNDS = 5;

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

/** Runs steps to the end, timing each: the total, and the longest one. */
function timedSteps<T>(steps: Generator<void, T>): { value: T; totalMs: number; longestMs: number } {
  let totalMs = 0;
  let longestMs = 0;
  for (;;) {
    const start = performance.now();
    const step = steps.next();
    const ms = performance.now() - start;
    totalMs += ms;
    longestMs = Math.max(longestMs, ms);
    if (step.done) return { value: step.value, totalMs, longestMs };
  }
}

function* mergedAndCompiled(source: MatchableEntity[] | Generator<void, MatchableEntity[]>): Generator<void, Matcher> {
  const entities = Array.isArray(source) ? source : yield* source;
  return yield* compileMatcherInSteps(entities);
}

function matcherRow(
  label: string,
  source: MatchableEntity[] | Generator<void, MatchableEntity[]>,
  texts: string[],
  minMs: number,
  megabytes: number,
) {
  const { value: matcher, totalMs: compileMs, longestMs: longestStepMs } = timedSteps(mergedAndCompiled(source));
  const { ms, matches } = timePass(() => {
    let found = 0;
    for (const text of texts) found += matcher.findMentions(text).mentions.length;
    return found;
  }, minMs);
  return {
    label,
    patterns: matcher.patternCount,
    ms,
    matches,
    compileMs,
    longestStepMs,
    mbPerSecond: megabytes / (ms / 1000),
  };
}

/** Merging the packs' names, as a page does before it compiles them; the packs are made beforehand. */
function* merged(packs: PackNames[]): Generator<void, MatchableEntity[]> {
  return (yield* mergePackNamesInSteps(packs)).entities;
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
    longestStepMs: 0,
  };
}

export function benchMatcher(pages: PageText[], quick: boolean): MatcherReport {
  const texts = pages.map((p) => p.text);
  const megabytes = texts.reduce((sum, t) => sum + Buffer.byteLength(t, 'utf8'), 0) / 1e6;
  const minMs = quick ? 60 : 250;
  // A first, untimed round warms the engine's code, or the first row would pay for the JIT alone.
  matcherRow('warm-up', BUNDLED_ENTITIES, texts, minMs, megabytes);
  const story = matcherRow('bundled stories’ names (knowledge base)', BUNDLED_ENTITIES, texts, minMs, megabytes);
  const sets: [string, MatchableEntity[] | Generator<void, MatchableEntity[]>][] = [
    ['10 synthetic names', syntheticEntities(10)],
    ['1,000 synthetic names', syntheticEntities(1_000)],
    ['10,000 synthetic names', syntheticEntities(10_000)],
    [
      `${MANY_PACKS.packs} packs of ${MANY_PACKS.perPack} entities, with the bundled ones`,
      merged([...BUNDLED_PACKS, ...syntheticPacks(MANY_PACKS.packs, MANY_PACKS.perPack)].map(namesOf)),
    ],
  ];
  // The same names as firms without notNear words: the rules by kind and the near words never run.
  const withoutRules = BUNDLED_ENTITIES.map(({ notNear: _, ...entity }) => ({ ...entity, kind: 'firm' as const }));
  sets.unshift(['bundled stories’ names, rules by kind left out (their cost: 1 / this ratio)', withoutRules]);
  const rows = [story, ...sets.map(([label, entities]) => matcherRow(label, entities, texts, minMs, megabytes))];
  const naive = naiveRow(BUNDLED_ENTITIES, texts, minMs, megabytes);
  const withRatio = ({ ms, ...row }: typeof story) => ({ ...row, ratioToStory: ms / story.ms });
  const many = [...BUNDLED_PACKS, ...syntheticPacks(MANY_PACKS.packs, MANY_PACKS.perPack)].reduce(
    (sum, pack) => sum + pack.entities.reduce((n, e) => n + e.names.length + e.laterMentions.length, 0),
    0,
  );
  return { megabytes, rows: rows.map(withRatio), naiveRegex: withRatio(naive), manyPacksNames: many };
}
