import { type BlockContainer, blockContainerOf, isInline } from './text-blocks';

/** What a batch of DOM mutations asks us to read again. */
export interface WorkPlan {
  /** Subtrees to read whole: added block elements, elements whose skip status may have changed. */
  deep: BlockContainer[];
  /** Containers whose own inline text changed. */
  shallow: BlockContainer[];
  /** Block elements were removed: drop what disconnected containers held. */
  sweep: boolean;
}

const isTextOrInline = (node: Node) => node.nodeType === 3 || isInline(node);

/**
 * Turns mutation records into the least work that keeps highlights true.
 * Text edits and inline changes rescan their container's own text; an added
 * block is read as a subtree; a removed block only needs a sweep.
 */
export function planWork(records: Iterable<MutationRecord>, ownHost: Element | null): WorkPlan {
  const deep = new Set<BlockContainer>();
  const shallow = new Set<BlockContainer>();
  let sweep = false;
  const rescanAround = (node: Node) => {
    const container = blockContainerOf(node);
    if (container !== null) shallow.add(container);
  };

  for (const record of records) {
    const target = record.target;
    if (ownHost !== null && (target === ownHost || ownHost.contains(target))) continue;
    if (record.type === 'characterData') {
      rescanAround(target);
    } else if (record.type === 'attributes') {
      deep.add(target as Element);
    } else {
      for (const added of record.addedNodes) {
        if (added === ownHost) continue;
        if (isTextOrInline(added)) rescanAround(target);
        else if (added.nodeType === 1) {
          deep.add(added as Element);
          // A block dropped between two runs of inline text splits the block they formed.
          const before = added.previousSibling;
          const after = added.nextSibling;
          if (before && after && isTextOrInline(before) && isTextOrInline(after)) rescanAround(target);
        }
      }
      for (const removed of record.removedNodes) {
        if (removed === ownHost) continue;
        if (isTextOrInline(removed)) rescanAround(target);
        else sweep = true;
      }
    }
  }

  // A subtree read whole covers everything inside it.
  const coveredByDeep = (node: Node, self: boolean) => {
    for (let n: Node | null = self ? node : parentOf(node); n !== null; n = parentOf(n)) {
      if (deep.has(n as BlockContainer)) return true;
    }
    return false;
  };
  const deepRoots = [...deep].filter((root) => root.isConnected && !coveredByDeep(root, false));
  const shallowOnly = [...shallow].filter((container) => container.isConnected && !coveredByDeep(container, true));
  return { deep: deepRoots, shallow: shallowOnly, sweep };
}

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
