import type { EntityKind } from '../../data/schema';
import type { NameFinder } from '../../engine/matcher/name-finder';
import type { MentionCounts } from '../../engine/messages';
import type { PageEntity } from '../../engine/packs/lens-entities';
import type { MarkDensity } from '../../engine/settings/settings';
import { logFailure } from '../../platform/log-failure';
import { HighlightRenderer, type HighlightScheme } from '../highlight/highlight-renderer';
import { adoptHighlightStyles } from '../highlight/highlight-styles';
import { DensityPainter } from '../highlight/mark-density';
import { MentionStore, type MentionVisibility, type PageMention } from '../highlight/mention-store';
import { PartedRenderer } from '../highlight/parted-renderer';
import { judgeOnTheSpot, ShownMentions } from '../highlight/shown-mentions';
import { PartedGate, StoryGate } from '../highlight/story-gate';
import type { HighlightRegistryLike } from '../hover/card-view';
import { MEASURE, type MeasureName } from '../measure-names';
import { ChangeWatch } from '../read/change-watch';
import { laterFormsToRejudge } from '../read/later-forms';
import { MutationBatches, planWork, type WorkPlan } from '../read/live-changes';
import { mergePasses, type ScanContext, type ScanState, scanPass } from '../read/page-scan';
import { measureWork, runInSlices, type SliceStats, yieldToPage } from '../read/time-slices';
import { nextFrameWhileParsing, untilParsed } from './first-content';
import { appendedSince, frontierOf, type ParserFrontier } from './parser-frontier';

/** Which mentions a run marks: the stories' common names only where a story is open, at the reader's density. */
export interface Marking {
  /** The entities the matcher finds, with the stories each identifies. */
  entities: readonly PageEntity[];
  /** The kinds the reader highlights: the others are found only so that their actors open their stories. */
  kinds: ReadonlySet<EntityKind>;
  density: MarkDensity;
  commonNamesEverywhere: boolean;
  /** The private stories' entities, judged apart from the others' (page/highlight/story-gate.ts). */
  privateEntities?: readonly PageEntity[];
}

/** What a run finds and how it paints it: the names to find, how mentions are coloured (by kind, or by story), which are marked. */
export interface Finding {
  matcher: NameFinder;
  scheme: HighlightScheme;
  marking: Marking;
  /** How the private stories' mentions are coloured, and where they are painted; null when none is switched on. */
  hidden?: { scheme: HighlightScheme; registry: HighlightRegistryLike } | null;
}

export interface HighlighterOptions extends Finding {
  /** Our UI's host element, which is never read and whose changes never trigger work. */
  ownHost: () => Element | null;
  /** The shown mentions marked, and those of common names held unmarked, per entity. */
  onCountsChanged: (counts: MentionCounts, unmarked: MentionCounts) => void;
  /** After every scan, update and stop: mentions may have come or gone. */
  onMentionsChanged?: () => void;
}

/** One run of highlighting, from `start()` to `stop()`: what it found, and how it hears of changes. */
interface Run {
  readonly finding: Finding;
  /** Aborted by `stop()`: the run's slices and batches end at their next chance. */
  readonly stopped: AbortController;
  readonly state: ScanState;
  readonly renderer: PartedRenderer;
  /** The painter at the reader's density, when it is not every mention. */
  readonly thinned: DensityPainter | null;
  readonly gate: PartedGate;
  /** Whether an actor's mention is shown, judged now if need be: whether it opens its story. */
  readonly isShownNow: (mention: PageMention) => boolean;
  /** The run's passes, one after another: two passes at once over one store would place a block's mentions twice. */
  passes: Promise<unknown>;
  /** Which mentions a reader can see; a preview judges none, and counts nothing. */
  readonly shown: ShownMentions | null;
  /** How the run hears of the page's changes; none for a preview, which keeps up with nothing. */
  readonly watch: ChangeWatch | null;
  readonly batches: MutationBatches;
  readonly shadowRoots: WeakSet<ShadowRoot>;
  /** Whether a pass ran out of budget, leaving text unread. */
  partial: boolean;
}

