/**
 * Turns a page's DOM into blocks of readable text. The inline text of one
 * block is one string, so "Jack <a>Ma</a>" reads as "Jack Ma"; block elements
 * and <br> end a block, so a name never runs across them.
 */
import {
  type BlockContainer,
  blockContainerOf,
  INLINE,
  isInline,
  isSkippedNamed,
  mayHostShadow,
  NOT_SPACE,
} from './element-rules';

export interface TextBlock {
  text: string;
  nodes: Text[];
  /** Offset in `text` where each node's data begins. */
  starts: number[];
  /**
   * Offsets in `text` where an element's edge lies between two nodes
   * ("vs</span><img><span>Xiaomi"), in order: where the layout may set two
   * words apart with no space between them in the text.
   */
  elementEdges: number[];
  /** The nearest ancestor that is not inline: the unit a live update rescans. */
  container: BlockContainer;
}

export interface WalkOptions {
  /** Our own UI host, never read. */
  ownHost?: Element | null;
  /** Called for each open shadow root met on the way; the walk reads it after its roots. */
  onShadowRoot?: (root: ShadowRoot) => void;
  /** Nodes the walk may still visit; it stops where this runs out. */
  budget?: WalkBudget;
}

/** A limit on the nodes walks visit, shared by the walks of one pass. */
export interface WalkBudget {
  nodesLeft: number;
}

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
    pendingRoots.push(shadow);
  };
  // A root that is itself a host (a custom element just added) has its shadow read too.
  for (const root of roots) {
    const shadow = root.nodeType === 1 && mayHostShadow((root as Element).localName) && (root as Element).shadowRoot;
    if (shadow) found(shadow);
  }
  const { budget } = options;
  for (let r = 0; r < pendingRoots.length; r++) {
    if (budget !== undefined && budget.nodesLeft <= 0) return;
    const walk = new BlockWalk(pendingRoots[r] as BlockContainer, options, found, false);
    while (!walk.done) yield walk.step();
  }
}

/**
 * A container's own inline text as steps, not the block elements inside it,
 * which are containers of their own. Every block it yields reports
 * `container` as its container, even one that follows a nested block: a live
 * update that rescans a container replaces exactly what it held.
 */
export function* ownBlockSteps(
  container: BlockContainer,
  options: Omit<WalkOptions, 'onShadowRoot'> = {},
): Generator<TextBlock | null> {
  if (options.budget !== undefined && options.budget.nodesLeft <= 0) return;
  const walk = new BlockWalk(container, options, () => undefined, true);
  while (!walk.done) yield walk.step();
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
  private elementEdges: number[] = [];
  /** Whether the walk has entered or left an element since the block's last text node. */
  private crossedElement = false;
  private text = '';
  /**
   * Whether the block so far has more than white space. Blocks of white
   * space alone (the indentation between block elements, a third of a page's
   * text nodes) are never yielded, and their arrays are reused.
   */
  private readable = false;
  /** The nearest non-inline element above the walk: each block's container, without climbing for it. */
  private container: BlockContainer;
  /**
   * One frame per element the walk is inside: the container outside it. An
   * element left is a block exactly when it is the current container, since
   * only a block becomes one.
   */
  private readonly outer: BlockContainer[] = [];
  private readonly ownHost: Element | null | undefined;
  private readonly budget: WalkBudget | undefined;

  constructor(
    private readonly root: BlockContainer,
    options: WalkOptions,
    private readonly foundShadow: (root: ShadowRoot) => void,
    /** Reads only the root's own inline text, and reports the root as every block's container. */
    private readonly ownTextOnly: boolean,
  ) {
    this.ownHost = options.ownHost;
    this.budget = options.budget;
    this.container = root.nodeType === 1 && isInline(root) ? (blockContainerOf(root) ?? root) : root;
    this.node = root.firstChild;
  }

  /** Walks until a block ends or NODES_PER_STEP nodes have passed; the block, or null. */
  step(): TextBlock | null {
    const { root, ownHost, ownTextOnly, outer } = this;
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
          if (this.crossedElement && this.nodes.length > 0) this.elementEdges.push(this.text.length);
          this.crossedElement = false;
          this.nodes.push(node as Text);
          this.starts.push(this.text.length);
          this.text += data;
        }
      } else if (type === 1) {
        const el = node as Element;
        const name = el.localName;
        const inline = INLINE.has(name);
        this.crossedElement = true;
        if (!inline) block = this.flush();
        if (!isSkippedNamed(el, name, ownHost) && (inline || !ownTextOnly)) {
          if (mayHostShadow(name)) {
            const shadow = el.shadowRoot;
            if (shadow !== null) this.foundShadow(shadow);
          }
          const child = el.firstChild;
          if (child !== null) {
            outer.push(this.container);
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
        if (parent === null || parent === root || outer.length === 0) break;
        node = parent;
        this.crossedElement = true;
        // The block ends inside the element being left, so it is still the container.
        if (parent === this.container) block ??= this.flush();
        this.container = outer.pop() as BlockContainer;
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
      this.elementEdges.length = 0;
      this.text = '';
      return null;
    }
    const block = {
      text: this.text,
      nodes: this.nodes,
      starts: this.starts,
      elementEdges: this.elementEdges,
      container: this.ownTextOnly ? this.root : this.container,
    };
    this.nodes = [];
    this.starts = [];
    this.elementEdges = [];
    this.text = '';
    this.readable = false;
    return block;
  }
}
