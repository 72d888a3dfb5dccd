/** Documents that have rendered a frame while we waited: a later wait ends at once. */
const rendered = new WeakSet<Document>();

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
  if (doc.readyState !== 'loading' || rendered.has(doc)) return Promise.resolve(true);
  // The first frame ends the wait for the parser, as the caller's abort does.
  const waiting = new AbortController();
  const abortedNow = () => waiting.abort();
  signal.addEventListener('abort', abortedNow, { once: true });
  // A hidden tab renders no frames: the parser's end says when.
  const frame = requestAnimationFrame(() => {
    rendered.add(doc);
    abortedNow();
  });
  return untilParsed(doc, waiting.signal).then((parsed) => {
    cancelAnimationFrame(frame);
    signal.removeEventListener('abort', abortedNow);
    return parsed || !signal.aborted;
  });
}

/** Resolves once the parser has built the whole document (DOMContentLoaded). False if `signal` aborts first. */
export function untilParsed(doc: Document, signal: AbortSignal): Promise<boolean> {
  if (doc.readyState !== 'loading') return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = (parsed: boolean) => {
      doc.removeEventListener('DOMContentLoaded', parsedNow);
      signal.removeEventListener('abort', abortedNow);
      resolve(parsed);
    };
    const parsedNow = () => done(true);
    const abortedNow = () => done(false);
    doc.addEventListener('DOMContentLoaded', parsedNow, { once: true });
    signal.addEventListener('abort', abortedNow, { once: true });
  });
}

/**
 * Resolves true as the page's next frame begins while the parser is still at
 * work; false once the parser is done, or if `signal` aborts.
 */
export function nextFrameWhileParsing(doc: Document, signal: AbortSignal): Promise<boolean> {
  if (doc.readyState !== 'loading' || signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const done = (parsing: boolean) => {
      cancelAnimationFrame(frame);
      doc.removeEventListener('DOMContentLoaded', parsedNow);
      signal.removeEventListener('abort', abortedNow);
      resolve(parsing);
    };
    const frame = requestAnimationFrame(() => done(doc.readyState === 'loading' && !signal.aborted));
    const parsedNow = () => done(false);
    const abortedNow = () => done(false);
    doc.addEventListener('DOMContentLoaded', parsedNow, { once: true });
    signal.addEventListener('abort', abortedNow, { once: true });
  });
}
