/**
 * How densely a page is marked: every mention, or only the first of each
 * entity in each section, or on the page, as Wikipedia links a term once.
 * Only marking thins out: every mention is still in the store, so it opens
 * its card, is counted and is stepped to.
 */
import type { MarkDensity } from '../../engine/settings/settings';
import { compareComposed } from '../read/composed-tree';
import { compareMentions } from './mention-order';
import type { MentionPainter, PageMention } from './mention-store';

/** What starts a section: a heading, as the page's outline has it. */
const HEADINGS = 'h1, h2, h3, h4, h5, h6, [role="heading"]';

/** A density other than every mention. */
type ThinDensity = Exclude<MarkDensity, 'every-mention'>;

/**
 * Paints the mentions `refresh` picks: the first shown ones, since a first
 * mention in a hidden menu would mark nothing the reader sees.
 */
export class DensityPainter implements MentionPainter {
  private readonly marked = new Set<PageMention>();
  /** Mentions came or went, or what is shown changed, since the last refresh. */
  private stale = true;

  constructor(
    private readonly painter: MentionPainter,
    private readonly density: ThinDensity,
    private readonly doc: Document,
  ) {}

  /** A mention comes unmarked: the next `refresh` decides whether it is a first. */
  add(): void {
    this.stale = true;
  }

  remove(mention: PageMention): void {
    this.stale = true;
    if (this.marked.delete(mention)) this.painter.remove(mention);
  }

  /** What is shown changed: the next `refresh` chooses again. */
  invalidate(): void {
    this.stale = true;
  }

  /** Marks the first of `shown` for each entity in each section (or on the page), and unmarks the others. */
  refresh(shown: Iterable<PageMention>): void {
    if (!this.stale) return;
    this.stale = false;
    const firsts = firstOfEach(shown, this.density === 'first-in-section' ? sectionsOf(this.doc) : () => 0);
    for (const mention of this.marked) {
      if (firsts.has(mention)) continue;
      this.marked.delete(mention);
      this.painter.remove(mention);
    }
    for (const mention of firsts) {
      if (this.marked.has(mention)) continue;
      this.marked.add(mention);
      this.painter.add(mention);
    }
  }
}

/** The first mention of each entity in each section, in one pass: no sort of the page's mentions. */
function firstOfEach(mentions: Iterable<PageMention>, sectionOf: (mention: PageMention) => number): Set<PageMention> {
  const first = new Map<string, PageMention>();
  for (const mention of mentions) {
    const key = `${sectionOf(mention)} ${mention.lensId}`;
    const known = first.get(key);
    if (known === undefined || compareMentions(mention, known) < 0) first.set(key, mention);
  }
  return new Set(first.values());
}

/**
 * Each mention's section: how many headings start before it, found by a
 * binary search. A name inside a heading belongs to the section it opens.
 */
function sectionsOf(doc: Document): (mention: PageMention) => number {
  const headings = [...doc.querySelectorAll(HEADINGS)];
  return ({ range }) => {
    let lo = 0;
    let hi = headings.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compareComposed(headings[mid] as Element, range.startContainer) <= 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}
