import type { Matcher } from '../engine/matcher/matcher';
import type { MentionStore } from '../page/highlight/mention-store';
import { placeMention } from '../page/read/mention-placement';
import { textBlocks } from '../page/read/text-blocks';

/**
 * Reads `root` block by block into `store`, in document order, as a page's
 * first pass does, less its survey and its slices: for the unit tests and the
 * hit-test benchmark, which want a store of real mentions at once.
 */
export function scanIntoStore(root: Element, matcher: Matcher, store: MentionStore): void {
  const seen = new Set<string>();
  for (const block of textBlocks(root)) {
    const { mentions, admitted, turnedAway } = matcher.findMentions(block.text, seen);
    for (const id of admitted) seen.add(id);
    store.add(
      block.container,
      mentions.map((m) => placeMention(block, m)),
      turnedAway,
    );
  }
}
