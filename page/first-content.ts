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
  return frameOrParsed(doc, signal).then((first) => {
    if (first === 'frame') rendered.add(doc);
    return first !== 'aborted';
  });
}

/**
 * Whichever comes first: the page's next frame (a hidden tab renders none),
 * the parser's end, or the caller's abort.
 */
function frameOrParsed(doc: Document, signal: AbortSignal): Promise<'frame' | 'parsed' | 'aborted'> {
  // A frame ends the wait for the parser, as the caller's abort does.
  const waiting = new AbortController();
  const abortedNow = () => waiting.abort();
  signal.addEventListener('abort', abortedNow, { once: true });
  let framed = false;
  const frame = requestAnimationFrame(() => {
    framed = true;
    waiting.abort();
  });
  return untilParsed(doc, waiting.signal).then((parsed) => {
    cancelAnimationFrame(frame);
    signal.removeEventListener('abort', abortedNow);
    if (parsed) return 'parsed';
    return framed && !signal.aborted ? 'frame' : 'aborted';
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
  return frameOrParsed(doc, signal).then((first) => first === 'frame' && doc.readyState === 'loading');
}
