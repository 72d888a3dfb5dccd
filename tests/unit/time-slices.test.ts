import { afterEach, describe, expect, it } from 'vitest';
import { measureWork, runInSlices, SLICE_MS } from '../../page/read/time-slices';

/** Steps that each keep the thread busy for `ms`, then return `value`. */
function* busySteps(count: number, ms: number): Generator<void, string> {
  for (let i = 0; i < count; i++) {
    const until = performance.now() + ms;
    while (performance.now() < until) {
      // Busy on purpose: a step of real work.
    }
    yield;
  }
  return 'done';
}

describe('work in slices', () => {
  afterEach(() => performance.clearMeasures());

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
    // A slice ends after the step that crosses the line: at most one step over it.
    expect(stats.longestSliceMs).toBeLessThan(SLICE_MS + 1 + 5);
    expect(stats.workedMs).toBeGreaterThanOrEqual(12);
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
    measureWork('context-lens:test', run.stats, { mentions: 2 });
    const [entry] = performance.getEntriesByName('context-lens:test', 'measure') as PerformanceMeasure[];
    expect(entry?.duration).toBeCloseTo(run.stats.workedMs, 5);
    expect(entry?.detail).toEqual({
      longestSliceMs: run.stats.longestSliceMs,
      slices: run.stats.slices,
      sliceStarts: run.stats.sliceStarts,
      mentions: 2,
    });
  });
});
