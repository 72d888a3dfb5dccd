import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { PageMention } from '../../page/highlight/mention-store';
import { caretAt, mentionAtPoint, rangeCovers } from '../../page/hover/mention-hit-test';

const rect = (left: number, top: number, width: number, height: number) => new DOMRect(left, top, width, height);

/** A range whose line boxes are `rects`, as layout would report them. */
function laidOut(range: Range, rects: DOMRect[]): Range {
  vi.spyOn(range, 'getClientRects').mockReturnValue(rects as unknown as DOMRectList);
  return range;
}

let text: Text;
let mention: PageMention;

beforeEach(() => {
  document.body.innerHTML = '<p>The Alibaba story</p>';
  text = document.querySelector('p')?.firstChild as Text;
  const range = document.createRange();
  range.setStart(text, 4);
  range.setEnd(text, 11);
  mention = {
    lensId: 'alibaba',
    kind: 'firm',
    range: laidOut(range, [rect(40, 10, 60, 18)]),
    nodes: [text],
    later: false,
    opens: false,
  };
});

/** A document whose hit-test puts the caret at `offset` in our text node. */
function caretDocument(offset: number, shadowHosts: Element[] = []) {
  const calls: unknown[] = [];
  const doc = {
    elementFromPoint: () => shadowHosts[0] ?? null,
    caretPositionFromPoint: (_x: number, _y: number, options?: unknown) => {
      calls.push(options);
      return { offsetNode: text, offset };
    },
  } as unknown as Document;
  return { doc, calls };
}

describe('rangeCovers', () => {
  it('is true only on one of the range’s line boxes', () => {
    const wrapped = laidOut(document.createRange(), [rect(300, 10, 40, 18), rect(0, 30, 30, 18)]);
    expect(rangeCovers(wrapped, 310, 20)).toBe(true);
    expect(rangeCovers(wrapped, 10, 40)).toBe(true);
    // Between the two line boxes: nearest to the text, but not on it.
    expect(rangeCovers(wrapped, 100, 20)).toBe(false);
  });
});

describe('mentionAtPoint', () => {
  const index = {
    mentionsAt: (node: Node, offset: number) => (node === text && offset >= 4 && offset <= 11 ? [mention] : []),
  };

  it('finds the mention whose text is under the pointer', () => {
    const { doc } = caretDocument(6);
    expect(mentionAtPoint(doc, index, 50, 15)).toBe(mention);
  });

  it('ignores a caret that is only nearest to the mention, off its boxes', () => {
    const { doc } = caretDocument(11);
    expect(mentionAtPoint(doc, index, 300, 200)).toBeNull();
  });

  it('finds nothing where the caret lands outside any mention', () => {
    const { doc } = caretDocument(1);
    expect(mentionAtPoint(doc, index, 10, 15)).toBeNull();
  });

  it('asks the index only about the caret’s own node, never scanning all mentions', () => {
    const mentionsAt = vi.fn(index.mentionsAt);
    const { doc } = caretDocument(6);
    mentionAtPoint(doc, { mentionsAt }, 50, 15);
    expect(mentionsAt).toHaveBeenCalledExactlyOnceWith(text, 6);
  });
});

describe('caretAt', () => {
  it('looks into the open shadow roots on the way to the point', () => {
    // A host whose open shadow root holds the element at the point (happy-dom has no hit-testing).
    const inner = { shadowRoot: null };
    const shadow = { elementFromPoint: () => inner };
    const host = { shadowRoot: shadow } as unknown as Element;
    const { doc, calls } = caretDocument(3, [host]);
    expect(caretAt(doc, 1, 1)).toEqual({ node: text, offset: 3 });
    expect(calls).toEqual([{ shadowRoots: [shadow] }]);
  });

  it('falls back to caretRangeFromPoint where the standard call is missing', () => {
    const range = document.createRange();
    range.setStart(text, 5);
    const doc = { caretRangeFromPoint: () => range } as unknown as Document;
    expect(caretAt(doc, 1, 1)).toEqual({ node: text, offset: 5 });
  });

  it('gives nothing where the browser has neither', () => {
    expect(caretAt({} as Document, 1, 1)).toBeNull();
  });
});

describe('mentionAtPoint at the edge of a text node', () => {
  it('finds a mention that starts a text node when the caret is given as the end of the node before', () => {
    document.body.innerHTML = '<p>then met <em>Xiaomi</em> here</p>';
    const before = document.querySelector('p')?.firstChild as Text;
    const inside = document.querySelector('em')?.firstChild as Text;
    const range = document.createRange();
    range.setStart(inside, 0);
    range.setEnd(inside, 6);
    const xiaomi: PageMention = {
      lensId: 'xiaomi',
      kind: 'firm',
      range: laidOut(range, [rect(70, 10, 50, 18)]),
      nodes: [inside],
      later: false,
      opens: false,
    };
    const index = { mentionsAt: (node: Node) => (node === inside ? [xiaomi] : []) };
    const doc = {
      elementFromPoint: () => null,
      caretPositionFromPoint: () => ({ offsetNode: before, offset: before.length }),
    } as unknown as Document;
    expect(mentionAtPoint(doc, index, 72, 15)).toBe(xiaomi);
    const viaElement = {
      elementFromPoint: () => null,
      caretPositionFromPoint: () => ({ offsetNode: document.querySelector('em'), offset: 0 }),
    } as unknown as Document;
    expect(mentionAtPoint(viaElement, index, 72, 15)).toBe(xiaomi);
  });
});
