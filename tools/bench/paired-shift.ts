import { median } from './median';

/** One round of a paired comparison: a load with the extension and one without, in the order they ran. */
export interface PairedLoad {
  withFirst: boolean;
  with: number;
  without: number;
}

/** How much later the extension made a timing, with a 95% interval. */
export interface Shift {
  ms: number;
  low: number;
  high: number;
  pairs: number;
}

const RESAMPLES = 2000;

/** The rounds of `inTurn`, which puts the extension first in the even ones, as pairs of one timing. */
export function pairedRounds<T>(
  withExtension: readonly T[],
  without: readonly T[],
  timing: (load: T) => number,
): PairedLoad[] {
  return withExtension.map((load, round) => {
    const other = without[round];
    return {
      withFirst: round % 2 === 0,
      with: timing(load),
      without: other === undefined ? Number.NaN : timing(other),
    };
  });
}

/**
 * The shift over every round of every page: the median of the rounds'
 * differences, taken apart for the rounds the extension went first and
 * those it went second, then averaged, since a load that follows another
 * runs slower and the two orders need not be equally many. The interval
 * resamples the rounds of each order (a seeded bootstrap, so a report is
 * reproducible from its data).
 */
export function pairedShift(loads: readonly PairedLoad[]): Shift {
  const differences = (withFirst: boolean) =>
    loads
      .filter((load) => load.withFirst === withFirst && Number.isFinite(load.with - load.without))
      .map((load) => load.with - load.without);
  const groups = [differences(true), differences(false)].filter((group) => group.length > 0);
  const pairs = groups.reduce((sum, group) => sum + group.length, 0);
  if (pairs === 0) return { ms: Number.NaN, low: Number.NaN, high: Number.NaN, pairs };
  const balanced = (of: number[][]) => of.reduce((sum, group) => sum + median(group), 0) / of.length;
  const random = seeded(pairs);
  const resampled = Array.from({ length: RESAMPLES }, () =>
    balanced(groups.map((group) => group.map(() => group[Math.floor(random() * group.length)] as number))),
  ).sort((a, b) => a - b);
  return {
    ms: balanced(groups),
    low: resampled[Math.floor(RESAMPLES * 0.025)] as number,
    high: resampled[Math.ceil(RESAMPLES * 0.975) - 1] as number,
    pairs,
  };
}

/** mulberry32: small, fast, and the same numbers for the same seed. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
