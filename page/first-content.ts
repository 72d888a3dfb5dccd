/**
 * Resolves once the page renders its first frame (what it shows first is in
 * the DOM by then) or its parser is done (DOMContentLoaded), whichever comes
 * first: what a reader sees can then be read while the rest of the page is
 * still arriving. Never waits for images, frames or the load event, which one
 * slow resource can hold for seconds. A frame is the signal rather than the
 * paint timing entry, which reaches a content script's world only tens of
 * milliseconds after the paint. False if `signal` aborts first.
 */
export function untilFirstContent(doc: Document, signal: AbortSignal): Promise<boolean> {
  if (doc.readyState !== 'loading') return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = (ready: boolean) => {
      cancelAnimationFrame(frame);
      doc.removeEventListener('DOMContentLoaded', readyNow);
      signal.removeEventListener('abort', abortedNow);
      resolve(ready);
    };
    const readyNow = () => done(true);
    const abortedNow = () => done(false);
    // A hidden tab renders no frames: the parser's end says when.
    const frame = requestAnimationFrame(readyNow);
    doc.addEventListener('DOMContentLoaded', readyNow, { once: true });
    signal.addEventListener('abort', abortedNow, { once: true });
  });
}
