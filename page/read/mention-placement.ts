import type { Mention } from '../../engine/matcher/matcher';
import type { PageMention } from '../highlight/mention-store';
import type { TextBlock } from './text-blocks';

/** A mention the matcher found in a block's text, placed on the page as a Range over its nodes. */
export function placeMention(block: TextBlock, mention: Mention): PageMention {
  const [startNode, startOffset, first] = locate(block, mention.start, false);
  const [endNode, endOffset, last] = locate(block, mention.end, true);
  const range = startNode.ownerDocument.createRange();
  range.setStart(startNode, startOffset);
  range.setEnd(endNode, endOffset);
  const nodes = block.nodes.slice(first, last + 1);
  const placed: PageMention = {
    lensId: mention.entityId,
    kind: mention.kind,
    range,
    nodes,
    later: mention.later,
    opens: mention.opens,
  };
  if (mention.private) placed.private = true;
  return placed;
}

/** The text node, offset and node index of a position in a block's text. */
function locate(block: TextBlock, offset: number, preferEnd: boolean): [Text, number, number] {
  const { starts, nodes } = block;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const s = starts[mid] as number;
    // An end offset on a node boundary belongs to the node before it.
    if (s < offset || (!preferEnd && s === offset)) lo = mid;
    else hi = mid - 1;
  }
  return [nodes[lo] as Text, offset - (starts[lo] as number), lo];
}
