/**
 * Work nobody waits for: if it fails, the console says what failed, and
 * nothing reaches the page as an unhandled rejection. For work whose failure
 * the reader has nothing to do about, or has been told of by the work itself.
 */
export function logFailure(work: Promise<unknown> | undefined, what: string): void {
  work?.catch((error: unknown) => warnFailure(what, error));
}

/**
 * Says in the console what Context Lens could not do, and why. The reason is
 * in the text itself as well as the error beside it: a browser's remote agent
 * (Firefox's WebDriver BiDi) passes an error on only as "JSHandle@error".
 */
export function warnFailure(what: string, error: unknown): void {
  console.warn(`Context Lens could not ${what}: ${reasonOf(error)}`, error);
}

/** An error's text; a value with no text of its own (a null-prototype object) must not throw here. */
function reasonOf(error: unknown): string {
  try {
    return String(error);
  } catch {
    return typeof error;
  }
}
