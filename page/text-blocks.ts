/**
 * Turns a page's DOM into blocks of readable text. The inline text of one
 * block is one string, so "Jack <a>Ma</a>" reads as "Jack Ma"; block elements
 * and <br> end a block, so a name never runs across them.
 */

/** An element, or a shadow root, whose direct inline content forms blocks. */
export type BlockContainer = Element | ShadowRoot;

export interface TextBlock {
  text: string;
  nodes: Text[];
  /** Offset in `text` where each node's data begins. */
  starts: number[];
  /** The nearest ancestor that is not inline: the unit a live update rescans. */
  container: BlockContainer;
}

export interface WalkOptions {
  /** Our own UI host, never read. */
  ownHost?: Element | null;
  /**
   * Read only the container's own inline content, not the block elements
   * inside it: they are containers of their own.
   */
  shallow?: boolean;
  /** Called for each open shadow root met on the way; deep walks also read it. */
  onShadowRoot?: (root: ShadowRoot) => void;
  /** Nodes the walk may still visit; it stops where this runs out. */
  budget?: WalkBudget;
}

/** A limit on the nodes walks visit, shared by the walks of one pass. */
export interface WalkBudget {
  nodesLeft: number;
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
export const INLINE: ReadonlySet<string> = new Set([
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
  'tspan',
  'textPath',
]);

/**
 * The built-in elements that attachShadow accepts; it refuses every other
 * one, so only these and custom elements (a hyphen in the name) need asking.
 */
export const SHADOW_HOSTS: ReadonlySet<string> = new Set([
  'article',
  'aside',
  'blockquote',
  'body',
  'div',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'main',
  'nav',
  'p',
  'section',
  'span',
]);

export const mayHostShadow = (name: string) => SHADOW_HOSTS.has(name) || name.includes('-');

export const isInline = (node: Node): boolean => node.nodeType === 1 && INLINE.has((node as Element).localName);

export function isSkipped(el: Element, ownHost: Element | null | undefined): boolean {
  return isSkippedNamed(el, el.localName, ownHost);
}

/** `isSkipped` for a walk that has already read the element's name. */
function isSkippedNamed(el: Element, name: string, ownHost: Element | null | undefined): boolean {
  if (SKIPPED.has(name) || el === ownHost) return true;
  if (!el.hasAttributes()) return false;
  if (el.hasAttribute('hidden')) return true;
  const editable = el.getAttribute('contenteditable');
  return editable !== null && editable.toLowerCase() !== 'false';
}

/** Whether the node sits in a subtree the scanner never reads (itself included). */
export function isInsideSkipped(node: Node, ownHost: Element | null | undefined): boolean {
  for (let n: Node | null = node; n !== null; n = n.parentNode) {
    if (n.nodeType === 1 && isSkipped(n as Element, ownHost)) return true;
  }
  return false;
}

/** The container whose blocks include `node`: its nearest ancestor that is not inline. */
export function blockContainerOf(node: Node): BlockContainer | null {
  let n: Node | null = node.nodeType === 1 && !isInline(node) ? node : node.parentNode;
  while (n !== null && n.nodeType === 1 && isInline(n)) n = n.parentNode;
  if (n === null) return null;
  if (n.nodeType === 1) return n as Element;
  return n.nodeType === 11 && (n as ShadowRoot).host !== undefined ? (n as ShadowRoot) : null;
}

/** A char that is not white space. */
export const NOT_SPACE = /\S/;

/** Nodes visited between two chances for a caller to pause, when no block ends sooner. */
const NODES_PER_STEP = 128;

/** Yields the blocks under `root` in document order, then those of the open shadow roots found under it. */
export function* textBlocks(root: BlockContainer, options: WalkOptions = {}): Generator<TextBlock> {
  for (const step of blockSteps([root], options)) if (step !== null) yield step;
}

/**
 * The walk behind `textBlocks` as steps: a block, or null after every few
 * hundred nodes that ended none, so a time-sliced caller can pause even in a
 * long stretch of markup without text. Reads `roots` in turn, then the open
 * shadow roots found in them.
 */
export function* blockSteps(roots: readonly BlockContainer[], options: WalkOptions = {}): Generator<TextBlock | null> {
  const pendingRoots = [...roots];
  const found = (shadow: ShadowRoot) => {
    options.onShadowRoot?.(shadow);
    if (!options.shallow) pendingRoots.push(shadow);
  };
  // A root that is itself a host (a custom element just added) has its shadow read too.
  if (!options.shallow) {
    for (const root of roots) {
      const shadow = root.nodeType === 1 && mayHostShadow((root as Element).localName) && (root as Element).shadowRoot;
      if (shadow) found(shadow);
    }
  }
  const { budget } = options;
  for (let r = 0; r < pendingRoots.length; r++) {
    if (budget !== undefined && budget.nodesLeft <= 0) return;
    const walk = new BlockWalk(pendingRoots[r] as BlockContainer, options, found);
    while (!walk.done) yield walk.step();
  }
}

/**
 * One root's walk, resumable between steps. A plain method rather than a
 * generator: the hot loop is optimised like any function, and its state
 * lives in fields.
 */
class BlockWalk {
  done = false;
  private node: Node | null;
  private nodes: Text[] = [];
  private starts: number[] = [];
  private text = '';
  /**
   * Whether the block so far has more than white space. Blocks of white
   * space alone (the indentation between block elements, a third of a page's
   * text nodes) are never yielded, and their arrays are reused.
   */
  private readable = false;
  /** The nearest non-inline element above the walk: each block's container, without climbing for it. */
  private container: BlockContainer;
  private readonly containers: BlockContainer[] = [];
  private readonly inlines: boolean[] = [];
  private readonly ownHost: Element | null | undefined;
  private readonly shallow: boolean;
  private readonly budget: WalkBudget | undefined;

