/**
 * Which mentions a reader can see: those whose text the page renders, the
 * text `innerText` holds. A collapsed menu, a mobile-only copy of the
 * navigation or a hidden duplicate has highlights like any text, but the
 * counts, the badge and stepping leave them out until they are shown.
 */
import { MEASURE } from '../measure-names';
import { parentOf } from '../read/composed-tree';
import { recordMeasure } from '../record-measure';
import type { MentionVisibility, PageMention } from './mention-store';

/**
 * Wide enough to hold any page: every element that has a box intersects, so
 * an element's intersection changes exactly when it gains or loses its box
 * (shown or hidden), not when the reader scrolls.
 */
const WHOLE_PAGE_MARGIN = '1000000px';
/** Judging stops after this long in one task and goes on in the next. */
const JUDGE_BUDGET_MS = 4;

/** An element's text is rendered: it has a box and is not `visibility: hidden`. */
function isRendered(element: Element): boolean {
  for (let e: Element | null = element; e !== null; e = e.parentElement) {
    if (e.checkVisibility({ visibilityProperty: true })) return true;
    // `display: contents` draws no box of its own; its text is drawn in its parent's.
    if (getComputedStyle(e).display !== 'contents') return false;
  }
  return false;
}

/** The element whose rendering decides a mention's: the one around its first text node, across a shadow root's edge. */
export function holderOf(mention: PageMention): Element | null {
  const first = mention.nodes[0];
  for (let n = first === undefined ? null : parentOf(first); n !== null; n = parentOf(n)) {
    if (n.nodeType === 1) return n as Element;
  }
  return null;
}

/**
 * Judges mentions on the spot, each element once: for a preview, which has
 * no observer, when an actor's answer decides whether its story opens.
 */
export function judgeOnTheSpot(): (mention: PageMention) => boolean {
  const known = new WeakMap<Element, boolean>();
  return (mention) => {
    const holder = holderOf(mention);
    if (holder === null) return false;
    const rendered = known.get(holder) ?? isRendered(holder);
    known.set(holder, rendered);
    return rendered;
  };
}

/**
 * Judges mentions in an IntersectionObserver's callback, which the browser
 * calls just after its own rendering: style is fresh, so asking whether an
 * element is rendered forces no recalculation and the scan pays nothing for
 * it. The same observer reports an element again whenever it gains or loses
 * its box, so a menu that opens brings its mentions into the counts.
 * `visibility` changes alone are not reported; they are rare for text.
 */
export class ShownMentions implements MentionVisibility {
  private readonly observer: IntersectionObserver;
  /** Mentions held per observed element. */
  private readonly holders = new Map<Element, number>();
  /** Elements to hand to the observer: after the scan's task, so the scan pays nothing for them. */
  private readonly toObserve = new Set<Element>();
  private readonly shown = new WeakSet<Element>();
  private readonly judged = new WeakSet<Element>();
  private readonly pending = new Set<Element>();
  private judging = false;

  constructor(
    doc: Document,
    /** Called after a judgement changed what is shown. */
    private readonly onChange: () => void,
  ) {
    this.observer = new IntersectionObserver((entries) => this.queue(entries.map((e) => e.target)), {
      root: doc,
      rootMargin: WHOLE_PAGE_MARGIN,
    });
  }

  watch(mention: PageMention): void {
    const holder = holderOf(mention);
    if (holder === null) return;
    const count = this.holders.get(holder) ?? 0;
    this.holders.set(holder, count + 1);
    if (count > 0) return;
    if (this.toObserve.size === 0) setTimeout(() => this.observeNew(), 0);
    this.toObserve.add(holder);
  }

  forget(mention: PageMention): void {
    const holder = holderOf(mention);
    const count = holder === null ? undefined : this.holders.get(holder);
    if (holder === null || count === undefined) return;
    if (count > 1) {
      this.holders.set(holder, count - 1);
      return;
    }
    this.holders.delete(holder);
    this.pending.delete(holder);
    // A verdict kept for an element no longer watched could go stale before it is watched again.
    this.judged.delete(holder);
    this.shown.delete(holder);
    if (!this.toObserve.delete(holder)) this.observer.unobserve(holder);
  }

  /** Not yet judged counts as not shown: a mention joins the counts one frame after its highlight. */
  isShown(mention: PageMention): boolean {
    const holder = holderOf(mention);
    return holder !== null && this.shown.has(holder);
  }

  /**
   * Whether a mention is shown, judged now where the observer has not yet,
   * and kept as its verdict until the observer's: for the answers that
   * cannot wait a frame (an actor that opens its story's common names in the
   * same task as its own highlight, the first mentions a density marks).
   */
  isShownNow(mention: PageMention): boolean {
    const holder = holderOf(mention);
    if (holder === null) return false;
    if (!this.judged.has(holder)) {
      this.judged.add(holder);
      if (isRendered(holder)) this.shown.add(holder);
    }
    return this.shown.has(holder);
  }

  disconnect(): void {
    this.observer.disconnect();
    this.holders.clear();
    this.toObserve.clear();
    this.pending.clear();
  }

  /** Hands the new elements to the observer, which judges each after the next rendering. */
  private observeNew(): void {
    const started = performance.now();
    for (const holder of this.toObserve) this.observer.observe(holder);
    this.toObserve.clear();
    recordMeasure(MEASURE.shown, { start: started, duration: performance.now() - started });
  }

  private queue(targets: Element[]): void {
    for (const target of targets) if (this.holders.has(target)) this.pending.add(target);
    if (!this.judging) this.judge();
  }

  /** Judges what is pending, a bounded time per task, and tells once something changed. */
  private judge(): void {
    this.judging = true;
    const started = performance.now();
    let changed = false;
    for (const element of this.pending) {
      this.pending.delete(element);
      const now = isRendered(element);
      this.judged.add(element);
      if (now !== this.shown.has(element)) {
        changed = true;
        if (now) this.shown.add(element);
        else this.shown.delete(element);
      }
      if (performance.now() - started > JUDGE_BUDGET_MS) break;
    }
    if (changed) this.onChange();
    recordMeasure(MEASURE.shown, { start: started, duration: performance.now() - started });
    if (this.pending.size > 0) setTimeout(() => this.judge(), 0);
    else this.judging = false;
  }
}
