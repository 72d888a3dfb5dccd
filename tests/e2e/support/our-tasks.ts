import type { Page } from '@playwright/test';
import { longestTaskThreadMs, startTrace } from '../../../scripts/task-trace';

/** One `context-lens:*` measure on a page, and how long the tasks that ran it were. */
export interface OurTask {
  name: string;
  /** The measure's span: work and the pauses between its slices. */
  duration: number;
  /** The longest slice in wall time, which also counts moments the machine took the thread away. */
  longestWallMs: number;
  slices: number;
  /** The longest task that ran a slice of it, in the main thread's CPU time. */
  longestThreadMs: number;
}

/**
 * Runs `load` (a navigation, and waiting for it to settle) under a trace and
 * returns every measure of ours on the page, each with the thread time of
 * its longest task. Thread time is what our code costs the page: wall time
 * also counts the renderer descheduled on a busy machine, which made a 5 ms
 * slice read 50 ms on a shared CI box.
 */
export async function traceOurTasks(page: Page, load: () => Promise<void>): Promise<OurTask[]> {
  const cdp = await page.context().newCDPSession(page);
  const events = await startTrace(cdp);
  await load();
  const measures = await page.evaluate(() =>
    performance
      .getEntriesByType('measure')
      .filter((m) => m.name.startsWith('context-lens:'))
      .map((m) => {
        const detail = (m as PerformanceMeasure).detail as { longestSliceMs?: number; sliceStarts?: number[] } | null;
        return {
          name: m.name,
          startTime: m.startTime,
          duration: m.duration,
          longestWallMs: detail?.longestSliceMs ?? m.duration,
          // A measure without slices (start-up) ran as one piece from its start.
          sliceStarts: detail?.sliceStarts ?? [m.startTime],
        };
      }),
  );
  const trace = await events();
  await cdp.detach();
  return measures.map(({ name, duration, longestWallMs, ...measure }) => ({
    name,
    duration,
    longestWallMs,
    slices: measure.sliceStarts.length,
    longestThreadMs: longestTaskThreadMs(trace, { name, ...measure }),
  }));
}

/** The longest task of all our measures, in thread time; NaN when the trace missed one. */
export function longestThreadMs(tasks: OurTask[]): number {
  return Math.max(...tasks.map((task) => task.longestThreadMs));
}
