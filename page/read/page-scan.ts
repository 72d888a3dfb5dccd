/**
 * One pass over what a WorkPlan names: drop what changed, read it again block
 * by block, and place the mentions found. Written as small steps for a
 * time-sliced caller; it returns what it found and changed.
 */
import type { MatchResult, Mention } from '../../engine/matcher/matcher';
import type { NameFinder } from '../../engine/matcher/name-finder';
import type { MentionStore } from '../highlight/mention-store';
import { containsComposed } from './composed-tree';
import { type BlockContainer, isInsideSkipped } from './element-rules';
import type { FullNameChanges } from './later-forms';
import type { WorkPlan } from './live-changes';
import { placeMention } from './mention-placement';
import { blockSteps, ownBlockSteps, type TextBlock, type WalkBudget } from './text-blocks';
import { surveyLightDom } from './text-survey';

/**
 * Nodes one pass may walk. A page larger than this (a quarter of a million
 * nodes, several times the HTML standard's excerpt) is read up to it and the
 * rest left unread, so our work on it stays bounded; the panel says so.
 */
const SCAN_BUDGET_NODES = 250_000;
/** Mentions placed between two chances to pause: a paragraph can name hundreds. */
const PLACEMENTS_PER_STEP = 100;

/** What a page's highlighting keeps from pass to pass. */
export interface ScanState {
  store: MentionStore;
  /**
   * Subtrees whose light DOM a survey found without full names, so it was
   * never read: a full name gained before one of them may admit later forms in it.
   */
  unread: Element[];
  /**
   * Of those, the ones whose text holds common names the gate did not admit
   * (by the survey's reckoning): read once their story opens, or a panel
   * asks what the page names.
   */
  heldUnread: HeldUnread[];
}

/** A subtree left unread that names entities whose mentions would be held. */
interface HeldUnread {
  root: Element;
  lensIds: ReadonlySet<string>;
}

export interface ScanContext {
  matcher: NameFinder;
  /** Our UI's host element, never read. */
  ownHost: Element | null;
  /** Each open shadow root a pass meets, so its changes are watched and its highlights styled. */
  onShadowRoot(root: ShadowRoot): void;
  /** Whether an entity's names matter to the page: a subtree naming only others is surveyed, not walked. */
  matters(lensId: string): boolean;
  /** Walk a subtree that names held entities too, so they are counted: a panel asked what the page names. */
  walkHeld: boolean;
}

/** What one pass found and changed. */
export interface PassResult extends FullNameChanges {
  gained: Set<string>;
  lost: Set<string>;
  /** Subtrees a survey found without full names, so left unwalked. */
  surveyed: number;
  /** The pass ran out of its node budget, leaving text unread. */
  partial: boolean;
}

/** What the readers of one pass share: the page's state, the pass's context, its budget and its result so far. */
interface Pass {
  state: ScanState;
  context: ScanContext;
  budget: WalkBudget;
  result: PassResult;
}

export function* scanPass(plan: WorkPlan, state: ScanState, context: ScanContext): Generator<void, PassResult> {
  const result: PassResult = { gained: new Set(), lost: new Set(), surveyed: 0, partial: false };
  const pass: Pass = { state, context, budget: { nodesLeft: SCAN_BUDGET_NODES }, result };
  if (plan.sweep) {
    addAll(
      result.lost,
      state.store.dropWhere((c) => !c.isConnected),
    );
    state.unread = state.unread.filter((root) => root.isConnected);
    state.heldUnread = state.heldUnread.filter(({ root }) => root.isConnected);
  }
  yield;
  for (const root of plan.deep) yield* plan.fillIn ? fillIn(root as Element, pass) : readSubtree(root, pass);
  for (const container of plan.shallow) yield* readOwnText(container, pass);
  result.partial = pass.budget.nodesLeft <= 0;
  return result;
}

/** Adds what a later pass found to `into`. */
export function mergePasses(into: PassResult, more: PassResult): void {
  addAll(into.gained, more.gained);
  addAll(into.lost, more.lost);
  into.surveyed += more.surveyed;
  into.partial ||= more.partial;
}