/**
 * Where the highlighter stands. Stopped: nothing on the page. Starting: from
 * `start()` until the first full read begins, a preview's run on the page
 * while the parser works. Running: one run's highlights are on the page, and a
 * replacement read may be under way to take its place.
 */
type HighlighterState =
  | { readonly phase: 'stopped' }
  | { readonly phase: 'starting'; readonly abort: AbortController; preview: Run | null }
  | { readonly phase: 'running'; shown: Run; replacement: Run | null };

const STOPPED: HighlighterState = { phase: 'stopped' };

/**
 * Keeps a document's mentions highlighted: one full read, then live updates
 * from a MutationObserver, all in short slices. `stop()` removes every
 * highlight at once and disconnects; `start()` brings them back. Whenever
 * the page is read whole again (the full page behind a preview, the page
 * after a storm, other names from `replace()`), a replacement read runs with
 * its highlights unregistered and takes the old run's place in one task, so
 * the reader never sees the names unmarked in between.
 */
export class PageHighlighter {
  private state: HighlighterState = STOPPED;
  private lastCounts = '';
  /** What the next run finds, and how it paints it. */
  private finding: Finding;
  /** The stories open on this page, whose common names are marked: kept from run to run, so none goes out. */
  private readonly opened = new Set<string>();
  /** A panel asked what the page names: text naming only held entities is walked too, so they are counted. */
  private walkHeld = false;

  constructor(
    private readonly doc: Document,
    private readonly options: HighlighterOptions,
  ) {
    this.finding = {
      matcher: options.matcher,
      scheme: options.scheme,
      marking: options.marking,
      hidden: options.hidden,
    };
  }

  /** Started and not stopped since: its highlights are, or are about to be, on the page. */
  get running(): boolean {
    return this.state.phase !== 'stopped';
  }

  /** The run whose highlights are on the page. */
  private get shownRun(): Run | null {
    const { state } = this;
    if (state.phase === 'running') return state.shown;
    return state.phase === 'starting' ? state.preview : null;
  }

  /**
   * Highlights the document and keeps up with it; resolves when the first full
   * read is done. The caller has waited for the page's first content.
   */
  async start(): Promise<void> {
    if (this.state.phase !== 'stopped') return;
    const starting: HighlighterState & { phase: 'starting' } = {
      phase: 'starting',
      abort: new AbortController(),
      preview: null,
    };
    this.state = starting;
    const { signal } = starting.abort;
    // Set-up and reads start in tasks of their own.
    await yieldToPage();
    if (signal.aborted) return;
    if (this.doc.readyState === 'loading') {
      // The parser is still at work. What is here is highlighted at once, and what the parser appends
      // after it once each frame is painted; nothing is watched, since every node the parser adds would
      // be a change to plan. Once parsed, the whole page is read and replaces it.
      const frontier = frontierOf(this.doc, this.options.ownHost());
      const setupStart = performance.now();
      const root = this.root();
      if (root !== null) {
        const preview = this.newRun(false, true);
        starting.preview = preview;
        if (!(await this.readWhole(preview, root, MEASURE.preview, setupStart))) return;
        await this.followParser(preview, frontier, signal);
      }
      if (!(await untilParsed(this.doc, signal))) return;
      await yieldToPage();
      if (signal.aborted) return;
    }
    if (starting.preview !== null) {
      this.state = { phase: 'running', shown: starting.preview, replacement: null };
      await this.readReplacement(MEASURE.scan);
      return;
    }
    // The measure counts the run's set-up too, as it does for a replacement read.
    const setupStart = performance.now();
    const root = this.root();
    if (root === null) {
      this.state = STOPPED;
      return;
    }
    const run = this.newRun(true, true);
    this.state = { phase: 'running', shown: run, replacement: null };
    await this.readWhole(run, root, MEASURE.scan, setupStart);
  }

