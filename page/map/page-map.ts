import {
  type FromPageMap,
  MAP_CONTEXT_CHARS,
  MAX_MAP_MENTIONS,
  type MapMention,
  parseToPageMap,
} from '../../engine/messages';
import { visibleInOrder } from '../highlight/mention-order';
import type { PageMention } from '../highlight/mention-store';
import { MEASURE } from '../measure-names';
import { blockContainerOf } from '../read/element-rules';
import { recordMeasure } from '../record-measure';
import { MentionsInView } from './mentions-in-view';
import type { MappedMentions, PageMapFeed } from './page-map-module';

/** After the page's mentions change, the map is sent again once they have been still this long. */
const RESEND_DELAY_MS = 250;
const NOT_TEXT = new Set(['script', 'style', 'noscript', 'template']);

/** The page's text next to a mention within its block, white space folded, cut to MAP_CONTEXT_CHARS. */
function glimpse(mention: PageMention): MapMention {
  const { range } = mention;
  const container = blockContainerOf(range.startContainer) ?? range.startContainer;
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      NOT_TEXT.has(node.parentElement?.localName ?? '') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  });
  const read = (from: Node, offset: number, step: 'previousNode' | 'nextNode') => {
    const data = (from as Text).data ?? '';
    let text = step === 'previousNode' ? data.slice(0, offset) : data.slice(offset);
    walker.currentNode = from;
    while (text.length < MAP_CONTEXT_CHARS * 2 && walker[step]() !== null) {
      const more = (walker.currentNode as Text).data;
      text = step === 'previousNode' ? more + text : text + more;
    }
    return text.replace(/\s+/g, ' ');
  };
  const before = read(range.startContainer, range.startOffset, 'previousNode').trimStart();
  const after = read(range.endContainer, range.endOffset, 'nextNode').trimEnd();
  return {
    lensId: mention.lensId,
    before: before.length > MAP_CONTEXT_CHARS ? `…${before.slice(-MAP_CONTEXT_CHARS + 1)}` : before,
    text: range.toString().replace(/\s+/g, ' ').slice(0, 200),
    after: after.length > MAP_CONTEXT_CHARS ? `${after.slice(0, MAP_CONTEXT_CHARS - 1)}…` : after,
  };
}

/**
 * The page map for one panel beside the page: the mentions a reader can
 * see, in reading order, sent when the panel connects and again after the
 * page changes; which are on screen, as the reader scrolls; and the mention
 * the panel asks to see, shown with its card. Its list is numbered by
 * version, so a panel's click on a list since replaced does nothing.
 */
export class PageMap implements PageMapFeed {
  private version = 0;
  private listed: PageMention[] = [];
  private readonly inView: MentionsInView;
  private resend: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly source: MappedMentions,
    private readonly send: (message: FromPageMap) => void,
  ) {
    this.inView = new MentionsInView((indices) => send({ type: 'in-view', version: this.version, indices }));
    this.sendMap();
  }

  mentionsChanged(): void {
    clearTimeout(this.resend);
    this.resend = setTimeout(() => this.sendMap(), RESEND_DELAY_MS);
  }

  /** A message from the panel: anything but a mention of the current list to show is ignored. */
  receive(raw: unknown): void {
    const message = parseToPageMap(raw);
    if (message === null || message.version !== this.version) return;
    const mention = this.listed[message.index];
    if (mention !== undefined && this.source.has(mention)) this.source.show(mention);
  }

  dispose(): void {
    clearTimeout(this.resend);
    this.inView.dispose();
  }

  private sendMap(): void {
    const started = performance.now();
    const ordered = visibleInOrder(this.source.mentions());
    this.listed = ordered.slice(0, MAX_MAP_MENTIONS);
    this.version++;
    this.send({ type: 'map', version: this.version, mentions: this.listed.map(glimpse), total: ordered.length });
    this.inView.follow(this.listed);
    recordMeasure(MEASURE.map, { start: started, duration: performance.now() - started });
  }
}
