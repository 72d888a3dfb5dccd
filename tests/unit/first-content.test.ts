import { afterEach, describe, expect, it, vi } from 'vitest';
import { nextFrameWhileParsing, untilFirstContent } from '../../page/start/first-content';

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
  promise.then((v) => {
    value = v;
  }, expect.unreachable);
  await new Promise((resolve) => setTimeout(resolve, 0));
  return value;
};

describe('untilFirstContent', () => {
  it('resolves at once for a parsed document, loaded or not', async () => {
    await expect(untilFirstContent(document, new AbortController().signal)).resolves.toBe(true);
  });

  it('resolves at the first frame the page renders with text in it, while it is still parsed', async () => {
    const renderFrame = heldFrames();
    const { doc } = parsingDocument();
    const waiting = untilFirstContent(doc, new AbortController().signal);
    expect(await settled(waiting)).toBeNull();
    // A frame of a bar and a background, a script and white space: the text is still to come.
    doc.body.innerHTML = '<header> \n </header><script>var ad = 1;</script><style>p { color: red }</style>';
    renderFrame();
    expect(await settled(waiting)).toBeNull();
    doc.body.insertAdjacentHTML('beforeend', '<p>Alibaba reported.</p>');
    renderFrame();
    expect(await settled(waiting)).toBe(true);
  });

  it('passes over text the frame would not paint', async () => {
    const renderFrame = heldFrames();
    const { doc } = parsingDocument();
    doc.body.innerHTML = '<nav style="display: none">Menu</nav><div style="visibility: hidden">Skip</div>';
    const waiting = untilFirstContent(doc, new AbortController().signal);
    renderFrame();
    expect(await settled(waiting)).toBeNull();
    doc.body.insertAdjacentHTML('beforeend', '<p>Tencent</p>');
    renderFrame();
    expect(await settled(waiting)).toBe(true);
  });

  it('once a frame showed text, resolves at once for the document, while it is still parsed', async () => {
    const renderFrame = heldFrames();
    const { doc } = parsingDocument();
    doc.body.textContent = 'Shenzhen';
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

describe('nextFrameWhileParsing', () => {
  it('resolves true at each frame while the page is parsed, and false once it is', async () => {
    const renderFrame = heldFrames();
    const { doc, finish } = parsingDocument();
    const signal = new AbortController().signal;
    const first = nextFrameWhileParsing(doc, signal);
    expect(await settled(first)).toBeNull();
    renderFrame();
    expect(await settled(first)).toBe(true);
    // Every frame, not only the first: the wait does not end at once as untilFirstContent's does.
    const second = nextFrameWhileParsing(doc, signal);
    expect(await settled(second)).toBeNull();
    finish();
    expect(await settled(second)).toBe(false);
    expect(await settled(nextFrameWhileParsing(doc, signal))).toBe(false);
  });

  it('resolves false when the page is done with us', async () => {
    heldFrames();
    const { doc } = parsingDocument();
    const controller = new AbortController();
    const waiting = nextFrameWhileParsing(doc, controller.signal);
    controller.abort();
    expect(await settled(waiting)).toBe(false);
  });
});
