import type { PageMention } from '../highlight/mention-store';

/** Where mentions can be looked up by a caret position: the store's per-node index. */
export interface MentionIndex {
  mentionsAt(node: Node, offset: number): PageMention[];
}

interface CaretPoint {
  node: Node;
  offset: number;
}

type CaretPositionDocument = Document & {
  caretPositionFromPoint?: (
    x: number,
    y: number,
    options?: { shadowRoots?: ShadowRoot[] },
  ) => { offsetNode: Node; offset: number } | null;
};

/** Open shadow roots nested deeper than this are not looked into; real pages nest a few. */
const MAX_SHADOW_DEPTH = 32;

/**
 * The text position under a point, as the browser's own hit-test finds it.
 * caretPositionFromPoint (standard: Firefox, Chrome 128+) looks into the open
 * shadow roots it is given, so those on the way to the point are collected
 * first; caretRangeFromPoint is the older WebKit form and stops at hosts.
 */
export function caretAt(doc: Document, x: number, y: number): CaretPoint | null {
  const standard = (doc as CaretPositionDocument).caretPositionFromPoint;
  if (typeof standard === 'function') {
    const shadowRoots = shadowRootsAt(doc, x, y);
    const found = standard.call(doc, x, y, shadowRoots.length > 0 ? { shadowRoots } : undefined);
    return found === null ? null : { node: found.offsetNode, offset: found.offset };
  }
  if (typeof doc.caretRangeFromPoint === 'function') {
    const range = doc.caretRangeFromPoint(x, y);
    return range === null ? null : { node: range.startContainer, offset: range.startOffset };
  }
  return null;
}

/** The open shadow roots between the document and the element at a point, outermost first. */
function shadowRootsAt(doc: Document, x: number, y: number): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  let element = doc.elementFromPoint(x, y);
  while (element?.shadowRoot && roots.length < MAX_SHADOW_DEPTH) {
    const root = element.shadowRoot;
    roots.push(root);
    const inner = root.elementFromPoint(x, y);
    if (inner === element) break;
    element = inner;
  }
  return roots;
}

/** Whether a point lies on one of a range's line boxes: the caret alone only says which text is nearest. */
export function rangeCovers(range: Range, x: number, y: number): boolean {
  for (const rect of range.getClientRects()) {
    if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return true;
  }
  return false;
}

/**
 * The mention under a point, or null. Cost does not grow with the page's
 * mentions: one browser hit-test, one lookup in the caret node's own list,
 * and a rectangle check on the one or two mentions found there.
 */
export function mentionAtPoint(doc: Document, index: MentionIndex, x: number, y: number): PageMention | null {
  const caret = caretAt(doc, x, y);
  if (caret === null) return null;
  for (const { node, offset } of sameSpot(caret)) {
    for (const mention of index.mentionsAt(node, offset)) {
      if (rangeCovers(mention.range, x, y)) return mention;
    }
  }
  return null;
}

/**
 * The caret and the other ways of writing the same place. Over the first
 * half of a mention's first letter the caret says "before it", which the
 * browser may give as the end of the text node before, or as a position in
 * their parent element; the mention's own node, at offset 0, is the same spot.
 */
function sameSpot(caret: CaretPoint): CaretPoint[] {
  const { node, offset } = caret;
  if (node.nodeType !== 3) {
    const before = node.childNodes[offset - 1];
    const after = node.childNodes[offset];
    const spots: CaretPoint[] = [];
    if (after?.nodeType === 3) spots.push({ node: after, offset: 0 });
    if (before?.nodeType === 3) spots.push({ node: before, offset: (before as Text).length });
    return spots;
  }
  const spots = [caret];
  const length = (node as Text).length;
  if (offset !== 0 && offset !== length) return spots;
  const walker = (node.ownerDocument ?? document).createTreeWalker(node.getRootNode(), NodeFilter.SHOW_TEXT);
  walker.currentNode = node;
  const neighbour = offset === 0 ? walker.previousNode() : walker.nextNode();
  if (neighbour !== null) spots.push({ node: neighbour, offset: offset === 0 ? (neighbour as Text).length : 0 });
  return spots;
}

/** The mention a new reading of the page found where `mention` was: the same entity over the same text. */
export function sameMentionAgain(index: MentionIndex, mention: PageMention): PageMention | null {
  const { range } = mention;
  const same = (other: PageMention) =>
    other.lensId === mention.lensId &&
    other.range.compareBoundaryPoints(Range.START_TO_START, range) === 0 &&
    other.range.compareBoundaryPoints(Range.END_TO_END, range) === 0;
  return index.mentionsAt(range.startContainer, range.startOffset).find(same) ?? null;
}
