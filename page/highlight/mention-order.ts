import type { Direction } from '../../engine/messages';
import { compareComposed } from '../read/composed-tree';
import type { PageMention } from './mention-store';

export function compareMentions(a: PageMention, b: PageMention): number {
  const byNode = compareComposed(a.range.startContainer, b.range.startContainer);
  return byNode !== 0 ? byNode : a.range.startOffset - b.range.startOffset;
}

/** Whether the reader can see the mention's text at all (not hidden, not collapsed). */
function isRendered(mention: PageMention): boolean {
  for (const rect of mention.range.getClientRects()) if (rect.width > 0 && rect.height > 0) return true;
  return false;
}

/** The mentions the reader can see, in reading order. */
export function visibleInOrder(mentions: Iterable<PageMention>): PageMention[] {
  return [...mentions].filter(isRendered).sort(compareMentions);
}

/** The neighbour of `from` in `ordered`, wrapping round at either end. */
export function stepFrom(ordered: readonly PageMention[], from: PageMention, direction: Direction): PageMention | null {
  if (ordered.length === 0) return null;
  const at = ordered.indexOf(from);
  if (at < 0) return stepFromPosition(ordered, from, direction);
  const next = direction === 'next' ? at + 1 : at - 1;
  return ordered[(next + ordered.length) % ordered.length] ?? null;
}

/** Where `from` is no longer listed (it left the page): its neighbour by position. */
function stepFromPosition(
  ordered: readonly PageMention[],
  from: PageMention,
  direction: Direction,
): PageMention | null {
  const after = ordered.findIndex((m) => compareMentions(m, from) > 0);
  if (direction === 'next') return ordered[Math.max(after, 0)] ?? null;
  const before = (after < 0 ? ordered.length : after) - 1;
  return ordered[before < 0 ? ordered.length - 1 : before] ?? null;
}

/**
 * Where keyboard navigation starts when no card is open: the first mention
 * at or below the top of the viewport going forward, the last one above its
 * bottom going back. `ordered` runs top to bottom, so a binary search on
 * positions finds it in a few rectangle reads.
 */
export function firstFromViewport(
  ordered: readonly PageMention[],
  direction: Direction,
  viewportHeight: number,
): PageMention | null {
  if (ordered.length === 0) return null;
  const top = (m: PageMention) => m.range.getBoundingClientRect().top;
  if (direction === 'next') {
    const at = lowerBound(ordered.length, (i) => top(ordered[i] as PageMention) >= 0);
    return ordered[at] ?? (ordered[0] as PageMention);
  }
  const below = lowerBound(ordered.length, (i) => top(ordered[i] as PageMention) >= viewportHeight);
  return ordered[below - 1] ?? (ordered[ordered.length - 1] as PageMention);
}

/** The first index in [0, n) where a monotone test turns true, or n. */
function lowerBound(n: number, test: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (test(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
