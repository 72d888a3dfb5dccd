import type { Matcher, Mention } from '../engine/matcher';
import type { MentionCounts } from '../engine/messages';
import { HighlightRenderer } from './highlight-renderer';
import { adoptHighlightStyles } from './highlight-styles';
import { containsComposed, planWork, type WorkPlan } from './live-changes';
import { MentionStore, type PageMention, placeMention } from './mention-store';
import { type BlockContainer, blockSteps, isInsideSkipped, type TextBlock, type WalkBudget } from './text-blocks';
import { surveyLightDom } from './text-survey';
import { measureWork, runInSlices, type SliceStats, yieldToPage } from './time-slices';

/** Names of our performance entries; tests and outside checks read them. */
export const MEASURE_SCAN = 'context-lens:scan';
export const MEASURE_UPDATE = 'context-lens:update';
export const MEASURE_BOOT = 'context-lens:boot';

/** After a batch, stay idle at least nine times as long as it worked: our share stays under 10%. */
const BACKOFF_FACTOR = 9;
/**
 * Nodes one pass may walk. A page larger than this (a quarter of a million
 * nodes, several times the HTML standard's excerpt) is read up to it and the
 * rest left unread, so our work on it stays bounded; the panel says so.
 */
export const SCAN_BUDGET_NODES = 250_000;
/** Mentions placed between two chances to pause: a paragraph can name hundreds. */
const PLACEMENTS_PER_STEP = 100;
/** requestIdleCallback's deadline, so a busy page still sees new text highlighted promptly. */
const IDLE_TIMEOUT_MS = 100;

const OBSERVED: MutationObserverInit = {
  childList: true,
  subtree: true,
  characterData: true,
  attributes: true,
  attributeFilter: ['hidden', 'contenteditable'],
};

export interface HighlighterOptions {
  matcher: Matcher;
  /** Our UI's host element, which is never read and whose changes never trigger work. */
  ownHost: () => Element | null;
  onCountsChanged: (counts: MentionCounts) => void;
  /** After every scan, update and stop: mentions may have come or gone. */
  onMentionsChanged?: () => void;
}

interface Session {
  cancelled: boolean;
  store: MentionStore;
  renderer: HighlightRenderer;
  observer: MutationObserver;
  shadowRoots: WeakSet<ShadowRoot>;
  /**
   * Subtrees whose light DOM a survey found without full names, so it was
   * never read: a full name gained before one of them may admit later forms in it.
   */
  unread: Element[];
  pending: MutationRecord[];
  draining: boolean;
  /** Whether a pass ran out of budget, leaving text unread. */
  partial: boolean;
  lastBatchEnd: number;
  lastBatchWorkedMs: number;
  lastCounts: string;
}

/**
 * Keeps a document's mentions highlighted: one full scan, then live updates
 * from a MutationObserver, all in short slices. `stop()` removes every
 * highlight at once and disconnects; `start()` brings them back.
 */
export class PageHighlighter {
  private session: Session | null = null;
  private starting = false;
  /** Reused by every block scanned: the matcher fills it only for the rare block with a short form too early. */
  private readonly turnedAway = new Set<string>();

  constructor(
    private readonly doc: Document,
    private readonly options: HighlighterOptions,
  ) {}

  async start(): Promise<void> {
    if (this.session !== null || this.starting) return;
    // Set-up and scan start in a task of their own, apart from the script's start-up.
    this.starting = true;
    await yieldToPage();
    this.starting = false;
    const setupStart = performance.now();
    const root = this.doc.body ?? this.doc.documentElement;
    if (this.session !== null || root === null) return;
    const renderer = new HighlightRenderer();
    const session: Session = {
      cancelled: false,
      store: new MentionStore(renderer, this.options.matcher.entitiesWithLaterForms),
      renderer,
      observer: new MutationObserver((records) => this.onMutations(session, records)),
      shadowRoots: new WeakSet(),
      unread: [],
      pending: [],
      draining: false,
      partial: false,
      lastBatchEnd: 0,
      lastBatchWorkedMs: 0,
      lastCounts: '',
    };
    this.session = session;
    session.observer.observe(this.doc, OBSERVED);
    await this.execute(session, { deep: [root], shallow: [], sweep: false }, MEASURE_SCAN, setupStart);
    void this.drain(session);
  }

