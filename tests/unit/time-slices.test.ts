import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MEASURE } from '../../page/measure-names';
import { measureWork, runInSlices, SLICE_MS } from '../../page/read/time-slices';

/**
 * The slicer's clock, moved by the steps alone: on a busy machine the wall
 * clock also counts the time another process took, which would make a
 * slice look longer than its work.
 */
let clock = 0;

/** Steps that each take `ms` of the slicer's clock, then return `value`. */
function* busySteps(count: number, ms: number): Generator<void, string> {
  for (let i = 0; i < count; i++) {
    clock += ms;
    yield;
  }
  return 'done';
}

describe('work in slices', () => {
  beforeEach(() => {
    clock = 1000;
    vi.spyOn(performance, 'now').mockImplementation(() => clock);
  });
  afterEach(() => {
    vi.restoreAllMocks();
    performance.clearMeasures();
  });

  it('pauses once a slice has run its time, and records when each slice began', async () => {
    const run = await runInSlices(busySteps(12, 1), new AbortController().signal);
    expect(run?.value).toBe('done');
    const stats = run?.stats;
    if (stats === undefined) throw new Error('no stats');
    // Twelve 1 ms steps cannot fit one 5 ms slice.
    expect(stats.slices).toBeGreaterThan(1);
    expect(stats.sliceStarts).toHaveLength(stats.slices);
    expect(stats.sliceStarts[0]).toBe(stats.startedAt);
    for (let i = 1; i < stats.sliceStarts.length; i++) {
      expect(stats.sliceStarts[i]).toBeGreaterThan(stats.sliceStarts[i - 1] as number);
    }
    // A slice ends with the step that reaches its time: never a step more.
    expect(stats.longestSliceMs).toBe(SLICE_MS);
    expect(stats.workedMs).toBe(12);
  });

  it('stops between slices once its signal aborts', async () => {
    const stop = new AbortController();
    const running = runInSlices(busySteps(50, 1), stop.signal);
    stop.abort();
    expect(await running).toBeNull();
  });

  it('records the work as one measure, with the slices in its detail', async () => {
    const run = await runInSlices(busySteps(3, 1), new AbortController().signal);
    if (run === null) throw new Error('cancelled');
    performance.clearMeasures(MEASURE.scan);
    measureWork(MEASURE.scan, run.stats, { mentions: 2 });
    const [entry] = performance.getEntriesByName(MEASURE.scan, 'measure') as PerformanceMeasure[];
    expect(entry?.duration).toBeCloseTo(run.stats.workedMs, 5);
    expect(entry?.detail).toEqual({
      longestSliceMs: run.stats.longestSliceMs,
      slices: run.stats.slices,
      sliceStarts: run.stats.sliceStarts,
      mentions: 2,
    });
  });
});
