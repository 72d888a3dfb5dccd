import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { HoverCardProps } from '../components/hover-card';
import type { StoryPack } from '../data/schema';

/** What a card shows: the hover card's props, less the story pack the view was made with. */
export type CardContent = Omit<HoverCardProps, 'pack'>;

export interface Anchor {
  range: Range;
  /** Where the pointer was, so a name broken over two lines gets the card by the line pointed at. */
  point: { x: number; y: number } | null;
}

/** The card on the page, as the hover logic drives it. */
export interface CardView {
  /** Our host element, once it exists: the highlighter skips it and events from it are ours. */
  readonly hostElement: HTMLElement | null;
  /** Whether keyboard focus is inside the card. */
  readonly hasFocus: boolean;
  /** Renders `content` into the card and shows it beside `anchor`. */
  show(content: CardContent, anchor: Anchor): Promise<void>;
  /** Builds a card once, unseen, so the first real one paints in a single frame. */
  prepare(content: CardContent): Promise<void>;
  /** Re-renders the open card's content in place. */
  update(content: CardContent): Promise<void>;
  hide(): void;
  /** Moves focus into the card, for a card opened from the keyboard. */
  focus(): void;
  dispose(): void;
}

/** What the card's separately loaded module exports. */
export interface CardModule {
  createCardView(ctx: ContentScriptContext, pack: StoryPack): CardView;
}

/** Where the build puts the card's module, inside the extension. */
export const CARD_MODULE_FILE = 'content-scripts/card.js';
