import { describe, expect, it } from 'vitest';
import { MEASURE, type MeasureName } from '../../page/measure-names';
import { longestTaskThreadMs, longestThreadMs } from '../../tools/scripts/task-trace';

/**
 * A trace as Chrome writes it: the measure's begin event ties the page's
 * clock (ms) to the trace's (µs); tasks carry wall (dur) and thread (tdur) time.
 */
const PID = 7;
const TID = 1;
const MEASURE_TS = 5_000_000;
const measureBegin = (startTime: number, name: MeasureName = MEASURE.scan) => ({
  name,
  ph: 'b',
  pid: PID,
  tid: TID,
  ts: MEASURE_TS,
  args: { startTime },
});
const task = (name: string, ts: number, durMs: number, threadMs: number, tid = TID) => ({
  name,
  ph: 'X',
  pid: PID,
  tid,
  ts,
  dur: durMs * 1000,
  tdur: threadMs * 1000,
});

describe('longestTaskThreadMs', () => {
  // The page read the measure's start with more digits than the trace prints.
  const start = 1234.567891;
  const events = [
    measureBegin(1234.5679),
    task('ThreadControllerImpl::RunTask', MEASURE_TS - 100, 6, 4.5),
    // Wall time 40 ms, of which the thread ran 5: the machine took it away.
    task('ThreadControllerImpl::RunTask', MEASURE_TS + 20_000, 40, 5),
    task('BlinkScheduler_PerformMicrotaskCheckpoint', MEASURE_TS + 20_010, 3, 2),
    // Another thread's long task, at the same moment, is not ours.
    task('ThreadControllerImpl::RunTask', MEASURE_TS + 20_000, 90, 90, TID + 1),
    // A long task of the page between our slices is not ours either.
    task('ThreadControllerImpl::RunTask', MEASURE_TS + 8_000, 11, 11),
  ];

  it('gives the thread time of the longest task that ran one of our slices', () => {
    const measure = { name: MEASURE.scan, startTime: start, sliceStarts: [start, start + 20.05] };
    expect(longestTaskThreadMs(events, measure)).toBe(5);
  });

  it('places a slice start within the page clock’s 100 µs grain', () => {
    const measure = { name: MEASURE.scan, startTime: start, sliceStarts: [start + 26.08] };
    expect(longestTaskThreadMs(events, measure)).toBe(5);
  });

  it('finds a measure that lasted 0 ms, which the trace shows as an instant', () => {
    const instant = { ...measureBegin(1234.5679, MEASURE.update), ph: 'n' };
    const measure = { name: MEASURE.update, startTime: start, sliceStarts: [start] };
    expect(longestTaskThreadMs([...events, instant], measure)).toBe(4.5);
  });

  it('passes over a microtask checkpoint too short to carry thread time', () => {
    // Chrome writes a checkpoint of a microsecond without `tdur`; it can fall within the grain of a slice's start.
    const { tdur: _, ...untimed } = task('BlinkScheduler_PerformMicrotaskCheckpoint', MEASURE_TS + 19_990, 0.001, 0);
    const measure = { name: MEASURE.scan, startTime: start, sliceStarts: [start + 20.05] };
    expect(longestTaskThreadMs([...events, untimed], measure)).toBe(5);
  });

  it('does not take the page’s own long task that ended within the grain of our slice’s start', () => {
    const slice = start + 200;
    const pageTask = task('ThreadControllerImpl::RunTask', MEASURE_TS + 80_000, 120.03, 118);
    const ourTask = task('ThreadControllerImpl::RunTask', MEASURE_TS + 200_040, 5, 4.8);
    const measure = { name: MEASURE.scan, startTime: start, sliceStarts: [slice] };
    expect(longestTaskThreadMs([...events, pageTask, ourTask], measure)).toBe(4.8);
  });

  it('is NaN when the trace lacks the measure, or a slice ran in no task it shows', () => {
    expect(longestTaskThreadMs(events, { name: MEASURE.update, startTime: start, sliceStarts: [start] })).toBe(
      Number.NaN,
    );
    expect(longestTaskThreadMs(events, { name: MEASURE.scan, startTime: start, sliceStarts: [start + 70] })).toBe(
      Number.NaN,
    );
    expect(longestTaskThreadMs(events, { name: MEASURE.scan, startTime: 99, sliceStarts: [99] })).toBe(Number.NaN);
  });
});

describe('longestThreadMs', () => {
  const measure = (longestThreadMs: number, longestWallMs: number) => ({
    name: MEASURE.scan,
    duration: 20,
    slices: 4,
    longestThreadMs,
    longestWallMs,
  });

  it('takes the longest thread time, not the wall time a busy machine stretched', () => {
    expect(longestThreadMs([measure(4.8, 30), measure(6.1, 7)])).toBe(6.1);
  });

  it('counts a measure the trace did not place by its wall time, so a long one still fails', () => {
    expect(longestThreadMs([measure(4.8, 5), measure(Number.NaN, 9.4)])).toBe(9.4);
    expect(longestThreadMs([measure(4.8, 5), measure(Number.NaN, 64)])).toBe(64);
  });
});