  constructor(
    private readonly root: BlockContainer,
    options: WalkOptions,
    private readonly foundShadow: (root: ShadowRoot) => void,
  ) {
    this.ownHost = options.ownHost;
    this.shallow = options.shallow ?? false;
    this.budget = options.budget;
    this.container = root.nodeType === 1 && isInline(root) ? (blockContainerOf(root) ?? root) : root;
    this.node = root.firstChild;
  }

  /** Walks until a block ends or NODES_PER_STEP nodes have passed; the block, or null. */
  step(): TextBlock | null {
    const { root, ownHost, shallow, containers, inlines } = this;
    let node = this.node;
    let block: TextBlock | null = null;
    let visited = 0;
    // Each node's properties are read once: DOM reads are most of a walk's cost.
    for (; node !== null && block === null && visited < NODES_PER_STEP; visited++) {
      const type = node.nodeType;
      if (type === 3) {
        const data = (node as Text).data;
        if (data.length > 0) {
          if (!this.readable) this.readable = NOT_SPACE.test(data);
          this.nodes.push(node as Text);
          this.starts.push(this.text.length);
          this.text += data;
        }
      } else if (type === 1) {
        const el = node as Element;
        const name = el.localName;
        const inline = INLINE.has(name);
        if (!inline) block = this.flush();
        if (!isSkippedNamed(el, name, ownHost) && (inline || !shallow)) {
          if (mayHostShadow(name)) {
            const shadow = el.shadowRoot;
            if (shadow !== null) this.foundShadow(shadow);
          }
          const child = el.firstChild;
          if (child !== null) {
            inlines.push(inline);
            containers.push(this.container);
            if (!inline) this.container = el;
            node = child;
            continue;
          }
        }
      }
      // Climb until a next sibling exists; leaving a block element ends its block.
      let next: Node | null = node.nextSibling;
      while (next === null) {
        const parent: Node | null = node.parentNode;
        if (parent === null || parent === root || inlines.length === 0) break;
        node = parent;
        // The block ends inside the element being left, so it is still the container.
        if (!(inlines.pop() as boolean)) block ??= this.flush();
        this.container = containers.pop() as BlockContainer;
        next = node.nextSibling;
      }
      node = next;
    }
    const { budget } = this;
    if (budget !== undefined) {
      budget.nodesLeft -= visited;
      // Out of budget, the walk ends here, as if the rest were not there.
      if (budget.nodesLeft <= 0) node = null;
    }
    this.node = node;
    if (node === null) {
      this.done = true;
      block ??= this.flush();
    }
    return block;
  }

  private flush(): TextBlock | null {
    if (this.nodes.length === 0) return null;
    if (!this.readable) {
      this.nodes.length = 0;
      this.starts.length = 0;
      this.text = '';
      return null;
    }
    const block = {
      text: this.text,
      nodes: this.nodes,
      starts: this.starts,
      container: this.shallow ? this.root : this.container,
    };
    this.nodes = [];
    this.starts = [];
    this.text = '';
    this.readable = false;
    return block;
  }
}

/** The text node, offset and node index of a position in a block's text. */
export function locate(block: TextBlock, offset: number, preferEnd: boolean): [Text, number, number] {
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
  return [nodes[lo] as Text, offset - (starts[lo] as number), lo];
}
