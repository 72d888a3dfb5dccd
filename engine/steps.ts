/** Runs work written as small steps to its end at once, for a caller with no page to share the thread with. */
export function runSteps<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