  /**
   * Finds other names, or paints them otherwise, from now on. With highlights
   * on the page, a replacement read takes their place in one task, `onShown`
   * running in that task; otherwise the next start uses them, and `onShown`
   * runs at once. False when stopped or replaced again before the new
   * highlights were up.
   */
  async replace(finding: Finding, onShown: () => void): Promise<boolean> {
    this.finding = finding;
    if (this.state.phase !== 'running') {
      onShown();
      return true;
    }
    return this.readReplacement(MEASURE.rescan, onShown);
  }

  /**
   * Reads what the parser appended since `frontier` after each frame, in a
   * task of its own (in the frame, our work would lengthen the browser's own
   * rendering task), so it is highlighted by the next; ends once parsed.
   */
  private async followParser(preview: Run, frontier: ParserFrontier, signal: AbortSignal): Promise<void> {
    let last = frontier;
    while (await nextFrameWhileParsing(this.doc, signal)) {
      await yieldToPage();
      if (signal.aborted) return;
      const now = frontierOf(this.doc, this.options.ownHost());
      const plan = appendedSince(last, now);
      last = now;
      if (plan !== null) await this.inTurn(preview, () => this.execute(preview, plan, MEASURE.preview));
    }
  }

  /** Removes every highlight. */
  stop(): void {
    const { state } = this;
    this.state = STOPPED;
    if (state.phase === 'stopped') return;
    if (state.phase === 'starting') state.abort.abort();
    if (state.phase === 'running' && state.replacement !== null) endRun(state.replacement);
    const shown = state.phase === 'running' ? state.shown : state.preview;
    if (shown === null) return;
    endRun(shown);
    this.report(null);
    this.mentionsChanged();
  }

  /** Marks a story's common names on this page, as the reader asked from the panel. */
  openStory(packId: string): void {
    if (this.opened.has(packId)) return;
    this.opened.add(packId);
    this.settleRuns();
  }

  /**
   * Reads what was only surveyed because it names nothing but held common
   * names, so that they are counted, and from now on walks such text as it
   * comes: a panel is open and lists them.
   */
  listUnmarked(): void {
    if (this.walkHeld) return;
    this.walkHeld = true;
    this.settleRuns();
  }

  /** The runs reading the page now: the preview, or the run on the page and its replacement. */
  private *liveRuns(): Generator<Run> {
    const { state } = this;
    if (state.phase === 'starting' && state.preview !== null) yield state.preview;
    if (state.phase !== 'running') return;
    yield state.shown;
    if (state.replacement !== null) yield state.replacement;
  }

  private settleRuns(): void {
    for (const run of this.liveRuns()) {
      this.settle(run);
      this.tellIfShown(run);
    }
  }

  /** Tells of a run's mentions when its highlights are the ones on the page; a preview tells of none. */
  private tellIfShown(run: Run): void {
    if (run !== this.shownRun || run.shown === null) return;
    this.report(run);
    this.mentionsChanged();
  }

  /**
   * Opens the stories whose own actors are shown, marks the held mentions
   * that admits, has the text a survey passed over for them filled in (all
   * of it once a panel asked what the page names), and thins the marks to
   * the reader's density.
   */
  private settle(run: Run): void {
    if (run.stopped.signal.aborted) return;
    const { state, gate, isShownNow } = run;
    gate.openBy(state.store.found(), isShownNow);
    state.store.markAdmitted();
    const toRead = state.heldUnread.filter(
      ({ lensIds }) => this.walkHeld || [...lensIds].some((id) => gate.admitsEither(id)),
    );
    if (toRead.length > 0) {
      state.heldUnread = state.heldUnread.filter((held) => !toRead.includes(held));
      const plan: WorkPlan = { deep: toRead.map(({ root }) => root), shallow: [], sweep: false, fillIn: true };
      logFailure(
        this.inTurn(run, () => this.execute(run, plan, MEASURE.update)),
        'read the names a survey passed over',
      );
    }
    run.thinned?.refresh(filter(state.store.all(), isShownNow));
  }

