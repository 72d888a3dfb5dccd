import { afterEach, describe, expect, it, vi } from 'vitest';
import { untilFirstContent } from '../../page/first-content';

/** A document the parser is still building, which says so with DOMContentLoaded when done. */
function parsingDocument(): { doc: Document; finish(): void } {
  const doc = document.implementation.createHTMLDocument('');
  let state: DocumentReadyState = 'loading';
  Object.defineProperty(doc, 'readyState', { get: () => state });
  return {
    doc,
    finish() {
      state = 'interactive';
      doc.dispatchEvent(new Event('DOMContentLoaded'));
    },
  };
}

/** Frames the test renders by hand: none until it says so, as in a hidden tab. */
function heldFrames(): () => void {
  const callbacks: FrameRequestCallback[] = [];
  vi.spyOn(globalThis, 'requestAnimationFrame').mockImplementation((callback) => callbacks.push(callback));
  vi.spyOn(globalThis, 'cancelAnimationFrame').mockImplementation(() => undefined);
  return () => {
    for (const callback of callbacks.splice(0)) callback(performance.now());
  };
}

afterEach(() => {
  vi.restoreAllMocks();
});

const settled = async (promise: Promise<boolean>) => {
  let value: boolean | null = null;
  void promise.then((v) => (value = v));
  await new Promise((resolve) => setTimeout(resolve, 0));
  return value;
};

describe('untilFirstContent', () => {
  it('resolves at once for a parsed document, loaded or not', async () => {
    await expect(untilFirstContent(document, new AbortController().signal)).resolves.toBe(true);
  });

  it('resolves at the first frame the page renders while it is still parsed', async () => {
    const renderFrame = heldFrames();
    const { doc } = parsingDocument();
    const waiting = untilFirstContent(doc, new AbortController().signal);
    expect(await settled(waiting)).toBeNull();
    renderFrame();
    expect(await settled(waiting)).toBe(true);
  });

  it('once a frame rendered, resolves at once for the document, while it is still parsed', async () => {
    const renderFrame = heldFrames();
    const { doc } = parsingDocument();
    const waiting = untilFirstContent(doc, new AbortController().signal);
    renderFrame();
    expect(await settled(waiting)).toBe(true);
    // The lens waits for that frame before its set-up, and its highlighter again before it reads.
    expect(await settled(untilFirstContent(doc, new AbortController().signal))).toBe(true);
    expect(await settled(untilFirstContent(parsingDocument().doc, new AbortController().signal))).toBeNull();
  });

  it('without a frame (a hidden tab), waits for the parser, not for the load event', async () => {
    heldFrames();
    const { doc, finish } = parsingDocument();
    const waiting = untilFirstContent(doc, new AbortController().signal);
    expect(await settled(waiting)).toBeNull();
    finish();
    expect(await settled(waiting)).toBe(true);
  });

  it('gives up when the page is done with us', async () => {
    heldFrames();
    const { doc } = parsingDocument();
    const controller = new AbortController();
    const waiting = untilFirstContent(doc, controller.signal);
    controller.abort();
    await expect(waiting).resolves.toBe(false);
  });
});