  stop(): void {
    const session = this.session;
    if (session === null) return;
    this.session = null;
    session.cancelled = true;
    session.observer.disconnect();
    session.pending = [];
    session.renderer.dispose();
    this.report(session, {});
    this.options.onMentionsChanged?.();
  }

  /** The mentions at a caret position; none while highlighting is off. */
  mentionsAt(node: Node, offset: number): PageMention[] {
    return this.session?.store.mentionsAt(node, offset) ?? [];
  }

  /** Whether some of the page was left unread: it is larger than a pass may walk. */
  get partial(): boolean {
    return this.session?.partial ?? false;
  }

  /** Whether a mention is still highlighted. */
  has(mention: PageMention): boolean {
    return this.session?.store.has(mention) ?? false;
  }

  /** Every highlighted mention, in no particular order. */
  mentions(): Iterable<PageMention> {
    return this.session?.store.all() ?? [];
  }

  private onMutations(session: Session, records: MutationRecord[]): void {
    if (session.cancelled) return;
    for (const record of records) session.pending.push(record);
    void this.drain(session);
  }

  /** Processes queued mutations one batch at a time, backing off while the page keeps changing. */
  private async drain(session: Session): Promise<void> {
    if (session.draining) return;
    session.draining = true;
    try {
      while (!session.cancelled && session.pending.length > 0) {
        const backoff = session.lastBatchEnd + BACKOFF_FACTOR * session.lastBatchWorkedMs - performance.now();
        if (backoff > 0) await sleep(backoff);
        await idle();
        if (session.cancelled) break;
        const records = session.pending;
        session.pending = [];
        await this.execute(session, planWork(records, this.options.ownHost()), MEASURE_UPDATE);
      }
    } finally {
      session.draining = false;
    }
  }

  private async execute(session: Session, plan: WorkPlan, measure: string, taskStart?: number): Promise<void> {
    const pass: PassLog = { gained: new Set(), lost: new Set(), surveyed: 0 };
    const run = await runInSlices(this.steps(session, plan, pass), session, taskStart);
    if (run === null) return;
    const { stats } = run;
    // Later forms ("Ma") outside this pass may now stand before or after a different first full name.
    const withLaterForms = this.options.matcher.entitiesWithLaterForms;
    const entities = new Set([...pass.gained, ...pass.lost].filter((id) => withLaterForms.has(id)));
    if (entities.size > 0) {
      // One subtree is read in document order, so what it read is already right. Across several,
      // a name read later may stand before text read earlier: everything affected is read again.
      const inOrder = plan.deep.length + plan.shallow.length <= 1;
      const visited = (c: BlockContainer) =>
        plan.shallow.includes(c) || plan.deep.some((root) => containsComposed(root, c));
      const recheck = session.store.containersToRecheck(entities).filter((c) => !(inOrder && visited(c)));
      const unread = session.unread.filter((root) => session.store.fullNameUpTo(root, pass.gained));
      if (recheck.length > 0 || unread.length > 0) {
        const more = await runInSlices(
          this.steps(session, { deep: unread, shallow: recheck, sweep: false }, pass),
          session,
        );
        if (more === null) return;
        merge(stats, more.stats);
      }
    }
    this.finish(session, stats, measure, pass.surveyed);
  }

