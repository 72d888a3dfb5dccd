import { afterEach, describe, expect, it } from 'vitest';
import { isBlank, untilReadable } from '../../page/start/blank-document';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('isBlank', () => {
  it('is blank with nothing but white space, scripts and styles in the body', () => {
    document.body.innerHTML = '\n  <script>var x = 1;</script><style>p{}</style><noscript>no</noscript>\n';
    expect(isBlank(document)).toBe(true);
  });

  it('is not blank once the body holds text or any element that may show something', () => {
    document.body.innerHTML = 'Alibaba';
    expect(isBlank(document)).toBe(false);
    document.body.innerHTML = '<my-app></my-app>';
    expect(isBlank(document)).toBe(false);
    document.body.innerHTML = '<div></div>';
    expect(isBlank(document)).toBe(false);
  });
});

describe('untilReadable', () => {
  it('resolves at once for a document with something to read', async () => {
    document.body.innerHTML = '<p>Tencent</p>';
    await expect(untilReadable(document, new AbortController().signal)).resolves.toBe(true);
  });

  it('waits for a blank frame to receive content', async () => {
    const readable = untilReadable(document, new AbortController().signal);
    let settled = false;
    readable.then(() => {
      settled = true;
    }, expect.unreachable);
    document.body.append(document.createElement('script'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(settled).toBe(false);
    document.body.append(document.createTextNode('Jack Ma spoke'));
    await expect(readable).resolves.toBe(true);
  });

  it('gives up when the page is done with us', async () => {
    const controller = new AbortController();
    const readable = untilReadable(document, controller.signal);
    controller.abort();
    await expect(readable).resolves.toBe(false);
  });
});

describe('a document still being parsed', () => {
  /** A document whose parser has reached `<head>`: no body yet. */
  function parsingDocument(): Document {
    const doc = document.implementation.createHTMLDocument('');
    doc.body.remove();
    Object.defineProperty(doc, 'readyState', { value: 'loading', configurable: true });
    return doc;
  }

  it('is blank until its body comes, as an HTML page', () => {
    const doc = parsingDocument();
    expect(isBlank(doc)).toBe(true);
    doc.documentElement.append(Object.assign(doc.createElement('body'), { textContent: 'Jack Ma' }));
    expect(isBlank(doc)).toBe(false);
  });

  it('is read whole once parsed without a body, like an SVG or XML document', () => {
    const doc = parsingDocument();
    Object.defineProperty(doc, 'readyState', { value: 'interactive' });
    expect(isBlank(doc)).toBe(false);
  });
});
