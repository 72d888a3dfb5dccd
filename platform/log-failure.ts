/**
 * Work nobody waits for: if it fails, the console says what failed, and
 * nothing reaches the page as an unhandled rejection. For work whose failure
 * the reader has nothing to do about, or has been told of by the work itself.
 */
export function logFailure(work: Promise<unknown> | undefined, what: string): void {
  work?.catch((error: unknown) => console.warn(`Context Lens could not ${what}:`, error));
}
