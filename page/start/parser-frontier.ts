import { isInline } from '../read/element-rules';
import { type WorkPlan, WorkPlanner } from '../read/live-changes';

/**
 * Where the parser had got to when the page was last read: the last node in
 * tree order, and how much text it held. The parser only appends, so what it
 * adds next comes after this node, or inside it.
 */
export interface ParserFrontier {
  readonly node: Node;
  readonly length: number;
}

/** The page's last node in tree order, our UI's host and all inside it left out. */
export function frontierOf(root: Node, ownHost: Element | null): ParserFrontier {
  let node = root;
  for (let child = node.lastChild; child !== null; child = node.lastChild) {
    const next = child === ownHost ? child.previousSibling : child;
    if (next === null) break;
    node = next;
  }
  return { node, length: node.nodeType === 3 ? (node as Text).length : 0 };
}

/**
 * Subtrees one look reads of what the parser appended, the first in document
 * order: each costs a look at what the page holds already, and a parser that
 * appended more in one go has run far below the first screen, which the full
 * read after parsing covers.
 */
const SUBTREES_PER_LOOK = 64;

/**
 * What the parser appended since `frontier` was taken, as work: the text of
 * the frontier's own block again (a name may run on past where it was cut),
 * and what follows it, up to `SUBTREES_PER_LOOK` subtrees. Null when nothing
 * was appended, or when a script moved the frontier out of the page (the
 * full read after parsing covers it).
 */
export function appendedSince(frontier: ParserFrontier, now: ParserFrontier): WorkPlan | null {
  const { node } = frontier;
  if (!node.isConnected) return null;
  if (now.node === node && now.length === frontier.length) return null;
  const planner = new WorkPlanner();
  if (node.nodeType === 3 || isInline(node)) planner.textChanged(node);
  else if (node.nodeType === 1 && node.firstChild !== null) planner.readWhole(node as Element);
  let subtrees = 0;
  for (let n: Node | null = node; n !== null && subtrees < SUBTREES_PER_LOOK; n = n.parentNode) {
    const parent = n.parentNode;
    if (parent === null) break;
    for (let after = n.nextSibling; after !== null && subtrees < SUBTREES_PER_LOOK; after = after.nextSibling) {
      planner.added(after, parent);
      if (after.nodeType === 1) subtrees++;
    }
  }
  return planner.plan();
}
