import type { Direction } from '../../engine/messages';
import type { PageMention } from '../highlight/mention-store';
import type { CardContent, MentionPlace } from './card-view';

/** What the card's content asks of the hover that opened it. */
export interface CardContentHost {
  placeOf(lensId: string, mention: PageMention): MentionPlace;
  /** Whether `mention`'s card is the one open. */
  isOpen(mention: PageMention): boolean;
  /** The content changed: the open card renders it again. */
  refresh(content: CardContent): void;
  step(lensId: string, direction: Direction): void;
  dismiss(): void;
  /** The card open now was opened by a tap, on a name in this link or in none; null for a hover or a step. */
  tapped(): { link: HTMLAnchorElement | null } | null;
}

/**
 * What the card shows for a mention: the places of its entity's mentions, and
 * of the other entities the reader has turned to in it, read before it
 * renders; its buttons' actions; and for a tap, the link its name is in.
 */
export class CardContents {
  /** Other entities whose story the open card has turned to: their places go into its content with its own. */
  private readonly turnedTo = new Set<string>();

  constructor(private readonly host: CardContentHost) {}

  /** A card opens afresh: it has turned to no other entity yet. */
  reset(): void {
    this.turnedTo.clear();
  }

  of(mention: PageMention): CardContent {
    const { host } = this;
    const places = new Map<string, MentionPlace>();
    for (const lensId of [mention.lensId, ...this.turnedTo]) places.set(lensId, host.placeOf(lensId, mention));
    return {
      lensId: mention.lensId,
      places,
      onShowEntity: (lensId: string) => {
        if (lensId === mention.lensId || this.turnedTo.has(lensId) || !host.isOpen(mention)) return;
        this.turnedTo.add(lensId);
        host.refresh(this.of(mention));
      },
      onStep: (lensId: string, direction: Direction) => host.step(lensId, direction),
      onClose: () => host.dismiss(),
      touch: this.touch(),
    };
  }

  /** What a card opened by a tap offers: the link its name is in, followed as a click on it would. */
  private touch(): CardContent['touch'] {
    const tapped = this.host.tapped();
    if (tapped === null) return null;
    const { link } = tapped;
    if (link === null) return { link: null };
    return {
      link: {
        href: link.href,
        follow: () => {
          this.host.dismiss();
          link.click();
        },
      },
    };
  }
}
