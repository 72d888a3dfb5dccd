import type { Direction } from '../../engine/messages';
import { MentionMarks } from '../highlight/mention-marks';
import { firstFromViewport, stepFrom, visibleInOrder } from '../highlight/mention-order';
import type { PageMention } from '../highlight/mention-store';
import type { HighlightRegistryLike, MentionPlace } from './card-view';

/** The mentions as they stand: what navigation moves through. */
export interface HighlightedMentions {
  has(mention: PageMention): boolean;
  /** The mentions a reader can see: hidden copies (a closed menu) are never stepped to. */
  mentions(): Iterable<PageMention>;
  /** Where private stories' mentions are painted, when one is switched on. */
  privatePaint(): HighlightRegistryLike | null;
}

/**
 * Moving through the page's mentions: which comes next in reading order,
 * where an open mention stands among its entity's ("2 of 3"), and the jump
 * itself (scroll into view, flash). Only visible mentions count, in the
 * order a reader meets them; the order per entity is kept until the
 * mentions change.
 */
export class MentionNavigation {
  private readonly marks: MentionMarks;
  /** Visible mentions per entity in reading order; cleared when mentions change. */
  private readonly byEntity = new Map<string, PageMention[]>();
  /** Set while our own jump scrolls the page, so that scroll does not close the card. */
  private scrollingOurselves = false;

  constructor(private readonly mentions: HighlightedMentions) {
    this.marks = new MentionMarks(() => mentions.privatePaint());
  }

  /** The page's mentions changed: orders and places are read again when next asked for. */
  mentionsChanged(): void {
    this.byEntity.clear();
  }

  get isScrolling(): boolean {
    return this.scrollingOurselves;
  }

  /** The next or previous mention on the page from `current`, or from the viewport when nothing is open. */
  step(current: PageMention | null, direction: Direction): PageMention | null {
    const ordered = visibleInOrder(this.mentions.mentions());
    return current !== null
      ? stepFrom(ordered, current, direction)
      : firstFromViewport(ordered, direction, innerHeight);
  }

  /** An entity's next mention from `current` when that is one of its own, else from the viewport. */
  nextOfEntity(lensId: string, current: PageMention | null): PageMention | null {
    const ordered = this.ofEntity(lensId);
    return current !== null && current.lensId === lensId
      ? stepFrom(ordered, current, 'next')
      : firstFromViewport(ordered, 'next', innerHeight);
  }

  /** Through one entity's mentions, wrapping round; from its first or last when `current` is another's. */
  stepOfEntity(lensId: string, current: PageMention | null, direction: Direction): PageMention | null {
    const ordered = this.ofEntity(lensId);
    if (current !== null && current.lensId === lensId) return stepFrom(ordered, current, direction);
    return (direction === 'next' ? ordered[0] : ordered[ordered.length - 1]) ?? null;
  }

  /** Where `open` stands among the visible mentions of `lensId`. */
  placeOf(lensId: string, open: PageMention): MentionPlace {
    const ordered = this.ofEntity(lensId);
    const at = ordered.indexOf(open);
    return { count: ordered.length, position: at < 0 ? null : at + 1 };
  }

  /** Brings a mention into view and flashes it, so the eye finds it. */
  reveal(mention: PageMention): void {
    this.scrollIntoView(mention.range);
    this.marks.flash(mention);
  }

  /** Marks the mention whose card is open, or none. */
  setActive(mention: PageMention | null): void {
    this.marks.setActive(mention);
  }

  dispose(): void {
    this.marks.dispose();
  }

  private ofEntity(lensId: string): PageMention[] {
    let ordered = this.byEntity.get(lensId);
    if (ordered === undefined) {
      const all = [...this.mentions.mentions()].filter((m) => m.lensId === lensId);
      ordered = visibleInOrder(all);
      this.byEntity.set(lensId, ordered);
    }
    return ordered;
  }

  /** Scrolls a range into the middle of the view when it is not already in view. */
  private scrollIntoView(range: Range): void {
    const inView = (rect: DOMRect) =>
      rect.top >= 0 && rect.bottom <= innerHeight && rect.left >= 0 && rect.right <= innerWidth;
    if (inView(range.getBoundingClientRect())) return;
    this.scrollingOurselves = true;
    range.startContainer.parentElement?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
    const rect = range.getBoundingClientRect();
    // A block taller than the view: centre on the name itself.
    if (!inView(rect)) window.scrollBy({ top: rect.top - innerHeight / 2, behavior: 'instant' });
    // Scroll events for this jump arrive before the next frame's callbacks.
    requestAnimationFrame(() => requestAnimationFrame(() => (this.scrollingOurselves = false)));
  }
}
