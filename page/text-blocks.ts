/**
 * Turns a page's DOM into blocks of readable text. The inline text of one
 * block is one string, so "Jack <a>Ma</a>" reads as "Jack Ma"; block elements
 * and <br> end a block, so a name never runs across them.
 */

export interface TextBlock {
  text: string;
  nodes: Text[];
  /** Offset in `text` where each node's data begins. */
  starts: number[];
}

/** Subtrees that readers don't read as prose, or where a highlight would get in the way. */
const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'option',
  'code',
  'pre',
  'kbd',
  'samp',
  'head',
  'title',
  'iframe',
  'object',
  'video',
  'audio',
  'canvas',
]);

/** Elements that flow inside a line of text; every other element starts a new block. */
const INLINE = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'big',
  'cite',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'ins',
  'label',
  'mark',
  'nobr',
  'q',
  'rp',
  'rt',
  'ruby',
  's',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'var',
  'wbr',
  'img',
]);

export function isSkipped(el: Element, ownHost: Element | null): boolean {
  if (SKIPPED.has(el.localName) || el === ownHost) return true;
  if (el.attributes.length === 0) return false;
  if (el.hasAttribute('hidden')) return true;
  const editable = el.getAttribute('contenteditable');
  return editable !== null && editable.toLowerCase() !== 'false';
}

/**
 * Yields the blocks under `root` in document order. A generator, so a caller
 * can stop between blocks and resume after yielding to the page.
 */
export function* textBlocks(root: Node, ownHost: Element | null = null): Generator<TextBlock> {
  let nodes: Text[] = [];
  let starts: number[] = [];
  let text = '';
  const flush = (): TextBlock | null => {
    if (nodes.length === 0) return null;
    const block = { text, nodes, starts };
    nodes = [];
    starts = [];
    text = '';
    return block;
  };

  let node: Node | null = root.firstChild;
  while (node !== null) {
    let descend = false;
    if (node.nodeType === 3) {
      const data = (node as Text).data;
      if (data.length > 0) {
        nodes.push(node as Text);
        starts.push(text.length);
        text += data;
      }
    } else if (node.nodeType === 1) {
      const el = node as Element;
      if (!INLINE.has(el.localName)) {
        const block = flush();
        if (block) yield block;
      }
      descend = !isSkipped(el, ownHost) && el.firstChild !== null;
    }

    if (descend) {
      node = node.firstChild;
      continue;
    }
    // Climb until a next sibling exists; leaving a block element ends its block.
    while (node !== null && node !== root && node.nextSibling === null) {
      node = node.parentNode;
      if (node !== null && node !== root && node.nodeType === 1 && !INLINE.has((node as Element).localName)) {
        const block = flush();
        if (block) yield block;
      }
    }
    if (node === null || node === root) break;
    if (node.nodeType === 1 && !INLINE.has((node as Element).localName)) {
      const block = flush();
      if (block) yield block;
    }
    node = node.nextSibling;
  }
  const last = flush();
  if (last) yield last;
}

/** The text node and offset of a position in a block's text. */
export function locate(block: TextBlock, offset: number, preferEnd: boolean): [Text, number] {
  const { starts, nodes } = block;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const s = starts[mid] as number;
    // An end offset on a node boundary belongs to the node before it.
    if (s < offset || (!preferEnd && s === offset)) lo = mid;
    else hi = mid - 1;
  }
  return [nodes[lo] as Text, offset - (starts[lo] as number)];
}
