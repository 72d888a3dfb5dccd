import type { BrowserContext, Page } from 'playwright-core';

/** The renderer's main-thread task time, from the browser's own counter (CDP `TaskDuration`). */
export interface TaskClock {
  /** Task time in ms since the clock started. */
  read(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * A clock of everything the page's main thread does: its scripts, layout
 * and paint, and what the browser does for an extension there (mutation
 * records, observer callbacks, range updates), not only the slices we measure.
 * CDP counts only once Performance is enabled: a clock started before a
 * navigation counts the load too.
 */
export async function taskClock(context: BrowserContext, page: Page): Promise<TaskClock> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  return {
    async read() {
      const { metrics } = await cdp.send('Performance.getMetrics');
      return (metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
    },
    stop: () => cdp.detach(),
  };
}
