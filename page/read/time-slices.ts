import type { MeasureName } from '../measure-names';
import { recordMeasure } from '../record-measure';

/** Work in slices this long, then let the page run: far below the 50 ms long-task line. */
export const SLICE_MS = 5;

export interface SliceStats {
  /** When the first slice began (performance.now()). */
  startedAt: number;
  /** Main-thread time spent in the slices, summed: the wall time between them is the page's. */
  workedMs: number;
  longestSliceMs: number;
  slices: number;
  /**
   * When each slice began: a benchmark reading a trace finds our tasks by
   * them, and their thread time, which leaves out moments the machine ran
   * something else.
   */
  sliceStarts: number[];
}

type Scheduler = { yield?: () => Promise<void> };

/** Lets the page handle input and render before our next slice. */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  // A message is a macrotask without setTimeout's 4 ms clamp on nested calls.
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs an iterator of small steps in slices of `SLICE_MS`, yielding to the
 * page between slices, and returns what the iterator returned. Returns null
 * when `signal` aborts between two slices.
 */
export async function runInSlices<T>(
  steps: Iterator<unknown, T>,
  signal: AbortSignal,
  /** When the current task began, if work before this call belongs to the first slice. */
  taskStart = performance.now(),
): Promise<{ stats: SliceStats; value: T } | null> {
  const stats: SliceStats = { startedAt: taskStart, workedMs: 0, longestSliceMs: 0, slices: 0, sliceStarts: [] };
  for (let first = true; ; first = false) {
    if (signal.aborted) return null;
    const sliceStart = first ? taskStart : performance.now();
    let step: IteratorResult<unknown, T>;
    do {
      step = steps.next();
    } while (!step.done && performance.now() - sliceStart < SLICE_MS);
    const took = performance.now() - sliceStart;
    stats.workedMs += took;
    stats.longestSliceMs = Math.max(stats.longestSliceMs, took);
    stats.slices++;
    stats.sliceStarts.push(sliceStart);
    if (step.done) return { stats, value: step.value };
    await yieldToPage();
  }
}

/** The stats of work done in one piece, from `started` until now. */
export function oneSlice(started: number): SliceStats {
  const took = performance.now() - started;
  return { startedAt: started, workedMs: took, longestSliceMs: took, slices: 1, sliceStarts: [started] };
}

/**
 * Records sliced work as one performance measure named `name`: its duration
 * is the time worked, its detail the longest slice (our longest task).
 */
export function measureWork(name: MeasureName, stats: SliceStats, detail: Record<string, unknown> = {}): void {
  recordMeasure(name, {
    start: stats.startedAt,
    duration: stats.workedMs,
    detail: { longestSliceMs: stats.longestSliceMs, slices: stats.slices, sliceStarts: stats.sliceStarts, ...detail },
  });
}