  /** Runs one of the run's passes once the others before it are done, whether or not they failed. */
  private inTurn(run: Run, pass: () => Promise<number>): Promise<number> {
    const done = run.passes.then(pass);
    run.passes = done.catch(() => undefined);
    return done;
  }

  private root(): Element | null {
    return this.doc.body ?? this.doc.documentElement;
  }

  /** Reads the whole document into `run`, measured from `setupStart`. False when the run was stopped first. */
  private async readWhole(run: Run, root: Element, measure: MeasureName, setupStart: number): Promise<boolean> {
    run.watch?.observe(this.doc);
    await this.inTurn(run, () => this.execute(run, { deep: [root], shallow: [], sweep: false }, measure, setupStart));
    return !run.stopped.signal.aborted;
  }

  /**
   * Reads the whole document in a replacement run, which keeps up with the
   * page's changes. The run on the page keeps its highlights until the new one
   * is read, and gives way to it in one task, `onShown` running in it. False
   * when the read was stopped or a newer one took over.
   */
  private async readReplacement(measure: MeasureName, onShown?: () => void): Promise<boolean> {
    const setupStart = performance.now();
    const { state } = this;
    const root = this.root();
    if (state.phase !== 'running' || root === null) return false;
    // A replacement already under way is superseded: its pass would find what this one will.
    if (state.replacement !== null) endRun(state.replacement);
    const run = this.newRun(true, false);
    state.replacement = run;
    if (!(await this.readWhole(run, root, measure, setupStart))) return false;
    const previous = state.shown;
    state.shown = run;
    state.replacement = null;
    run.renderer.register();
    endRun(previous);
    onShown?.();
    this.report(run);
    this.mentionsChanged();
    return true;
  }

  /** A run that keeps up with the page's changes when `watching`, its highlights registered now or at its swap. */
  private newRun(watching: boolean, registered: boolean): Run {
    const { finding } = this;
    const { marking } = finding;
    const { hidden } = finding;
    const renderer = new PartedRenderer(
      new HighlightRenderer(finding.scheme, registered),
      hidden == null ? null : new HighlightRenderer(hidden.scheme, registered, hidden.registry),
    );
    const { density } = marking;
    const thinned = density === 'every-mention' ? null : new DensityPainter(renderer, density, this.doc);
    const choices = { kinds: marking.kinds, everywhere: marking.commonNamesEverywhere };
    const { privateEntities = [] } = marking;
    const gate = new PartedGate(
      new StoryGate(marking.entities, this.opened, choices),
      privateEntities.length === 0 ? null : new StoryGate(privateEntities, this.opened, choices),
    );
    const stopped = new AbortController();
    // A mention shown or hidden since the last count (a menu opened) changes the counts and the order of steps,
    // and may open a story. A run not yet on the page settles too, so it takes its place settled.
    // A preview lasts only while the page is parsed, when judging would run in the browser's heaviest layouts.
    const shown = watching
      ? new ShownMentions(this.doc, () => {
          run.thinned?.invalidate();
          this.settle(run);
          this.tellIfShown(run);
        })
      : null;
    const run: Run = {
      finding,
      stopped,
      state: {
        store: new MentionStore(
          thinned ?? renderer,
          finding.matcher.entitiesWithLaterForms,
          shown ?? EVERY_MENTION,
          gate,
        ),
        unread: [],
        heldUnread: [],
      },
      renderer,
      thinned,
      gate,
      // A preview has no observer: an actor's element is judged on the spot, once.
      isShownNow: shown === null ? judgeOnTheSpot() : (mention) => shown.isShownNow(mention),
      passes: Promise.resolve(),
      shown,
      // After a storm, whose changes were seen only now and then, the page is read again whole.
      watch: watching
        ? new ChangeWatch(
            (records) => run.batches.push(records),
            () => {
              const { state } = this;
              if (state.phase !== 'running' || state.shown !== run || state.replacement !== null) return;
              logFailure(this.readReplacement(MEASURE.rescan), 'read this page again');
            },
            stopped.signal,
          )
        : null,
      batches: new MutationBatches(
        (records) =>
          this.inTurn(run, () => this.execute(run, planWork(records, this.options.ownHost()), MEASURE.update)),
        stopped.signal,
      ),
      shadowRoots: new WeakSet(),
      partial: false,
    };
    return run;
  }

