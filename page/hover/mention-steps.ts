import type { Direction } from '../../engine/messages';
import type { PageMention } from '../highlight/mention-store';
import type { MentionNavigation } from './mention-navigation';

/** What a step asks of the hover: the card open now, and opening another. */
export interface MentionStepsHost {
  current(): PageMention | null;
  /** Opens `mention`'s card at once, focus moving into it when the reader stepped by keyboard. */
  open(mention: PageMention, byKeyboard: boolean): void;
  /** Says which mention a step reached, for a reader who cannot see where the page moved. */
  announce(mention: PageMention): void;
}

/**
 * The ways a reader moves from mention to mention without the pointer: the
 * keyboard commands, the card's own previous and next, and the panel's
 * requests. Each brings its mention into view and opens its card.
 */
export class MentionSteps {
  constructor(
    private readonly navigation: MentionNavigation,
    private readonly host: MentionStepsHost,
  ) {}

  /** A keyboard command: the next or previous mention on the page, its card opened with focus in it, and said. */
  step(direction: Direction): void {
    const target = this.navigation.step(this.host.current(), direction);
    if (target === null) return;
    this.jumpTo(target, true);
    this.host.announce(target);
  }

  /** The card's own previous/next: through one entity's mentions, wrapping round, each said. */
  stepEntity(lensId: string, direction: Direction): void {
    const target = this.navigation.stepOfEntity(lensId, this.host.current(), direction);
    if (target === null) return;
    this.jumpTo(target, false);
    this.host.announce(target);
  }

  /** The panel asks for an entity: its next mention from the open card or the view, card opened. */
  showEntity(lensId: string): void {
    const target = this.navigation.nextOfEntity(lensId, this.host.current());
    if (target !== null) this.jumpTo(target, false);
  }

  /** The panel's page map asks for one mention: brought into view, card opened, focus left where it is. */
  showMention(mention: PageMention): void {
    this.jumpTo(mention, false);
  }

  private jumpTo(mention: PageMention, byKeyboard: boolean): void {
    this.navigation.reveal(mention);
    this.host.open(mention, byKeyboard);
  }
}
