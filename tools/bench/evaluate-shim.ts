import type { BrowserContext } from 'playwright-core';

/**
 * tsx compiles the benchmark with esbuild's keepNames, which wraps named
 * functions in a `__name` helper; functions sent to a page for evaluation
 * then call a helper the page lacks. Each page gets a stand-in first.
 */
export async function allowBenchFunctions(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
}
