/**
 * Scrolls the page down at `speed` (CSS pixels a second) and back up from
 * its end, for `ms`, a frame at a time: a reader's brisk, steady scroll.
 * Runs in the page, through page.evaluate.
 */
export function driveScroll({ ms, speed }: { ms: number; speed: number }): Promise<void> {
  return new Promise((resolve) => {
    const started = performance.now();
    const bottom = Math.max(1, document.documentElement.scrollHeight - innerHeight);
    const tick = () => {
      const elapsed = performance.now() - started;
      if (elapsed >= ms) {
        resolve();
        return;
      }
      // Down to the end and back, as often as the time allows.
      const travelled = ((elapsed / 1000) * speed) % (2 * bottom);
      scrollTo(0, travelled <= bottom ? travelled : 2 * bottom - travelled);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}
