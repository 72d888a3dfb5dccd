import { describe, expect, it } from 'vitest';
import { untilParsed } from '../../page/document-parsed';

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

describe('untilParsed', () => {
  it('resolves at once for a parsed document, loaded or not', async () => {
    await expect(untilParsed(document, new AbortController().signal)).resolves.toBe(true);
  });

  it('waits for the parser, not for the load event', async () => {
    const { doc, finish } = parsingDocument();
    let parsed: boolean | null = null;
    const waiting = untilParsed(doc, new AbortController().signal).then((value) => (parsed = value));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(parsed).toBeNull();
    finish();
    await waiting;
    expect(parsed).toBe(true);
  });

  it('gives up when the page is done with us', async () => {
    const { doc } = parsingDocument();
    const controller = new AbortController();
    const waiting = untilParsed(doc, controller.signal);
    controller.abort();
    await expect(waiting).resolves.toBe(false);
  });
});
