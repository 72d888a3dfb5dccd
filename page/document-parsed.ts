/**
 * Resolves once the parser has built the whole document (DOMContentLoaded),
 * without waiting for images, frames or the load event, which one slow
 * resource can hold for seconds. False if `signal` aborts first.
 */
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
