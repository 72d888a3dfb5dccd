/**
 * The page as a reader sees it: light DOM and open shadow trees as one tree,
 * where a shadow root hangs under its host. The DOM's own parent links and
 * document order stop at a shadow root's edge; these cross it.
 */

/** The parent in the composed tree: a shadow root's parent is its host. */
export function parentOf(node: Node): Node | null {
  if (node.parentNode !== null) return node.parentNode;
  return node.nodeType === 11 ? ((node as ShadowRoot).host ?? null) : null;
}

/** Whether `node` is `root` or inside it, looking through shadow roots. */
export function containsComposed(root: Node, node: Node): boolean {
  for (let n: Node | null = node; n !== null; n = parentOf(n)) if (n === root) return true;
  return false;
}

/** The node and the shadow hosts around it, outermost host first. */
function hostChain(node: Node): Node[] {
  const chain = [node];
  for (let root = node.getRootNode(); root instanceof ShadowRoot; root = root.host.getRootNode()) {
    chain.unshift(root.host);
  }
  return chain;
}

/**
 * Reading order across shadow trees, as a sort comparator: a shadow tree's
 * text sits where its host does, and a node comes after the hosts it is inside.
 */
export function compareComposed(a: Node, b: Node): number {
  if (a === b) return 0;
  const sameTree = a.getRootNode() === b.getRootNode();
  const chainA = sameTree ? [a] : hostChain(a);
  const chainB = sameTree ? [b] : hostChain(b);
  const depth = Math.min(chainA.length, chainB.length);
  for (let i = 0; i < depth; i++) {
    const x = chainA[i] as Node;
    const y = chainB[i] as Node;
    if (x === y) continue;
    return x.compareDocumentPosition(y) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
  }
  return chainA.length - chainB.length;
}
