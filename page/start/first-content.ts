/** Documents that have rendered a frame showing text while we waited: a later wait ends at once. */
const rendered = new WeakSet<Document>();

/** Text nodes a frame's look for shown text reads at most; past them, the page is taken to show text. */
const TEXT_NODES_PER_LOOK = 500;

/** Elements whose text is never painted as such. */
const UNPAINTED = new Set(['script', 'style', 'noscript', 'template']);

/**
 * Resolves once the page renders its first frame that shows text (the
 * reader's first sight of it, its first contentful paint, is in the DOM by
 * then) or its parser is done (DOMContentLoaded), whichever comes first: what
 * a reader sees can then be read while the rest of the page is still
 * arriving. A page's first frames often show only a background or a bar
 * while the parser works on: work of ours after those would hold back the
 * frame that paints the text. Never waits for images, frames or the load
 * event, which one slow resource can hold for seconds. A frame is the signal
 * rather than the paint timing entry, which reaches a content script's world
 * tens to hundreds of milliseconds after the paint. False if `signal` aborts
 * first.
 */
export async function untilFirstContent(doc: Document, signal: AbortSignal): Promise<boolean> {
  if (doc.readyState !== 'loading' || rendered.has(doc)) return true;
  for (;;) {
    // Settled in the frame's callbacks, before the browser lays it out and paints it.
    const first = await frameOrParsed(doc, signal);
    if (first === 'aborted') return false;
    if (first === 'parsed') return true;
    if (showsText(doc)) {
      rendered.add(doc);
      return true;
    }
  }
}

/** Whether the body holds text that a frame rendered now would paint: not whitespace, nor hidden. */
function showsText(doc: Document): boolean {
  if (doc.body === null) return false;
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
  for (let looked = 0; looked < TEXT_NODES_PER_LOOK; looked++) {
    const text = walker.nextNode();
    if (text === null) return false;
    const parent = text.parentElement;
    if (parent === null || UNPAINTED.has(parent.localName) || !/\S/.test(text.nodeValue ?? '')) continue;
    // The frame computes the page's style next anyway: asking for it now costs that frame nothing more.
    if (parent.checkVisibility?.({ opacityProperty: true, visibilityProperty: true }) ?? true) return true;
  }
  return true;
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