/** Reads a subtree whole, after a survey when nothing before it admits later forms. */
function* readSubtree(root: BlockContainer, pass: Pass): Generator<void> {
  const { state, context, budget, result } = pass;
  const { store } = state;
  const { ownHost, onShadowRoot } = context;
  addAll(
    result.lost,
    store.dropWhere((c) => containsComposed(root, c)),
  );
  state.unread = state.unread.filter((unread) => !containsComposed(root, unread));
  state.heldUnread = state.heldUnread.filter((held) => !containsComposed(root, held.root));
  if (!root.isConnected || isInsideSkipped(root, ownHost)) return;
  const seen = store.seenBefore(root);
  let roots: BlockContainer[] = [root];
  // With a full name before it, later forms alone may be mentions: only a walk finds them.
  if (root.nodeType === 1 && seen.size === 0) {
    const filter = { admits: (id: string) => context.matters(id), passed: new Set<string>() };
    const spotter = context.matcher.fullNameSpotter(filter);
    const shadows = yield* surveyLightDom(root as Element, spotter, ownHost);
    const held = filter.passed;
    if (shadows !== null && (held.size === 0 || !context.walkHeld)) {
      result.surveyed++;
      state.unread.push(root as Element);
      if (held.size > 0) state.heldUnread.push({ root: root as Element, lensIds: held });
      for (const shadow of shadows) onShadowRoot(shadow);
      roots = shadows;
    }
  }
  for (const block of blockSteps(roots, { ownHost, onShadowRoot, budget })) {
    if (block !== null) yield* placeFound(block, scanBlock(block, seen, pass), state);
    yield;
  }
}

/**
 * Walks a subtree a survey passed over, reading only the blocks no pass has
 * read: what is marked in it stays marked, with nothing dropped and placed
 * again, while its held names are found at last.
 */
function* fillIn(root: Element, pass: Pass): Generator<void> {
  const { state, context, budget } = pass;
  const { store } = state;
  const { ownHost, onShadowRoot } = context;
  state.unread = state.unread.filter((unread) => !containsComposed(root, unread));
  state.heldUnread = state.heldUnread.filter((held) => !containsComposed(root, held.root));
  if (!root.isConnected || isInsideSkipped(root, ownHost)) return;
  // Taken before the walk: a container's own text can make several blocks, and the first one read is no reason to skip the rest.
  const read = store.readContainers();
  for (const block of blockSteps([root], { ownHost, onShadowRoot, budget })) {
    if (block !== null && !read.has(block.container)) {
      const seen = store.seenBefore(block.nodes[0] as Text);
      yield* placeFound(block, scanBlock(block, seen, pass), state);
    }
    yield;
  }
}

/** Reads a container's own inline text again, after an edit inside it. */
function* readOwnText(container: BlockContainer, pass: Pass): Generator<void> {
  const { state, context, budget, result } = pass;
  const { store } = state;
  addAll(
    result.lost,
    store.dropWhere((c) => c === container),
  );
  if (!container.isConnected || isInsideSkipped(container, context.ownHost)) return;
  for (const block of ownBlockSteps(container, { ownHost: context.ownHost, budget })) {
    if (block !== null) {
      // A container's own text runs around its child blocks, whose names come between its blocks.
      const seen = store.seenBefore(block.nodes[0] as Text);
      yield* placeFound(block, scanBlock(block, seen, pass), state);
    }
    yield;
  }
}

/**
 * A block's mentions, found with the entities `seen` so far; what the block
 * admits joins `seen` for the blocks after it, and the later forms it turned
 * away are kept with its container. Places nothing yet.
 */
function scanBlock(block: TextBlock, seen: Set<string>, pass: Pass): MatchResult {
  const found = pass.context.matcher.findMentions(block.text, seen, block.elementEdges);
  for (const id of found.admitted) {
    seen.add(id);
    pass.result.gained.add(id);
  }
  if (found.turnedAway.size > 0) pass.state.store.add(block.container, [], found.turnedAway);
  return found;
}

/** Places a block's mentions on the page, a bounded number per step. */
function* placeFound(block: TextBlock, found: MatchResult, state: ScanState): Generator<void> {
  const { mentions } = found;
  for (let from = 0; from < mentions.length; from += PLACEMENTS_PER_STEP) {
    if (from > 0) yield;
    const placed = mentions.slice(from, from + PLACEMENTS_PER_STEP).map((m: Mention) => placeMention(block, m));
    state.store.add(block.container, placed, NOTHING);
  }
}

const NOTHING: ReadonlySet<string> = new Set();

function addAll(into: Set<string>, from: Iterable<string>): void {
  for (const id of from) into.add(id);
}
