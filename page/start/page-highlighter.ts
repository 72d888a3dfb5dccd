import type { Matcher } from '../../engine/matcher/matcher';
import type { MentionCounts } from '../../engine/messages';
import { HighlightRenderer, type HighlightScheme } from '../highlight/highlight-renderer';
import { adoptHighlightStyles } from '../highlight/highlight-styles';
import { MentionStore, type MentionVisibility, type PageMention } from '../highlight/mention-store';
import { ShownMentions } from '../highlight/shown-mentions';
import { MEASURE } from '../measure-names';
import { ChangeWatch } from '../read/change-watch';
import { laterFormsToRejudge } from '../read/later-forms';
import { MutationBatches, planWork, type WorkPlan } from '../read/live-changes';
import { mergePasses, type ScanContext, type ScanState, scanPass } from '../read/page-scan';
import { measureWork, runInSlices, type SliceStats, yieldToPage } from '../read/time-slices';
import { nextFrameWhileParsing, untilFirstContent, untilParsed } from './first-content';
import { appendedSince, frontierOf, type ParserFrontier } from './parser-frontier';

/** What a run finds and how it paints it: the names to find, and how mentions are coloured (by kind, or by story). */
interface Finding {
  matcher: Matcher;
  scheme: HighlightScheme;
}

export interface HighlighterOptions extends Finding {
  /** Our UI's host element, which is never read and whose changes never trigger work. */
  ownHost: () => Element | null;
  onCountsChanged: (counts: MentionCounts) => void;
  /** After every scan, update and stop: mentions may have come or gone. */
  onMentionsChanged?: () => void;
}

/** One run of highlighting, from `start()` to `stop()`: what it found, and how it hears of changes. */
interface Run {
  readonly finding: Finding;
  /** Aborted by `stop()`: the run's slices and batches end at their next chance. */
  readonly stopped: AbortController;
  readonly state: ScanState;
  readonly renderer: HighlightRenderer;
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
 * Keeps a document's mentions highlighted: one full scan, then live updates
 * from a MutationObserver, all in short slices. `stop()` removes every
 * highlight at once and disconnects; `start()` brings them back. Whenever
 * the page is read whole again (the full page behind a preview, the page
 * after a storm, other names from `replace()`), a new run reads it offstage
 * and takes the old one's place in one task, so the reader never sees the
 * names unmarked in between.
 */
export class PageHighlighter {
  /** The run whose highlights are on the page. */
  private run: Run | null = null;
  /** A run reading the whole page offstage, to take the current one's place when done. */
  private incoming: Run | null = null;
  /** Set from `start()` until the first full scan begins; `stop()` aborts it. */
  private starting: AbortController | null = null;
  private lastCounts = '';
  /** What the next run finds, and how it paints it. */
  private finding: Finding;

  constructor(
    private readonly doc: Document,
    private readonly options: HighlighterOptions,
  ) {
    this.finding = { matcher: options.matcher, scheme: options.scheme };
  }

  /** Started and not stopped since: its highlights are, or are about to be, on the page. */
  get running(): boolean {
    return this.run !== null || this.starting !== null;
  }

  /** Highlights the document from its first content on, and keeps up with it; resolves when the first full scan is done. */
  async start(): Promise<void> {
    if (this.running) return;
    const starting = new AbortController();
    this.starting = starting;
    // What the reader sees first is read first. Set-up and scans start in tasks of their own.
    if (await untilFirstContent(this.doc, starting.signal)) await yieldToPage();
    if (starting.signal.aborted) return;
    if (this.doc.readyState === 'loading') {
      // The parser is still at work. What is here is highlighted at once, and what the parser appends
      // after it once each frame is painted; nothing is watched, since every node the parser adds would
      // be a change to plan. Once parsed, the whole page is read and replaces it.
      const frontier = frontierOf(this.doc, this.options.ownHost());
      await this.read(false, MEASURE.preview);
      await this.followParser(frontier, starting.signal);
      if (!(await untilParsed(this.doc, starting.signal))) return;
      await yieldToPage();
      if (starting.signal.aborted) return;
    }
    this.starting = null;
    await this.read(true, MEASURE.scan);
  }

  /**
   * Finds other names, or paints them otherwise, from now on. With highlights
   * on the page, it is read again offstage and the new highlights replace the
   * old in one task, `onShown` running in that task; otherwise the next start
   * uses them, and `onShown` runs at once. False when stopped or replaced
   * again before the new highlights were up.
   */
  async replace(finding: Finding, onShown: () => void): Promise<boolean> {
    this.finding = finding;
    if (this.run === null || this.starting !== null) {
      onShown();
      return true;
    }
    return this.read(true, MEASURE.rescan, onShown);
  }

