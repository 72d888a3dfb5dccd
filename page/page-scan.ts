import type { Matcher } from '../engine/matcher';
import type { MentionCounts } from '../engine/messages';
import type { HighlightRenderer } from './highlight-renderer';
import { locate, textBlocks } from './text-blocks';

/** Work in slices this long, then let the page run: far below the 50 ms long-task line. */
const SLICE_MS = 8;

export const SCAN_MEASURE = 'context-lens:scan';

export interface ScanResult {
  counts: MentionCounts;
  mentions: number;
  blocks: number;
  /** Main-thread time spent scanning, summed over slices. */
  workedMs: number;
}

const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Scans the page's text in document order and highlights every mention,
 * yielding to the page between short slices. Ends with one performance
 * measure whose duration is the time actually worked.
 */
export async function scanPage(
  root: Node,
  matcher: Matcher,
  renderer: HighlightRenderer,
  ownHost: Element | null,
  isCancelled: () => boolean = () => false,
): Promise<ScanResult | null> {
  const counts: MentionCounts = {};
  const seen = new Set<string>();
  const blocks = textBlocks(root, ownHost);
  let mentions = 0;
  let blockCount = 0;
  let workedMs = 0;
  const firstStart = performance.now();

  for (;;) {
    if (isCancelled()) return null;
    const sliceStart = performance.now();
    let done = false;
    while (performance.now() - sliceStart < SLICE_MS) {
      const next = blocks.next();
      if (next.done) {
        done = true;
        break;
      }
      const block = next.value;
      blockCount++;
      for (const mention of matcher.findMentions(block.text, seen)) {
        const range = document.createRange();
        const [startNode, startOffset] = locate(block, mention.start, false);
        const [endNode, endOffset] = locate(block, mention.end, true);
        range.setStart(startNode, startOffset);
        range.setEnd(endNode, endOffset);
        renderer.add(mention.kind, range);
        counts[mention.entityId] = (counts[mention.entityId] ?? 0) + 1;
        mentions++;
      }
    }
    workedMs += performance.now() - sliceStart;
    if (done) break;
    await yieldToPage();
  }
  performance.measure(SCAN_MEASURE, { start: firstStart, duration: workedMs });
  return { counts, mentions, blocks: blockCount, workedMs };
}
