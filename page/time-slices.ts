/** Work in slices this long, then let the page run: far below the 50 ms long-task line. */
export const SLICE_MS = 8;

export interface SliceStats {
  /** When the first slice began (performance.now()). */
  startedAt: number;
  /** Main-thread time spent in the slices, summed: the wall time between them is the page's. */
  workedMs: number;
  longestSliceMs: number;
  slices: number;
}

export interface Cancellable {
  readonly cancelled: boolean;
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

/**
 * Runs an iterator of small steps in slices of `SLICE_MS`, yielding to the
 * page between slices. Returns null when cancelled between two slices.
 */
export async function runInSlices(
  steps: Iterator<unknown>,
  token: Cancellable,
  /** When the current task began, if work before this call belongs to the first slice. */
  taskStart = performance.now(),
): Promise<SliceStats | null> {
  const stats: SliceStats = { startedAt: taskStart, workedMs: 0, longestSliceMs: 0, slices: 0 };
  for (let first = true; ; first = false) {
    if (token.cancelled) return null;
    const sliceStart = first ? taskStart : performance.now();
    let done = false;
    do {
      done = steps.next().done === true;
    } while (!done && performance.now() - sliceStart < SLICE_MS);
    const took = performance.now() - sliceStart;
    stats.workedMs += took;
    stats.longestSliceMs = Math.max(stats.longestSliceMs, took);
    stats.slices++;
    if (done) return stats;
    await yieldToPage();
  }
}