  /** The mentions at a caret position; none while highlighting is off. */
  mentionsAt(node: Node, offset: number): PageMention[] {
    return this.shownRun?.state.store.mentionsAt(node, offset) ?? [];
  }

  /** Whether some of the page was left unread: it is larger than a pass may walk. */
  get partial(): boolean {
    return this.shownRun?.partial ?? false;
  }

  /** Whether a mention is still highlighted. */
  has(mention: PageMention): boolean {
    return this.shownRun?.state.store.has(mention) ?? false;
  }

  /** Every highlighted mention a reader can see, in no particular order. */
  shownMentions(): Iterable<PageMention> {
    return this.shownRun?.state.store.shown() ?? [];
  }

  /**
   * Reads what `plan` names, then what its changes to full names make worth
   * reading again; resolves with the main-thread ms it worked (0 when stopped).
   */
  private async execute(run: Run, plan: WorkPlan, measure: MeasureName, taskStart?: number): Promise<number> {
    const { signal } = run.stopped;
    const context = this.scanContext(run);
    const pass = await runInSlices(scanPass(plan, run.state, context), signal, taskStart);
    if (pass === null) return 0;
    const { stats, value: result } = pass;
    const { matcher } = run.finding;
    const again = laterFormsToRejudge(result, plan, run.state.store, run.state.unread, matcher.entitiesWithLaterForms);
    if (again !== null) {
      const more = await runInSlices(scanPass(again, run.state, context), signal);
      if (more === null) return 0;
      mergeStats(stats, more.stats);
      mergePasses(result, more.value);
    }
    run.partial ||= result.partial;
    // Settling is part of the pass's work: the measure counts it.
    const settling = performance.now();
    this.settle(run);
    stats.workedMs += performance.now() - settling;
    measureWork(measure, stats, { mentions: run.state.store.size, surveyed: result.surveyed });
    // A run behind a preview tells of its mentions when it takes the preview's place.
    this.tellIfShown(run);
    return stats.workedMs;
  }

  private scanContext(run: Run): ScanContext {
    return {
      matcher: run.finding.matcher,
      matters: (lensId) => run.gate.matters(lensId),
      walkHeld: this.walkHeld,
      ownHost: this.options.ownHost(),
      onShadowRoot: (root) => {
        if (run.shadowRoots.has(root)) return;
        run.shadowRoots.add(root);
        run.watch?.observe(root);
        adoptHighlightStyles(root);
      },
    };
  }

  private mentionsChanged(): void {
    this.options.onMentionsChanged?.();
  }

  /** Tells of a run's counts (none once stopped) when they changed since last told. */
  private report(run: Run | null): void {
    const counts = run?.state.store.counts() ?? {};
    const unmarked = run?.state.store.unmarkedCounts() ?? {};
    const key = JSON.stringify([counts, unmarked]);
    if (key === this.lastCounts) return;
    this.lastCounts = key;
    this.options.onCountsChanged(counts, unmarked);
  }
}

function* filter<T>(items: Iterable<T>, keep: (item: T) => boolean): Generator<T> {
  for (const item of items) if (keep(item)) yield item;
}

/** A preview's view of what is shown: everything, since it judges nothing. */
const EVERY_MENTION: MentionVisibility = { watch: () => undefined, forget: () => undefined, isShown: () => true };

/** Ends a run: its slices and batches stop, and its highlights leave the page. */
function endRun(run: Run): void {
  run.stopped.abort();
  run.watch?.disconnect();
  run.shown?.disconnect();
  run.renderer.dispose();
}

function mergeStats(into: SliceStats, more: SliceStats): void {
  into.workedMs += more.workedMs;
  into.longestSliceMs = Math.max(into.longestSliceMs, more.longestSliceMs);
  into.slices += more.slices;
  into.sliceStarts.push(...more.sliceStarts);
}
