import type { PageMention } from '../highlight/mention-store';
import { holderOf } from '../highlight/shown-mentions';
import { MEASURE } from '../measure-names';
import { recordMeasure } from '../record-measure';

/** While the reader scrolls, what is on screen is worked out at most this often. */
const SCROLL_CHECK_MS = 100;

/** Whether any of a range's boxes shows inside the viewport. */
function onScreen(range: Range): boolean {
  const box = range.getBoundingClientRect();
  return box.width > 0 && box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth;
}

/**
 * Which of a list of mentions are on screen, followed as the reader scrolls.
 * An IntersectionObserver watches the elements that hold the mentions, so
 * the browser says when one comes into view or leaves it, clipping by
 * scrolling boxes included, and our code runs only then. Only the mentions
 * of an element that shows in part have their own boxes read, at most every
 * SCROLL_CHECK_MS while the page scrolls.
 */
export class MentionsInView {
  private readonly observer: IntersectionObserver;
  /** The places in the list of the mentions each watched element holds. */
  private byHolder = new Map<Element, number[]>();
  private mentions: readonly PageMention[] = [];
  private readonly showing = new Set<Element>();
  private readonly showingInPart = new Set<Element>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private said = '';
  private readonly scrolls = new AbortController();

  constructor(private readonly report: (indices: number[]) => void) {
    this.observer = new IntersectionObserver(
      (entries) => {
        for (const { target, isIntersecting, intersectionRatio } of entries) {
          if (isIntersecting) this.showing.add(target);
          else this.showing.delete(target);
          if (isIntersecting && intersectionRatio < 1) this.showingInPart.add(target);
          else this.showingInPart.delete(target);
        }
        this.soon();
      },
      { threshold: [0, 1] },
    );
    addEventListener('scroll', () => this.showingInPart.size > 0 && this.soon(), {
      capture: true,
      passive: true,
      signal: this.scrolls.signal,
    });
  }

  /** Follows these mentions from now on, by their places in this list; their first report follows. */
  follow(mentions: readonly PageMention[]): void {
    this.observer.disconnect();
    this.showing.clear();
    this.showingInPart.clear();
    this.mentions = mentions;
    this.byHolder = new Map();
    for (const [index, mention] of mentions.entries()) {
      const holder = holderOf(mention);
      if (holder === null) continue;
      const held = this.byHolder.get(holder);
      if (held === undefined) this.byHolder.set(holder, [index]);
      else held.push(index);
    }
    for (const holder of this.byHolder.keys()) this.observer.observe(holder);
    this.said = '';
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.observer.disconnect();
    this.scrolls.abort();
  }

  private soon(): void {
    if (this.timer === undefined) this.timer = setTimeout(() => this.check(), SCROLL_CHECK_MS);
  }

  /** Reports the mentions on screen, when they differ from the last report. */
  private check(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const started = performance.now();
    const indices: number[] = [];
    for (const holder of this.showing) {
      const held = this.byHolder.get(holder) ?? [];
      const inPart = this.showingInPart.has(holder);
      for (const index of held) {
        const mention = this.mentions[index];
        if (mention !== undefined && (!inPart || onScreen(mention.range))) indices.push(index);
      }
    }
    indices.sort((a, b) => a - b);
    const key = indices.join(',');
    if (key !== this.said) {
      this.said = key;
      this.report(indices);
    }
    recordMeasure(MEASURE.inView, { start: started, duration: performance.now() - started });
  }
}
