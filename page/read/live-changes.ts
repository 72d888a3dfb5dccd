import { logFailure } from '../../platform/log-failure';
import { parentOf } from './composed-tree';
import { type BlockContainer, blockContainerOf, isInline } from './element-rules';
import { sleep } from './time-slices';

/** What a batch of DOM mutations asks us to read again. */
export interface WorkPlan {
  /** Subtrees to read whole: added block elements, elements whose skip status may have changed. */
  deep: BlockContainer[];
  /** Containers whose own inline text changed. */
  shallow: BlockContainer[];
  /** Block elements were removed: drop what disconnected containers held. */
  sweep: boolean;
  /** The subtrees were surveyed and never walked: read only the blocks no pass has read. */
  fillIn?: boolean;
}

const isTextOrInline = (node: Node) => node.nodeType === 3 || isInline(node);

/** The least work that keeps highlights true, gathered change by change; `plan()` gives it. */
export class WorkPlanner {
  private readonly deep = new Set<BlockContainer>();
  private readonly shallow = new Set<BlockContainer>();
  private sweep = false;

  /** Text at `node` changed: its container's own text is read again. */
  textChanged(node: Node): void {
    const container = blockContainerOf(node);
    if (container !== null) this.shallow.add(container);
  }

  /** An element whose subtree is read whole. */
  readWhole(element: Element): void {
    this.deep.add(element);
  }

  /** `added` joined `parent`: inline content rescans the container's text, a block is read as a subtree. */
  added(added: Node, parent: Node): void {
    if (isTextOrInline(added)) this.textChanged(parent);
    else if (added.nodeType === 1) {
      this.deep.add(added as Element);
      // A block dropped between two runs of inline text splits the block they formed.
      const before = added.previousSibling;
      const after = added.nextSibling;
      if (before && after && isTextOrInline(before) && isTextOrInline(after)) this.textChanged(parent);
    }
  }

  /** `removed` left `parent`: inline content rescans the container's text, a removed block only needs a sweep. */
  removed(removed: Node, parent: Node): void {
    if (isTextOrInline(removed)) this.textChanged(parent);
    else this.sweep = true;
  }

  plan(): WorkPlan {
    // A subtree read whole covers everything inside it.
    const coveredByDeep = (node: Node, self: boolean) => {
      for (let n: Node | null = self ? node : parentOf(node); n !== null; n = parentOf(n)) {
        if (this.deep.has(n as BlockContainer)) return true;
      }
      return false;
    };
    const deep = [...this.deep].filter((root) => root.isConnected && !coveredByDeep(root, false));
    const shallow = [...this.shallow].filter((container) => container.isConnected && !coveredByDeep(container, true));
    return { deep, shallow, sweep: this.sweep };
  }
}

/**
 * Turns mutation records into the least work that keeps highlights true.
 * Text edits and inline changes rescan their container's own text; an added
 * block is read as a subtree; a removed block only needs a sweep.
 */
export function planWork(records: Iterable<MutationRecord>, ownHost: Element | null): WorkPlan {
  const planner = new WorkPlanner();
  for (const record of records) {
    const target = record.target;
    if (ownHost !== null && (target === ownHost || ownHost.contains(target))) continue;
    if (record.type === 'characterData') planner.textChanged(target);
    else if (record.type === 'attributes') planner.readWhole(target as Element);
    else {
      for (const added of record.addedNodes) if (added !== ownHost) planner.added(added, target);
      for (const removed of record.removedNodes) if (removed !== ownHost) planner.removed(removed, target);
    }
  }
  return planner.plan();
}

/** After a batch, stay idle at least nine times as long as it worked: our share stays under 10%. */
const BACKOFF_FACTOR = 9;
/** requestIdleCallback's deadline, so a busy page still sees new text highlighted promptly. */
const IDLE_TIMEOUT_MS = 100;

/**
 * The page's mutation records, handed on one batch at a time: each batch
 * waits for an idle moment, and for nine times as long as the batch before
 * it worked, so a page that keeps changing keeps most of its main thread.
 */
export class MutationBatches {
  private pending: MutationRecord[] = [];
  private draining = false;
  private lastWorkEnd = 0;
  private lastWorkedMs = 0;

  constructor(
    /** Reads a batch again; resolves once its work is done (or abandoned), with the main-thread ms it worked. */
    private readonly process: (records: MutationRecord[]) => Promise<number>,
    private readonly signal: AbortSignal,
  ) {}

  push(records: MutationRecord[]): void {
    if (this.signal.aborted) return;
    for (const record of records) this.pending.push(record);
    logFailure(this.drain(), 'read the page’s changes');
  }

  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      while (!this.signal.aborted && this.pending.length > 0) {
        const backoff = this.lastWorkEnd + BACKOFF_FACTOR * this.lastWorkedMs - performance.now();
        if (backoff > 0) await sleep(backoff);
        await idle();
        if (this.signal.aborted) break;
        const records = this.pending;
        this.pending = [];
        this.lastWorkedMs = await this.process(records);
        this.lastWorkEnd = performance.now();
      }
    } finally {
      this.draining = false;
      if (this.signal.aborted) this.pending = [];
    }
  }
}

function idle(): Promise<void> {
  if (typeof requestIdleCallback !== 'function') return sleep(16);
  return new Promise((resolve) => requestIdleCallback(() => resolve(), { timeout: IDLE_TIMEOUT_MS }));
}