  private *steps(session: Session, plan: WorkPlan, pass: PassLog): Generator<void> {
    const { store } = session;
    const ownHost = this.options.ownHost();
    const budget: WalkBudget = { nodesLeft: SCAN_BUDGET_NODES };
    const dropped = (lost: Set<string>) => {
      for (const id of lost) pass.lost.add(id);
    };
    if (plan.sweep) {
      dropped(store.dropWhere((c) => !c.isConnected));
      session.unread = session.unread.filter((root) => root.isConnected);
    }
    yield;
    const onShadowRoot = (shadow: ShadowRoot) => this.watchShadowRoot(session, shadow);
    for (const root of plan.deep) {
      dropped(store.dropWhere((c) => containsComposed(root, c)));
      session.unread = session.unread.filter((unread) => !containsComposed(root, unread));
      if (!root.isConnected || isInsideSkipped(root, ownHost)) continue;
      const seen = store.seenBefore(root);
      let roots: BlockContainer[] = [root];
      // With a full name before it, later forms alone may be mentions: only a walk finds them.
      if (root.nodeType === 1 && seen.size === 0) {
        const spotter = this.options.matcher.fullNameSpotter();
        const shadows = yield* surveyLightDom(root as Element, spotter, ownHost);
        if (shadows !== null) {
          pass.surveyed++;
          session.unread.push(root as Element);
          for (const shadow of shadows) onShadowRoot(shadow);
          roots = shadows;
        }
      }
      for (const block of blockSteps(roots, { ownHost, onShadowRoot, budget })) {
        if (block !== null) {
          const found = this.scanBlock(session, block, seen, pass.gained);
          if (found.length > 0) yield* this.place(session, block, found);
        }
        yield;
      }
    }
    for (const container of plan.shallow) {
      dropped(store.dropWhere((c) => c === container));
      if (!container.isConnected || isInsideSkipped(container, ownHost)) continue;
      for (const block of blockSteps([container], { ownHost, shallow: true, budget })) {
        if (block !== null) {
          // A container's own text runs around its child blocks, whose names come between its blocks.
          const seen = store.seenBefore(block.nodes[0] as Text);
          const found = this.scanBlock(session, block, seen, pass.gained);
          if (found.length > 0) yield* this.place(session, block, found);
        }
        yield;
      }
    }
    if (budget.nodesLeft <= 0) session.partial = true;
  }

  /** Finds a block's mentions and notes the later forms it turned away; places nothing yet. */
  private scanBlock(session: Session, block: TextBlock, seen: Set<string>, gained: Set<string>): Mention[] {
    const turnedAway = this.turnedAway;
    const found = this.options.matcher.findMentions(block.text, seen, turnedAway);
    // Most blocks name nothing: they cost the matcher's pass and no allocation.
    if (found.length === 0 && turnedAway.size === 0) return found;
    for (const mention of found) if (!mention.later) gained.add(mention.entityId);
    session.store.add(block.container, [], new Set(turnedAway));
    turnedAway.clear();
    return found;
  }

  /** Places a block's mentions on the page, a bounded number per step. */
  private *place(session: Session, block: TextBlock, found: Mention[]): Generator<void> {
    for (let from = 0; from < found.length; from += PLACEMENTS_PER_STEP) {
      if (from > 0) yield;
      const placed = found.slice(from, from + PLACEMENTS_PER_STEP).map((mention) => placeMention(block, mention));
      session.store.add(block.container, placed, EMPTY);
    }
  }

  private watchShadowRoot(session: Session, root: ShadowRoot): void {
    if (session.shadowRoots.has(root)) return;
    session.shadowRoots.add(root);
    session.observer.observe(root, OBSERVED);
    adoptHighlightStyles(root);
  }

  private finish(session: Session, stats: SliceStats, measure: string, surveyed: number): void {
    session.lastBatchEnd = performance.now();
    session.lastBatchWorkedMs = stats.workedMs;
    measureWork(measure, stats, { mentions: session.store.size, surveyed });
    this.report(session, session.store.counts());
    this.options.onMentionsChanged?.();
  }

  private report(session: Session, counts: MentionCounts): void {
    const key = JSON.stringify(counts);
    if (key === session.lastCounts) return;
    session.lastCounts = key;
    this.options.onCountsChanged(counts);
  }
}

/** What one pass changed, for the later-form rechecks and the measure. */
interface PassLog {
  gained: Set<string>;
  lost: Set<string>;
  /** Subtrees a survey found without full names, so left unwalked. */
  surveyed: number;
}

const EMPTY: ReadonlySet<string> = new Set();

function merge(into: SliceStats, more: SliceStats): void {
  into.workedMs += more.workedMs;
  into.longestSliceMs = Math.max(into.longestSliceMs, more.longestSliceMs);
  into.slices += more.slices;
  into.sliceStarts.push(...more.sliceStarts);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function idle(): Promise<void> {
  if (typeof requestIdleCallback !== 'function') return sleep(16);
  return new Promise((resolve) => requestIdleCallback(() => resolve(), { timeout: IDLE_TIMEOUT_MS }));
}
