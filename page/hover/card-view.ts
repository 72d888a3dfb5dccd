import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Direction } from '../../engine/messages';
import type { PageEntity } from '../../engine/packs/lens-entities';
import type { LanguageChoice } from '../../engine/settings/settings';

/**
 * The contract between the page side and the card, whose code loads apart
 * (components/card/card-module-entry.ts). The card imports these types; the page
 * side never imports the card.
 */

/** Where the reader stands among an entity's mentions on the page. */
export interface MentionPlace {
  /** Visible mentions of the entity on the page. */
  count: number;
  /** 1-based place of the open mention among them, when it is one of them. */
  position: number | null;
}

/** What a card shows, as data: anything that needs a layout read is worked out before it renders. */
export interface CardContent {
  /** The entity of the mention the card opened on, by its id on the page (a PageEntity's). */
  lensId: string;
  /** The places of the entities whose story the card has shown since it opened. */
  places: ReadonlyMap<string, MentionPlace>;
  /** The card turns to another entity's story (a related one): its place is added, and the card rendered again. */
  onShowEntity(lensId: string): void;
  onStep(lensId: string, direction: Direction): void;
  onClose(): void;
  /**
   * Opened by a tap (a finger or a pen): the card is sized for a finger. When the
   * tapped name is in a link, the tap did not follow it; the card offers to.
   */
  touch: { link: { href: string; follow(): void } | null } | null;
}

/** What our live region says, for a reader who cannot see the page change. */
export type Announcement =
  /** A command stepped to a mention: which entity, and its place among the entity's mentions. */
  | { type: 'mention'; lensId: string; place: MentionPlace }
  /** Highlighting was switched on or off for the page's site (the site's name, when it has one). */
  | { type: 'site'; on: boolean; site: string | null };

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
  /** Says `announcement` through the live region of our UI. */
  announce(announcement: Announcement): Promise<void>;
  /**
   * Where private stories' mentions are painted: a registry of ours that
   * paints from inside our closed shadow root, telling `onPainted` of each
   * paint (when it began, how many boxes). Null when our UI cannot load.
   */
  privatePaint(onPainted: (startedAt: number, boxes: number) => void): Promise<PrivatePaint | null>;
  dispose(): void;
}

/**
 * Where highlights are painted: the page's registry (`CSS.highlights`), or
 * the one private stories paint from inside our closed shadow root
 * (components/card/private-paint.ts).
 */
export interface HighlightRegistryLike {
  get(name: string): Highlight | undefined;
  set(name: string, highlight: Highlight): unknown;
  delete(name: string): boolean;
  /** Told that a registered highlight's ranges changed: a registry that paints them itself paints again. */
  changed?(name: string): void;
  /** A highlight this registry can read back: the page's registry takes the platform's. */
  createHighlight?(): Highlight;
}

/** The private stories' registry, which the page lets go when it is done with us. */
export interface PrivatePaint extends HighlightRegistryLike {
  dispose(): void;
}

/** What the card's separately loaded module exports. */
export interface CardModule {
  /**
   * `entities` gives the entities the page's highlights stand for now, with
   * the stories that tell of each; `language`, the reader's choice of language.
   */
  createCardView(
    ctx: ContentScriptContext,
    entities: () => readonly PageEntity[],
    language: () => LanguageChoice,
  ): CardView;
}

/** Where the build puts the card's module, inside the extension. */
export const CARD_MODULE_FILE = 'content-scripts/card.js';