  /**
   * Reads what the parser appended since `frontier` after each frame, in a
   * task of its own (in the frame, our work would lengthen the browser's own
   * rendering task), so it is highlighted by the next; ends once parsed.
   */
  private async followParser(frontier: ParserFrontier, signal: AbortSignal): Promise<void> {
    const run = this.run;
    let last = frontier;
    while (run !== null && (await nextFrameWhileParsing(this.doc, signal))) {
      await yieldToPage();
      if (signal.aborted) return;
      const now = frontierOf(this.doc, this.options.ownHost());
      const plan = appendedSince(last, now);
      last = now;
      if (plan !== null) await this.execute(run, plan, MEASURE.preview);
    }
  }

  /** Removes every highlight. */
  stop(): void {
    this.starting?.abort();
    this.starting = null;
    if (this.incoming !== null) endRun(this.incoming);
    this.incoming = null;
    const run = this.run;
    if (run === null) return;
    this.run = null;
    endRun(run);
    this.report({});
    this.mentionsChanged();
  }

  /**
   * Reads the whole document in a new run; `watching` keeps it up with the
   * page's changes. A run already on the page keeps its highlights until the
   * new one is read, and gives way to it in one task, `onShown` running in
   * it. False when the read was stopped or a newer one took over.
   */
  private async read(watching: boolean, measure: string, onShown?: () => void): Promise<boolean> {
    const setupStart = performance.now();
    const root = this.doc.body ?? this.doc.documentElement;
    if (root === null) return false;
    const previous = this.run;
    // A read already offstage is superseded: its pass would find what this one will.
    if (this.incoming !== null) endRun(this.incoming);
    const run = this.newRun(watching, previous !== null);
    if (previous === null) this.run = run;
    else this.incoming = run;
    run.watch?.observe(this.doc);
    await this.execute(run, { deep: [root], shallow: [], sweep: false }, measure, setupStart);
    if (run.stopped.signal.aborted) return false;
    if (previous === null) return true;
    this.incoming = null;
    this.run = run;
    run.renderer.register();
    endRun(previous);
    onShown?.();
    this.report(run.state.store.counts());
    this.mentionsChanged();
    return true;
  }

  private newRun(watching: boolean, offstage: boolean): Run {
    const { finding } = this;
    const renderer = new HighlightRenderer(finding.scheme, offstage);
    const stopped = new AbortController();
    // A mention shown or hidden since the last count (a menu opened) changes the counts and the order of steps.
    // A preview lasts only while the page is parsed, when judging would run in the browser's heaviest layouts.
    const shown = watching
      ? new ShownMentions(this.doc, () => {
          if (this.run !== run) return;
          this.report(run.state.store.counts());
          this.mentionsChanged();
        })
      : null;
    const run: Run = {
      finding,
      stopped,
      state: {
        store: new MentionStore(renderer, finding.matcher.entitiesWithLaterForms, shown ?? EVERY_MENTION),
        unread: [],
      },
      renderer,
      shown,
      // After a storm, whose changes were seen only now and then, the page is read again whole.
      watch: watching
        ? new ChangeWatch(
            (records) => run.batches.push(records),
            () => {
              if (this.run === run && this.incoming === null) void this.read(true, MEASURE.rescan);
            },
            stopped.signal,
          )
        : null,
      batches: new MutationBatches(
        (records) => this.execute(run, planWork(records, this.options.ownHost()), MEASURE.update),
        stopped.signal,
      ),
      shadowRoots: new WeakSet(),
      partial: false,
    };
    return run;
  }

  /** The mentions at a caret position; none while highlighting is off. */
  mentionsAt(node: Node, offset: number): PageMention[] {
    return this.run?.state.store.mentionsAt(node, offset) ?? [];
  }

  /** Whether some of the page was left unread: it is larger than a pass may walk. */
  get partial(): boolean {
    return this.run?.partial ?? false;
  }

  /** Whether a mention is still highlighted. */
  has(mention: PageMention): boolean {
    return this.run?.state.store.has(mention) ?? false;
  }

  /** Every highlighted mention a reader can see, in no particular order. */
  shownMentions(): Iterable<PageMention> {
    return this.run?.state.store.shown() ?? [];
  }

  /**
   * Reads what `plan` names, then what its changes to full names make worth
   * reading again; resolves with the main-thread ms it worked (0 when stopped).
   */
  private async execute(run: Run, plan: WorkPlan, measure: string, taskStart?: number): Promise<number> {
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
    measureWork(measure, stats, { mentions: run.state.store.size, surveyed: result.surveyed });
    // A run behind a preview tells of its mentions when it takes the preview's place; a preview tells of none.
    if (run === this.run && run.shown !== null) {
      this.report(run.state.store.counts());
      this.mentionsChanged();
    }
    return stats.workedMs;
  }

  private scanContext(run: Run): ScanContext {
    return {
      matcher: run.finding.matcher,
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

  /** Tells of the counts when they changed since last told. */
  private report(counts: MentionCounts): void {
    const key = JSON.stringify(counts);
    if (key === this.lastCounts) return;
    this.lastCounts = key;
    this.options.onCountsChanged(counts);
  }
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
