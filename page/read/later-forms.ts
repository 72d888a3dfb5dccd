/**
 * Later forms ("Ma", "JD") count only after a full name of their entity
 * earlier on the page. When a pass gains or loses full names, text it did not
 * read may now be judged differently; this decides what to read again.
 */
import { containsComposed } from './composed-tree';
import type { BlockContainer } from './element-rules';
import type { WorkPlan } from './live-changes';

/** What re-judging needs to know of the mentions on the page. */
export interface LaterFormVerdicts {
  /** Containers that turned later forms of `entities` away, or admitted some. */
  containersToRecheck(entities: ReadonlySet<string>): BlockContainer[];
  /** Whether a full name of one of `entities` occurs before `node` or inside it. */
  fullNameUpTo(node: Node, entities: ReadonlySet<string>): boolean;
}

/** The entities whose full names a pass found, and those whose full names it dropped. */
export interface FullNameChanges {
  gained: ReadonlySet<string>;
  lost: ReadonlySet<string>;
}

/**
 * What to read again after a pass over `plan` made `changes`: the containers
 * whose verdict on later forms may change, and the subtrees left unread (a
 * survey found no full name in them) that a gained full name now precedes.
 * Null when nothing needs it.
 */
export function laterFormsToRejudge(
  changes: FullNameChanges,
  plan: WorkPlan,
  verdicts: LaterFormVerdicts,
  unread: readonly Element[],
  withLaterForms: ReadonlySet<string>,
): WorkPlan | null {
  const entities = new Set([...changes.gained, ...changes.lost].filter((id) => withLaterForms.has(id)));
  if (entities.size === 0) return null;
  // One subtree is read in document order, so what it read is already right. Across several,
  // a name read later may stand before text read earlier: everything affected is read again.
  const inOrder = plan.deep.length + plan.shallow.length <= 1;
  const visited = (c: BlockContainer) =>
    plan.shallow.includes(c) || plan.deep.some((root) => containsComposed(root, c));
  const shallow = verdicts.containersToRecheck(entities).filter((c) => !(inOrder && visited(c)));
  const deep = unread.filter((root) => verdicts.fullNameUpTo(root, changes.gained));
  return shallow.length > 0 || deep.length > 0 ? { deep, shallow, sweep: false } : null;
}
