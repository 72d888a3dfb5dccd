import type { CDPSession, Page } from 'playwright-core';
import { MEASURE_PREFIX } from '../../page/measure-names';

/** A trace event as Chrome reports it: times in microseconds of its own clock. */
interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { startTime?: number };
}

/** The categories that name each task of a thread and our performance measures; light enough to leave timings as they are. */
const CATEGORIES = ['toplevel', 'blink.user_timing', '__metadata'];
/**
 * What a slice runs in: a task, or the microtask checkpoint that resumes an
 * `await scheduler.yield()`, which the trace shows beside its task, not in it.
 */
const TASK_EVENTS = new Set(['ThreadControllerImpl::RunTask', 'BlinkScheduler_PerformMicrotaskCheckpoint']);
/** How a measure shows in the trace: the begin of a span, or an instant when it lasted 0 ms. */
const MEASURE_STARTS = new Set(['b', 'n']);
/** performance.now() is coarsened (and jittered) to 100 µs outside cross-origin isolation. */
const CLOCK_GRAIN_US = 100;

/** Records a trace of the browser until the returned function is called, which gives its events. */
async function startTrace(cdp: CDPSession): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: CATEGORIES } });
  return async () => {
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await complete;
    return events;
  };
}

/**
 * The longest thread time of the tasks that ran our slices of a measure: the
 * CPU time of each task on the page's main thread, which leaves out moments
 * the machine descheduled it. NaN when the trace does not show the measure.
 */
export function longestTaskThreadMs(
  events: TraceEvent[],
  measure: { name: string; startTime: number; sliceStarts: number[] },
): number {
  // The trace prints the start with fewer digits than the page reads it.
  const begin = events.find(
    (e) =>
      e.name === measure.name &&
      MEASURE_STARTS.has(e.ph) &&
      Math.abs((e.args?.startTime ?? Number.NaN) - measure.startTime) < 0.01,
  );
  if (begin === undefined) return Number.NaN;
  // The measure's start, in performance.now() ms and in trace µs, ties the two clocks.
  const toTrace = (ms: number) => begin.ts + (ms - measure.startTime) * 1000;
  const tasks = events.filter(
    (e) => TASK_EVENTS.has(e.name) && e.ph === 'X' && e.pid === begin.pid && e.tid === begin.tid,
  );
  let longest = 0;
  for (const start of measure.sliceStarts) {
    const at = toTrace(start);
    const ours = taskAt(tasks, at);
    if (ours === undefined) return Number.NaN;
    longest = Math.max(longest, (ours.tdur as number) / 1000);
  }
  return longest;
}

/**
 * The task that ran a slice starting at `at` (trace µs). Within the page
 * clock's grain, a slice start can also touch the page's own task that ended
 * just before ours, and tasks nested in ours (a microtask checkpoint, which
 * Chrome writes without thread time when it lasts a microsecond). Of the
 * outermost tasks there, ours is the one that began last: a slice begins as
 * its task does, or within it.
 */
function taskAt(tasks: TraceEvent[], at: number): TraceEvent | undefined {
  const end = (t: TraceEvent) => t.ts + (t.dur ?? 0);
  const near = tasks
    .filter((t) => t.tdur !== undefined && t.ts <= at + CLOCK_GRAIN_US && at - CLOCK_GRAIN_US <= end(t))
    .sort((a, b) => a.ts - b.ts || end(b) - end(a));
  const outermost: TraceEvent[] = [];
  for (const task of near) {
    if (!outermost.some((outer) => outer.ts <= task.ts && end(task) <= end(outer))) outermost.push(task);
  }
  return outermost.at(-1);
}

/** One of our measures on a page (a name that begins with MEASURE_PREFIX), and how long the tasks that ran it were. */
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
  const measures = await page.evaluate(
    (prefix) =>
      performance
        .getEntriesByType('measure')
        .filter((m) => m.name.startsWith(prefix))
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
    MEASURE_PREFIX,
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

/**
 * The longest task of all our measures, in thread time. A measure the trace
 * does not place (a fresh CI machine once left a preview's slice within the
 * clock's grain of no task) counts by its longest slice in wall time instead,
 * which is never less than the thread time of our work in it.
 */
export function longestThreadMs(tasks: OurTask[]): number {
  return Math.max(
    ...tasks.map((task) => (Number.isNaN(task.longestThreadMs) ? task.longestWallMs : task.longestThreadMs)),
  );
}
