import type { MeasureName } from './measure-names';

declare global {
  interface ImportMetaEnv {
    /** CONTEXT_LENS_MEASURES=1 at build time (wxt.config.ts): a constant, so a shipped build drops every call below. */
    readonly CONTEXT_LENS_MEASURES: boolean;
  }
}

/**
 * Records one of our measures in the page's performance timeline, in a
 * build made for measuring: the tests, the bench and the demo read them
 * there. A shipped build records nothing, since the page's own scripts can
 * read that timeline too, and would learn that we are there, what we read
 * and which card the reader opens.
 */
export function recordMeasure(name: MeasureName, options: PerformanceMeasureOptions): void {
  if (import.meta.env.CONTEXT_LENS_MEASURES) performance.measure(name, options);
}
