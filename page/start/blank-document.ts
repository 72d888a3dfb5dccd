import { NOT_SPACE } from '../read/element-rules';

/** What a body may hold and still show nothing to read. */
const SILENT = new Set(['script', 'style', 'link', 'meta', 'noscript', 'template', 'base', 'title']);

/**
 * Whether a document has nothing to read yet: no body, or a body of white
 * space, scripts and styles. Reads only the body's own children, so asking
 * costs next to nothing however large the page is.
 */
export function isBlank(doc: Document): boolean {
  const body = doc.body;
  if (body === null) {
    const root = doc.documentElement;
    // An HTML page still being parsed has its body to come; documents that never have one (SVG, XML) are read whole.
    return root === null || (root.localName === 'html' && doc.readyState === 'loading');
  }
  for (let node = body.firstChild; node !== null; node = node.nextSibling) {
    if (node.nodeType === 3 && NOT_SPACE.test((node as Text).data)) return false;
    if (node.nodeType === 1 && !SILENT.has((node as Element).localName)) return false;
  }
  return true;
}

/**
 * Resolves true once the document has something to read, or false if
 * `signal` aborts first. Frames that stay blank (ad slots, tracking frames)
 * then never pay for compiling the names or scanning.
 */
export function untilReadable(doc: Document, signal: AbortSignal): Promise<boolean> {
  if (!isBlank(doc)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (isBlank(doc)) return;
      observer.disconnect();
      resolve(true);
    });
    observer.observe(doc, { childList: true, subtree: true, characterData: true });
    signal.addEventListener(
      'abort',
      () => {
        observer.disconnect();
        resolve(false);
      },
      { once: true },
    );
  });
}
